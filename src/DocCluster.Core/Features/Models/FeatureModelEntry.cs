using System.IO;
using DocCluster.Features.Document;

namespace DocCluster.Features.Models
{
    /// <summary>One line of Get-ImageFeatureModel: a named extractor and where its weights are.</summary>
    public sealed class FeatureModelEntry
    {
        public string Name { get; set; }
        /// <summary>"Built-in" (no weights) or "ONNX".</summary>
        public string Type { get; set; }
        public string Input { get; set; }
        public string Preprocessing { get; set; }
        public string FeatureOutput { get; set; }
        public string Url { get; set; }
        public string Sha256 { get; set; }
        /// <summary>Where the weights were found (search path or cache); null when they would have to be downloaded or given with -ModelPath.</summary>
        public string LocalPath { get; set; }
        public string Description { get; set; }

        public static FeatureModelEntry BuiltIn(string name, string description) =>
            new FeatureModelEntry { Name = name, Type = "Built-in", Input = "whole page", Preprocessing = "none", Description = description };

        public static FeatureModelEntry For(OnnxModelSpec spec, ModelStore store)
        {
            string local = null;
            foreach (var dir in store.SearchPaths)
            {
                var candidate = Path.Combine(dir, spec.FileName);
                if (File.Exists(candidate)) { local = candidate; break; }
            }
            if (local == null && File.Exists(store.CachePathOf(spec))) local = store.CachePathOf(spec);
            return new FeatureModelEntry
            {
                Name = spec.Name,
                Type = "ONNX",
                Input = $"{spec.InputWidth}x{spec.InputHeight} {spec.ChannelOrder} {spec.ResizeMode}",
                Preprocessing = $"(pixel*{spec.PixelScale:R} - [{string.Join(",", spec.Mean)}]) / [{string.Join(",", spec.Std)}]",
                FeatureOutput = spec.FeatureOutput,
                Url = spec.Url,
                Sha256 = spec.Sha256,
                LocalPath = local,
                Description = spec.Description,
            };
        }

        public static FeatureModelEntry Layout() =>
            BuiltIn(DocumentLayoutExtractor.ModelName, "Default. " + new DocumentLayoutExtractor().Info.Description);
    }
}
