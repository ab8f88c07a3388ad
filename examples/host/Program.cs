using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: dotnet run --project examples/host -- <script.ps1> [arguments...]
// The hosted engine has the PowerShell core cmdlets only; the few file cmdlets the examples use are supplied
// below from the engine's own providers, so the script runs unchanged in pwsh too.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run --project examples/host -- <script.ps1> [arguments]");
    return 2;
}

const string Shims = @"
function Get-ChildItem { param([Parameter(Position=0)][string]$Path = '.', [switch]$Recurse, [switch]$File)
    $ExecutionContext.InvokeProvider.ChildItem.Get($Path, [bool]$Recurse) | Where-Object { -not $File -or -not $_.PSIsContainer } }
";

using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
if (runspace.SessionStateProxy.InvokeCommand.GetCommand("Get-ChildItem", CommandTypes.Cmdlet) == null)
{
    ps.AddScript(Shims).Invoke();
    ps.Commands.Clear();
}
ps.AddCommand(Path.GetFullPath(args[0]));
foreach (var a in args.Skip(1))
{
    if (a.StartsWith("-")) ps.AddParameter(a.TrimStart('-'));
    else ps.AddArgument(a);
}
// "-Name value" pairs: fold a switch-looking name followed by a value into one named parameter.
var cmd = ps.Commands.Commands[ps.Commands.Commands.Count - 1];
var parameters = cmd.Parameters.ToList();
cmd.Parameters.Clear();
for (int i = 0; i < parameters.Count; i++)
{
    var p = parameters[i];
    if (p.Name != null && p.Value == null && i + 1 < parameters.Count && parameters[i + 1].Name == null)
    {
        cmd.Parameters.Add(p.Name, parameters[i + 1].Value);
        i++;
    }
    else if (p.Name != null) cmd.Parameters.Add(p.Name, true);
    else cmd.Parameters.Add(null, p.Value);
}

int errors = 0;
ps.Streams.Error.DataAdded += (s, e) => { errors++; Console.Error.WriteLine("ERROR: " + ps.Streams.Error[e.Index]); };
ps.Streams.Warning.DataAdded += (s, e) => Console.Error.WriteLine("WARNING: " + ps.Streams.Warning[e.Index]);
try
{
    foreach (var item in ps.Invoke()) Console.WriteLine(item?.ToString());
}
catch (RuntimeException ex)
{
    Console.Error.WriteLine("ERROR: " + ex.Message);
    return 1;
}
return errors == 0 ? 0 : 1;
