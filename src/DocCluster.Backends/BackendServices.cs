using System;
using DocCluster.Backends.Decoding;
using DocCluster.Features;
using DocCluster.Imaging;

namespace DocCluster.Backends
{
    /// <summary>The one entry point cmdlets use into this assembly, so callers only ever see Core types.</summary>
    public static class BackendServices
    {
        public static IImageDecoder CreateDecoder() => new ImageDecoder();

        /// <summary>Creates the extractor named by the request (built-in or ONNX).</summary>
        public static IFeatureExtractor CreateExtractor(FeatureExtractorRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (string.Equals(request.Model, ThumbnailExtractor.ModelName, StringComparison.OrdinalIgnoreCase) && request.ModelPath == null)
                return new ThumbnailExtractor();
            throw new ArgumentException($"Unknown feature model '{request.Model}'.");
        }
    }
}
