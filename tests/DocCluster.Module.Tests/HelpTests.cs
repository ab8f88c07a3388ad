using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DocCluster.Tests;
using Xunit;
using Xunit.Abstractions;

namespace DocCluster.Module.Tests
{
    /// <summary>
    /// Help (module/en-US/DocCluster.PowerShell.dll-Help.xml) through Get-Help in the real engine, for every cmdlet the
    /// module exports: a cmdlet added without help, or with a parameter the help does not describe, fails here.
    /// </summary>
    public class HelpTests
    {
        private readonly ITestOutputHelper output;
        public HelpTests(ITestOutputHelper output) { this.output = output; }

        private const string CheckHelp = @"
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
foreach ($name in (Get-Module DocCluster).ExportedCmdlets.Keys) {
    $h = Get-Help $name
    if ($h.psobject.TypeNames -notcontains 'MamlCommandHelpInfo') { ""${name}: no MAML help found (auto-generated stub)""; continue }
    $synopsis = ""$($h.Synopsis)"".Trim()
    if (-not $synopsis -or $synopsis -eq $name -or $synopsis.StartsWith($name + ' ')) { ""${name}: synopsis is missing or the generated syntax stub"" }
    $description = (@($h.description) | ForEach-Object { $_.Text }) -join ' '
    if (-not $description.Trim()) { ""${name}: no description"" }
    $examples = @($h.examples.example)
    if ($examples.Count -lt 1) { ""${name}: no example"" }
    foreach ($e in $examples) {
        if (-not ""$($e.code)"".Trim()) { ""${name}: example '$($e.title)' has no code"" }
        if (-not ((@($e.remarks) | ForEach-Object { $_.Text }) -join '').Trim()) { ""${name}: example '$($e.title)' has no remarks"" }
    }
    $documented = @{}
    foreach ($p in @($h.parameters.parameter)) { $documented[[string]$p.name] = ((@($p.description) | ForEach-Object { $_.Text }) -join ' ').Trim() }
    $actual = (Get-Command $name).Parameters.Keys | Where-Object { $common -notcontains $_ }
    foreach ($p in $actual) { if (-not $documented[$p]) { ""${name}: parameter -$p has no description in help"" } }
    foreach ($p in $documented.Keys) { if ($p -notin (Get-Command $name).Parameters.Keys) { ""${name}: help describes -$p, which the cmdlet does not have"" } }
}";

        [Fact]
        public void Every_exported_cmdlet_has_help_with_synopsis_description_examples_and_every_parameter_described()
        {
            using var s = new ModuleSession();
            var exported = s.Run("(Get-Module DocCluster).ExportedCmdlets.Keys");
            Assert.NotEmpty(exported);
            var failures = s.Run(CheckHelp).Select(o => o.ToString()).ToList();
            Assert.Empty(s.Errors);
            Assert.True(failures.Count == 0, "Help problems:\n" + string.Join("\n", failures));
        }

