using System.IO;
using System.Linq;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    /// <summary>examples/Nightly-Sort.ps1 as a scheduled task would run it, on a saved model, night after night.</summary>
    public class NightlySortTests : System.IDisposable
    {
        private readonly ModuleSession s = new ModuleSession();
        private readonly string root = TestPaths.NewTempDir();
        private static string Script => Path.Combine(TestPaths.RepoRoot, "examples", "Nightly-Sort.ps1");

        private string Copy(string folder, params string[] names)
        {
            var dir = Path.Combine(root, folder);
            Directory.CreateDirectory(dir);
            foreach (var n in names) File.Copy(Path.Combine(TestPaths.ExampleScans, n), Path.Combine(dir, n));
            return dir;
        }

        [Fact]
        public void Saved_clustering_sorts_each_night_s_new_scans_logs_and_caches()
        {
            var training = Copy("training", Directory.GetFiles(TestPaths.ExampleScans).Select(Path.GetFileName).Where(n => !n.EndsWith("-01.jpg") && !n.EndsWith("-01.png")).ToArray());
            var model = Path.Combine(root, "kinds.model.json");
            s.Run(HelpTests.GetChildItemShim);
            s.Run($"Get-ChildItem {ModuleSession.Quote(training)} -File | Get-ImageFeature | Invoke-ImageCluster -K 5 -ModelVariable m | Out-Null; Export-ImageModel -InputObject $m -Path {ModuleSession.Quote(model)}");
            Assert.Empty(s.Errors);

            var inbox = Copy("inbox", "bill-01.png", "passport-01.jpg", "idcard-01.jpg");
            File.WriteAllText(Path.Combine(inbox, "notes.txt"), "not a scan");
            var sorted = Path.Combine(root, "sorted");
            var run = $"& {ModuleSession.Quote(Script)} -Inbox {ModuleSession.Quote(inbox)} -Destination {ModuleSession.Quote(sorted)} -ModelPath {ModuleSession.Quote(model)}";

            var moved = s.Run(run);
            Assert.Empty(s.Errors);
            Assert.Equal(3, moved.Count);
            Assert.Equal(new[] { "notes.txt" }, Directory.GetFiles(inbox).Select(Path.GetFileName));
            // The three new scans are three different kinds: three different folders.
            var folders = moved.Select(m => (string)m.Properties["Destination"].Value).ToList();
            Assert.True(3 == folders.Select(Path.GetDirectoryName).Distinct().Count(), string.Join("; ", folders));
            var log = File.ReadAllText(Path.Combine(sorted, "doccluster-nightly.log"));
            Assert.Contains("SKIPPED", log);
            Assert.Contains("NotAnImage", log);
            Assert.Contains("3 moved", log);
            Assert.True(File.Exists(Path.Combine(sorted, "doccluster-journal.csv")));

            // Next night: one new scan is computed and cached; the bad file is tried again (never cached) and stays in the inbox.
            Copy("inbox", "receipt-01.jpg");
            s.Run(run + " -Verbose");
            Assert.Empty(s.Errors);
            Assert.Equal(new[] { "notes.txt" }, Directory.GetFiles(inbox).Select(Path.GetFileName));
            var cacheLine = s.Verbose.FirstOrDefault(v => v.StartsWith("Feature cache"));
            Assert.True(cacheLine != null && cacheLine.Contains(" 2 miss") && cacheLine.Contains("1 stored"), cacheLine ?? string.Join(" | ", s.Verbose.Where(v => !v.StartsWith("Importing"))));
        }

        [Fact]
        public void Saved_classifier_with_the_archive_as_context_sorts_new_scans_into_kind_folders()
        {
            var archive = Copy("archive", Directory.GetFiles(TestPaths.ExampleScans).Select(Path.GetFileName).Where(n => !n.Contains("-01.")).ToArray());
            var model = Path.Combine(root, "kinds.model.json");
            s.Run(HelpTests.GetChildItemShim);
            s.Run($@"$f = Get-ChildItem {ModuleSession.Quote(archive)} -File | Get-ImageFeature
                $labelled = $f | Where-Object {{ $_.Name -match '-0[23]\.' }} | ForEach-Object {{ [pscustomobject]@{{ Feature = $_; Kind = ($_.Name -split '-')[0] }} }}
                $labelled | New-ImageClassifier -Context $f | Export-ImageModel {ModuleSession.Quote(model)}");
            Assert.Empty(s.Errors);

            var inbox = Copy("inbox", "bill-01.png", "passport-01.jpg", "idcard-01.jpg", "receipt-01.jpg");
            var sorted = Path.Combine(root, "sorted");
            var moved = s.Run($"& {ModuleSession.Quote(Script)} -Inbox {ModuleSession.Quote(inbox)} -Destination {ModuleSession.Quote(sorted)} -ModelPath {ModuleSession.Quote(model)}");
            Assert.Empty(s.Errors);
            Assert.Equal(4, moved.Count);
            Assert.Empty(Directory.GetFiles(inbox));
            foreach (var m in moved)
            {
                var destination = (string)m.Properties["Destination"].Value;
                Assert.Equal(Path.GetFileName(destination).Split('-')[0], Path.GetFileName(Path.GetDirectoryName(destination)));
            }
            Assert.Contains("ImageClassifier", File.ReadAllText(Path.Combine(sorted, "doccluster-nightly.log")));
        }

        [Fact]
        public void WhatIf_changes_nothing()
        {
            var training = Copy("training", "bill-02.png", "bill-03.png", "passport-02.jpg", "passport-03.jpg");
            var model = Path.Combine(root, "m.json");
            s.Run(HelpTests.GetChildItemShim);
            s.Run($"Get-ChildItem {ModuleSession.Quote(training)} -File | Get-ImageFeature | Invoke-ImageCluster -K 2 -ModelVariable m | Out-Null; Export-ImageModel -InputObject $m -Path {ModuleSession.Quote(model)}");
            var inbox = Copy("inbox", "bill-01.png", "passport-01.jpg");
            var sorted = Path.Combine(root, "sorted");
            s.Run($"& {ModuleSession.Quote(Script)} -Inbox {ModuleSession.Quote(inbox)} -Destination {ModuleSession.Quote(sorted)} -ModelPath {ModuleSession.Quote(model)} -CachePath {ModuleSession.Quote(Path.Combine(root, "cache"))} -WhatIf");
            Assert.Empty(s.Errors);
            Assert.Equal(2, Directory.GetFiles(inbox).Length);
            Assert.False(Directory.Exists(sorted));
        }

        public void Dispose() => s.Dispose();
    }
}
