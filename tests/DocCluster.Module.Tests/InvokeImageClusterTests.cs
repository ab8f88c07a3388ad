using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    /// <summary>Features of examples/scans are extracted once for the class (the default DocLayout extractor).</summary>
    public sealed class ExampleFeaturesFixture : System.IDisposable
    {
        public ModuleSession Session { get; } = new ModuleSession();

        public ExampleFeaturesFixture()
        {
            Session.Run($"$features = @($ExecutionContext.InvokeProvider.ChildItem.Get({ModuleSession.Quote(TestPaths.ExampleScans)}, $true) | Where-Object {{ -not $_.PSIsContainer }} | Get-ImageFeature)");
            if (Session.Errors.Count > 0) throw new System.InvalidOperationException("Feature extraction failed: " + Session.Errors[0]);
        }

        public static string KindOf(string path) => Path.GetFileName(path).Split('-')[0];

        public void Dispose() => Session.Dispose();
    }

    public class InvokeImageClusterTests : IClassFixture<ExampleFeaturesFixture>
    {
        private readonly ModuleSession s;

        public InvokeImageClusterTests(ExampleFeaturesFixture fixture) => s = fixture.Session;

        private static Dictionary<string, int> ClusterByPath(IEnumerable<PSObject> output) =>
            output.ToDictionary(o => (string)o.Properties["Path"].Value, o => (int)o.Properties["Cluster"].Value);

        [Fact]
        public void Default_clustering_puts_each_synthetic_kind_in_its_own_cluster()
        {
            var output = s.Run("$features | Invoke-ImageCluster -K 5 -Seed 1");
            Assert.Empty(s.Errors);
            var byPath = ClusterByPath(output);
            Assert.Equal(23, byPath.Count);
            // Each kind maps to exactly one cluster and each cluster holds exactly one kind.
            var kindsPerCluster = byPath.GroupBy(kv => kv.Value).Select(g => g.Select(kv => ExampleFeaturesFixture.KindOf(kv.Key)).Distinct().Count());
            var clustersPerKind = byPath.GroupBy(kv => ExampleFeaturesFixture.KindOf(kv.Key)).Select(g => g.Select(kv => kv.Value).Distinct().Count());
            Assert.All(kindsPerCluster, n => Assert.Equal(1, n));
            Assert.All(clustersPerKind, n => Assert.Equal(1, n));
            Assert.Equal("DocCluster.Clustering.ClusterAssignment", output[0].BaseObject.GetType().FullName);
        }

        [Theory]
        [InlineData("-Algorithm KMeans -K 5 -Seed 3", 5, 5)]
        [InlineData("-Algorithm Agglomerative -K 5 -Linkage Complete -Metric Cosine", 5, 5)]
        [InlineData("-Algorithm Agglomerative -K 5 -Linkage Average -Metric Cosine", 5, 5)]
        [InlineData("-K Auto", 5, 9)]
        // DocLayout v9 (figures): silhouette splits the photographed ID cards and the receipts in two each (7 clusters, each
        // of one kind); before it was 4-6. Over-splitting is allowed here, merging two kinds is not.
        [InlineData("-K Auto -Algorithm KMeans -Metric Cosine -AutoKCriterion Silhouette", 5, 7)]
        public void Other_algorithms_and_automatic_K_separate_the_kinds(string arguments, int minK, int maxK)
        {
            var byPath = ClusterByPath(s.Run("$features | Invoke-ImageCluster " + arguments));
            Assert.Empty(s.Errors);
            var kindsPerCluster = byPath.GroupBy(kv => kv.Value).Select(g => g.Select(kv => ExampleFeaturesFixture.KindOf(kv.Key)).Distinct().Count());
            Assert.InRange(byPath.Values.Distinct().Count(), minK, maxK);
            // Whatever K it lands on, clustering these clearly distinct kinds must never put two kinds in one cluster.
            if (minK >= 5) Assert.All(kindsPerCluster, n => Assert.Equal(1, n));
        }

        [Fact]
        public void Automatic_K_with_MergeGap_does_not_depend_on_the_seed()
        {
            var a = ClusterByPath(s.Run("$features | Invoke-ImageCluster -K Auto -AutoKCriterion MergeGap -Seed 0"));
            var b = ClusterByPath(s.Run("$features | Invoke-ImageCluster -K Auto -AutoKCriterion MergeGap -Seed 5"));
            Assert.Equal(a.OrderBy(kv => kv.Key), b.OrderBy(kv => kv.Key));
        }

        [Fact]
        public void Automatic_K_by_default_refines_the_coarse_level_and_says_so_in_verbose()
        {
            var byPath = ClusterByPath(s.Run("$features | Invoke-ImageCluster -K Auto -Verbose"));
            Assert.Empty(s.Errors);
            Assert.Equal(5, byPath.Values.Distinct().Count());
            var line = Assert.Single(s.Verbose, v => v.StartsWith("K chosen by StableRefinement (stability per K, at or above MergeGap's K="));
            Assert.Contains("K=5 1.000 (chosen)", line);
            Assert.Contains("K=15 ", line);
        }

        [Fact]
        public void Same_seed_gives_the_same_result_whatever_the_input_order()
        {
            var a = ClusterByPath(s.Run("$features | Invoke-ImageCluster -Algorithm KMeans -K 4 -Seed 7"));
            var b = ClusterByPath(s.Run("$reversed = $features.Clone(); [array]::Reverse($reversed); $reversed | Invoke-ImageCluster -Algorithm KMeans -K 4 -Seed 7"));
            Assert.Equal(a.OrderBy(kv => kv.Key), b.OrderBy(kv => kv.Key));
        }

        [Fact]
        public void Restarts_are_automatic_unless_given_and_the_count_is_validated()
        {
            s.Run("$null = $features | Invoke-ImageCluster -Algorithm KMeans -K 5 -Seed 1 -ModelVariable auto");
            s.Run("$null = $features | Invoke-ImageCluster -Algorithm KMeans -K 5 -Seed 1 -Restarts 3 -ModelVariable three -Verbose");
            Assert.Empty(s.Errors);
            Assert.Contains(s.Verbose, v => v.StartsWith("k-means: 3 run(s);"));
            Assert.Null(s.Run("$auto.Options.Restarts")[0]);
            Assert.Equal(3, (int)s.Run("$three.Options.Restarts")[0].BaseObject);
            var error = s.RunExpectingTerminatingError("$features | Invoke-ImageCluster -Algorithm KMeans -K 5 -Restarts 0");
            Assert.StartsWith("ParameterArgumentValidationError,", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Summary_names_a_medoid_per_cluster_and_the_model_variable_predicts_the_same()
        {
            // k-means: a fitted model's nearest-centre prediction reproduces its own assignments exactly.
            var summaries = s.Run("$features | Invoke-ImageCluster -Algorithm KMeans -K 5 -Seed 1 -Summary -ModelVariable fitted");
            Assert.Equal(5, summaries.Count);
            Assert.Equal(23, summaries.Sum(o => (int)o.Properties["Count"].Value));
            Assert.All(summaries, o => Assert.True(File.Exists((string)o.Properties["MedoidPath"].Value)));
            var fitted = ClusterByPath(s.Run("$features | Invoke-ImageCluster -Algorithm KMeans -K 5 -Seed 1"));
            var predicted = ClusterByPath(s.Run("$features | Invoke-ImageCluster -Model $fitted"));
            Assert.Equal(fitted.OrderBy(kv => kv.Key), predicted.OrderBy(kv => kv.Key));
        }

        [Fact]
        public void Output_works_with_Where_Object_and_has_flat_properties_for_csv()
        {
            var output = s.Run("$features | Invoke-ImageCluster -K 5 -Seed 1 | Where-Object { $_.Cluster -eq 1 -and -not $_.IsOutlier }");
            Assert.NotEmpty(output);
            var props = output[0].Properties.Where(p => p.Name != "Feature").ToList();
            Assert.All(props, p => Assert.True(p.Value is string || p.Value is int || p.Value is double || p.Value is bool, p.Name));
            Assert.Contains(props, p => p.Name == "Path");
            Assert.Contains(props, p => p.Name == "Confidence");
        }

        [Fact]
        public void Measure_against_a_reference_csv_scores_the_grouping()
        {
            var dir = TestPaths.NewTempDir();
            var csv = Path.Combine(dir, "labels.csv");
            File.WriteAllLines(csv, new[] { "path,kind" }.Concat(Directory.GetFiles(TestPaths.ExampleScans).Select(f => $"{f},{ExampleFeaturesFixture.KindOf(f)}")));
            var result = s.Run($"$features | Invoke-ImageCluster -K 5 -Seed 1 | Measure-ImageCluster -Reference {ModuleSession.Quote(csv)}");
            Assert.Empty(s.Errors);
            Assert.Equal(1.0, (double)result[0].Properties["Ari"].Value, 6);
            Assert.Equal(23, (int)result[0].Properties["Count"].Value);
            var merged = s.Run($"$features | Invoke-ImageCluster -K 2 -Seed 1 | Measure-ImageCluster -Reference {ModuleSession.Quote(csv)}");
            Assert.True((double)merged[0].Properties["Ari"].Value < 0.9);
            var confusion = s.Run($"$features | Invoke-ImageCluster -K 5 -Seed 1 | Measure-ImageCluster -Reference {ModuleSession.Quote(csv)} -Confusion");
            Assert.Equal(5, confusion.Count);
            Assert.Contains(confusion, row => (string)row.Properties["Kind"].Value == "passport" && (int)row.Properties["Total"].Value == 5);
        }

        [Theory]
        [InlineData("-K 0", "InvalidClusterCount")]
        [InlineData("-K 24", "ClusterCountExceedsImages")]
        [InlineData("-K 99999999999", "ClusterCountExceedsImages")]
        public void Nonsense_K_is_refused(string arguments, string errorId)
        {
            var error = s.RunExpectingTerminatingError("$features | Invoke-ImageCluster " + arguments);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Mixed_models_are_refused()
        {
            var error = s.RunExpectingTerminatingError(
                $"$thumb = Get-ImageFeature -LiteralPath {ModuleSession.Quote(Directory.GetFiles(TestPaths.ExampleScans)[0])} -Model Thumbnail; @($features) + @($thumb) | Invoke-ImageCluster -K 2");
            Assert.StartsWith("MixedFeatureModels,", error.FullyQualifiedErrorId);
            Assert.Contains("Thumbnail", error.Exception.Message);
        }
    }
}
