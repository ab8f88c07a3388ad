using System.Management.Automation;

namespace DocCluster.PowerShell.Loading
{
    /// <summary>Runs at Import-Module, before any cmdlet, and installs the dependency loader.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyLoader.Install();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoader.Uninstall();
    }
}
