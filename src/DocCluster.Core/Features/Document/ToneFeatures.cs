using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Luma distribution: white paper with black ink (renders, clean scans) vs mid-grey photos with desk and
    /// illumination, vs dark scanner borders. Percentiles, so independent of the page size.
    /// </summary>
    internal static class ToneFeatures
    {
        public const int Length = 6;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            var hist = new int[256];
            foreach (var g in a.Page.Gray) hist[g]++;
            int n = a.Page.Gray.Length;
            foreach (var q in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 }) f.Add(Percentile(hist, n, q) / 255.0);
            int bright = 0;
            for (int v = 230; v < 256; v++) bright += hist[v];
            f.Add((double)bright / n);
        }

        private static int Percentile(int[] hist, int n, double q)
        {
            long target = (long)Math.Ceiling(q * n), acc = 0;
            for (int v = 0; v < 256; v++)
            {
                acc += hist[v];
                if (acc >= target) return v;
            }
            return 255;
        }
    }
}
