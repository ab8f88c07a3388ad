using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;
using DocCluster.Persistence;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>Unlabelled context pages kept in the classifier (the archive) and used by BatchClassifier for small batches.</summary>
    public class ClassificationContextTests
    {
        private const int D = 12;

        private static ImageFeature Page(int c, int i) => SyntheticKindPages.Bump(c, i, D);

        private static List<(ImageFeature, string)> Examples(int kinds) => SyntheticKindPages.Examples(kinds, D);

        [Fact]
        public void Context_is_sampled_evenly_without_labelled_or_repeated_pages_and_must_match_the_extractor()
        {
            var context = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(0, 20).Select(i => Page(c, i))).ToList();
            context.Add(Page(1, 7)); // the same page twice
            var copy = Page(0, 3); // a labelled page copied elsewhere: same vector, another path
            context.Add(new ImageFeature("/archive/c0-03.png", 1, 1, 10, 10, copy.Model, copy.ModelFingerprint, copy.Vector));
            var opt = new ClassifierOptions { MaxContextPages = 9 };
            var clf = ImageClassifier.Train(Examples(2), opt, null, context);
            Assert.Equal(9, clf.ContextVectors.Length);
            var labelled = new HashSet<string>(clf.ExampleVectors.Select(Key));
            Assert.DoesNotContain(clf.ContextVectors, v => labelled.Contains(Key(v)));
            // 60 distinct pages, 10 of them labelled: 50 left, every third or so kept, so each kind's pages are represented
            var kindOf = context.GroupBy(p => Key(p.Vector)).ToDictionary(g => g.Key, g => g.First().Path[4], StringComparer.Ordinal);
            Assert.Equal(3, clf.ContextVectors.Select(v => kindOf[Key(v)]).Distinct().Count());
            Assert.Equal(clf.ContextVectors.Select(Key), ImageClassifier.Train(Examples(2), opt, null, Enumerable.Reverse(context).ToList()).ContextVectors.Select(Key));

            Assert.Null(ImageClassifier.Train(Examples(2), new ClassifierOptions()).ContextVectors);
            var other = new ImageFeature("/x/o.png", 1, 1, 10, 10, "Other", "fp2", new float[D]);
            Assert.Throws<ArgumentException>(() => ImageClassifier.Train(Examples(2), opt, null, new[] { other }));
        }

        [Fact]
        public void A_small_batch_is_classified_inside_the_archive_so_an_unlabelled_kind_there_comes_out_Unknown()
        {
            // kinds 0 and 1 labelled; kind 2 is in the archive but nobody labelled it. Typicality and the kind-level check off,
            // so only the graph decides.
            var opt = new ClassifierOptions { BatchTypicality = false, KindLevelCheck = false };
            var archive = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(20, 30).Select(i => Page(c, i))).ToList();
            var batch = new[] { Page(0, 60), Page(0, 61), Page(1, 60), Page(1, 61), Page(2, 60), Page(2, 61) };
            var alone = BatchClassifier.Classify(ImageClassifier.Train(Examples(2), opt), batch, ClassifierOptions.DefaultBatchMinConfidence);
            var withArchive = BatchClassifier.Classify(ImageClassifier.Train(Examples(2), opt, null, archive), batch, ClassifierOptions.DefaultBatchMinConfidence);
            Assert.Equal(batch.Length, withArchive.Count);
            Assert.Equal(batch.Select(p => p.Path), withArchive.Select(r => r.Path));
            for (int i = 0; i < 4; i++) Assert.Equal("kind" + (i / 2), withArchive[i].Kind);
            // alone, the two kind-2 pages are linked to the labelled kinds (the batch is too small to be a group of their own)
            Assert.All(alone.Skip(4), r => Assert.False(r.IsUnknown));
            Assert.All(withArchive.Skip(4), r => Assert.True(r.IsUnknown));
        }

        [Fact]
        public void A_batch_page_that_is_also_in_the_context_is_counted_once_and_context_survives_save_and_load()
        {
            var archive = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(20, 10).Select(i => Page(c, i))).ToList();
            var clf = ImageClassifier.Train(Examples(2), new ClassifierOptions(), null, archive);
            var batch = archive.Take(5).Concat(new[] { Page(1, 40) }).ToList();
            var res = BatchClassifier.Classify(clf, batch, 0.2);
            // the same pages with their context twins removed by hand give the same results
            var path = Path.Combine(Path.GetTempPath(), "doccluster-context-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                ModelFile.Save(clf, path);
                var back = ModelFile.Load<ImageClassifier>(path);
                Assert.Equal(clf.ContextVectors.Select(Key), back.ContextVectors.Select(Key));
                var again = BatchClassifier.Classify(back, batch, 0.2);
                for (int i = 0; i < batch.Count; i++) { Assert.Equal(res[i].Kind, again[i].Kind); Assert.Equal(res[i].Confidence, again[i].Confidence, 12); }
                back.ContextVectors = clf.ContextVectors.Where(v => !batch.Any(p => Key(p.Vector) == Key(v))).ToArray();
                var pruned = BatchClassifier.Classify(back, batch, 0.2);
                for (int i = 0; i < batch.Count; i++) Assert.Equal(res[i].Confidence, pruned[i].Confidence, 12);
            }
            finally { File.Delete(path); }
        }

        private static string Key(float[] v) => string.Join(",", v.Select(x => BitConverter.SingleToInt32Bits(x)));
        private static string Key(ImageFeature f) => Key(f.Vector);
    }
}
