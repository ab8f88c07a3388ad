using System;
using System.Linq;
using DocCluster.Features.Document;

namespace DocCluster.Features
{
    /// <summary>
    /// Per-dimension weights applied after standardisation, so each block of a feature vector counts as designed
    /// (per-dimension z-scores alone would let a 16-d block outvote a 3-d one). Derived from the feature model
    /// itself, never from the data, so a saved or nightly model always weighs features the same way.
    /// </summary>
    public static class FeatureWeighting
    {
        /// <summary>The weights for features of this model, or null when its dimensions are all equal.</summary>
        public static double[] For(string model, string fingerprint, int dimension)
        {
            var layout = DocumentFeatureLayout.DimensionWeights;
            if (string.Equals(model, DocumentLayoutExtractor.ModelName, StringComparison.Ordinal))
                return fingerprint == BuiltInFeatureModels.CurrentFingerprint(model) && dimension == layout.Count ? layout.ToArray() : null;
            if (model != null && model.StartsWith(CombinedFeatureExtractor.Prefix, StringComparison.Ordinal) && dimension > layout.Count)
            {
                var w = new double[dimension];
                for (int i = 0; i < layout.Count; i++) w[i] = layout[i];
                double cnn = CombinedFeatureExtractor.CnnBlockWeight / Math.Sqrt(dimension - layout.Count);
                for (int i = layout.Count; i < dimension; i++) w[i] = cnn;
                return w;
            }
            return null;
        }
    }
}
