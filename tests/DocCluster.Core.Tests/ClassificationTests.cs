using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class ClassificationTests
    {
        private const int D = 12;

        /// <summary>A page of class c: a bump on dimensions 3c..3c+2 plus small deterministic noise.</summary>
        private static ImageFeature Page(int c, int i, string model = "Test", string fp = "fp", int d = D)
        {
            var r = new Random(c * 1000 + i);
            var v = new float[d];
            for (int j = 0; j < d; j++) v[j] = (float)(r.NextDouble() * 0.3);
            for (int j = 3 * c; j < 3 * c + 3 && j < d; j++) v[j] += 3;
            return new ImageFeature($"/x/c{c}-{i:00}.png", 1, 1, 10, 10, model, fp, v);
        }

        private static List<(ImageFeature, string)> Train(int kinds, int per, int offset = 0) =>
            Enumerable.Range(0, kinds).SelectMany(c => Enumerable.Range(offset, per).Select(i => (Page(c, i), "kind" + c))).ToList();

        [Fact]
        public void Separable_classes_are_classified_correctly_and_confidently()
        {
            var clf = ImageClassifier.Train(Train(3, 5), new ClassifierOptions());
            Assert.Equal(new[] { "kind0", "kind1", "kind2" }, clf.Kinds);
            for (int c = 0; c < 3; c++)
                for (int i = 10; i < 20; i++)
                {
                    var r = clf.Predict(Page(c, i), ClassifierOptions.DefaultMinConfidence);
                    Assert.Equal("kind" + c, r.PredictedKind);
                    Assert.Equal("kind" + c, r.Kind);
                    Assert.False(r.IsUnknown);
                    Assert.InRange(r.Confidence, 0, 1);
                    Assert.Equal(Page(c, i).Path, r.Path);
                }
        }

        [Fact]
        public void A_held_back_class_comes_out_Unknown_but_keeps_its_nearest_kind()
        {
            var clf = ImageClassifier.Train(Train(3, 5), new ClassifierOptions());
            for (int i = 0; i < 10; i++)
            {
                var r = clf.Predict(Page(3, i), ClassifierOptions.DefaultMinConfidence);
                Assert.True(r.IsUnknown, $"confidence {r.Confidence}");
                Assert.Equal(ClassificationResult.UnknownKind, r.Kind);
                Assert.Contains(r.PredictedKind, clf.Kinds);
            }
        }

        [Fact]
        public void Training_is_deterministic_whatever_the_input_order()
        {
            var ex = Train(3, 5);
            var a = ImageClassifier.Train(ex, null);
            var shuffled = ex.OrderBy(e => e.Item1.Path.GetHashCode()).Reverse().ToList();
            var b = ImageClassifier.Train(shuffled, null);
            Assert.Equal(a.Kinds, b.Kinds);
            Assert.Equal(a.Spread, b.Spread);
            for (int k = 0; k < a.Prototypes.Length; k++) Assert.Equal(a.Prototypes[k], b.Prototypes[k]);
            var p = Page(1, 30);
            Assert.Equal(a.Predict(p, 0.4).Confidence, b.Predict(p, 0.4).Confidence);
        }

        [Fact]
        public void Refuses_mixed_models_one_kind_and_features_of_another_extractor()
        {
            var ex = Train(2, 3);
            ex.Add((Page(0, 9, "Other", "fp2"), "kind0"));
            Assert.Throws<ArgumentException>(() => ImageClassifier.Train(ex, null));
            Assert.Throws<ArgumentException>(() => ImageClassifier.Train(Train(1, 5), null));
            Assert.Throws<ArgumentException>(() => ImageClassifier.Train(new List<(ImageFeature, string)>(), null));
            var clf = ImageClassifier.Train(Train(2, 3), null);
            Assert.Throws<ArgumentException>(() => clf.Predict(Page(0, 1, "Other", "fp2"), 0.4));
            Assert.Throws<ArgumentException>(() => clf.Predict(Page(0, 1, d: D + 1), 0.4));
            Assert.Throws<ArgumentOutOfRangeException>(() => clf.Predict(Page(0, 1), 1.5));
        }

        [Fact]
        public void The_classifier_round_trips_through_DataContractJsonSerializer()
        {
            var clf = ImageClassifier.Train(Train(3, 4), null);
            var ser = new System.Runtime.Serialization.Json.DataContractJsonSerializer(typeof(ImageClassifier));
            using var ms = new System.IO.MemoryStream();
            ser.WriteObject(ms, clf);
            ms.Position = 0;
            var back = (ImageClassifier)ser.ReadObject(ms);
            var p = Page(2, 40);
            Assert.Equal(clf.Predict(p, 0.4).Confidence, back.Predict(p, 0.4).Confidence, 12);
            Assert.Equal(clf.Algorithm, back.Algorithm);
        }
    }
}
