using DocCluster.Tests;
using System;
using System.IO;
using System.Linq;
using DocCluster.Backends.Onnx;
using DocCluster.Features.Models;
using Xunit;
using Xunit.Abstractions;

namespace DocCluster.Tests
{
    public class OnnxExtractorTests
    {
        private readonly ITestOutputHelper _out;
        public OnnxExtractorTests(ITestOutputHelper output) { _out = output; }

        private static OnnxFeatureExtractor Open(string preset, Action<OnnxModelSpec> tweak = null, OnnxExtractorOptions options = null)
        {
            var spec = FeatureModelRegistry.Resolve(preset);
            var path = new ModelStore(new[] { TestPaths.SharedModels }, TestPaths.NewTempDir()).Resolve(spec);
            tweak?.Invoke(spec);
            return new OnnxFeatureExtractor(spec, path, options);
        }

        private static float[] Classify(OnnxFeatureExtractor x, string image)
        {
            var name = x.Spec.ClassifierOutput;
            return x.RunOutputs(OnnxTestImages.Load(OnnxTestImages.TestImage(image)), name)[name].Data;
        }

        [SharedModelsTheory]
        [InlineData("MobileNetV1")]
        [InlineData("SqueezeNet")]
        public void Preset_preprocessing_gives_the_known_ImageNet_answers(string preset)
        {
            using (var x = Open(preset))
            {
                foreach (var img in new[] { "chelsea.png", "kitten_224.png" })
                {
                    var top = OnnxTestImages.Top(Classify(x, img));
                    _out.WriteLine($"{preset} {img}: {top}");
                    Assert.True(OnnxTestImages.IsCat(top), $"{preset}: {img} classified as '{top}', expected a cat class.");
                }
                var coffee = OnnxTestImages.Top(Classify(x, "coffee.png"));
                _out.WriteLine($"{preset} coffee.png: {coffee}");
                Assert.Equal("espresso", coffee);
            }
        }

        [SharedModelsTheory]
        [InlineData("MobileNetV1")]
        [InlineData("SqueezeNet")]
        public void Wrong_normalisation_does_not_give_those_answers(string preset)
        {
            // MobileNet fed raw 0..255 instead of [-1,1]; SqueezeNet fed [0,1] ImageNet-style instead of 0..255 minus BGR means.
            Action<OnnxModelSpec> wrong = s => { s.PixelScale = preset == "MobileNetV1" ? 1f : 1f / 255f; s.Mean = new[] { 0f, 0f, 0f }; s.Std = new[] { 1f, 1f, 1f }; };
            using (var x = Open(preset, wrong))
            {
                var cat1 = OnnxTestImages.Top(Classify(x, "chelsea.png"));
                var cat2 = OnnxTestImages.Top(Classify(x, "kitten_224.png"));
                var coffee = OnnxTestImages.Top(Classify(x, "coffee.png"));
                _out.WriteLine($"{preset} wrong normalisation: {cat1} / {cat2} / {coffee}");
                Assert.False(OnnxTestImages.IsCat(cat1) && OnnxTestImages.IsCat(cat2) && coffee == "espresso",
                    "With a deliberately wrong normalisation the model still gave the right answers: the preprocessing test could not fail.");
                Assert.NotEqual("espresso", coffee);
            }
        }

        [SharedModelsFact]
        public void MobileNet_classifier_output_nature()
        {
            using (var x = Open("MobileNetV1"))
            {
                var s = Classify(x, "chelsea.png");
                double sum = s.Sum(v => (double)v);
                _out.WriteLine($"reshape_2: {s.Length} values, min {s.Min()}, max {s.Max()}, sum {sum}");
                Assert.Equal(1000, s.Length);
                // reshape_2 is the softmax of the classifier (probabilities), not raw logits.
                Assert.True(s.Min() >= 0 && Math.Abs(sum - 1) < 1e-3, $"reshape_2 is not a probability vector (min {s.Min()}, sum {sum}).");
            }
        }

