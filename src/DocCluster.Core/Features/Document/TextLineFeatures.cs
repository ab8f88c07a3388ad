using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Text-line structure: number of lines, glyphs per line and line length relative to the content width.
    /// Articles: many long full-column lines; receipts: many short lines of a narrow strip; forms and cards:
    /// few short fields; invoices: a mix of short fields and table rows.
    /// </summary>
    internal static class TextLineFeatures
    {
        public const int Length = 5;
        public const int MinGlyphs = 4;

        public static void Write(PageAnalysis a, List<TextLines.Line> lines, FeatureWriter f)
        {
            var counts = new List<double>();
            var spans = new List<double>();
            double cw = Math.Max(1, a.ContentWidth);
            foreach (var l in lines)
            {
                if (l.Glyphs.Count < MinGlyphs) continue;
                counts.Add(l.Glyphs.Count);
                spans.Add((l.MaxX - l.MinX + 1) / cw);
            }
            f.Add(Math.Log(1 + counts.Count));
            f.Add(Math.Log(1 + Stats.Quantile(counts, 0.5)));
            f.Add(Math.Log(1 + Stats.Quantile(counts, 0.9)));
            f.Add(Stats.Quantile(spans, 0.5));
            f.Add(Stats.Quantile(spans, 0.9));
        }
    }
}
