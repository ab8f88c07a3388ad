using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>BatchClassifier (transductive: kNN graph over labelled examples + batch, absorbing walk) on synthetic pages.</summary>
    public class ClassificationBatchTests
    {
        private const int D = 12;

        private static ImageFeature Page(int c, int i) => SyntheticKindPages.Bump(c, i, D);

        private static ImageClassifier Trained(int kinds) => ImageClassifier.Train(SyntheticKindPages.Examples(kinds, D), new ClassifierOptions());

        private static List<ImageFeature> Batch(int kinds) =>
            Enumerable.Range(0, kinds).SelectMany(c => Enumerable.Range(10, 15).Select(i => Page(c, i))).ToList();

        [Fact]
        public void Known_kinds_are_named_and_a_kind_nobody_labelled_is_Unknown()
        {
            var clf = Trained(3);
            Assert.Equal(15, clf.ExampleVectors.Length);
            var pages = Batch(4);
            var res = BatchClassifier.Classify(clf, pages, ClassifierOptions.DefaultBatchMinConfidence);
            Assert.Equal(pages.Count, res.Count);
            for (int i = 0; i < pages.Count; i++)
            {
                Assert.Equal(pages[i].Path, res[i].Path);
                Assert.InRange(res[i].Confidence, 0, 1);
                int c = pages[i].Path[4] - '0';
                if (c < 3) { Assert.Equal("kind" + c, res[i].Kind); Assert.False(res[i].IsUnknown); }
                else { Assert.Equal(ClassificationResult.UnknownKind, res[i].Kind); Assert.True(res[i].IsUnknown); Assert.Contains(res[i].PredictedKind, clf.Kinds); }
            }
        }

        [Fact]
        public void Results_do_not_depend_on_the_input_order()
        {
            var clf = Trained(3);
            var pages = Batch(4);
            var a = BatchClassifier.Classify(clf, pages, 0.2);
            var shuffled = pages.OrderBy(p => new Random(p.Path.GetHashCode() & 0x7fff).Next()).Reverse().ToList();
            var b = BatchClassifier.Classify(clf, shuffled, 0.2).ToDictionary(r => r.Path);
            foreach (var r in a)
            {
                Assert.Equal(r.Kind, b[r.Path].Kind);
                Assert.Equal(r.Confidence, b[r.Path].Confidence, 12);
            }
        }

        [Fact]
        public void Refuses_a_classifier_without_examples_features_of_another_extractor_and_a_bad_threshold()
        {
            var clf = Trained(2);
            var other = new ImageFeature("/x/o.png", 1, 1, 10, 10, "Other", "fp2", new float[D]);
            Assert.Throws<ArgumentException>(() => BatchClassifier.Classify(clf, new[] { Page(0, 20), other }, 0.2));
            Assert.Throws<ArgumentOutOfRangeException>(() => BatchClassifier.Classify(clf, new[] { Page(0, 20) }, 1.5));
            Assert.Empty(BatchClassifier.Classify(clf, new ImageFeature[0], 0.2));
            clf.ExampleVectors = null;
            Assert.Throws<InvalidOperationException>(() => BatchClassifier.Classify(clf, new[] { Page(0, 20) }, 0.2));
        }

        [Fact]
        public void Cancellation_returns_null()
        {
            Assert.Null(BatchClassifier.Classify(Trained(3), Batch(3), 0.2, () => true));
        }
    }
}
