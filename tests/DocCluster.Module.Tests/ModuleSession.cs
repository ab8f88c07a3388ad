using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DocCluster.Tests;

namespace DocCluster.Module.Tests
{
    /// <summary>
    /// A PowerShell 7.6 runspace with the built module imported from module/DocCluster.psd1, as a user would.
    /// Run scripts with <see cref="Run"/>; errors stay in <see cref="Errors"/> for assertions.
    /// </summary>
    public sealed class ModuleSession : IDisposable
    {
        private readonly Runspace runspace;

        /// <param name="host">A host for prompts and Out-Host (-Confirm tests); none by default.</param>
        public ModuleSession(System.Management.Automation.Host.PSHost host = null)
        {
            var iss = InitialSessionState.CreateDefault2();
            runspace = host == null ? RunspaceFactory.CreateRunspace(iss) : RunspaceFactory.CreateRunspace(host, iss);
            runspace.Open();
            Run($"Import-Module '{Escape(TestPaths.ModuleManifest)}' -ErrorAction Stop");
            if (Errors.Count > 0) throw new InvalidOperationException("Import-Module failed: " + Errors[0]);
        }

        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

        /// <summary>Runs a script; output objects are returned, non-terminating errors collected in Errors (cleared first).</summary>
        public Collection<PSObject> Run(string script, IDictionary<string, object> variables = null)
        {
            Errors.Clear(); Warnings.Clear(); Verbose.Clear(); Progress.Clear();
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = runspace;
                if (variables != null)
                    foreach (var kv in variables) runspace.SessionStateProxy.SetVariable(kv.Key, kv.Value);
                ps.AddScript(script);
                var output = ps.Invoke();
                Errors.AddRange(ps.Streams.Error);
                Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
                Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
                Progress.AddRange(ps.Streams.Progress);
                return output;
            }
        }

        /// <summary>
        /// Runs a script expecting a terminating (statement-terminating) error, as try/catch sees it: a
        /// non-terminating error does not count. Returns that error's record.
        /// </summary>
        public ErrorRecord RunExpectingTerminatingError(string script)
        {
            Run("$__terminating = $null; try { " + script + " } catch { $__terminating = $_ }");
            if (GetVariable("__terminating") is ErrorRecord record) return record;
            if (GetVariable("__terminating") is PSObject wrapped && wrapped.BaseObject is ErrorRecord inner) return inner;
            throw new Xunit.Sdk.XunitException("Expected a terminating error from: " + script);
        }

        public Runspace Runspace => runspace;

        public object GetVariable(string name) => runspace.SessionStateProxy.GetVariable(name);

        /// <summary>Single-quoted PowerShell literal for a path or string.</summary>
        public static string Quote(string s) => "'" + Escape(s) + "'";

        private static string Escape(string s) => s.Replace("'", "''");

        public void Dispose() => runspace.Dispose();
    }
}
