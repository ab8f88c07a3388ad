namespace DocCluster.Features
{
    /// <summary>What the user asked for: a named model, or an ONNX file with optional preprocessing overrides.</summary>
    public sealed class FeatureExtractorRequest
    {
        /// <summary>Registry name, e.g. "DocLayout" (default), "Thumbnail", "MobileNetV1".</summary>
        public string Model { get; set; }
        /// <summary>An ONNX file; with a registry name it supplies that model's weights, alone it is a custom model.</summary>
        public string ModelPath { get; set; }
        public int? InputWidth { get; set; }
        public int? InputHeight { get; set; }
        /// <summary>"RGB" or "BGR".</summary>
        public string ChannelOrder { get; set; }
        public double? PixelScale { get; set; }
        public double[] Mean { get; set; }
        public double[] Std { get; set; }
        public string FeatureOutput { get; set; }
        /// <summary>Combine the CNN's features with the document-layout features.</summary>
        public bool CombineWithLayout { get; set; }
        public int IntraOpThreads { get; set; }
    }
}
