using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace DocCluster.Bench
{
    /// <summary>A runspace with the built module imported; scripts fail loudly on any error record.</summary>
    internal sealed class BenchSession : IDisposable
    {
        private readonly Runspace runspace;

        public BenchSession(string repoRoot)
        {
            runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Run($"Import-Module '{Path.Combine(repoRoot, "module", "DocCluster.psd1")}' -ErrorAction Stop");
        }

        public Collection<PSObject> Run(string script, bool allowErrors = false)
        {
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = runspace;
                ps.AddScript(script);
                var output = ps.Invoke();
                if (ps.Streams.Error.Count > 0 && !allowErrors)
                    throw new InvalidOperationException($"{ps.Streams.Error.Count} error(s), first: {ps.Streams.Error[0]} ({ps.Streams.Error[0].FullyQualifiedErrorId})");
                return output;
            }
        }

        public void Set(string name, object value) => runspace.SessionStateProxy.SetVariable(name, value);
        public object Get(string name) => runspace.SessionStateProxy.GetVariable(name);

        public void Dispose() => runspace.Dispose();
    }
}
