using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    /// <summary>Move-ImageToCluster and Restore-MovedImage through the real engine, on temp folders.</summary>
    public class MoveImageToClusterTests : IDisposable
    {
        internal const string Helpers = @"
function New-TestAssignment([string]$Path, [int]$Cluster, [string]$Name, [bool]$Outlier = $false, [int]$Page = 1, [int]$Pages = 1) {
    if (-not $Name) { $Name = 'cluster-{0:00}' -f $Cluster }
    $f = [DocCluster.Features.ImageFeature]::new($Path, $Page, $Pages, 10, 10, 'Test', 'fp', [float[]](1,2))
    [DocCluster.Clustering.ClusterAssignment]::new($f, $Cluster, $Name, 0.1, 0.9, $Outlier)
}";

        private readonly ModuleSession s = new ModuleSession();
        private readonly string root = TestPaths.NewTempDir();
        private readonly string inDir;
        private readonly string outDir;

        public MoveImageToClusterTests()
        {
            inDir = Path.Combine(root, "in");
            outDir = Path.Combine(root, "out");
            Directory.CreateDirectory(inDir);
            s.Run(Helpers);
        }

        public void Dispose() => s.Dispose();

        private string Img(string name, string content = null)
        {
            var p = Path.Combine(inDir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(p));
            File.WriteAllText(p, content ?? "content of " + name);
            return p;
        }

        private Dictionary<string, object> Vars(params (string, object)[] v) => v.ToDictionary(x => x.Item1, x => x.Item2);

        /// <summary>Every folder and file under root with the SHA-256 of each file: a byte-for-byte picture of the tree.</summary>
        internal static SortedDictionary<string, string> Snapshot(string dir)
        {
            var snap = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in Directory.GetDirectories(dir, "*", SearchOption.AllDirectories))
                snap[Path.GetRelativePath(dir, d).Replace('\\', '/') + "/"] = "";
            foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
                using (var sha = SHA256.Create())
                    snap[Path.GetRelativePath(dir, f).Replace('\\', '/')] = Convert.ToHexString(sha.ComputeHash(File.ReadAllBytes(f)));
            return snap;
        }

        private string[] Files() => Snapshot(root).Keys.Where(k => !k.EndsWith("/")).ToArray();

        [Fact]
        public void Files_land_in_one_folder_per_cluster_the_sources_are_gone_and_PassThru_describes_them()
        {
            var a = Img("a.png"); var b = Img("b.png"); var c = Img("c.tif");
            var output = s.Run(@"
                New-TestAssignment $a 1 | Out-Null
                @( (New-TestAssignment $a 1), (New-TestAssignment $b 2), (New-TestAssignment $c 1) ) |
                    Move-ImageToCluster -Destination $out -PassThru",
                Vars(("a", a), ("b", b), ("c", c), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.Equal(new[] { "out/cluster-01/a.png", "out/cluster-01/c.tif", "out/cluster-02/b.png", "out/doccluster-journal.csv" }, Files());
            Assert.Equal("content of a.png", File.ReadAllText(Path.Combine(outDir, "cluster-01", "a.png")));

            Assert.Equal(3, output.Count);
            var first = output[0].BaseObject;
            Assert.Equal("DocCluster.Sorting.ImageMoveResult", first.GetType().FullName);
            Assert.Equal(a, output[0].Properties["Source"].Value);
            Assert.Equal(Path.Combine(outDir, "cluster-01", "a.png"), output[0].Properties["Destination"].Value);
            Assert.Equal(1, output[0].Properties["Cluster"].Value);
            Assert.Equal("cluster-01", output[0].Properties["ClusterName"].Value);
            Assert.Equal("Moved", output[0].Properties["Operation"].Value.ToString());
            Assert.Equal(false, output[0].Properties["Renamed"].Value);
            Assert.Equal("cluster-02", output[1].Properties["ClusterName"].Value);
        }

        [Fact]
        public void Without_PassThru_nothing_is_output()
        {
            var a = Img("a.png");
            var output = s.Run("New-TestAssignment $a 1 | Move-ImageToCluster -Destination $out", Vars(("a", a), ("out", outDir)));
            Assert.Empty(output);
            Assert.Empty(s.Errors);
            Assert.True(File.Exists(Path.Combine(outDir, "cluster-01", "a.png")));
        }

        [Fact]
        public void Copy_keeps_the_source()
        {
            var a = Img("a.png");
            var output = s.Run("New-TestAssignment $a 3 | Move-ImageToCluster -Destination $out -Copy -PassThru", Vars(("a", a), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.Equal(new[] { "in/a.png", "out/cluster-03/a.png", "out/doccluster-journal.csv" }, Files());
            Assert.Equal("Copied", output.Single().Properties["Operation"].Value.ToString());
            var journal = s.Run("[DocCluster.Sorting.JournalReader]::Read($j)", Vars(("j", Path.Combine(outDir, "doccluster-journal.csv"))));
            Assert.Equal("Copied", journal.Single().Properties["Operation"].Value.ToString());
        }

        [Theory]
        [InlineData("-WhatIf")]
        [InlineData("-WhatIf -Force")]
        [InlineData("-WhatIf -Force -Copy")]
        [InlineData("-WhatIf -JournalPath ([IO.Path]::Combine($root, 'j.csv'))")]
        public void WhatIf_changes_nothing_at_all(string switches)
        {
            var a = Img("a.png"); var b = Img("b.png"); Img("x/c.png");
            Directory.CreateDirectory(Path.Combine(root, "existing", "cluster-01"));
            File.WriteAllText(Path.Combine(root, "existing", "cluster-01", "a.png"), "older a");
            var before = Snapshot(root);
            foreach (var dest in new[] { outDir, Path.Combine(root, "existing") })
            {
                s.Run($"@((New-TestAssignment $a 1), (New-TestAssignment $b 2 -Outlier $true)) | Move-ImageToCluster -Destination $dest -PassThru {switches}",
                    Vars(("a", a), ("b", b), ("dest", dest), ("root", root)));
                Assert.Empty(s.Errors);
                Assert.Equal(before, Snapshot(root));
            }
        }

        [Fact]
        public void A_taken_name_keeps_both_files_and_Force_replaces_it()
        {
            var existing = Path.Combine(outDir, "cluster-01", "a.png");
            Directory.CreateDirectory(Path.GetDirectoryName(existing));
            File.WriteAllText(existing, "older a");
            var a = Img("a.png", "newer a");
            var output = s.Run("New-TestAssignment $a 1 | Move-ImageToCluster -Destination $out -PassThru", Vars(("a", a), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.Equal("older a", File.ReadAllText(existing));
            Assert.Equal("newer a", File.ReadAllText(Path.Combine(outDir, "cluster-01", "a (2).png")));
            Assert.Equal(true, output.Single().Properties["Renamed"].Value);
            Assert.False(File.Exists(a));

            var a2 = Img("a.png", "newest a");
            s.Run("New-TestAssignment $a 1 | Move-ImageToCluster -Destination $out -Force", Vars(("a", a2), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.Equal("newest a", File.ReadAllText(existing));
            Assert.Equal("newer a", File.ReadAllText(Path.Combine(outDir, "cluster-01", "a (2).png")));
        }

        [Fact]
        public void A_missing_source_is_one_error_and_the_other_files_still_move()
        {
            var a = Img("a.png"); var c = Img("c.png");
            var missing = Path.Combine(inDir, "missing.png");
            s.Run("@((New-TestAssignment $a 1), (New-TestAssignment $m 1), (New-TestAssignment $c 2)) | Move-ImageToCluster -Destination $out",
                Vars(("a", a), ("m", missing), ("c", c), ("out", outDir)));
            var e = Assert.Single(s.Errors);
            Assert.StartsWith("SourceNotFound", e.FullyQualifiedErrorId);
            Assert.Equal(missing, e.TargetObject);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.True(File.Exists(Path.Combine(outDir, "cluster-01", "a.png")));
            Assert.True(File.Exists(Path.Combine(outDir, "cluster-02", "c.png")));
        }

        [Fact]
        public void ClusterName_hashtable_names_the_folders_by_number_or_name_and_sanitises_them()
        {
            var a = Img("a.png"); var b = Img("b.png"); var c = Img("c.png");
            s.Run(@"@((New-TestAssignment $a 1), (New-TestAssignment $b 2), (New-TestAssignment $c 3)) |
                Move-ImageToCluster -Destination $out -ClusterName @{ 1 = 'invoices'; 'cluster-02' = 'ID cards'; 3 = 'bills/2024' }",
                Vars(("a", a), ("b", b), ("c", c), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.True(File.Exists(Path.Combine(outDir, "invoices", "a.png")));
            Assert.True(File.Exists(Path.Combine(outDir, "ID cards", "b.png")));
            Assert.True(File.Exists(Path.Combine(outDir, "bills_2024", "c.png")));
        }

        [Fact]
        public void Outliers_go_to_the_outliers_folder_unless_IncludeOutliers()
        {
            var a = Img("a.png"); var b = Img("b.png");
            s.Run("New-TestAssignment $a 2 -Outlier $true | Move-ImageToCluster -Destination $out -ClusterName @{ 2 = 'ids' }", Vars(("a", a), ("out", outDir)));
            s.Run("New-TestAssignment $b 2 -Outlier $true | Move-ImageToCluster -Destination $out -IncludeOutliers", Vars(("b", b), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.True(File.Exists(Path.Combine(outDir, "outliers", "a.png")));
            Assert.True(File.Exists(Path.Combine(outDir, "cluster-02", "b.png")));
        }

        [Fact]
        public void A_multi_page_file_is_moved_once_by_its_first_assignment()
        {
            var t = Img("scan.tif");
            var output = s.Run(@"@((New-TestAssignment $t 2 -Page 1 -Pages 3), (New-TestAssignment $t 1 -Page 2 -Pages 3), (New-TestAssignment $t 1 -Page 3 -Pages 3)) |
                Move-ImageToCluster -Destination $out -PassThru -Verbose", Vars(("t", t), ("out", outDir)));
            Assert.Empty(s.Errors);
            Assert.Single(output);
            Assert.True(File.Exists(Path.Combine(outDir, "cluster-02", "scan.tif")));
            Assert.False(Directory.Exists(Path.Combine(outDir, "cluster-01")));
            Assert.Equal(2, s.Verbose.Count(v => v.Contains("already handled")));
        }

        [Fact]
        public void Destination_that_is_a_file_is_a_terminating_error()
        {
            var a = Img("a.png");
            var err = s.RunExpectingTerminatingError($"New-TestAssignment {ModuleSession.Quote(a)} 1 | Move-ImageToCluster -Destination {ModuleSession.Quote(a)}");
            Assert.StartsWith("DestinationNotAFolder", err.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, err.CategoryInfo.Category);
            Assert.True(File.Exists(a));
        }

        [Fact]
        public void A_relative_Destination_is_resolved_against_the_PowerShell_location()
        {
            var a = Img("a.png");
            s.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($root); New-TestAssignment $a 1 | Move-ImageToCluster -Destination sorted", Vars(("a", a), ("root", root)));
            Assert.Empty(s.Errors);
            Assert.True(File.Exists(Path.Combine(root, "sorted", "cluster-01", "a.png")));
        }
    }
}
