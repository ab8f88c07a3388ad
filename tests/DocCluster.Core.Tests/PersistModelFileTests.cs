using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DocCluster.Clustering;
using DocCluster.Features;
using DocCluster.Persistence;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>A stand-in for a second model type (the classifier): proves that one Register line makes a type saveable.</summary>
    public sealed class FakeClassifier
    {
        public string Model { get; set; }
        public string ModelFingerprint { get; set; }
        public int Dimension { get; set; }
        public string[] Labels { get; set; }
        public double[][] Prototypes { get; set; }
        public double Threshold { get; set; }
    }

    public class PersistModelFileTests : IDisposable
    {
        private readonly string dir = TestPaths.NewTempDir();

        static PersistModelFileTests()
        {
            ModelFileKinds.Register<FakeClassifier>("FakeClassifier", c => new FeatureIdentity(c.Model, c.ModelFingerprint, c.Dimension));
        }

        public void Dispose() { try { Directory.Delete(dir, true); } catch (IOException) { } }

        private string P(string name) => Path.Combine(dir, name);

        private static (ClusterFit fit, System.Collections.Generic.List<ImageFeature> fresh) FitBlobs(ClusterOptions options, int seed = 7)
        {
            var data = ClusteringTests.Blobs(new[] { 20, 15, 12 }, 6, seed, out _, out var centres);
            var fit = ClusterModel.Fit(data, options);
            // new pages: near each centre, between centres, and far from everything
            var rnd = new Random(seed + 1);
            var fresh = new System.Collections.Generic.List<ImageFeature>();
            for (int i = 0; i < 30; i++)
            {
                var c = centres[i % centres.Length];
                double spread = i < 15 ? 1 : (i < 25 ? 8 : 60);
                fresh.Add(ClusteringTests.F($"/new/{i:00}.png", c.Select(m => (float)(m + spread * (rnd.NextDouble() - 0.5))).ToArray()));
            }
            fresh.Add(ClusteringTests.F("/new/far.png", Enumerable.Repeat(500f, 6).ToArray()));
            return (fit, fresh);
        }

        private static void AssertSamePredictions(ClusterModel a, ClusterModel b, System.Collections.Generic.IReadOnlyList<ImageFeature> features)
        {
            var pa = a.Predict(features);
            var pb = b.Predict(features);
            for (int i = 0; i < pa.Count; i++)
            {
                Assert.Equal(pa[i].Cluster, pb[i].Cluster);
                Assert.Equal(pa[i].ClusterName, pb[i].ClusterName);
                Assert.Equal(pa[i].IsOutlier, pb[i].IsOutlier);
                Assert.Equal(pa[i].Confidence, pb[i].Confidence);
                Assert.Equal(pa[i].Distance, pb[i].Distance);
            }
        }

        public static TheoryData<ClusterAlgorithm, ClusterMetric, bool> Settings => new TheoryData<ClusterAlgorithm, ClusterMetric, bool>
        {
            { ClusterAlgorithm.KMeans, ClusterMetric.Cosine, true },
            { ClusterAlgorithm.Agglomerative, ClusterMetric.Euclidean, true },
            { ClusterAlgorithm.Density, ClusterMetric.Euclidean, false },
        };

        [Theory]
        [MemberData(nameof(Settings))]
        public void Fit_save_load_predicts_exactly_like_the_original(ClusterAlgorithm algorithm, ClusterMetric metric, bool standardize)
        {
            var options = new ClusterOptions { Algorithm = algorithm, Metric = metric, Standardize = standardize, Seed = 3 };
            if (algorithm == ClusterAlgorithm.Density) options.MinClusterSize = 5;
            var (fit, fresh) = FitBlobs(options);
            var file = P("model.json");
            var header = ModelFile.Save(fit.Model, file);
            Assert.Equal("ClusterModel", header.Kind);

            var loaded = ModelFile.Load<ClusterModel>(file);

            Assert.Equal(fit.Model.K, loaded.K);
            Assert.Equal(fit.Model.ModelFingerprint, loaded.ModelFingerprint);
            Assert.Equal(fit.Model.Options.Algorithm, loaded.Options.Algorithm);
            Assert.Equal(fit.Model.Options.K, loaded.Options.K);
            Assert.Equal(fit.Model.ClusterNames, loaded.ClusterNames);
            for (int c = 0; c < fit.Model.K; c++) Assert.Equal(fit.Model.Centroids[c], loaded.Centroids[c]);
            Assert.Equal(fit.Model.OutlierDistance, loaded.OutlierDistance);
            AssertSamePredictions(fit.Model, loaded, fresh);
            var predictions = loaded.Predict(fresh);
            Assert.True(predictions.Last().IsOutlier, "a page far from every cluster is flagged");
            Assert.Contains(predictions.Take(15), p => !p.IsOutlier);
        }

        [Fact]
        public void Infinity_NaN_null_arrays_and_nullable_settings_round_trip()
        {
            var options = new ClusterOptions { K = 3, Standardize = false, Metric = ClusterMetric.Euclidean, OutlierThreshold = double.PositiveInfinity, DistanceThreshold = null };
            var (fit, fresh) = FitBlobs(options);
            var model = fit.Model;
            Assert.Null(model.Mean);
            Assert.Null(model.Weights);
            Assert.True(double.IsPositiveInfinity(model.OutlierDistance[0]));
            model.DistanceScale[1] = double.NaN;
            model.DistanceMedian[2] = double.NegativeInfinity;
            model.Options.DimensionWeights = null;
            model.ClusterNames[0] = "Bills «ünïcode» \"quoted\" NaN INF \\";

            ModelFile.Save(model, P("m.json"));
            var loaded = ModelFile.Load<ClusterModel>(P("m.json"));

            Assert.Null(loaded.Mean);
            Assert.Null(loaded.Scale);
            Assert.Null(loaded.Weights);
            Assert.Null(loaded.Options.DimensionWeights);
            Assert.Null(loaded.Options.DistanceThreshold);
            Assert.Equal(3, loaded.Options.K);
            Assert.True(double.IsPositiveInfinity(loaded.Options.OutlierThreshold));
            Assert.All(loaded.OutlierDistance, d => Assert.True(double.IsPositiveInfinity(d)));
            Assert.True(double.IsNaN(loaded.DistanceScale[1]));
            Assert.True(double.IsNegativeInfinity(loaded.DistanceMedian[2]));
            Assert.Equal(model.ClusterNames, loaded.ClusterNames);
            AssertSamePredictions(model, loaded, fresh);
            Assert.All(loaded.Predict(fresh), p => Assert.False(p.IsOutlier));

            // still strict JSON (DataContractJsonSerializer alone would write bare INF / NaN)
            var text = File.ReadAllText(P("m.json"));
            using (var doc = System.Text.Json.JsonDocument.Parse(text))
            {
                var payload = doc.RootElement.GetProperty("Payload");
                Assert.Equal("INF", payload.GetProperty("OutlierDistance")[0].GetString());
                Assert.Equal("NaN", payload.GetProperty("DistanceScale")[1].GetString());
                Assert.Equal("-INF", payload.GetProperty("DistanceMedian")[2].GetString());
                Assert.Equal(model.ClusterNames[0], payload.GetProperty("ClusterNames")[0].GetString());
            }
        }

        [Fact]
        public void File_is_utf8_json_with_the_envelope_first()
        {
            var (fit, _) = FitBlobs(new ClusterOptions { K = 3 });
            ModelFile.Save(fit.Model, P("m.json"));
            var bytes = File.ReadAllBytes(P("m.json"));
            Assert.NotEqual(0xEF, bytes[0]); // no BOM
            var text = Encoding.UTF8.GetString(bytes);
            var order = new[] { "\"Format\"", "\"FormatVersion\"", "\"Kind\"", "\"CreatedUtc\"", "\"CreatedBy\"", "\"FeatureModel\"", "\"FeatureFingerprint\"", "\"Dimension\"", "\"Payload\"" }
                .Select(k => text.IndexOf(k, StringComparison.Ordinal)).ToArray();
            Assert.All(order, i => Assert.True(i >= 0));
            Assert.Equal(order.OrderBy(i => i), order);
            var h = ModelFile.ReadHeader(P("m.json"));
            Assert.Equal(ModelFile.FormatName, h.Format);
            Assert.Equal(1, h.FormatVersion);
            Assert.Equal("Test", h.FeatureModel);
            Assert.Equal("fp1", h.FeatureFingerprint);
            Assert.Equal(6, h.Dimension);
            Assert.StartsWith("DocCluster ", h.CreatedBy);
            Assert.True(DateTime.Parse(h.CreatedUtc, null, System.Globalization.DateTimeStyles.RoundtripKind) > DateTime.UtcNow.AddMinutes(-5));
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        }

        private string SavedText(out ClusterModel model)
        {
            var (fit, _) = FitBlobs(new ClusterOptions { K = 3 });
            model = fit.Model;
            ModelFile.Save(model, P("m.json"));
            return File.ReadAllText(P("m.json"));
        }

        private static ModelFileError ReasonLoading(string path) => Assert.Throws<ModelFileException>(() => ModelFile.Load(path)).Reason;

        [Fact]
        public void Newer_format_version_asks_to_upgrade()
        {
            var text = SavedText(out _);
            File.WriteAllText(P("new.json"), Regex.Replace(text, "\"FormatVersion\"\\s*:\\s*1", "\"FormatVersion\":2"));
            var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(P("new.json")));
            Assert.Equal(ModelFileError.NewerFormat, ex.Reason);
            Assert.Contains("newer DocCluster", ex.Message);
            Assert.Contains("Upgrade", ex.Message);
            Assert.Equal(P("new.json"), ex.Path);
            File.WriteAllText(P("zero.json"), Regex.Replace(text, "\"FormatVersion\"\\s*:\\s*1", "\"FormatVersion\":0"));
            Assert.Equal(ModelFileError.UnsupportedFormat, ReasonLoading(P("zero.json")));
        }

        [Fact]
        public void Damaged_and_foreign_files_are_rejected_with_a_reason()
        {
            var text = SavedText(out _);
            Assert.Equal(ModelFileError.NotFound, ReasonLoading(P("missing.json")));
            Assert.Equal(ModelFileError.NotFound, ReasonLoading(P("nodir/missing.json")));

            File.WriteAllText(P("half.json"), text.Substring(0, text.Length / 2));
            Assert.Equal(ModelFileError.Corrupt, ReasonLoading(P("half.json")));
            File.WriteAllBytes(P("empty.json"), new byte[0]);
            Assert.Equal(ModelFileError.Corrupt, ReasonLoading(P("empty.json")));
            File.WriteAllBytes(P("png.json"), TestImages.Png(10, 10));
            Assert.Equal(ModelFileError.Corrupt, ReasonLoading(P("png.json")));

            File.WriteAllText(P("other.json"), "{\"name\":\"something else\"}");
            Assert.Equal(ModelFileError.NotAModelFile, ReasonLoading(P("other.json")));
            File.WriteAllText(P("format.json"), text.Replace("\"DocCluster.Model\"", "\"Other.Model\""));
            Assert.Equal(ModelFileError.NotAModelFile, ReasonLoading(P("format.json")));

            File.WriteAllText(P("kind.json"), text.Replace("\"ClusterModel\"", "\"TimeMachine\""));
            var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(P("kind.json")));
            Assert.Equal(ModelFileError.UnknownKind, ex.Reason);
            Assert.Contains("TimeMachine", ex.Message);

            // envelope and payload disagree about the features
            File.WriteAllText(P("fp.json"), Regex.Replace(text, "\"FeatureFingerprint\"\\s*:\\s*\"fp1\"", "\"FeatureFingerprint\":\"fp2\""));
            ex = Assert.Throws<ModelFileException>(() => ModelFile.Load(P("fp.json")));
            Assert.Equal(ModelFileError.Corrupt, ex.Reason);
            Assert.Contains("inconsistent", ex.Message);

            // centroids of the wrong length
            File.WriteAllText(P("dim.json"), Regex.Replace(text, "\"Dimension\"\\s*:\\s*6", "\"Dimension\":7"));
            Assert.Equal(ModelFileError.Corrupt, ReasonLoading(P("dim.json")));

            // wrong JSON type for a field
            File.WriteAllText(P("type.json"), Regex.Replace(text, "\"TrainingCount\"\\s*:\\s*\\d+", "\"TrainingCount\":\"many\""));
            Assert.Equal(ModelFileError.Corrupt, ReasonLoading(P("type.json")));
        }

        [Fact]
        public void Existing_file_is_kept_unless_overwrite_and_no_temp_files_remain()
        {
            var (fit, _) = FitBlobs(new ClusterOptions { K = 3 });
            File.WriteAllText(P("m.json"), "precious");
            var ex = Assert.Throws<ModelFileException>(() => ModelFile.Save(fit.Model, P("m.json")));
            Assert.Equal(ModelFileError.AlreadyExists, ex.Reason);
            Assert.Equal("precious", File.ReadAllText(P("m.json")));

            ModelFile.Save(fit.Model, P("m.json"), overwrite: true);
            Assert.Equal(3, ModelFile.Load<ClusterModel>(P("m.json")).K);
            Assert.Single(Directory.GetFiles(dir));

            Assert.Equal(ModelFileError.UnsupportedModelType, Assert.Throws<ModelFileException>(() => ModelFile.Save("a string", P("s.json"))).Reason);
            Assert.False(File.Exists(P("s.json")));
            Assert.Equal(ModelFileError.NotFound, Assert.Throws<ModelFileException>(() => ModelFile.Save(fit.Model, P("no/such/dir/m.json"))).Reason);
        }

        [Fact]
        public void A_second_model_type_needs_one_registration_and_kinds_are_not_confused()
        {
            var c = new FakeClassifier
            {
                Model = "DocLayout", ModelFingerprint = "abc123", Dimension = 2, Labels = new[] { "bill", "passport" },
                Prototypes = new[] { new[] { 1.0, 2.0 }, new[] { double.NaN, -0.5 } }, Threshold = double.NegativeInfinity,
            };
            var header = ModelFile.Save(c, P("c.json"));
            Assert.Equal("FakeClassifier", header.Kind);
            var loaded = Assert.IsType<FakeClassifier>(ModelFile.Load(P("c.json"), out var h2));
            Assert.Equal("FakeClassifier", h2.Kind);
            Assert.Equal(c.Labels, loaded.Labels);
            Assert.Equal(c.Prototypes[0], loaded.Prototypes[0]);
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(P("c.json"))).Dispose();
            Assert.True(double.IsNaN(loaded.Prototypes[1][0]));
            Assert.True(double.IsNegativeInfinity(loaded.Threshold));

            var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load<ClusterModel>(P("c.json")));
            Assert.Equal(ModelFileError.KindMismatch, ex.Reason);
            Assert.Contains("FakeClassifier", ex.Message);

            Assert.Throws<InvalidOperationException>(() => ModelFileKinds.Register<FakeClassifier>("ClusterModel", x => null));
            ModelFileKinds.Register<FakeClassifier>("FakeClassifier", x => null); // same pair again: no-op
        }

        [Fact]
        public void Features_of_another_extractor_are_refused()
        {
            SavedText(out _);
            var h = ModelFile.ReadHeader(P("m.json"));
            ModelFile.EnsureCompatible(h, new FeatureModelInfo("Test", "fp1", 6, ""));
            var ex = Assert.Throws<ModelFileException>(() => ModelFile.EnsureCompatible(h, new FeatureModelInfo("Thumbnail", "ffff", 1024, ""), P("m.json")));
            Assert.Equal(ModelFileError.FeatureMismatch, ex.Reason);
            Assert.Contains("Thumbnail", ex.Message);
            Assert.Equal(ModelFileError.FeatureMismatch,
                Assert.Throws<ModelFileException>(() => ModelFile.EnsureCompatible(h, new FeatureModelInfo("Test", "fp1", 7, ""))).Reason);
        }

        [Fact]
        public void Stream_round_trip()
        {
            var (fit, fresh) = FitBlobs(new ClusterOptions { K = 3 });
            var ms = new MemoryStream();
            ModelFile.Save(fit.Model, ms);
            ms.Position = 0;
            var loaded = Assert.IsType<ClusterModel>(ModelFile.Load(ms, out var header));
            Assert.Equal("ClusterModel", header.Kind);
            AssertSamePredictions(fit.Model, loaded, fresh);
        }
    }
}
