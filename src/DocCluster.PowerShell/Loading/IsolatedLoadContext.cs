using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using DocCluster.Features;

namespace DocCluster.PowerShell.Loading
{
    /// <summary>
    /// pwsh 7: the AssemblyLoadContext that holds DocCluster.Backends and its dependencies. The default context
    /// asks it only for DocCluster.Backends (the "bridge"); DocCluster.Core is shared so pipeline types are one type.
    /// </summary>
    internal sealed class IsolatedLoadContext : AssemblyLoadContext
    {
        private const string BridgeAssembly = "DocCluster.Backends";
        private static IsolatedLoadContext instance;
        private static readonly HashSet<string> PlatformAssemblies = ReadPlatformAssemblies();

        public static void Install()
        {
            instance = instance ?? new IsolatedLoadContext();
            Default.Resolving += ResolveBridge;
        }

        public static void Uninstall() => Default.Resolving -= ResolveBridge;

        private static Assembly ResolveBridge(AssemblyLoadContext context, AssemblyName name)
        {
            if (!string.Equals(name.Name, BridgeAssembly, StringComparison.OrdinalIgnoreCase)) return null;
            var path = ModuleLayout.FindManagedDependency(BridgeAssembly);
            return path == null ? null : instance.LoadFromAssemblyPath(path);
        }

        protected override Assembly Load(AssemblyName name)
        {
            if (string.Equals(name.Name, typeof(ImageFeature).Assembly.GetName().Name, StringComparison.OrdinalIgnoreCase))
                return typeof(ImageFeature).Assembly;
            // The runtime's own copy always wins over the netstandard2.0 polyfills (System.Memory...) in deps/.
            if (PlatformAssemblies.Contains(name.Name)) return null;
            var path = ModuleLayout.FindManagedDependency(name.Name);
            return path == null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = ModuleLayout.FindNativeLibrary(unmanagedDllName);
            return path == null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }

        private static HashSet<string> ReadPlatformAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
            if (tpa == null) return names;
            foreach (var file in tpa.Split(Path.PathSeparator))
                if (file.Length > 0) names.Add(Path.GetFileNameWithoutExtension(file));
            return names;
        }
    }
}
