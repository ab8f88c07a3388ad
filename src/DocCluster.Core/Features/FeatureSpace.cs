using System;
using System.Collections.Generic;

namespace DocCluster.Features
{
    /// <summary>
    /// The space clustering and classification measure distances in: per-dimension z-scores learned from a set of
    /// vectors, optionally clipped, multiplied by the feature model's block weights (<see cref="FeatureWeighting"/>),
    /// optionally L2-normalised.
    /// </summary>
    public static class FeatureSpace
    {
        /// <summary>Mean and population standard deviation per dimension; 1 where a dimension does not vary.</summary>
        public static void LearnScale(IReadOnlyList<float[]> vectors, int dimension, out double[] mean, out double[] scale)
        {
            int n = vectors.Count;
            mean = new double[dimension];
            foreach (var v in vectors) for (int j = 0; j < dimension; j++) mean[j] += v[j];
            for (int j = 0; j < dimension; j++) mean[j] /= n;
            var sumSq = new double[dimension];
            foreach (var v in vectors) for (int j = 0; j < dimension; j++) { double z = v[j] - mean[j]; sumSq[j] += z * z; }
            scale = new double[dimension];
            for (int j = 0; j < dimension; j++)
            {
                double sd = Math.Sqrt(sumSq[j] / n);
                scale[j] = sd > 1e-10 * Math.Max(1.0, Math.Abs(mean[j])) ? sd : 1.0;
            }
        }

        /// <summary>
        /// (v − mean) / scale when <paramref name="mean"/> is given (clipped to ±<paramref name="clipZ"/> when it is
        /// positive), times <paramref name="weights"/> when given, then L2-normalised when <paramref name="normalize"/>.
        /// </summary>
        public static double[] Project(float[] vector, double[] mean, double[] scale, double[] weights, double clipZ, bool normalize)
        {
            if (vector == null) throw new ArgumentNullException(nameof(vector));
            int d = vector.Length;
            var x = new double[d];
            double s = 0;
            for (int j = 0; j < d; j++)
            {
                double v = vector[j];
                if (mean != null)
                {
                    v = (v - mean[j]) / scale[j];
                    if (clipZ > 0) v = Math.Max(-clipZ, Math.Min(clipZ, v));
                }
                if (weights != null) v *= weights[j];
                x[j] = v;
                s += v * v;
            }
            if (normalize && s > 0)
            {
                double inv = 1.0 / Math.Sqrt(s);
                for (int j = 0; j < d; j++) x[j] *= inv;
            }
            return x;
        }
    }
}
