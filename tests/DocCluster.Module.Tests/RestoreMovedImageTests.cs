using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    public class RestoreMovedImageTests : IDisposable
    {
        private readonly ModuleSession s = new ModuleSession();
        private readonly string root = TestPaths.NewTempDir();
        private readonly string inDir;
        private readonly string outDir;

        public RestoreMovedImageTests()
        {
            inDir = Path.Combine(root, "in");
            outDir = Path.Combine(root, "out");
            s.Run(MoveImageToClusterTests.Helpers);
        }

        public void Dispose() => s.Dispose();

        private string[] SortSome()
        {
            var files = new[] { "a.png", "b, \"quoted\".png", "sub/c.png" }.Select(n =>
            {
                var p = Path.Combine(inDir, n);
                Directory.CreateDirectory(Path.GetDirectoryName(p));
                File.WriteAllText(p, "content of " + n);
                return p;
            }).ToArray();
            s.Run("$i = 0; $files | ForEach-Object { $i++; New-TestAssignment $_ $i } | Move-ImageToCluster -Destination $out",
                new System.Collections.Generic.Dictionary<string, object> { ["files"] = files, ["out"] = outDir });
            Assert.Empty(s.Errors);
            foreach (var f in files) Assert.False(File.Exists(f));
            return files;
        }

        [Fact]
        public void The_journal_lists_each_move_and_Restore_puts_every_file_back()
        {
            var files = SortSome();
            var journal = Path.Combine(outDir, "doccluster-journal.csv");
            var rows = s.Run("[DocCluster.Sorting.JournalReader]::Read($j)", new System.Collections.Generic.Dictionary<string, object> { ["j"] = journal });
            Assert.Equal(files, rows.Select(r => (string)r.Properties["Source"].Value));
            Assert.All(rows, r => Assert.Equal("Moved", r.Properties["Operation"].Value.ToString()));
            Assert.All(rows, r => Assert.Equal(DateTimeKind.Utc, ((DateTime)r.Properties["Timestamp"].Value).Kind));
            Assert.All(rows, r => Assert.True(File.Exists((string)r.Properties["Destination"].Value)));
            Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", (string)r.Properties["Sha256"].Value));
            Assert.Matches(@"\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z,Moved,", File.ReadAllText(journal));
            Directory.Delete(Path.Combine(inDir, "sub"));

            var output = s.Run("Restore-MovedImage -JournalPath $out -PassThru", new System.Collections.Generic.Dictionary<string, object> { ["out"] = outDir });
            Assert.Empty(s.Errors);
            foreach (var f in files) Assert.Equal("content of " + Path.GetRelativePath(inDir, f).Replace('\\', '/'), File.ReadAllText(f));
            Assert.Equal(files.Reverse(), output.Select(o => (string)o.Properties["Destination"].Value));
            Assert.All(output, o => Assert.Equal("Restored", o.Properties["Operation"].Value.ToString()));
            Assert.Empty(Directory.GetFiles(outDir, "*.png", SearchOption.AllDirectories));

            // Again: nothing left to do, no errors.
            Assert.Empty(s.Run("Restore-MovedImage -JournalPath $j -PassThru", new System.Collections.Generic.Dictionary<string, object> { ["j"] = journal }));
            Assert.Empty(s.Errors);
        }

        [Fact]
        public void Restore_WhatIf_changes_nothing()
        {
            SortSome();
            var before = MoveImageToClusterTests.Snapshot(root);
            s.Run("Restore-MovedImage -JournalPath $out -WhatIf", new System.Collections.Generic.Dictionary<string, object> { ["out"] = outDir });
            Assert.Empty(s.Errors);
            Assert.Equal(before, MoveImageToClusterTests.Snapshot(root));
        }

        [Fact]
        public void Entries_that_cannot_be_restored_are_errors_and_the_rest_is_restored()
        {
            var files = SortSome();
            File.WriteAllText(files[0], "someone else's a.png");
            var output = s.Run("Restore-MovedImage -JournalPath $out -PassThru", new System.Collections.Generic.Dictionary<string, object> { ["out"] = outDir });
            var e = Assert.Single(s.Errors);
            Assert.StartsWith("RestoreTargetOccupied", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceExists, e.CategoryInfo.Category);
            Assert.Equal(Path.Combine(outDir, "cluster-01", "a.png"), e.TargetObject);
            Assert.Equal("someone else's a.png", File.ReadAllText(files[0]));
            Assert.True(File.Exists(Path.Combine(outDir, "cluster-01", "a.png")));
            Assert.Equal(2, output.Count);
            Assert.True(File.Exists(files[1]));
            Assert.True(File.Exists(files[2]));
        }

        [Fact]
        public void A_missing_journal_is_a_terminating_error()
        {
            var err = s.RunExpectingTerminatingError($"Restore-MovedImage -JournalPath {ModuleSession.Quote(Path.Combine(root, "nope.csv"))}");
            Assert.StartsWith("JournalNotFound", err.FullyQualifiedErrorId);
        }
    }
}
