using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Character-sized ink marks: how many, how big relative to the page (articles: many tiny glyphs; receipts
    /// and cards: fewer, larger), how varied the sizes are (one body font vs headings and fields), glyph shape,
    /// and how much ink is text vs large marks (rules, boxes, logos, photos, desk edges).
    /// </summary>
    internal static class TextComponentFeatures
    {
        public const int Length = 8;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            var chars = a.Chars;
            double big = 0.06 * a.Page.LongSide;
            var heights = new List<double>(chars.Length);
            var aspects = new List<double>(chars.Length);
            double charInk = 0;
            foreach (var c in chars)
            {
                heights.Add(c.H);
                aspects.Add((double)c.W / c.H);
                charInk += c.Area;
            }
            double bigInk = 0;
            int bigCount = 0;
            foreach (var c in a.Components)
                if (c.H > big || c.W > big) { bigInk += c.Area; bigCount++; }
            double totalInk = Math.Max(1, a.Mask.InkCount);
            double median = Stats.Quantile(heights, 0.5);

            f.Add(Math.Log(1 + chars.Length));
            // Relative to the content width, not the frame: a receipt's glyphs are large for its narrow strip
            // however much scanner bed or paper surrounds it.
            f.Add(median / Math.Max(1.0, a.ContentWidth) * 10);
            f.Add(Math.Min(3, Stats.SafeDiv(Stats.Quantile(heights, 0.75) - Stats.Quantile(heights, 0.25), median)));
            f.Add(Math.Min(3, Stats.Quantile(aspects, 0.5)));
            f.Add(charInk / totalInk);
            f.Add(bigInk / totalInk);
            f.Add(Math.Log(1 + bigCount));
            // Share of the content box covered by glyph-sized boxes: how text-filled the page is.
            double glyphArea = 0;
            foreach (var c in chars) glyphArea += (double)c.W * c.H;
            f.Add(Math.Min(1, glyphArea / Math.Max(1.0, (double)a.ContentWidth * a.ContentHeight)));
        }
    }
}
