using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace DocCluster.PowerShell.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework has one context): resolve our managed dependencies from deps/ on
    /// demand, and preload this platform's native libraries by full path so DllImport finds them by name.
    /// </summary>
    internal static class FrameworkDependencyResolver
    {
        public static void Install()
        {
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            foreach (var dir in ModuleLayout.NativeDirectories())
                foreach (var dll in Directory.GetFiles(dir, "*.dll"))
                    LoadLibraryW(dll); // failures surface later as a clear DllNotFoundException from the backend
        }

        public static void Uninstall() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private static Assembly Resolve(object sender, ResolveEventArgs args)
        {
            var path = ModuleLayout.FindManagedDependency(new AssemblyName(args.Name).Name);
            return path == null ? null : Assembly.LoadFrom(path);
        }

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
