using System;
using System.Globalization;
using System.Text;

namespace DocCluster.Features.Models
{
    /// <summary>Order of the three colour planes the model expects.</summary>
    public enum ChannelOrder { Rgb, Bgr }

    /// <summary>Memory layout of the input tensor.</summary>
    public enum TensorLayout { Nchw }

    /// <summary>How a page is brought to the model's input size.</summary>
    public enum ResizeMode
    {
        /// <summary>The whole page is resized to the input size, aspect ratio not kept (nothing of the page is lost; right for documents).</summary>
        Squash,
        /// <summary>ImageNet-style: the central square-ish region (87.5 % of the short side, input aspect) is resized to the input size.</summary>
        CenterCrop,
    }

    /// <summary>What is done to the feature output before it becomes the vector.</summary>
    public enum PoolingMode
    {
        /// <summary>The output is flattened as is.</summary>
        None,
        /// <summary>A rank-4 [N,C,H,W] output is averaged over H and W (C values); other ranks are flattened.</summary>
        GlobalAverage,
    }

    /// <summary>
    /// Everything needed to turn a page into a feature vector with an ONNX model: which weights (file name, download
    /// address, pinned SHA-256 and size), how to preprocess (input size, channel order, scale, mean/std, resize mode)
    /// and which tensor to read (output name, pooling, L2 normalisation). <see cref="Fingerprint"/> covers all of it, so
    /// features computed with different weights or preprocessing never compare as equal.
    /// </summary>
    public sealed class OnnxModelSpec
    {
        /// <summary>Preset or user-chosen name, e.g. "MobileNetV1".</summary>
        public string Name { get; set; }
        public string Description { get; set; }
        /// <summary>File name of the weights in a model folder or the cache, e.g. "mobilenetv2-7.onnx".</summary>
        public string FileName { get; set; }
        /// <summary>Official download address; null when the model is only used from a local file.</summary>
        public string Url { get; set; }
        /// <summary>SHA-256 of the weights file, lower-case hex.</summary>
        public string Sha256 { get; set; }
        /// <summary>Size of the weights file in bytes (0 = not pinned).</summary>
        public long SizeBytes { get; set; }

        /// <summary>Input tensor name; null = the model's first (non-initializer) input.</summary>
        public string InputName { get; set; }
        public int InputWidth { get; set; } = 224;
        public int InputHeight { get; set; } = 224;
        public ChannelOrder ChannelOrder { get; set; } = ChannelOrder.Rgb;
        /// <summary>Multiplies the 0..255 pixel before the mean is subtracted.</summary>
        public float PixelScale { get; set; } = 1f;
        /// <summary>Per input channel, in the model's channel order: value fed = (pixel*PixelScale - Mean[c]) / Std[c].</summary>
        public float[] Mean { get; set; } = { 0f, 0f, 0f };
        /// <summary>Per input channel, in the model's channel order.</summary>
        public float[] Std { get; set; } = { 1f, 1f, 1f };
        public TensorLayout Layout { get; set; } = TensorLayout.Nchw;
        public ResizeMode ResizeMode { get; set; } = ResizeMode.Squash;

        /// <summary>Tensor read as the feature; null = the model's first output. May be an intermediate tensor (it is then exposed as an extra graph output).</summary>
        public string FeatureOutput { get; set; }
        public PoolingMode Pooling { get; set; } = PoolingMode.None;
        public bool L2Normalize { get; set; } = true;

        /// <summary>The 1000-class ImageNet output, when known (used to check preprocessing; not part of the fingerprint).</summary>
        public string ClassifierOutput { get; set; }

        /// <summary>Version of the managed preprocessing code (resampling filter etc.); part of the fingerprint.</summary>
        public const string PreprocessingVersion = "onnx-pre-v1:triangle-antialias";

        /// <summary>Canonical text of every setting that affects the vector.</summary>
        public string SettingsText
        {
            get
            {
                var sb = new StringBuilder();
                sb.Append(PreprocessingVersion);
                sb.Append("|sha256=").Append((Sha256 ?? "").ToLowerInvariant());
                sb.Append("|size=").Append(SizeBytes.ToString(CultureInfo.InvariantCulture));
                sb.Append("|input=").Append(InputName ?? "<first>");
                sb.Append('|').Append(InputWidth.ToString(CultureInfo.InvariantCulture)).Append('x').Append(InputHeight.ToString(CultureInfo.InvariantCulture));
                sb.Append("|order=").Append(ChannelOrder);
                sb.Append("|scale=").Append(F(PixelScale));
                sb.Append("|mean=").Append(Fs(Mean));
                sb.Append("|std=").Append(Fs(Std));
                sb.Append("|layout=").Append(Layout);
                sb.Append("|resize=").Append(ResizeMode);
                sb.Append("|output=").Append(FeatureOutput ?? "<first>");
                sb.Append("|pool=").Append(Pooling);
                sb.Append("|l2=").Append(L2Normalize ? "1" : "0");
                return sb.ToString();
            }
        }

        /// <summary>Short digest of <see cref="SettingsText"/> (see <see cref="Features.Fingerprint.Of"/>).</summary>
        public string Fingerprint => Features.Fingerprint.Of(SettingsText);

        /// <summary>Checks the settings are usable; throws <see cref="ArgumentException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("The model spec has no Name.");
            if (InputWidth <= 0 || InputHeight <= 0) throw new ArgumentException($"Model '{Name}': input size {InputWidth}x{InputHeight} is not positive.");
            if (Mean == null || Mean.Length != 3) throw new ArgumentException($"Model '{Name}': Mean must have 3 values.");
            if (Std == null || Std.Length != 3) throw new ArgumentException($"Model '{Name}': Std must have 3 values.");
            foreach (var s in Std) if (s == 0 || float.IsNaN(s)) throw new ArgumentException($"Model '{Name}': Std values must be non-zero.");
            if (float.IsNaN(PixelScale) || PixelScale == 0) throw new ArgumentException($"Model '{Name}': PixelScale must be non-zero.");
            if (Sha256 != null && !IsHex64(Sha256)) throw new ArgumentException($"Model '{Name}': Sha256 must be 64 hex digits.");
        }

        public OnnxModelSpec Clone()
        {
            var c = (OnnxModelSpec)MemberwiseClone();
            c.Mean = (float[])Mean?.Clone();
            c.Std = (float[])Std?.Clone();
            return c;
        }

        public override string ToString() => $"{Name} ({InputWidth}x{InputHeight}, {Fingerprint})";

        internal static bool IsHex64(string s)
        {
            if (s == null || s.Length != 64) return false;
            foreach (var ch in s)
                if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) return false;
            return true;
        }

        private static string F(float v) => v.ToString("R", CultureInfo.InvariantCulture);
        private static string Fs(float[] v) => v == null ? "null" : string.Join(",", Array.ConvertAll(v, F));
    }
}
