using System;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class SuggestionTests
    {
        private static ImageFeature Page(int c, int i)
        {
            var r = new Random(c * 1000 + i);
            var v = new float[9];
            for (int j = 0; j < 9; j++) v[j] = (float)(r.NextDouble() * 0.3);
            for (int j = 3 * c; j < 3 * c + 3; j++) v[j] += 3;
            return new ImageFeature($"/x/c{c}-{i:00}.png", 1, 1, 10, 10, "Test", "fp", v);
        }

        [Fact]
        public void Without_a_classifier_one_representative_per_group_deterministically()
        {
            var f = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(0, 10 + 5 * c).Select(i => Page(c, i))).ToList();
            var s = LabelSuggester.Suggest(f, 3, seed: 1);
            Assert.Equal(3, s.Count);
            Assert.Equal(new[] { 1, 2, 3 }, s.Select(x => x.Priority));
            Assert.Equal(new[] { "c2", "c1", "c0" }, s.Select(x => x.Name.Substring(0, 2))); // largest group first
            Assert.StartsWith("Representative of cluster 1", s[0].Reason);
            var again = LabelSuggester.Suggest(f.AsEnumerable().Reverse().ToList(), 3, seed: 1);
            Assert.Equal(s.Select(x => x.Path), again.Select(x => x.Path));
        }

        [Fact]
        public void With_a_classifier_the_least_confident_come_first()
        {
            var train = Enumerable.Range(0, 2).SelectMany(c => Enumerable.Range(0, 5).Select(i => (Page(c, i), "kind" + c))).ToList();
            var clf = ImageClassifier.Train(train, null);
            var f = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(10, 5).Select(i => Page(c, i))).ToList();
            var s = LabelSuggester.Suggest(f, 5, clf);
            Assert.Equal(5, s.Count);
            Assert.StartsWith("c2", s[0].Name); // the unlabelled kind is the most uncertain
            Assert.StartsWith("Unknown:", s[0].Reason);
            Assert.True(s.Zip(s.Skip(1), (a, b) => a.Confidence <= b.Confidence).All(x => x));
        }
    }
}
