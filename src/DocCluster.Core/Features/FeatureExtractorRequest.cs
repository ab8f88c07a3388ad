using System;
using DocCluster.Features.Models;

namespace DocCluster.Features
{
    /// <summary>
    /// What the user asked for: "DocLayout" (default), "Thumbnail", an ONNX preset ("MobileNetV1"), a combination
    /// "DocLayout+MobileNetV1", or a custom ONNX file (<see cref="ModelPath"/> with no <see cref="Model"/>).
    /// </summary>
    public sealed class FeatureExtractorRequest
    {
        public string Model { get; set; }
        /// <summary>With a preset name: that model's weights (verified against its pinned SHA-256). Alone: a custom ONNX model.</summary>
        public string ModelPath { get; set; }
        /// <summary>Preprocessing for a custom ONNX model; unset values come from the model file.</summary>
        public OnnxModelOverrides Overrides { get; set; }
        /// <summary>Threads ONNX Runtime may use per inference (0 = its default).</summary>
        public int IntraOpThreads { get; set; }
        /// <summary>Receives a line when cached weights fail verification and are downloaded again.</summary>
        public Action<string> Warning { get; set; }
    }
}
