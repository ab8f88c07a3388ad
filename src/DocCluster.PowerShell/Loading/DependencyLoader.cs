using System.Runtime.CompilerServices;

namespace DocCluster.PowerShell.Loading
{
    /// <summary>
    /// Makes DocCluster.Backends and its third-party dependencies (SkiaSharp, Magick.NET, ONNX Runtime) loadable
    /// without putting them where PowerShell or another module would pick them up.
    /// pwsh 7: they load into DocCluster's own AssemblyLoadContext, which also resolves native libraries.
    /// Windows PowerShell 5.1: AppDomain.AssemblyResolve for deps/, native libraries preloaded by full path.
    /// </summary>
    internal static class DependencyLoader
    {
        private static readonly object Gate = new object();
        private static bool installed;

        public static void Install()
        {
            lock (Gate)
            {
                if (installed) return;
                if (ModuleLayout.IsNetFramework) InstallFramework();
                else InstallCoreClr();
                installed = true;
            }
        }

        public static void Uninstall()
        {
            lock (Gate)
            {
                if (!installed) return;
                if (ModuleLayout.IsNetFramework) FrameworkDependencyResolver.Uninstall();
                else IsolatedLoadContext.Uninstall();
                installed = false;
            }
        }

        // Separate methods so the JIT never touches AssemblyLoadContext on .NET Framework, where it does not exist.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void InstallCoreClr() => IsolatedLoadContext.Install();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void InstallFramework() => FrameworkDependencyResolver.Install();
    }
}
