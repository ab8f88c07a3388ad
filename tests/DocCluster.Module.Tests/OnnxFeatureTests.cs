using System.IO;
using System.Linq;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    /// <summary>ONNX models through Get-ImageFeature, with the real weights from ../shared/models.</summary>
    public class OnnxFeatureTests : System.IDisposable
    {
        private readonly ModuleSession s = new ModuleSession();
        private static string MobileNet => Path.Combine(TestPaths.SharedModels, "mobilenet_v1_0.75_224_features.onnx");
        private static string SqueezeNet => Path.Combine(TestPaths.SharedModels, "SqueezeNet_fp32_features.onnx");
        private static string Scan(string name) => ModuleSession.Quote(Path.Combine(TestPaths.ExampleScans, name));

        [SharedModelsFact]
        public void Named_preset_with_its_weights_gives_pooled_cnn_features()
        {
            var output = s.Run($"Get-ImageFeature -LiteralPath {Scan("idcard-01.jpg")}, {Scan("bill-01.png")} -Model MobileNetV1 -ModelPath {ModuleSession.Quote(MobileNet)}");
            Assert.Empty(s.Errors);
            Assert.Equal(2, output.Count);
            Assert.All(output, o => Assert.Equal(768, ((float[])o.Properties["Vector"].Value).Length));
            Assert.All(output, o => Assert.Equal("MobileNetV1", o.Properties["Model"].Value));
        }

        [SharedModelsFact]
        public void Combined_layout_and_cnn_features_concatenate_both()
        {
            var output = s.Run($"Get-ImageFeature -LiteralPath {Scan("passport-01.jpg")} -Model DocLayout+MobileNetV1 -ModelPath {ModuleSession.Quote(MobileNet)}");
            Assert.Empty(s.Errors);
            var layout = s.Run($"Get-ImageFeature -LiteralPath {Scan("passport-01.jpg")}");
            var combined = (float[])output[0].Properties["Vector"].Value;
            var layoutOnly = (float[])layout[0].Properties["Vector"].Value;
            Assert.Equal(layoutOnly.Length + 768, combined.Length);
            Assert.Equal(layoutOnly, combined.Take(layoutOnly.Length).ToArray());
        }

        [SharedModelsFact]
        public void Custom_onnx_file_with_its_preprocessing_matches_the_preset()
        {
            var preset = s.Run($"Get-ImageFeature -LiteralPath {Scan("receipt-01.jpg")} -Model SqueezeNet -ModelPath {ModuleSession.Quote(SqueezeNet)}");
            Assert.Empty(s.Errors);
            var custom = s.Run($"Get-ImageFeature -LiteralPath {Scan("receipt-01.jpg")} -ModelPath {ModuleSession.Quote(SqueezeNet)} -InputSize 224 -ChannelOrder BGR -PixelScale 1 -Mean 104,117,123 -Std 1,1,1 -FeatureOutput features");
            Assert.Empty(s.Errors);
            Assert.Equal((float[])preset[0].Properties["Vector"].Value, (float[])custom[0].Properties["Vector"].Value);
        }

        [SharedModelsFact]
        public void Wrong_weights_for_a_preset_are_refused()
        {
            var error = s.RunExpectingTerminatingError($"Get-ImageFeature -LiteralPath {Scan("receipt-01.jpg")} -Model SqueezeNet -ModelPath {ModuleSession.Quote(MobileNet)}");
            Assert.StartsWith("FeatureModelUnavailable,", error.FullyQualifiedErrorId);
            Assert.Contains("is not the weights of model 'SqueezeNet'", error.Exception.Message);
        }

        [Fact]
        public void A_preset_whose_weights_are_missing_offline_is_a_clear_error()
        {
            var cache = TestPaths.NewTempDir();
            var error = s.RunExpectingTerminatingError(
                $"$env:DOCCLUSTER_MODEL_CACHE = {ModuleSession.Quote(cache)}; $env:DOCCLUSTER_MODEL_PATH = $null; Get-ImageFeature -LiteralPath {Scan("receipt-01.jpg")} -Model MobileNetV1");
            Assert.StartsWith("FeatureModelUnavailable,", error.FullyQualifiedErrorId);
            Assert.Empty(Directory.GetFiles(cache));
        }

        public void Dispose() => s.Dispose();
    }
}
