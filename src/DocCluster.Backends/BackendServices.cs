using System;
using DocCluster.Backends.Decoding;
using DocCluster.Backends.Onnx;
using DocCluster.Features;
using DocCluster.Features.Document;
using DocCluster.Features.Models;
using DocCluster.Imaging;

namespace DocCluster.Backends
{
    /// <summary>The one entry point cmdlets use into this assembly, so callers only ever see Core types.</summary>
    public static class BackendServices
    {
        public static IImageDecoder CreateDecoder() => new ImageDecoder();

        /// <summary>Creates the extractor the request names; throws ArgumentException (unknown name) or the model store's errors.</summary>
        public static IFeatureExtractor CreateExtractor(FeatureExtractorRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var model = request.Model;
            if (string.IsNullOrEmpty(model))
            {
                if (request.ModelPath == null) return new DocumentLayoutExtractor();
                var spec = FeatureModelRegistry.Custom(request.ModelPath, request.Overrides);
                return new OnnxFeatureExtractor(spec, request.ModelPath, Options(request));
            }
            if (request.Overrides != null)
                throw new ArgumentException($"Preprocessing overrides apply to a custom -ModelPath model only; the preset '{model}' carries its own settings.");
            if (Is(model, DocumentLayoutExtractor.ModelName)) return NoPath(request, new DocumentLayoutExtractor());
            if (Is(model, ThumbnailExtractor.ModelName)) return NoPath(request, new ThumbnailExtractor());
            if (model.StartsWith(CombinedFeatureExtractor.Prefix, StringComparison.OrdinalIgnoreCase))
                return new CombinedFeatureExtractor(new DocumentLayoutExtractor(), Preset(model.Substring(CombinedFeatureExtractor.Prefix.Length), request));
            if (FeatureModelRegistry.TryResolve(model, out _)) return Preset(model, request);
            throw new ArgumentException($"Unknown feature model '{model}'. Known: {DocumentLayoutExtractor.ModelName}, {ThumbnailExtractor.ModelName}, " +
                $"{string.Join(", ", FeatureModelRegistry.Names)}, or {CombinedFeatureExtractor.Prefix}<ONNX model>; or give -ModelPath alone for a custom ONNX file.");
        }

        private static IFeatureExtractor Preset(string name, FeatureExtractorRequest request)
        {
            var store = ModelStore.CreateDefault();
            store.Warning = request.Warning;
            return OnnxFeatureExtractor.FromPreset(name, store, request.ModelPath, null, Options(request));
        }

        private static IFeatureExtractor NoPath(FeatureExtractorRequest request, IFeatureExtractor extractor)
        {
            if (request.ModelPath == null) return extractor;
            extractor.Dispose();
            throw new ArgumentException($"'{request.Model}' needs no model file; -ModelPath is for ONNX models.");
        }

        private static OnnxExtractorOptions Options(FeatureExtractorRequest request) =>
            request.IntraOpThreads > 0 ? new OnnxExtractorOptions { IntraOpThreads = request.IntraOpThreads } : new OnnxExtractorOptions();

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
