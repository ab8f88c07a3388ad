using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// How ink is laid out: overall density, the horizontal projection profile summarised as text-band count,
    /// band height and spacing in units of the character height (scale-invariant), line periodicity
    /// (autocorrelation), and white gutters in the vertical profile (column structure).
    /// Articles: dense, periodic, two columns. Forms: sparse, irregular. Receipts: one narrow column of
    /// short lines. Cards: few large bands over a busy background.
    /// </summary>
    internal static class InkLayoutFeatures
    {
        public const int Length = 14;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            int w = a.Page.Width, h = a.Page.Height;
            int cw = Math.Max(1, a.ContentWidth), ch = Math.Max(1, a.ContentHeight);
            double unit = Math.Max(1.0, a.CharHeight);

            f.Add(Math.Sqrt((double)a.Mask.InkCount / ((double)w * h)));
            f.Add(Math.Sqrt((double)a.Mask.InkCount / ((double)cw * ch)));

            var rows = new double[ch];
            for (int y = 0; y < ch; y++) rows[y] = (double)a.RowInk[a.ContentY0 + y] / cw;
            var cols = new double[cw];
            for (int x = 0; x < cw; x++) cols[x] = (double)a.ColInk[a.ContentX0 + x] / ch;

            f.Add(Coverage(rows, 0.01));
            f.Add(Coverage(cols, 0.01));

            var bands = Runs(rows, 0.01, true);
            var gaps = Runs(rows, 0.01, false);
            var bandHeights = new List<double>();
            foreach (var b in bands) bandHeights.Add(b / unit);
            var gapHeights = new List<double>();
            foreach (var g in gaps) gapHeights.Add(g / unit);
            f.Add(Math.Log(1 + bands.Count));
            f.Add(Math.Log(1 + Stats.Quantile(bandHeights, 0.5)));
            f.Add(Math.Log(1 + Stats.Quantile(gapHeights, 0.5)));
            f.Add(Math.Min(3, Stats.Cv(gapHeights)));

            var (strength, period) = Periodicity(rows, (int)Math.Ceiling(unit));
            f.Add(strength);
            f.Add(Math.Log(1 + period / unit));

            // Gutters: white vertical strips wider than two character heights, not touching the content edges.
            var smooth = Smooth(cols, Math.Max(1, (int)(unit / 2)));
            int gutters = 0, widest = 0, run = 0;
            for (int x = 0; x < smooth.Length; x++)
            {
                if (smooth[x] < 0.003) run++;
                else
                {
                    if (run > 0 && x - run > 0 && run >= 2 * unit) { gutters++; widest = Math.Max(widest, run); }
                    run = 0;
                }
            }
            f.Add(Math.Log(1 + gutters));
            f.Add((double)widest / cw);

            f.Add(Math.Min(5, Stats.Cv(rows)));
            f.Add(Math.Min(5, Stats.Cv(cols)));

        }

        private static double Coverage(double[] profile, double threshold)
        {
            int n = 0;
            foreach (var v in profile) if (v > threshold) n++;
            return profile.Length > 0 ? (double)n / profile.Length : 0;
        }

        /// <summary>Lengths of maximal runs above (or at/below) the threshold, excluding runs touching either end for gaps.</summary>
        private static List<double> Runs(double[] profile, double threshold, bool above)
        {
            var runs = new List<double>();
            int run = 0, start = 0;
            for (int i = 0; i <= profile.Length; i++)
            {
                bool inRun = i < profile.Length && (profile[i] > threshold) == above;
                if (inRun)
                {
                    if (run == 0) start = i;
                    run++;
                }
                else if (run > 0)
                {
                    if (above || (start > 0 && i < profile.Length)) runs.Add(run);
                    run = 0;
                }
            }
            return runs;
        }

        /// <summary>Strongest normalised autocorrelation peak past the first zero crossing, and its lag.</summary>
        private static (double strength, double period) Periodicity(double[] profile, int minLag)
        {
            int n = profile.Length;
            if (n < 8) return (0, 0);
            double mean = 0;
            foreach (var v in profile) mean += v;
            mean /= n;
            var d = new double[n];
            double var0 = 0;
            for (int i = 0; i < n; i++) { d[i] = profile[i] - mean; var0 += d[i] * d[i]; }
            if (var0 < 1e-12) return (0, 0);
            int maxLag = Math.Min(n / 3, 12 * minLag + 8);
            bool crossed = false;
            double best = 0, bestLag = 0;
            for (int lag = Math.Max(1, minLag / 2); lag <= maxLag; lag++)
            {
                double s = 0;
                for (int i = 0; i + lag < n; i++) s += d[i] * d[i + lag];
                double r = s / var0 * n / (n - lag);
                if (r < 0) crossed = true;
                else if (crossed && r > best) { best = r; bestLag = lag; }
            }
            return (Math.Min(1, best), bestLag);
        }

        private static double[] Smooth(double[] v, int radius)
        {
            var o = new double[v.Length];
            double s = 0;
            int lo = 0, hi = -1;
            for (int i = 0; i < v.Length; i++)
            {
                while (hi < Math.Min(v.Length - 1, i + radius)) s += v[++hi];
                while (lo < i - radius) s -= v[lo++];
                o[i] = s / (hi - lo + 1);
            }
            return o;
        }
    }
}
