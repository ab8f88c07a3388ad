using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DocCluster.Classification;
using DocCluster.Persistence;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>BatchClassifier's kNN graph: mutual (the default now) against the union graph of format-3 files saved before.</summary>
    public class ClassificationGraphTests : IDisposable
    {
        private readonly string dir = Path.Combine(Path.GetTempPath(), "dc-graph-" + Guid.NewGuid().ToString("N"));

        public ClassificationGraphTests() => Directory.CreateDirectory(dir);

        public void Dispose()
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        // A: 5 points around 0; B: 9 points around 10 (on a line). With k = 5 each A point's list reaches into B (only 4
        // other A points), while every B point's 5 nearest are B points: one-sided edges from A to B.
        private static double[][] TwoGroups() =>
            Enumerable.Range(0, 5).Select(i => new[] { i * 0.1, 0.0 })
                .Concat(Enumerable.Range(0, 9).Select(i => new[] { 10 + i * 0.1, 0.0 })).ToArray();

        [Fact]
        public void The_mutual_graph_drops_one_sided_edges_between_groups_and_the_union_graph_keeps_them()
        {
            var x = TwoGroups();
            var union = BatchClassifier.Graph(x, 0, 5, null, mutual: false);
            var mutual = BatchClassifier.Graph(x, 0, 5, null, mutual: true);
            bool Crosses((int[][] index, double[][] p) g, int i) => g.index[i].Any(j => (j < 5) != (i < 5));
            Assert.Contains(Enumerable.Range(0, x.Length), i => Crosses(union, i));
            Assert.DoesNotContain(Enumerable.Range(0, x.Length), i => Crosses(mutual, i));
            // nobody is cut off, and rows are distributions
            Assert.All(mutual.index, row => Assert.NotEmpty(row));
            Assert.All(mutual.p, row => Assert.Equal(1.0, row.Sum(), 9));
        }

        [Fact]
        public void A_format_3_file_saved_before_the_option_keeps_the_union_graph()
        {
            var examples = SyntheticKindPages.Examples(3, 12);
            var before = ImageClassifier.Train(examples, new ClassifierOptions { MutualNeighbors = false, Neighbors = 10 });
            var path = Path.Combine(dir, "now.json");
            ModelFile.Save(ImageClassifier.Train(examples, new ClassifierOptions()), path);
            // what the previous version wrote: the same format 3, Neighbors 10, no MutualNeighbors member
            var text = File.ReadAllText(path);
            Assert.Matches("\"MutualNeighbors\"\\s*:\\s*true", text);
            text = Regex.Replace(text, "\"MutualNeighbors\"\\s*:\\s*true\\s*,?", "");
            text = Regex.Replace(text, "\"Neighbors\"\\s*:\\s*20", "\"Neighbors\":10");
            Assert.Matches("\"MaxBatchPages\"\\s*:\\s*1000", text);
            text = Regex.Replace(text, "\"MaxBatchPages\"\\s*:\\s*1000\\s*,?", "");
            var old = Path.Combine(dir, "before.json");
            File.WriteAllText(old, text);
            var back = ModelFile.Load<ImageClassifier>(old);
            Assert.False(back.Options.MutualNeighbors);
            Assert.Equal(ClassifierOptions.DefaultMaxBatchPages, back.Options.MaxBatchPages); // nor the batch cap, which it gets

            var pages = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(30, 8).Select(i => SyntheticKindPages.Bump(c, i, 12))).ToList();
            var expected = BatchClassifier.Classify(before, pages, 0);
            var actual = BatchClassifier.Classify(back, pages, 0);
            for (int i = 0; i < pages.Count; i++)
            {
                Assert.Equal(expected[i].Kind, actual[i].Kind);
                Assert.Equal(expected[i].Confidence, actual[i].Confidence, 12);
            }
        }
    }
}
