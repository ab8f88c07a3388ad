using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>Large batches are classified in several graphs of at most ClassifierOptions.MaxBatchPages pages.</summary>
    public class ClassificationBatchSizeTests
    {
        private const int D = 12;

        private static List<ImageFeature> Pages(int kinds, int perKind) =>
            Enumerable.Range(0, kinds).SelectMany(c => Enumerable.Range(5, perKind).Select(i => SyntheticKindPages.Bump(c, i, D))).ToList();

        private static double UnknownShare(IReadOnlyList<ClassificationResult> results) => results.Count(r => r.IsUnknown) / (double)results.Count;

        [Fact]
        public void Pages_of_labelled_kinds_stay_known_in_a_batch_of_thousands()
        {
            // two well-separated kinds, five labels each, 2000 pages each: in one graph a walk rarely finds one of five
            // labelled pages among 2000 before it ends, so reach and confidence fall below the default threshold
            var examples = SyntheticKindPages.Examples(2, D);
            var pages = Pages(2, 2000);
            var capped = BatchClassifier.Classify(ImageClassifier.Train(examples, new ClassifierOptions()), pages, ClassifierOptions.DefaultBatchMinConfidence);
            var oneGraph = BatchClassifier.Classify(ImageClassifier.Train(examples, new ClassifierOptions { MaxBatchPages = 0 }), pages,
                ClassifierOptions.DefaultBatchMinConfidence);

            Assert.Equal(pages.Count, capped.Count);
            for (int i = 0; i < pages.Count; i++)
            {
                Assert.Equal(pages[i].Path, capped[i].Path);
                Assert.Equal("kind" + (i / 2000), capped[i].PredictedKind);
            }
            Assert.True(UnknownShare(capped) < 0.01, $"capped: {UnknownShare(capped):P1} Unknown");
            double Mean(IReadOnlyList<ClassificationResult> r) => r.Average(x => x.Confidence);
            Assert.True(UnknownShare(oneGraph) > 0.05, $"one graph: {UnknownShare(oneGraph):P1} Unknown");
            Assert.True(Mean(oneGraph) < 0.8 * Mean(capped), $"mean confidence: one graph {Mean(oneGraph):F3}, capped {Mean(capped):F3}");
        }

        [Fact]
        public void The_split_reports_progress_per_graph_and_does_not_depend_on_input_order()
        {
            var clf = ImageClassifier.Train(SyntheticKindPages.Examples(3, D), new ClassifierOptions { MaxBatchPages = 100 });
            var pages = Pages(3, 84); // 252 pages: three graphs of 84
            Assert.Equal(3, BatchClassifier.ChunkCount(pages.Count, 100));
            var seen = new List<int>();
            var forward = BatchClassifier.Classify(clf, pages, 0.2, null, seen.Add);
            Assert.Equal(new[] { 84, 168, 252 }, seen);

            var reversed = Enumerable.Reverse(pages).ToList();
            var backward = BatchClassifier.Classify(clf, reversed, 0.2);
            var byPath = backward.ToDictionary(r => r.Path, r => r);
            Assert.Equal(pages.Count, byPath.Count);
            foreach (var r in forward)
            {
                Assert.Equal(r.Kind, byPath[r.Path].Kind);
                Assert.Equal(r.Confidence, byPath[r.Path].Confidence, 12);
            }
            // every graph holds a like sample: all three kinds come out right
            Assert.All(forward, r => Assert.Equal(r.Path.Substring(4, 1), r.PredictedKind.Substring(4)));
        }

        [Fact]
        public void Chunk_count_rounds_up_and_zero_means_one_graph()
        {
            Assert.Equal(1, BatchClassifier.ChunkCount(1000, 1000));
            Assert.Equal(2, BatchClassifier.ChunkCount(1001, 1000));
            Assert.Equal(20, BatchClassifier.ChunkCount(20000, 1000));
            Assert.Equal(1, BatchClassifier.ChunkCount(50000, 0));
        }
    }
}
