using DocCluster.Tests;
using System;
using System.IO;
using System.Linq;
using DocCluster.Features.Models;
using Xunit;

namespace DocCluster.Tests
{
    public class RegistryTests
    {
        [Fact]
        public void Presets_are_listed_and_resolved_case_insensitively()
        {
            var names = FeatureModelRegistry.Names;
            foreach (var n in new[] { "MobileNetV1", "SqueezeNet", "ResNet50-v2", "MobileNetV2", "SqueezeNet1.1" }) Assert.Contains(n, names);
            Assert.Equal("MobileNetV1", FeatureModelRegistry.Resolve("mobilenetv1").Name);
            Assert.Equal(names.Count, FeatureModelRegistry.All.Count);
        }

        [Fact]
        public void Unknown_name_lists_the_known_ones()
        {
            var e = Assert.Throws<ArgumentException>(() => FeatureModelRegistry.Resolve("NoSuchNet"));
            Assert.Contains("NoSuchNet", e.Message);
            Assert.Contains("MobileNetV1", e.Message);
            Assert.False(FeatureModelRegistry.TryResolve("NoSuchNet", out _));
        }

        [Fact]
        public void Every_preset_is_valid_pinned_and_distinct()
        {
            var all = FeatureModelRegistry.All;
            foreach (var s in all)
            {
                s.Validate();
                Assert.Matches("^[0-9a-f]{64}$", s.Sha256);
                Assert.True(s.SizeBytes > 0);
                Assert.False(string.IsNullOrEmpty(s.Description));
                Assert.Equal(s.FileName, Path.GetFileName(s.FileName));
                Assert.Equal(ResizeMode.Squash, s.ResizeMode);
                if (s.Url != null) Assert.StartsWith("https://github.com/onnx/models/raw/", s.Url);
                Assert.NotNull(s.FeatureOutput);
            }
            Assert.Null(FeatureModelRegistry.Resolve("MobileNetV1").Url);
            Assert.Null(FeatureModelRegistry.Resolve("SqueezeNet").Url);
            Assert.Equal(all.Count, all.Select(s => s.Fingerprint).Distinct().Count());
            Assert.Equal(all.Count, all.Select(s => s.Sha256).Distinct().Count());
        }

        [Fact]
        public void Resolve_returns_independent_copies()
        {
            var a = FeatureModelRegistry.Resolve("MobileNetV2");
            a.Mean[0] = 99;
            a.InputWidth = 1;
            var b = FeatureModelRegistry.Resolve("MobileNetV2");
            Assert.Equal(0.485f, b.Mean[0]);
            Assert.Equal(224, b.InputWidth);
        }

        [Fact]
        public void Fingerprint_changes_with_every_preprocessing_setting()
        {
            Func<OnnxModelSpec> fresh = () => FeatureModelRegistry.Resolve("MobileNetV2");
            var baseFp = fresh().Fingerprint;
            Assert.Equal(baseFp, fresh().Fingerprint);
            var tweaks = new Action<OnnxModelSpec>[]
            {
                s => s.Sha256 = new string('a', 64), s => s.SizeBytes++, s => s.InputName = "x", s => s.InputWidth = 256,
                s => s.InputHeight = 256, s => s.ChannelOrder = ChannelOrder.Bgr, s => s.PixelScale = 1, s => s.Mean[1] = 0.5f,
                s => s.Std[2] = 0.3f, s => s.ResizeMode = ResizeMode.CenterCrop, s => s.FeatureOutput = "y",
                s => s.Pooling = PoolingMode.None, s => s.L2Normalize = false,
            };
            var fps = tweaks.Select(t => { var s = fresh(); t(s); return s.Fingerprint; }).ToList();
            Assert.DoesNotContain(baseFp, fps);
            Assert.Equal(fps.Count, fps.Distinct().Count());
            // Not part of the vector: description and classifier output.
            var d = fresh(); d.Description = "other"; d.ClassifierOutput = null; d.Url = null;
            Assert.Equal(baseFp, d.Fingerprint);
        }

        [SharedModelsFact]
        public void Custom_spec_takes_unspecified_values_from_the_model()
        {
            var path = Path.Combine(TestPaths.SharedModels, "mobilenet_v1_0.75_224_features.onnx");
            var s = FeatureModelRegistry.Custom(path);
            Assert.Equal("mobilenet_v1_0.75_224_features", s.Name);
            Assert.Equal("input_1", s.InputName);
            Assert.Equal(224, s.InputWidth);
            Assert.Equal(224, s.InputHeight);
            Assert.Equal("features", s.FeatureOutput); // first output
            Assert.Equal(PoolingMode.None, s.Pooling); // declared rank 2
            Assert.Equal(FeatureModelRegistry.Resolve("MobileNetV1").Sha256, s.Sha256);
            Assert.Equal(new[] { 0.485f, 0.456f, 0.406f }, s.Mean);
            Assert.Equal(1f / 255f, s.PixelScale);
            Assert.Null(s.Url);

            var o = FeatureModelRegistry.Custom(path, new OnnxModelOverrides
            {
                Name = "Mine", PixelScale = 1f / 127.5f, Mean = new[] { 1f, 1f, 1f }, FeatureOutput = "conv_pw_13_relu", InputWidth = 192,
            });
            Assert.Equal("Mine", o.Name);
            Assert.Equal(192, o.InputWidth);
            Assert.Equal(224, o.InputHeight); // height still from the static shape: only the width was given
            Assert.Equal(new[] { 1f, 1f, 1f }, o.Std); // any normalisation given: the rest is identity
            Assert.Equal(PoolingMode.GlobalAverage, o.Pooling); // intermediate of unknown rank
            Assert.NotEqual(s.Fingerprint, o.Fingerprint);

            Assert.Throws<ArgumentException>(() => FeatureModelRegistry.Custom(path, new OnnxModelOverrides { FeatureOutput = "nope" }));
            Assert.Throws<ArgumentException>(() => FeatureModelRegistry.Custom(path, new OnnxModelOverrides { InputName = "nope" }));
            Assert.Throws<FileNotFoundException>(() => FeatureModelRegistry.Custom(Path.Combine(TestPaths.SharedModels, "missing.onnx")));
        }

        [SharedModelsFact]
        public void Custom_spec_of_the_shared_SqueezeNet_with_overrides_classifies_like_the_preset()
        {
            var path = Path.Combine(TestPaths.SharedModels, "SqueezeNet_fp32_features.onnx");
            var custom = FeatureModelRegistry.Custom(path, new OnnxModelOverrides
            {
                Name = "SqueezeNet", ChannelOrder = ChannelOrder.Bgr, PixelScale = 1, Mean = new[] { 104f, 117f, 123f }, FeatureOutput = "features",
            });
            var preset = FeatureModelRegistry.Resolve("SqueezeNet");
            Assert.Equal("data_0", custom.InputName);
            Assert.Equal(PoolingMode.None, custom.Pooling);
            Assert.Equal(preset.Fingerprint, custom.Fingerprint);
        }

        [Fact]
        public void Not_an_onnx_file_is_a_clear_error()
        {
            var dir = TestPaths.NewTempDir();
            var f = Path.Combine(dir, "bad.onnx");
            File.WriteAllBytes(f, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F });
            Assert.Throws<InvalidDataException>(() => FeatureModelRegistry.Custom(f));
        }
    }
}
