using System;
using DocCluster.Features.Document;

namespace DocCluster.Features
{
    /// <summary>Fingerprints of the extractors that need no weights, so saved models made with another version are recognised.</summary>
    public static class BuiltInFeatureModels
    {
        private static readonly Lazy<string> Layout = new Lazy<string>(() => new DocumentLayoutExtractor().Info.Fingerprint);
        private static readonly Lazy<string> Thumbnail = new Lazy<string>(() => new ThumbnailExtractor().Info.Fingerprint);

        /// <summary>This version's fingerprint for a built-in extractor name; null for ONNX models (they depend on their weights file).</summary>
        public static string CurrentFingerprint(string model)
        {
            if (string.Equals(model, DocumentLayoutExtractor.ModelName, StringComparison.Ordinal)) return Layout.Value;
            if (string.Equals(model, ThumbnailExtractor.ModelName, StringComparison.Ordinal)) return Thumbnail.Value;
            return null;
        }
    }
}
