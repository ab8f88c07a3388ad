using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Machine-readable-zone likeness: passports and many ID cards end with 2-3 long lines of OCR-B monospace
    /// (30-44 glyphs, equal height, constant pitch) near the bottom of the document. Score each long line by
    /// glyph count and the regularity of glyph heights and pitch; report the best score, how many lines score
    /// high, and where the best one sits in the content box.
    /// </summary>
    internal static class MrzBandFeatures
    {
        public const int Length = 4;

        public static void Write(PageAnalysis a, List<TextLines.Line> lines, FeatureWriter f)
        {
            double best = 0, bestY = 0, bestSpan = 0;
            int strong = 0;
            double ch = Math.Max(1, a.ContentHeight), cw = Math.Max(1, a.ContentWidth);
            foreach (var l in lines)
            {
                int n = l.Glyphs.Count;
                if (n < 12) continue;
                var heights = new double[n];
                var pitch = new double[n - 1];
                for (int i = 0; i < n; i++) heights[i] = l.Glyphs[i].H;
                for (int i = 1; i < n; i++) pitch[i - 1] = l.Glyphs[i].CenterX - l.Glyphs[i - 1].CenterX;
                // Use the middle 80% of pitches: MRZ fillers '<' and touching glyphs create a few outliers.
                Array.Sort(pitch);
                int lo = pitch.Length / 10, hi = pitch.Length - lo;
                var core = new List<double>();
                for (int i = lo; i < hi; i++) core.Add(pitch[i]);
                double pitchCv = Stats.Cv(core), heightCv = Stats.Cv(heights);
                double score = Math.Min(1, n / 30.0) / (1 + 4 * pitchCv + 4 * heightCv);
                if (score > 0.45) strong++;
                if (score > best)
                {
                    best = score;
                    bestY = (l.CenterY - a.ContentY0) / ch;
                    bestSpan = (l.MaxX - l.MinX + 1) / cw;
                }
            }
            f.Add(best);
            f.Add(Math.Log(1 + strong));
            f.Add(bestY);
            f.Add(bestSpan);
        }
    }
}
