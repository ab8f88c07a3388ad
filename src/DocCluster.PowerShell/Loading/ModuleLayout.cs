using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace DocCluster.PowerShell.Loading
{
    /// <summary>Where the module keeps its managed dependencies and this platform's native libraries.</summary>
    internal static class ModuleLayout
    {
        public static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleLayout).Assembly.Location);

        public static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "deps");

        /// <summary>runtimes/&lt;rid&gt;/native folders to search, most specific first (SkiaSharp ships one universal "osx").</summary>
        public static IReadOnlyList<string> NativeDirectories()
        {
            string arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            var rids = new List<string>();
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) rids.Add("win-" + arch);
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) { rids.Add("osx-" + arch); rids.Add("osx"); }
            else rids.Add("linux-" + arch);

            var dirs = new List<string>();
            foreach (var rid in rids)
            {
                var dir = Path.Combine(ModuleDirectory, "runtimes", rid, "native");
                if (Directory.Exists(dir)) dirs.Add(dir);
            }
            return dirs;
        }

        /// <summary>The file a DllImport name refers to, trying each platform's naming convention.</summary>
        public static string FindNativeLibrary(string name)
        {
            var candidates = new[] { name, name + ".dll", name + ".so", "lib" + name + ".so", name + ".dylib", "lib" + name + ".dylib" };
            foreach (var dir in NativeDirectories())
                foreach (var candidate in candidates)
                {
                    var path = Path.Combine(dir, candidate);
                    if (File.Exists(path)) return path;
                }
            return null;
        }

        public static string FindManagedDependency(string simpleName)
        {
            var path = Path.Combine(DependencyDirectory, simpleName + ".dll");
            return File.Exists(path) ? path : null;
        }

        public static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
