using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Text;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    /// <summary>
    /// The views in module/DocCluster.format.ps1xml, through the engine's formatter. The hosted engine has no Out-String
    /// (it lives in Microsoft.PowerShell.Commands.Utility), so objects go to Out-Host on a host that captures the text:
    /// the same formatting Out-String does, at a 200-column width.
    /// </summary>
    public class FormatTests : IDisposable
    {
        private readonly CapturingHost host = new CapturingHost();
        private readonly Runspace runspace;

        public FormatTests()
        {
            runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            Render($"Import-Module {ModuleSession.Quote(TestPaths.ModuleManifest)} -ErrorAction Stop");
        }

        public void Dispose() => runspace.Dispose();

        private string Render(string script)
        {
            host.Ui.Text.Clear();
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            ps.Invoke();
            Assert.True(ps.Streams.Error.Count == 0, string.Join("\n", ps.Streams.Error.Select(e => e.ToString())));
            // header styling ($PSStyle.Formatting.TableHeader) comes as ANSI sequences; compare the plain text
            return System.Text.RegularExpressions.Regex.Replace(host.Ui.Text.ToString(), "\x1b\\[[0-9;]*m", "");
        }

        private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToArray();

        /// <summary>The first line holding the first label has every label, in order; the line under it is dashes.</summary>
        private static void AssertTableHeaders(string text, params string[] labels)
        {
            var lines = Lines(text);
            int i = Array.FindIndex(lines, l => l.TrimStart().StartsWith(labels[0], StringComparison.Ordinal));
            Assert.True(i >= 0, "No table header in:\n" + text);
            var header = lines[i];
            int at = 0;
            foreach (var label in labels)
            {
                int found = header.IndexOf(label, at, StringComparison.Ordinal);
                Assert.True(found >= 0, $"Header '{label}' missing or out of order in '{header}'");
                at = found + label.Length;
            }
            Assert.Matches(@"^[\s-]+$", lines[i + 1]);
        }

        private const string MoveResult =
            "[DocCluster.Sorting.ImageMoveResult]::new('/in/a.png', '/out/cluster-01/a (2).png', 1, 'cluster-01', [DocCluster.Sorting.SortOperation]::Moved, $true, 'ab12')";

        [Fact]
        public void ImageMoveResult_is_a_table_with_operation_cluster_and_both_paths()
        {
            var text = Render(MoveResult + " | Out-Host");
            AssertTableHeaders(text, "Operation", "Cluster", "ClusterName", "Renamed", "Source", "Destination");
            Assert.Contains("/out/cluster-01/a (2).png", text);
            Assert.Contains("yes", text);
            Assert.DoesNotContain("Sha256", text);
        }

        [Fact]
        public void JournalEntry_is_a_table_with_a_UTC_timestamp()
        {
            var text = Render("[DocCluster.Sorting.JournalEntry]::new([datetime]::new(2025, 11, 24, 9, 30, 5, [DateTimeKind]::Utc), 'Restored', '/out/cluster-01/a.png', '/in/a.png', 'ab12', '') | Out-Host");
            AssertTableHeaders(text, "Timestamp (UTC)", "Operation", "Cluster", "Source", "Destination");
            Assert.Contains("2025-11-24 09:30:05", text);
            Assert.Contains("Restored", text);
            Assert.DoesNotContain("Sha256", text);
            Assert.DoesNotContain("Index", text);
        }

        private const string Evaluation = @"
$ref = [System.Collections.Generic.Dictionary[string,string]]::new(); $clu = [System.Collections.Generic.Dictionary[string,string]]::new()
$ref['a'] = 'bill'; $ref['b'] = 'bill'; $ref['c'] = 'idcard'; $ref['d'] = 'idcard'; $ref['e'] = 'letter'
$clu['a'] = 'cluster-01'; $clu['b'] = 'cluster-01'; $clu['c'] = 'cluster-02'; $clu['d'] = 'cluster-01'; $clu['x'] = 'cluster-02'
$eval = [DocCluster.Evaluation.ClusterEvaluation]::Create($ref, $clu, $null)";

        [Fact]
        public void ClusterEvaluation_is_a_list_of_the_scores()
        {
            var text = Render(Evaluation + "\n$eval | Out-Host");
            var lines = Lines(text);
            var labels = lines.Select(l => l.Split(':')[0].Trim()).ToArray();
            Assert.Equal(new[] { "Count", "Ari", "Nmi", "Purity", "Unmatched", "Kinds", "Clusters" }, labels);
            Assert.Contains(lines, l => l.StartsWith("Count") && l.EndsWith(": 4"));
            Assert.Contains(lines, l => l.StartsWith("Purity") && l.EndsWith(": " + 0.75.ToString("N3", CultureInfo.CurrentCulture)));
            Assert.Contains(lines, l => l.StartsWith("Unmatched") && l.EndsWith(": 2"));
            Assert.Contains(lines, l => l.StartsWith("Kinds") && l.EndsWith(": bill, idcard"));
            Assert.Contains(lines, l => l.StartsWith("Clusters") && l.EndsWith(": cluster-01, cluster-02"));
        }

        [Fact]
        public void KindPurity_is_a_table()
        {
            var text = Render(Evaluation + "\n$eval.KindPurities | Out-Host");
            AssertTableHeaders(text, "Kind", "Count", "DominantCluster", "DominantCount", "Fraction");
            var rows = Lines(text).Where(l => l.StartsWith("bill") || l.StartsWith("idcard")).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Contains("cluster-01", rows[0]);
        }

        [Fact]
        public void ClassificationResult_is_a_table_with_kind_confidence_as_percent_and_unknown_flag()
        {
            var text = Render("[DocCluster.Classification.ClassificationResult]@{ Path = '/in/x.png'; Name = 'x.png'; Page = 1; Kind = 'Unknown'; PredictedKind = 'passport'; Confidence = 0.25; IsUnknown = $true } | Out-Host");
            AssertTableHeaders(text, "Kind", "Confidence", "Unknown", "PredictedKind", "Name", "Page");
            var row = Lines(text).Single(l => l.StartsWith("Unknown"));
            Assert.Contains(0.25.ToString("P0", CultureInfo.CurrentCulture), row);
            Assert.Contains("yes", row);
            Assert.Contains("passport", row);
            Assert.Contains("x.png", row);
            Assert.DoesNotContain("Typicality", text);
        }

        [Fact]
        public void LabelSuggestion_is_a_table_with_priority_name_reason_and_path()
        {
            var text = Render("[DocCluster.Classification.LabelSuggestion]@{ Path = '/in/scans/x.png'; Name = 'x.png'; Page = 1; Priority = 1; Reason = 'Representative of cluster 1 (7 images)'; Cluster = 1 } | Out-Host");
            AssertTableHeaders(text, "Priority", "Name", "Reason", "Path");
            var row = Lines(text).Single(l => l.TrimStart().StartsWith("1 "));
            Assert.Contains("Representative of cluster 1 (7 images)", row);
            Assert.Contains("/in/scans/x.png", row);
            Assert.DoesNotContain("Confidence", text);
        }

        [Fact]
        public void FeatureModelEntry_is_a_table_with_the_local_path_or_else_the_download_url()
        {
            var text = Render(@"@([DocCluster.Features.Models.FeatureModelEntry]@{ Name = 'DocLayout'; Type = 'Built-in'; Input = 'whole page' }
[DocCluster.Features.Models.FeatureModelEntry]@{ Name = 'MobileNetV1'; Type = 'ONNX'; Input = '224x224 RGB Stretch'; Url = 'https://example.org/m.onnx'; Sha256 = 'ab12' }
[DocCluster.Features.Models.FeatureModelEntry]@{ Name = 'SqueezeNet'; Type = 'ONNX'; Input = '224x224 BGR Stretch'; Url = 'https://example.org/s.onnx'; LocalPath = '/models/s.onnx' }) | Out-Host");
            AssertTableHeaders(text, "Name", "Type", "Input", "LocalPath / Url");
            var lines = Lines(text);
            Assert.Contains("(no weights needed)", lines.Single(l => l.StartsWith("DocLayout")));
            Assert.Contains("https://example.org/m.onnx", lines.Single(l => l.StartsWith("MobileNetV1")));
            var squeeze = lines.Single(l => l.StartsWith("SqueezeNet"));
            Assert.Contains("/models/s.onnx", squeeze);
            Assert.DoesNotContain("example.org", squeeze);
            Assert.DoesNotContain("ab12", text);
        }

        [Fact]
        public void ImageClassifier_is_a_list_of_its_kinds_and_example_counts()
        {
            var text = Render("[DocCluster.Classification.ImageClassifier]@{ Model = 'DocLayout'; Kinds = [string[]]('bill', 'idcard'); ExampleCounts = [int[]](3, 2); TrainingCount = 5; DefaultMinConfidence = 0.4 } | Out-Host");
            var lines = Lines(text);
            Assert.Equal(new[] { "Model", "Kinds", "ExampleCounts", "TrainingCount", "DefaultMinConfidence" }, lines.Select(l => l.Split(':')[0].Trim()).ToArray());
            Assert.Contains(lines, l => l.StartsWith("Model") && l.EndsWith(": DocLayout"));
            Assert.Contains(lines, l => l.StartsWith("Kinds") && l.EndsWith(": bill, idcard"));
            Assert.Contains(lines, l => l.StartsWith("ExampleCounts") && l.EndsWith(": 3, 2"));
            Assert.Contains(lines, l => l.StartsWith("TrainingCount") && l.EndsWith(": 5"));
            Assert.Contains(lines, l => l.StartsWith("DefaultMinConfidence") && l.EndsWith(": " + 0.4.ToString("N2", CultureInfo.CurrentCulture)));
        }

        [Fact]
        public void ClusterModel_is_a_list_of_its_clusters_and_sizes()
        {
            var text = Render("[DocCluster.Clustering.ClusterModel]@{ Model = 'DocLayout'; Centroids = [double[][]](@(,[double[]](0, 1)) + @(,[double[]](1, 0))); ClusterNames = [string[]]('cluster-01', 'bills'); ClusterSizes = [int[]](7, 4); TrainingCount = 11 } | Out-Host");
            var lines = Lines(text);
            Assert.Equal(new[] { "Model", "K", "ClusterNames", "ClusterSizes", "TrainingCount" }, lines.Select(l => l.Split(':')[0].Trim()).ToArray());
            Assert.Contains(lines, l => l.StartsWith("K") && l.EndsWith(": 2"));
            Assert.Contains(lines, l => l.StartsWith("ClusterNames") && l.EndsWith(": cluster-01, bills"));
            Assert.Contains(lines, l => l.StartsWith("ClusterSizes") && l.EndsWith(": 7, 4"));
            Assert.Contains(lines, l => l.StartsWith("TrainingCount") && l.EndsWith(": 11"));
            Assert.DoesNotContain("Centroids", text);
        }
    }
}