        [SharedModelsTheory]
        [InlineData("MobileNetV1", 768)]
        [InlineData("SqueezeNet", 512)]
        public void Features_have_the_documented_dimension_and_are_deterministic(string preset, int dim)
        {
            using (var x = Open(preset))
            {
                Assert.Equal(dim, x.Info.Dimension);
                Assert.Equal(preset, x.Info.Name);
                Assert.Equal(FeatureModelRegistry.Resolve(preset).Fingerprint, x.Info.Fingerprint);
                Assert.Equal(448, x.PreferredLongSide);
                var img = OnnxTestImages.Load(OnnxTestImages.TestImage("coffee.png"));
                var a = x.Extract(img);
                var b = x.Extract(img);
                Assert.Equal(dim, a.Length);
                Assert.Equal(a, b);
                Assert.Equal(1.0, Math.Sqrt(a.Sum(v => (double)v * v)), 4);
                // Concurrent use gives the same vectors.
                var par = Enumerable.Range(0, 4).AsParallel().Select(_ => x.Extract(img)).ToArray();
                foreach (var p in par) Assert.Equal(a, p);
            }
        }

        [SharedModelsFact]
        public void Cats_are_closer_to_each_other_than_to_coffee()
        {
            using (var x = Open("MobileNetV1"))
            {
                float[] F(string n) => x.Extract(OnnxTestImages.Load(OnnxTestImages.TestImage(n)));
                double Dot(float[] a, float[] b) => a.Zip(b, (p, q) => (double)p * q).Sum();
                var c1 = F("chelsea.png"); var c2 = F("kitten_224.png"); var cof = F("coffee.png");
                Assert.True(Dot(c1, c2) > Dot(c1, cof) && Dot(c1, c2) > Dot(c2, cof));
            }
        }

        [SharedModelsFact]
        public void An_intermediate_tensor_is_exposed_as_an_extra_graph_output()
        {
            var path = Path.Combine(TestPaths.SharedModels, "mobilenet_v1_0.75_224_features.onnx");
            var model = OnnxModelFile.Load(path);
            _out.WriteLine("inputs: " + string.Join("; ", model.Inputs));
            _out.WriteLine("outputs: " + string.Join("; ", model.Outputs));
            _out.WriteLine("last node outputs: " + string.Join("; ", model.NodeOutputs.Skip(Math.Max(0, model.NodeOutputs.Count - 12))));
            Assert.Contains(model.Outputs, o => o.Name == "features");
            // conv_pw_13_relu is the last 4-D activation (input of the global average pool); it is not a graph output.
            const string intermediate = "conv_pw_13_relu";
            Assert.Contains(intermediate, model.NodeOutputs);
            Assert.False(model.IsOutput(intermediate));

            var patched = OnnxModelFile.Parse(model.WithExtraOutputs(new[] { intermediate }));
            Assert.True(patched.IsOutput(intermediate));
            Assert.Equal(model.Outputs.Count + 1, patched.Outputs.Count);
            Assert.Equal(model.NodeOutputs, patched.NodeOutputs);

            using (var x = Open("MobileNetV1", options: new OnnxExtractorOptions { ExtraOutputs = { intermediate } }))
            {
                var r = x.RunOutputs(OnnxTestImages.Load(OnnxTestImages.TestImage("kitten_224.png")), intermediate, "features");
                var o = r[intermediate];
                _out.WriteLine($"{intermediate}: [{string.Join(",", o.Dimensions)}]");
                Assert.Equal(new[] { 1, 768, 7, 7 }, o.Dimensions);
                Assert.Equal(new[] { 1, 768 }, r["features"].Dimensions);
                // Our global average pool of the exposed tensor reproduces the model's own pooled 'features'.
                var pooled = OnnxFeatureExtractor.ToVector(o, PoolingMode.GlobalAverage, l2: false);
                for (int i = 0; i < 768; i++) Assert.Equal(r["features"].Data[i], pooled[i], 3);
            }

            // The same through a spec: feature = the intermediate tensor, pooled by us, equals the preset's vector.
            using (var a = Open("MobileNetV1", s => { s.FeatureOutput = intermediate; s.Pooling = PoolingMode.GlobalAverage; }))
            using (var b = Open("MobileNetV1"))
            {
                Assert.NotEqual(a.Info.Fingerprint, b.Info.Fingerprint);
                var img = OnnxTestImages.Load(OnnxTestImages.TestImage("coffee.png"));
                var va = a.Extract(img); var vb = b.Extract(img);
                Assert.Equal(768, va.Length);
                for (int i = 0; i < 768; i++) Assert.Equal(vb[i], va[i], 4);
            }
        }

        [SharedModelsFact]
        public void Asking_for_a_tensor_the_model_lacks_is_a_clear_error()
        {
            var e = Assert.Throws<ArgumentException>(() => Open("SqueezeNet", s => s.FeatureOutput = "no_such_tensor"));
            Assert.Contains("no_such_tensor", e.Message);
        }
    }
}
