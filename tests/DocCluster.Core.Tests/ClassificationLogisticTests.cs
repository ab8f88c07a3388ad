using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DocCluster.Classification;
using DocCluster.Features;
using DocCluster.Persistence;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>The logistic-regression scoring of ImageClassifier (format 3) and its use as the prior of BatchClassifier's walk.</summary>
    public class ClassificationLogisticTests : IDisposable
    {
        private const int D = 12;
        private readonly string dir = Path.Combine(Path.GetTempPath(), "dc-lr-" + Guid.NewGuid().ToString("N"));

        public ClassificationLogisticTests() => Directory.CreateDirectory(dir);

        public void Dispose()
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        /// <summary>Two kinds that differ only in the last dimension (±0.5, tiny noise); the other 11 dimensions are large noise
        /// shared by both. Nearest prototype is misled by the noise dimensions; a linear classifier finds the one that matters.</summary>
        private static ImageFeature NoisyPage(int c, int i)
        {
            var r = new Random(7919 * c + i);
            var v = new float[D];
            for (int j = 0; j < D - 1; j++) v[j] = (float)(r.NextDouble() * 2 - 1);
            v[D - 1] = (float)((c == 0 ? 0.5 : -0.5) + 0.02 * (r.NextDouble() - 0.5));
            return new ImageFeature($"/n/c{c}-{i:000}.png", 1, 1, 10, 10, "Test", "fp", v);
        }

        private static ImageFeature Page(int c, int i) => SyntheticKindPages.Bump(c, i, D);

        private static List<(ImageFeature, string)> Examples(Func<int, int, ImageFeature> page, int kinds, int per) =>
            Enumerable.Range(0, kinds).SelectMany(c => Enumerable.Range(0, per).Select(i => (page(c, i), "kind" + c))).ToList();

        [Fact]
        public void Softmax_regression_fits_separable_data_and_gives_distributions()
        {
            // three kinds on a line, separable only by thresholds on x0; x1 is noise
            var x = new List<double[]>(); var y = new List<int>();
            for (int i = 0; i < 30; i++) { int c = i % 3; x.Add(new[] { c - 1 + 0.1 * Math.Sin(i), Math.Cos(7 * i) }); y.Add(c); }
            var targets = y.Select(c => { var t = new double[3]; t[c] = 1; return t; }).ToArray();
            var W = SoftmaxRegression.Fit(x.ToArray(), targets, null, 3, 1e-3);
            for (int i = 0; i < x.Count; i++)
            {
                var p = SoftmaxRegression.Probabilities(W, x[i]);
                Assert.Equal(1.0, p.Sum(), 9);
                Assert.Equal(y[i], Array.IndexOf(p, p.Max()));
            }
            // a stronger penalty gives flatter posteriors on the same point
            var W2 = SoftmaxRegression.Fit(x.ToArray(), targets, null, 3, 1.0);
            Assert.True(SoftmaxRegression.Probabilities(W2, x[0]).Max() < SoftmaxRegression.Probabilities(W, x[0]).Max());
            Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxRegression.Fit(x.ToArray(), targets, null, 3, 0));
        }

        [Fact]
        public void Logistic_regression_finds_the_one_dimension_that_matters_where_the_nearest_prototype_does_not()
        {
            var ex = Examples(NoisyPage, 2, 10);
            var lr = ImageClassifier.Train(ex, new ClassifierOptions());
            var proto = ImageClassifier.Train(ex, new ClassifierOptions { LogisticRegression = false });
            Assert.NotNull(lr.Coefficients);
            Assert.Equal(ImageClassifier.AlgorithmName, lr.Algorithm);
            Assert.Null(proto.Coefficients);
            Assert.Equal(ImageClassifier.PrototypeAlgorithmName, proto.Algorithm);
            var test = Enumerable.Range(0, 2).SelectMany(c => Enumerable.Range(100, 50).Select(i => (f: NoisyPage(c, i), kind: "kind" + c))).ToList();
            double accLr = test.Average(t => lr.Predict(t.f, 0).PredictedKind == t.kind ? 1.0 : 0);
            double accProto = test.Average(t => proto.Predict(t.f, 0).PredictedKind == t.kind ? 1.0 : 0);
            Assert.True(accLr >= 0.95, $"logistic regression accuracy {accLr:P0}");
            Assert.True(accLr > accProto, $"logistic regression {accLr:P0} vs prototype {accProto:P0}");
        }

        [Fact]
        public void An_unseen_kind_is_Unknown_at_the_default_threshold_streaming_and_in_a_batch()
        {
            var clf = ImageClassifier.Train(Examples(Page, 3, 5), new ClassifierOptions());
            Assert.NotNull(clf.Coefficients);
            for (int i = 10; i < 20; i++)
            {
                var known = clf.Predict(Page(i % 3, i));
                Assert.Equal("kind" + (i % 3), known.Kind);
                var unseen = clf.Predict(Page(3, i));
                Assert.True(unseen.IsUnknown, $"confidence {unseen.Confidence}");
                Assert.True(unseen.KindProbability > 0.3, "the posterior alone is confident: only the typicality catches the unseen kind");
            }
            var batch = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(10, 12).Select(i => Page(c, i))).ToList();
            var res = BatchClassifier.Classify(clf, batch, clf.DefaultBatchMinConfidence);
            for (int i = 0; i < batch.Count; i++)
            {
                int c = batch[i].Path[4] - '0';
                Assert.Equal(c < 3 ? "kind" + c : ClassificationResult.UnknownKind, res[i].Kind);
            }
        }

        [Fact]
        public void The_batch_prior_corrects_pages_the_graph_alone_gets_wrong()
        {
            // the noisy two-kind data: the kNN graph follows the noise dimensions, the posterior follows the signal. The Ward tree's
            // vote is left out: the tree is built in the graph's space and follows the noise too (with it, 89 % on the union graph).
            var ex = Examples(NoisyPage, 2, 6);
            var batch = Enumerable.Range(0, 2).SelectMany(c => Enumerable.Range(100, 40).Select(i => NoisyPage(c, i))).ToList();
            double Acc(ImageClassifier c) => BatchClassifier.Classify(c, batch, 0).Select((r, i) => r.PredictedKind == "kind" + (batch[i].Path[4] - '0') ? 1.0 : 0).Average();
            (double a, double g) Run(bool mutual, int k) =>
                (Acc(ImageClassifier.Train(ex, new ClassifierOptions { MutualNeighbors = mutual, Neighbors = k, TreeVoteWeight = 0 })),
                 Acc(ImageClassifier.Train(ex, new ClassifierOptions { MutualNeighbors = mutual, Neighbors = k, PriorWeight = 0, TreeVoteWeight = 0 })));
            // the union graph of earlier classifiers follows the noise (79 %); the prior lifts it to 94 %
            var (au, gu) = Run(false, 10);
            Assert.True(au >= 0.9 && au > gu + 0.1, $"union graph: with prior {au:P1} vs graph only {gu:P1}");
            // the mutual graph (default) is led astray less (88 %), so the prior has less to correct here, but must not hurt
            var (am, gm) = Run(true, 20);
            Assert.True(am >= 0.85 && am >= gm, $"mutual graph: with prior {am:P1} vs graph only {gm:P1}");
        }

        [Fact]
        public void Save_and_load_round_trip_keeps_the_coefficients_and_the_scores()
        {
            var clf = ImageClassifier.Train(Examples(Page, 3, 5), new ClassifierOptions());
            var path = Path.Combine(dir, "lr.json");
            ModelFile.Save(clf, path);
            var back = ModelFile.Load<ImageClassifier>(path);
            Assert.Equal(3, back.FormatVersion);
            Assert.Equal(clf.Regularization, back.Regularization);
            for (int k = 0; k < clf.Coefficients.Length; k++) Assert.Equal(clf.Coefficients[k], back.Coefficients[k]);
            AssertSameResults(clf, back);
        }

        [Fact]
        public void A_format_2_file_without_coefficients_loads_and_scores_by_nearest_prototype()
        {
            var ex = Examples(Page, 3, 5);
            var proto = ImageClassifier.Train(ex, new ClassifierOptions { LogisticRegression = false, PriorWeight = 0 });
            var path = Path.Combine(dir, "v3.json");
            ModelFile.Save(ImageClassifier.Train(ex, new ClassifierOptions()), path);
            // what format 2 wrote: no Coefficients/Regularization, no LogisticRegression/PriorWeight/Regularization options, version 2
            var text = File.ReadAllText(path);
            text = Regex.Replace(text, "\"Coefficients\"\\s*:\\s*\\[(\\s*\\[[^\\]]*\\]\\s*,?)*\\s*\\]\\s*,?", "");
            text = Regex.Replace(text, "\"(Regularization|LogisticRegression|PriorWeight)\"\\s*:\\s*[^,}\\s]+\\s*,?", "");
            text = Regex.Replace(text, "\"FormatVersion\"\\s*:\\s*3", "\"FormatVersion\":2");
            text = text.Replace(ImageClassifier.AlgorithmName, ImageClassifier.PrototypeAlgorithmName);
            Assert.DoesNotContain("Coefficients", text);
            var old = Path.Combine(dir, "v2.json");
            File.WriteAllText(old, text);
            var back = ModelFile.Load<ImageClassifier>(old);
            Assert.Null(back.Coefficients);
            Assert.Equal(2, back.FormatVersion);
            AssertSameResults(proto, back);
        }

        // Both classifiers give the same confidences page by page and the same kinds and confidences in a batch.
        private static void AssertSameResults(ImageClassifier expected, ImageClassifier actual)
        {
            var pages = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(30, 5).Select(i => Page(c, i))).ToList();
            foreach (var p in pages) Assert.Equal(expected.Predict(p, 0).Confidence, actual.Predict(p, 0).Confidence, 12);
            var a = BatchClassifier.Classify(expected, pages, 0); var b = BatchClassifier.Classify(actual, pages, 0);
            for (int i = 0; i < pages.Count; i++) { Assert.Equal(a[i].Kind, b[i].Kind); Assert.Equal(a[i].Confidence, b[i].Confidence, 12); }
        }

        [Fact]
        public void A_file_with_damaged_coefficients_is_refused_as_corrupt()
        {
            var clf = ImageClassifier.Train(Examples(Page, 3, 5), new ClassifierOptions());
            clf.Coefficients = clf.Coefficients.Take(2).ToArray(); // one row missing
            var path = Path.Combine(dir, "damaged.json");
            ModelFile.Save(clf, path);
            var ex = Assert.Throws<ModelFileException>(() => ModelFile.Load<ImageClassifier>(path));
            Assert.Equal(ModelFileError.Corrupt, ex.Reason);
            Assert.Contains("Coefficients", ex.Message);
        }

        [Fact]
        public void Refuses_a_bad_regularization_or_prior_weight()
        {
            var ex = Examples(Page, 2, 3);
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { Regularization = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { Regularization = double.NaN }));
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { PriorWeight = 1.5 }));
            Assert.NotNull(ImageClassifier.Train(ex, new ClassifierOptions { LogisticRegression = false, Regularization = 0 }));
        }
    }
}
