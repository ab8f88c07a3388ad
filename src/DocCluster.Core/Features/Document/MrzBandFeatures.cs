using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Machine-readable-zone likeness. Passports (TD3: 2 x 44), ID cards (TD1: 3 x 30) and visas carry lines of
    /// OCR-B monospace: many glyphs of equal height at a constant pitch with no word spaces, runs of identical
    /// '&lt;' fillers, and 2-3 such lines stacked at a regular spacing. Ordinary monospace print (receipts)
    /// has word gaps and rarely stacks two gap-free lines of the same pitch. Features: the best single-line
    /// score, the best stacked-pair score, the longest run of identical glyphs in a regular line (filler
    /// chevrons), and the vertical position of the best line in the content box.
    /// </summary>
    internal static class MrzBandFeatures
    {
        public const int Length = 4;
        private const int MinGlyphs = 16;

        private struct LineScore
        {
            public double Score, Pitch, CenterY, Height;
            public int MinX, MaxX, IdenticalRun;
        }

        public static void Write(PageAnalysis a, List<TextLines.Line> lines, FeatureWriter f)
        {
            var scored = new List<LineScore>();
            foreach (var l in lines)
                if (l.Glyphs.Count >= MinGlyphs) scored.Add(Score(l));

            double best = 0, bestY = 0, bestPair = 0;
            int bestRun = 0;
            double ch = Math.Max(1, a.ContentHeight);
            foreach (var s in scored)
            {
                if (s.Score > best) { best = s.Score; bestY = (s.CenterY - a.ContentY0) / ch; }
                if (s.Score > 0.2) bestRun = Math.Max(bestRun, s.IdenticalRun);
            }
            for (int i = 0; i < scored.Count; i++)
                for (int j = i + 1; j < scored.Count; j++)
                {
                    var p = scored[i];
                    var q = scored[j];
                    double h = Math.Max(p.Height, q.Height);
                    double dy = Math.Abs(p.CenterY - q.CenterY);
                    if (dy < 1.1 * h || dy > 3.0 * h) continue;
                    if (Math.Abs(p.Pitch / q.Pitch - 1) > 0.15) continue;
                    int overlap = Math.Min(p.MaxX, q.MaxX) - Math.Max(p.MinX, q.MinX);
                    if (overlap < 0.6 * Math.Min(p.MaxX - p.MinX, q.MaxX - q.MinX)) continue;
                    bestPair = Math.Max(bestPair, Math.Min(p.Score, q.Score));
                }
            f.Add(best);
            f.Add(bestPair);
            f.Add(Math.Log(1 + bestRun));
            f.Add(bestY);
        }

        private static LineScore Score(TextLines.Line l)
        {
            var g = l.Glyphs;
            int n = g.Count;
            var heights = new double[n];
            for (int i = 0; i < n; i++) heights[i] = g[i].H;
            var pitch = new double[n - 1];
            for (int i = 1; i < n; i++) pitch[i - 1] = g[i].CenterX - g[i - 1].CenterX;
            double median = Stats.Quantile(pitch, 0.5);
            int gaps = 0;
            var core = new List<double>();
            foreach (var p in pitch)
            {
                if (p > 1.6 * median) gaps++;
                else if (p > 0.5 * median) core.Add(p);
            }
            double gapShare = (double)gaps / pitch.Length;
            double score = Math.Min(1, n / 30.0) * Math.Exp(-(10 * gapShare + 4 * Stats.Cv(core) + 4 * Stats.Cv(heights)));

            int run = 1, longest = 1;
            for (int i = 1; i < n; i++)
            {
                var p = g[i - 1];
                var q = g[i];
                bool same = Math.Abs(p.W - q.W) <= 1 && Math.Abs(p.H - q.H) <= 1 && Math.Abs((double)p.Area / q.Area - 1) < 0.2;
                run = same ? run + 1 : 1;
                longest = Math.Max(longest, run);
            }
            return new LineScore
            {
                Score = score, Pitch = Math.Max(1e-6, median), CenterY = l.CenterY, Height = l.Height,
                MinX = l.MinX, MaxX = l.MaxX, IdenticalRun = longest,
            };
        }
    }
}
