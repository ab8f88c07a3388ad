using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DocCluster.Features.Models
{
    /// <summary>User choices for a model given by path (<c>-ModelPath file.onnx</c>); null members come from the model itself or defaults.</summary>
    public sealed class OnnxModelOverrides
    {
        public string Name { get; set; }
        public string InputName { get; set; }
        public int? InputWidth { get; set; }
        public int? InputHeight { get; set; }
        public ChannelOrder? ChannelOrder { get; set; }
        public float? PixelScale { get; set; }
        public float[] Mean { get; set; }
        public float[] Std { get; set; }
        public ResizeMode? ResizeMode { get; set; }
        public string FeatureOutput { get; set; }
        public PoolingMode? Pooling { get; set; }
        public bool? L2Normalize { get; set; }
    }

    /// <summary>
    /// Named ONNX backbones, like timm's create_model: <see cref="Resolve"/> gives a fresh copy of a preset's
    /// <see cref="OnnxModelSpec"/>; <see cref="Custom"/> builds one for a user's own model file.
    /// </summary>
    public static class FeatureModelRegistry
    {
        private static readonly float[] ImageNetMean = { 0.485f, 0.456f, 0.406f };
        private static readonly float[] ImageNetStd = { 0.229f, 0.224f, 0.225f };
        private const float Inv255 = 1f / 255f;

        private static readonly OnnxModelSpec[] Presets =
        {
            // Local-only: converted model (no official download). SHA-256/size computed from ../shared/models.
            new OnnxModelSpec
            {
                Name = "MobileNetV1",
                Description = "MobileNet v1 0.75 (224), Google ImageNet checkpoint converted to ONNX; 768-d global-average-pooled features. Local file only (no official download).",
                FileName = "mobilenet_v1_0.75_224_features.onnx",
                Url = null,
                Sha256 = "873d237c0c7db631dab16c50a54207c819a758ae12f8d99dc57a02f327201a19",
                SizeBytes = 10422984,
                InputName = "input_1", InputWidth = 224, InputHeight = 224,
                ChannelOrder = ChannelOrder.Rgb, PixelScale = 1f / 127.5f, Mean = new[] { 1f, 1f, 1f }, Std = new[] { 1f, 1f, 1f },
                FeatureOutput = "features", Pooling = PoolingMode.None, L2Normalize = true,
                ClassifierOutput = "reshape_2",
            },
            // Local-only: Microsoft Windows-Machine-Learning SqueezeNet 1.1 with a pooled fire9 output added.
            new OnnxModelSpec
            {
                Name = "SqueezeNet",
                Description = "SqueezeNet 1.1 (Windows-Machine-Learning copy) with pooled fire9 'features' output; 512-d. Local file only (no official download).",
                FileName = "SqueezeNet_fp32_features.onnx",
                Url = null,
                Sha256 = "080d98772dbc5e73f32d0eb8fb1d200148f147afa5f5ee559018abb44b617fab",
                SizeBytes = 4955249,
                InputName = "data_0", InputWidth = 224, InputHeight = 224,
                ChannelOrder = ChannelOrder.Bgr, PixelScale = 1f, Mean = new[] { 104f, 117f, 123f }, Std = new[] { 1f, 1f, 1f },
                FeatureOutput = "features", Pooling = PoolingMode.None, L2Normalize = true,
                ClassifierOutput = "softmaxout_1",
            },
            // ONNX model zoo. SHA-256 and size read from the Git LFS pointer file
            // onnx/models@b9a54e89508f101a1611cd64f4ef56b9cb62c7cf:vision/classification/resnet/model/resnet50-v2-7.onnx
            // (the file now lives under validated/; the URL is pinned to the commit whose pointer was read).
            // Preprocessing per the zoo's resnet README: RGB, x/255, ImageNet mean/std. Feature: resnetv24_pool1_fwd
            // (global average pool before the dense layer, [N,2048,1,1]), exposed as an extra graph output.
            new OnnxModelSpec
            {
                Name = "ResNet50-v2",
                Description = "ResNet-50 v2 (ONNX model zoo, opset 7, MXNet Gluon); 2048-d pooled pre-classifier activation (resnetv24_pool1_fwd).",
                FileName = "resnet50-v2-7.onnx",
                Url = "https://github.com/onnx/models/raw/b9a54e89508f101a1611cd64f4ef56b9cb62c7cf/vision/classification/resnet/model/resnet50-v2-7.onnx",
                Sha256 = "1e80e8a7c8eec8e8b20c440d7dd7f2f8590779c7c2859dc4514870dc463845d3",
                SizeBytes = 102442450,
                InputName = "data", InputWidth = 224, InputHeight = 224,
                ChannelOrder = ChannelOrder.Rgb, PixelScale = Inv255, Mean = (float[])ImageNetMean.Clone(), Std = (float[])ImageNetStd.Clone(),
                FeatureOutput = "resnetv24_pool1_fwd", Pooling = PoolingMode.GlobalAverage, L2Normalize = true,
                ClassifierOutput = "resnetv24_dense0_fwd",
            },
            // SHA-256/size from the LFS pointer onnx/models@2a67a85e670e61bf9819e9df6dae3771974552ff:validated/vision/classification/resnet/model/resnet18-v2-7.onnx.
            new OnnxModelSpec
            {
                Name = "ResNet18-v2",
                Description = "ResNet-18 v2 (ONNX model zoo, opset 7, MXNet Gluon); 512-d pooled pre-classifier activation (resnetv22_pool1_fwd).",
                FileName = "resnet18-v2-7.onnx",
                Url = "https://github.com/onnx/models/raw/2a67a85e670e61bf9819e9df6dae3771974552ff/validated/vision/classification/resnet/model/resnet18-v2-7.onnx",
                Sha256 = "3b4d048057854022232aa20bf68262e31718ab7119a17f920b8a2dc1433f824b",
                SizeBytes = 46806737,
                InputName = "data", InputWidth = 224, InputHeight = 224,
                ChannelOrder = ChannelOrder.Rgb, PixelScale = Inv255, Mean = (float[])ImageNetMean.Clone(), Std = (float[])ImageNetStd.Clone(),
                FeatureOutput = "resnetv22_pool1_fwd", Pooling = PoolingMode.GlobalAverage, L2Normalize = true,
                ClassifierOutput = "resnetv22_dense0_fwd",
            },
            // SHA-256/size from the LFS pointer onnx/models@13fcb614fdedcc09864c0691c080ccf82ca3b85b:vision/classification/mobilenet/model/mobilenetv2-7.onnx.
            // Preprocessing per the zoo's mobilenet README (RGB, [0,1], ImageNet mean/std).
            new OnnxModelSpec
            {
                Name = "MobileNetV2",
                Description = "MobileNet v2 1.0 (ONNX model zoo, opset 7, MXNet Gluon); 1280-d pooled pre-classifier activation (mobilenetv20_features_pool0_fwd).",
                FileName = "mobilenetv2-7.onnx",
                Url = "https://github.com/onnx/models/raw/13fcb614fdedcc09864c0691c080ccf82ca3b85b/vision/classification/mobilenet/model/mobilenetv2-7.onnx",
                Sha256 = "c1c513582d56afceff8516c73804e484c81c6a830712ab6d682253f4a3cd042f",
                SizeBytes = 14246826,
                InputName = "data", InputWidth = 224, InputHeight = 224,
                ChannelOrder = ChannelOrder.Rgb, PixelScale = Inv255, Mean = (float[])ImageNetMean.Clone(), Std = (float[])ImageNetStd.Clone(),
                FeatureOutput = "mobilenetv20_features_pool0_fwd", Pooling = PoolingMode.GlobalAverage, L2Normalize = true,
                ClassifierOutput = "mobilenetv20_output_flatten0_reshape0",
            },
            // SHA-256/size from the LFS pointer onnx/models@96d633069ed74096408061accc3b728672802890:vision/classification/squeezenet/model/squeezenet1.1-7.onnx.
            // Gluon SqueezeNet 1.1: preprocessing as the other Gluon zoo models (RGB, [0,1], ImageNet mean/std).
            // Feature: squeezenet0_concat7 (fire9 output, [N,512,13,13]) globally averaged -> 512-d.
            new OnnxModelSpec
            {
                Name = "SqueezeNet1.1",
                Description = "SqueezeNet 1.1 (ONNX model zoo, opset 7, MXNet Gluon); 512-d globally averaged fire9 activation (squeezenet0_concat7).",
                FileName = "squeezenet1.1-7.onnx",
                Url = "https://github.com/onnx/models/raw/96d633069ed74096408061accc3b728672802890/vision/classification/squeezenet/model/squeezenet1.1-7.onnx",
                Sha256 = "9456373b67f04e4a9cb0bb9be984f0db2d0ad141582d84d4b4ad9e84f7ec7785",
                SizeBytes = 9165684,
                InputName = "data", InputWidth = 224, InputHeight = 224,
                ChannelOrder = ChannelOrder.Rgb, PixelScale = Inv255, Mean = (float[])ImageNetMean.Clone(), Std = (float[])ImageNetStd.Clone(),
                FeatureOutput = "squeezenet0_concat7", Pooling = PoolingMode.GlobalAverage, L2Normalize = true,
                ClassifierOutput = "squeezenet0_flatten0_reshape0",
            },
        };

        /// <summary>Preset names, in listing order.</summary>
        public static IReadOnlyList<string> Names => Presets.Select(p => p.Name).ToArray();

        /// <summary>Copies of every preset.</summary>
        public static IReadOnlyList<OnnxModelSpec> All => Presets.Select(p => p.Clone()).ToArray();

        /// <summary>A fresh copy of the named preset (case-insensitive); <see cref="ArgumentException"/> listing the known names otherwise.</summary>
        public static OnnxModelSpec Resolve(string name)
        {
            if (TryResolve(name, out var spec)) return spec;
            throw new ArgumentException($"Unknown feature model '{name}'. Known models: {string.Join(", ", Names)}; or give -ModelPath with an .onnx file.", nameof(name));
        }

        public static bool TryResolve(string name, out OnnxModelSpec spec)
        {
            var p = name == null ? null : Presets.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase));
            spec = p?.Clone();
            return spec != null;
        }

        /// <summary>
        /// A spec for the user's own model file. Unspecified values come from the model: input name (first non-initializer
        /// input), input H/W (from a static [N,3,H,W] shape), feature output (first output) and pooling (GlobalAverage when
        /// that output is declared rank-4). Preprocessing defaults to ImageNet RGB (x/255, mean 0.485/0.456/0.406, std
        /// 0.229/0.224/0.225) and Squash; when any of scale/mean/std is given, the others default to identity. The file's SHA-256 and size are recorded, so the fingerprint follows the weights.
        /// </summary>
        public static OnnxModelSpec Custom(string modelPath, OnnxModelOverrides overrides = null)
        {
            if (string.IsNullOrEmpty(modelPath)) throw new ArgumentNullException(nameof(modelPath));
            var full = Path.GetFullPath(modelPath);
            if (!File.Exists(full)) throw new FileNotFoundException($"Model file '{full}' does not exist.", full);
            var o = overrides ?? new OnnxModelOverrides();
            var model = OnnxModelFile.Load(full);

            if (model.Inputs.Count == 0) throw new InvalidDataException($"Model '{full}' has no inputs.");
            OnnxTensorInfo input;
            if (o.InputName != null)
            {
                input = model.Inputs.FirstOrDefault(i => i.Name == o.InputName)
                        ?? throw new ArgumentException($"Model '{full}' has no input '{o.InputName}'. Inputs: {string.Join(", ", model.Inputs.Select(i => i.Name))}.");
            }
            else input = model.Inputs[0];

            int? h = o.InputHeight, w = o.InputWidth;
            var shape = input.Shape;
            if (shape != null && shape.Length == 4)
            {
                if (shape[1] > 0 && shape[1] != 3)
                    throw new NotSupportedException($"Model '{full}': input '{input.Name}' has shape [{string.Join(",", shape)}]; only NCHW 3-channel inputs are supported.");
                if (h == null && shape[2] > 0) h = (int)shape[2];
                if (w == null && shape[3] > 0) w = (int)shape[3];
            }
            if (h == null && w != null) h = w;
            if (w == null && h != null) w = h;
            if (h == null || w == null)
                throw new ArgumentException($"Model '{full}': input '{input.Name}' has no static height/width; give the input size explicitly.");

            string output = o.FeatureOutput;
            OnnxTensorInfo outInfo;
            if (output == null)
            {
                if (model.Outputs.Count == 0) throw new InvalidDataException($"Model '{full}' has no outputs.");
                outInfo = model.Outputs[0];
                output = outInfo.Name;
            }
            else
            {
                outInfo = model.Outputs.Concat(model.ValueInfos).FirstOrDefault(x => x.Name == output);
                if (outInfo == null && !model.IsNodeOutput(output))
                    throw new ArgumentException($"Model '{full}' has no tensor '{output}'. Outputs: {string.Join(", ", model.Outputs.Select(x => x.Name))}.");
            }
            var pooling = o.Pooling ?? (outInfo?.Shape == null || outInfo.Shape.Length == 4 ? PoolingMode.GlobalAverage : PoolingMode.None);

            bool anyNorm = o.PixelScale != null || o.Mean != null || o.Std != null;
            var spec = new OnnxModelSpec
            {
                Name = o.Name ?? Path.GetFileNameWithoutExtension(full),
                FileName = Path.GetFileName(full),
                Url = null,
                Sha256 = FileHash.Sha256(full),
                SizeBytes = new FileInfo(full).Length,
                InputName = input.Name,
                InputWidth = w.Value,
                InputHeight = h.Value,
                ChannelOrder = o.ChannelOrder ?? ChannelOrder.Rgb,
                // No normalisation given: ImageNet defaults. Any part given: the missing parts are identity (scale 1, mean 0, std 1).
                PixelScale = o.PixelScale ?? (anyNorm ? 1f : Inv255),
                Mean = (float[])(o.Mean ?? (anyNorm ? new[] { 0f, 0f, 0f } : ImageNetMean)).Clone(),
                Std = (float[])(o.Std ?? (anyNorm ? new[] { 1f, 1f, 1f } : ImageNetStd)).Clone(),
                ResizeMode = o.ResizeMode ?? ResizeMode.Squash,
                FeatureOutput = output,
                Pooling = pooling,
                L2Normalize = o.L2Normalize ?? true,
            };
            spec.Description = $"Custom ONNX model {spec.FileName} (input {spec.InputName} {spec.InputWidth}x{spec.InputHeight}, output {spec.FeatureOutput}).";
            spec.Validate();
            return spec;
        }
    }
}
