using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    internal static class Stats
    {
        /// <summary>Quantile by sorting a copy; 0 for an empty input.</summary>
        public static double Quantile(IReadOnlyList<double> values, double q)
        {
            if (values.Count == 0) return 0;
            var copy = new double[values.Count];
            for (int i = 0; i < copy.Length; i++) copy[i] = values[i];
            Array.Sort(copy);
            double pos = q * (copy.Length - 1);
            int lo = (int)Math.Floor(pos), hi = Math.Min(copy.Length - 1, lo + 1);
            return copy[lo] + (copy[hi] - copy[lo]) * (pos - lo);
        }

        public static (double mean, double std) MeanStd(IReadOnlyList<double> values)
        {
            if (values.Count == 0) return (0, 0);
            double s = 0, s2 = 0;
            foreach (var v in values) { s += v; s2 += v * v; }
            double m = s / values.Count;
            return (m, Math.Sqrt(Math.Max(0, s2 / values.Count - m * m)));
        }

        /// <summary>Coefficient of variation, 0 when the mean is ~0.</summary>
        public static double Cv(IReadOnlyList<double> values)
        {
            var (m, s) = MeanStd(values);
            return Math.Abs(m) > 1e-9 ? s / Math.Abs(m) : 0;
        }

        public static double SafeDiv(double a, double b) => Math.Abs(b) > 1e-12 ? a / b : 0;
    }
}