        [Fact]
        public void Help_is_read_from_the_en_US_folder_beside_the_module()
        {
            using var s = new ModuleSession();
            var result = s.Run("(Get-Help Move-ImageToCluster).Synopsis");
            Assert.StartsWith("Moves or copies each clustered image", result.Single().ToString());
            Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "module", "en-US", "DocCluster.PowerShell.dll-Help.xml")));
        }

        /// <summary>
        /// Runs every example of every exported cmdlet as written, in a fresh folder per cmdlet (examples of one cmdlet
        /// run in order, in one session). The folder holds ./scans (two copies of each kind from examples/scans),
        /// ./labels.csv (file,kind), ./reference/&lt;kind&gt;/ (hand-sorted copies), ./labels/&lt;kind&gt;/ (the same copies, as the
        /// labelled examples of the classifier examples). "./models/" is replaced by
        /// ../shared/models/; examples using it are skipped when ../shared is absent. The engine the tests host has no
        /// Get-ChildItem, so a minimal one (path, -Recurse, -File, -Filter) is defined.
        /// </summary>
        [Fact]
        public void Every_help_example_runs_without_errors()
        {
            List<string> names;
            using (var s = new ModuleSession()) names = s.Run("(Get-Module DocCluster).ExportedCmdlets.Keys").Select(o => o.ToString()).ToList();
            var failures = new List<string>();
            int ran = 0;
            foreach (var name in names)
            {
                var dir = NewExampleFolder();
                using var s = new ModuleSession();
                s.Run(GetChildItemShim);
                s.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null".Replace("$args[0]", ModuleSession.Quote(dir)));
                var examples = s.Run($"@((Get-Help {name}).examples.example) | ForEach-Object {{ [string]$_.code }}").Select(o => o.ToString()).ToList();
                Assert.NotEmpty(examples);
                for (int i = 0; i < examples.Count; i++)
                {
                    var code = examples[i];
                    if (code.Contains("./models/"))
                    {
                        if (!Directory.Exists(TestPaths.SharedModels)) { output.WriteLine($"{name} example {i + 1} skipped: needs ../shared/models"); continue; }
                        code = code.Replace("./models/", TestPaths.SharedModels.Replace('\\', '/') + "/");
                    }
                    try
                    {
                        s.Run(code);
                        ran++;
                        foreach (var e in s.Errors) failures.Add($"{name} example {i + 1}: {e.FullyQualifiedErrorId}: {e}");
                    }
                    catch (RuntimeException ex)
                    {
                        failures.Add($"{name} example {i + 1} threw: {ex.ErrorRecord?.FullyQualifiedErrorId}: {ex.Message}");
                    }
                }
            }
            output.WriteLine($"{ran} example(s) ran.");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        public void Restore_example_without_WhatIf_sorts_every_scan_and_puts_each_back_unchanged()
        {
            var dir = NewExampleFolder();
            using var s = new ModuleSession();
            s.Run(GetChildItemShim);
            s.Run($"$ExecutionContext.SessionState.Path.SetLocation({ModuleSession.Quote(dir)}) | Out-Null");
            var before = MoveImageToClusterTests.Snapshot(Path.Combine(dir, "scans"));
            var code = s.Run("(Get-Help Restore-MovedImage).examples.example[0].code").Single().ToString();
            s.Run(code.Replace(" -WhatIf", ""));
            Assert.Empty(s.Errors);
            // the sort really happened (journal with one Moved line per scan) and the restore undid it byte for byte
            var journal = File.ReadAllLines(Path.Combine(dir, "sorted", "doccluster-journal.csv"));
            Assert.Equal(before.Count, journal.Count(l => l.Contains("Moved")));
            Assert.Equal(before.Count, journal.Count(l => l.Contains("Restored")));
            Assert.DoesNotContain(Directory.GetFiles(Path.Combine(dir, "sorted"), "*", SearchOption.AllDirectories), f => !f.EndsWith(".csv"));
            Assert.Equal(before, MoveImageToClusterTests.Snapshot(Path.Combine(dir, "scans")));
        }

        internal const string GetChildItemShim = @"
function Get-ChildItem {
    param([Parameter(Position = 0)][string]$Path = '.', [switch]$Recurse, [switch]$File, [string]$Filter)
    $ExecutionContext.InvokeProvider.ChildItem.Get($Path, [bool]$Recurse) |
        Where-Object { (-not $File -or -not $_.PSIsContainer) -and (-not $Filter -or $_.Name -like $Filter) }
}";

        /// <summary>A temp folder with ./scans, ./labels.csv, ./reference and ./labels as the help examples expect.</summary>
        internal static string NewExampleFolder()
        {
            var dir = TestPaths.NewTempDir();
            var scans = Path.Combine(dir, "scans");
            Directory.CreateDirectory(scans);
            var source = Path.Combine(TestPaths.RepoRoot, "examples", "scans");
            var picked = Directory.GetFiles(source).OrderBy(f => f, StringComparer.Ordinal)
                .GroupBy(f => Path.GetFileName(f).Split('-')[0]).SelectMany(g => g.Take(2)).ToList();
            var csv = new List<string> { "file,kind" };
            foreach (var f in picked)
            {
                var file = Path.GetFileName(f);
                var kind = file.Split('-')[0];
                File.Copy(f, Path.Combine(scans, file));
                Directory.CreateDirectory(Path.Combine(dir, "reference", kind));
                File.Copy(f, Path.Combine(dir, "reference", kind, file));
                Directory.CreateDirectory(Path.Combine(dir, "labels", kind));
                File.Copy(f, Path.Combine(dir, "labels", kind, file));
                csv.Add($"scans/{file},{kind}");
            }
            File.WriteAllLines(Path.Combine(dir, "labels.csv"), csv);
            return dir;
        }
    }
}
