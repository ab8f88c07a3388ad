using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DocCluster.Classification;
using DocCluster.Persistence;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>BatchClassifier's Ward tree: where a page's group meets the labelled examples (the kind-level check), and which kinds it meets (the tree's vote).</summary>
    public class ClassificationKindLevelTests : IDisposable
    {
        private const int D = 12;
        private readonly string dir = Path.Combine(Path.GetTempPath(), "dc-kindlevel-" + Guid.NewGuid().ToString("N"));

        public ClassificationKindLevelTests() => Directory.CreateDirectory(dir);

        public void Dispose()
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        // Ten points around (cx, cy), spread 0.1.
        private static double[][] Group(double cx, double cy, int seed)
        {
            var r = new Random(seed);
            return Enumerable.Range(0, 10).Select(_ => new[] { cx + r.NextDouble() * 0.1, cy + r.NextDouble() * 0.1 }).ToArray();
        }

        [Fact]
        public void A_group_no_example_reaches_below_the_kind_level_is_above_1_and_an_unlabelled_layout_of_a_labelled_kind_is_not()
        {
            // kind A: layouts A1 (0,0) and A2 (0,3), examples in both, so A's examples join where A1 and A2 merge: the kind level.
            // kind B: layouts B1 (10,0) and B2 (10,2), examples only in B1. C (5,12): nobody labelled it.
            var a1 = Group(0, 0, 1); var a2 = Group(0, 3, 2); var b1 = Group(10, 0, 3); var b2 = Group(10, 2, 4); var c = Group(5, 12, 5);
            var examples = new[] { a1[0], a1[1], a2[0], b1[0], b1[1] };
            var labels = new[] { 0, 0, 0, 1, 1 };
            var pages = a1.Skip(2).Concat(a2.Skip(1)).Concat(b1.Skip(2)).Concat(b2).Concat(c).ToArray();
            var tree = KindLevel.Measure(examples.Concat(pages).ToArray(), labels, 2, null);
            var ratio = tree.Ratio;

            Assert.Equal(pages.Length, ratio.Length);
            int i = 0;
            foreach (var (group, take) in new[] { (a1, 8), (a2, 9), (b1, 8) })
                for (int t = 0; t < take; t++, i++) Assert.True(ratio[i] < 0.5, $"page {i} of a labelled layout: {ratio[i]}");
            for (int t = 0; t < 10; t++, i++) Assert.InRange(ratio[i], 0.5, 1.0); // B2 joins B1 below the level that holds A together
            for (int t = 0; t < 10; t++, i++) Assert.True(ratio[i] > 2, $"page {i} of the unlabelled group: {ratio[i]}");

            // the tree's vote: the kinds' shares among the first examples a page meets
            Assert.All(tree.Vote.Take(17), v => Assert.Equal(new[] { 1.0, 0.0 }, v));
            Assert.All(tree.Vote.Skip(17).Take(18), v => Assert.Equal(new[] { 0.0, 1.0 }, v));
            Assert.All(tree.Vote.Skip(35), v => Assert.Equal(1.0, v.Sum(), 12));
        }

        [Fact]
        public void Without_a_kind_that_has_two_examples_apart_there_is_no_reference_level()
        {
            var x = Group(0, 0, 1).Concat(Group(5, 5, 2)).ToArray();
            Assert.Null(KindLevel.Measure(x, new[] { 0 }, 1, null).Ratio);
            Assert.Null(KindLevel.Measure(x, new[] { 0, 1 }, 2, null).Ratio);
            var same = new[] { new[] { 1.0, 1.0 }, new[] { 1.0, 1.0 }, new[] { 4.0, 4.0 } };
            Assert.Null(KindLevel.Measure(same, new[] { 0, 0 }, 1, null).Ratio); // the examples coincide: height 0 is no level
            Assert.Null(KindLevel.Measure(x, new[] { 0, 0 }, 1, () => true));
        }

        [Fact]
        public void In_a_small_batch_a_kind_nobody_labelled_comes_out_Unknown_with_the_check_and_not_without_it()
        {
            // kinds 0 and 1 labelled, two pages of kind 2 in a six-page batch; typicality off, so only graph and tree decide
            var batch = new[] { Page(0, 60), Page(0, 61), Page(1, 60), Page(1, 61), Page(2, 60), Page(2, 61) };
            var with = BatchClassifier.Classify(ImageClassifier.Train(SyntheticKindPages.Examples(2, D), new ClassifierOptions { BatchTypicality = false }),
                batch, ClassifierOptions.DefaultBatchMinConfidence);
            var without = BatchClassifier.Classify(ImageClassifier.Train(SyntheticKindPages.Examples(2, D), new ClassifierOptions { BatchTypicality = false, KindLevelCheck = false }),
                batch, ClassifierOptions.DefaultBatchMinConfidence);
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal("kind" + (i / 2), with[i].Kind);
                Assert.True(with[i].KindLevelRatio < 1, $"{with[i]}: {with[i].KindLevelRatio}");
            }
            Assert.All(with.Skip(4), r => { Assert.True(r.IsUnknown, r.ToString()); Assert.True(r.KindLevelRatio > 1); });
            Assert.All(without.Skip(4), r => Assert.False(r.IsUnknown, r.ToString()));
            Assert.All(without, r => Assert.Null(r.KindLevelRatio));
        }

        [Fact]
        public void The_trees_vote_enters_the_walks_prior_with_its_weight()
        {
            // β = 1: the walk stops at once on its prior, so KindProbability is the prior's share: with γ = 1 the tree's vote alone,
            // which is unanimous for pages whose first subtree with an example holds one kind; with γ = 0 the regression's softmax
            var batch = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(40, 4).Select(i => Page(c, i))).ToList();
            var tree = BatchClassifier.Classify(ImageClassifier.Train(SyntheticKindPages.Examples(3, D), new ClassifierOptions { PriorWeight = 1, TreeVoteWeight = 1 }), batch, 0);
            var regression = BatchClassifier.Classify(ImageClassifier.Train(SyntheticKindPages.Examples(3, D), new ClassifierOptions { PriorWeight = 1, TreeVoteWeight = 0 }), batch, 0);
            for (int i = 0; i < batch.Count; i++)
            {
                Assert.Equal("kind" + (i / 4), tree[i].PredictedKind);
                Assert.Equal(1.0, tree[i].KindProbability, 12);
                Assert.Equal("kind" + (i / 4), regression[i].PredictedKind);
                Assert.True(regression[i].KindProbability < 0.999, regression[i].KindProbability.ToString());
            }
        }

        [Fact]
        public void The_tree_is_skipped_above_its_size_limit_and_the_cmdlet_can_tell_beforehand()
        {
            var many = Enumerable.Range(0, KindLevel.MaxPoints + 1).Select(i => new[] { i * 0.01, 0.0 }).ToArray();
            Assert.Null(KindLevel.Measure(many, new[] { 0, 0, 1, 1 }, 2, null));

            var ex = SyntheticKindPages.Examples(2, D); // 10 examples
            Assert.True(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions()), 50000, 0)); // graphs of at most 1000
            Assert.True(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions { MaxBatchPages = 0 }), KindLevel.MaxPoints - 10, 0));
            Assert.False(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions { MaxBatchPages = 0 }), KindLevel.MaxPoints - 9, 0));
            Assert.False(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions { KindLevelCheck = false, TreeVoteWeight = 0 }), 10, 0));
            Assert.True(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions { KindLevelCheck = false }), 10, 0));
            // without a prior walk (nearest prototype, or β = 0) there is nothing for the tree to vote in
            Assert.False(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions { KindLevelCheck = false, LogisticRegression = false }), 10, 0));
            Assert.False(BatchClassifier.UsesWardTree(ImageClassifier.Train(ex, new ClassifierOptions { KindLevelCheck = false, PriorWeight = 0 }), 10, 0));
            Assert.Equal(0.5, BatchClassifier.TreeVote(ImageClassifier.Train(ex, new ClassifierOptions())));

            // context pages that the batch also holds count once, as in Classify: 10 examples + 5000 pages, of which the 1000
            // context pages are a part, fit; 1000 more context pages would not
            var batch = Enumerable.Range(0, 5000).Select(i => Page(i % 2, 100 + i)).ToList();
            var inBatch = ImageClassifier.Train(ex, new ClassifierOptions { MaxBatchPages = 0 }, null, batch.Take(1000).ToList());
            Assert.Equal(1000, inBatch.ContextVectors.Length);
            Assert.True(BatchClassifier.UsesWardTree(inBatch, batch));
            var outside = ImageClassifier.Train(ex, new ClassifierOptions { MaxBatchPages = 0 }, null, Enumerable.Range(0, 1000).Select(i => Page(2, 100 + i)).ToList());
            Assert.False(BatchClassifier.UsesWardTree(outside, batch));
        }

        [Fact]
        public void Out_of_range_tree_settings_are_refused_when_training()
        {
            var ex = SyntheticKindPages.Examples(2, D);
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { TreeVoteWeight = 1.5 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { TreeVoteWeight = double.NaN }));
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { KindLevelWidth = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { BatchTailWidth = -0.1 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => ImageClassifier.Train(ex, new ClassifierOptions { BatchTailWidth = double.NaN }));
            ImageClassifier.Train(ex, new ClassifierOptions { KindLevelCheck = false, KindLevelWidth = 0, TreeVoteWeight = 1 });
            ImageClassifier.Train(ex, new ClassifierOptions { BatchTailWidth = 0 });
        }

        [Fact]
        public void A_classifier_file_saved_before_the_check_existed_loads_and_classifies_without_it_or_the_trees_vote()
        {
            var examples = SyntheticKindPages.Examples(3, D);
            var back = SavedWithout(examples, "KindLevelCheck", "KindLevelLimit", "KindLevelWidth", "TreeVoteWeight", "TreeVoteAgreement", "BatchTailWidth");
            Assert.False(back.Options.KindLevelCheck);
            Assert.Equal(0, back.Options.TreeVoteWeight);

            var before = ImageClassifier.Train(examples, new ClassifierOptions { KindLevelCheck = false, TreeVoteWeight = 0, BatchTailWidth = 0 });
            foreach (var (expected, actual) in ClassifiedBoth(before, back)) Assert.Null(actual.KindLevelRatio);
        }

        /// <summary>A classifier trained now, saved, its file stripped of <paramref name="members"/> (as a file of a version before
        /// they existed) and loaded again.</summary>
        private ImageClassifier SavedWithout(System.Collections.Generic.IReadOnlyList<(DocCluster.Features.ImageFeature, string)> examples, params string[] members)
        {
            var path = Path.Combine(dir, "now.json");
            ModelFile.Save(ImageClassifier.Train(examples, new ClassifierOptions()), path);
            var text = File.ReadAllText(path);
            foreach (var member in members)
            {
                Assert.Contains("\"" + member + "\"", text);
                text = Regex.Replace(text, "\"" + member + "\"\\s*:\\s*[^,}]+,?", "");
                Assert.DoesNotContain("\"" + member + "\"", text);
            }
            var old = Path.Combine(dir, "before.json");
            File.WriteAllText(old, text);
            return ModelFile.Load<ImageClassifier>(old);
        }

        /// <summary>Classifies the same batch (pages far enough out that the tail widths matter) with both and asserts equal kinds and confidences.</summary>
        private static System.Collections.Generic.IEnumerable<(ClassificationResult expected, ClassificationResult actual)> ClassifiedBoth(ImageClassifier expectedBy, ImageClassifier actualBy)
        {
            var pages = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(30, 6).Select(i => Page(c, i))).ToList();
            var expected = BatchClassifier.Classify(expectedBy, pages, 0);
            var actual = BatchClassifier.Classify(actualBy, pages, 0);
            for (int i = 0; i < pages.Count; i++)
            {
                Assert.Equal(expected[i].Kind, actual[i].Kind);
                Assert.Equal(expected[i].Confidence, actual[i].Confidence, 12);
            }
            return expected.Zip(actual, (e, a) => (e, a)).ToList();
        }

        [Fact]
        public void A_classifier_file_saved_before_the_votes_agreement_and_the_batch_tail_existed_classifies_as_it_did()
        {
            var examples = SyntheticKindPages.Examples(3, D);
            var back = SavedWithout(examples, "TreeVoteAgreement", "BatchTailWidth");
            Assert.False(back.Options.TreeVoteAgreement);
            Assert.Equal(0, back.Options.BatchTailWidth);
            Assert.True(back.Options.KindLevelCheck);
            // the old file scores with the streaming tail (TailWidth) and the unweighted vote
            ClassifiedBoth(ImageClassifier.Train(examples, new ClassifierOptions { TreeVoteAgreement = false, BatchTailWidth = back.Options.TailWidth }), back);
        }

        [Fact]
        public void Batch_typicality_uses_the_batch_tail_width()
        {
            var examples = SyntheticKindPages.Examples(3, D);
            var pages = Enumerable.Range(0, 4).SelectMany(c => Enumerable.Range(30, 6).Select(i => Page(c, i))).ToList();
            foreach (var width in new[] { 0.15, 0.3, 1.0 })
            {
                var clf = ImageClassifier.Train(examples, new ClassifierOptions { BatchTailWidth = width });
                var res = BatchClassifier.Classify(clf, pages, 0);
                foreach (var r in res)
                    Assert.Equal(ImageClassifier.GaussianTail(r.Score, clf.TypicalRatio, width), r.Typicality, 12);
            }
            var defaults = ImageClassifier.Train(examples, new ClassifierOptions());
            Assert.Equal(ClassifierOptions.DefaultBatchTailWidth, defaults.Options.BatchTailWidth);
            Assert.Contains(BatchClassifier.Classify(defaults, pages, 0), r => r.Score > defaults.TypicalRatio); // the tail is exercised
        }

        [Fact]
        public void The_trees_vote_is_weighted_by_the_support_of_the_walk_and_the_posterior_and_abstains_without_it()
        {
            // the vote names kinds 0 and 1 equally; the walk (reach 0.5) and the posterior both lean to kind 1
            var vote = new[] { 0.5, 0.5, 0 };
            var supported = BatchClassifier.SupportedVote(vote, new[] { 0.1, 0.3, 0.1 }, new[] { 0.2, 0.6, 0.2 });
            // support: kind 0 (0.2 + 0.2) / 2 = 0.2, kind 1 (0.6 + 0.6) / 2 = 0.6 → weights 0.1 and 0.3, renormalised
            Assert.Equal(0.25, supported[0], 12);
            Assert.Equal(0.75, supported[1], 12);
            Assert.Equal(0, supported[2], 12);
            // a vote for a kind the walk never reaches and the regression all but rules out abstains (null)
            Assert.Null(BatchClassifier.SupportedVote(new[] { 0.0, 0, 1 }, new[] { 0.5, 0.3, 0 }, new[] { 0.6, 0.35, 0.05 }));
            // a walk that reaches nothing leaves the posterior as the only support
            var noWalk = BatchClassifier.SupportedVote(new[] { 0.0, 1, 0 }, new double[3], new[] { 0.1, 0.8, 0.1 });
            Assert.Equal(1.0, noWalk[1], 12);
        }

        private static DocCluster.Features.ImageFeature Page(int c, int i) => SyntheticKindPages.Bump(c, i, D);
    }
}
