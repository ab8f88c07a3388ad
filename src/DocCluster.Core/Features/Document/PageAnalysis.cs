using System;
using System.Collections.Generic;
using DocCluster.Imaging;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Everything the feature blocks share for one page: the normalised raster, its ink mask and components,
    /// character-sized components, the ink profiles and the content box. Built per call: no shared state.
    /// </summary>
    internal sealed class PageAnalysis
    {
        public PageAnalysis(RasterImage image, int longSide)
        {
            Page = new PageRaster(image, longSide);
            Mask = new InkMask(Page);
            Components = new InkComponents(Mask).Items;
            int w = Page.Width, h = Page.Height;

            RowInk = new int[h];
            ColInk = new int[w];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    if (Mask.Ink[y * w + x]) { RowInk[y]++; ColInk[x]++; }


            // Their median height is the page's text size, the unit for spacing features.
            Chars = CharSized(Components, longSide);
            var heights = new double[Chars.Length];
            for (int i = 0; i < heights.Length; i++) heights[i] = Chars[i].H;
            CharHeight = heights.Length > 0 ? Stats.Quantile(heights, 0.5) : 0.01 * longSide;

            // The content box is where the glyphs are: speckle, scanner dust and desk edges do not widen it, so a
            // receipt scanned on a larger sheet keeps its narrow column. Without glyphs, fall back to all ink.
            if (Chars.Length >= 8)
            {
                var rows = new double[h];
                var cols = new double[w];
                double total = 0;
                foreach (var c in Chars)
                {
                    for (int y = c.MinY; y <= c.MaxY; y++) rows[y] += (double)c.Area / c.H;
                    for (int x = c.MinX; x <= c.MaxX; x++) cols[x] += (double)c.Area / c.W;
                    total += c.Area;
                }
                (ContentY0, ContentY1) = TrimmedExtent(rows, total);
                (ContentX0, ContentX1) = TrimmedExtent(cols, total);
            }
            else
            {
                (ContentY0, ContentY1) = TrimmedExtent(ToDouble(RowInk), Mask.InkCount);
                (ContentX0, ContentX1) = TrimmedExtent(ToDouble(ColInk), Mask.InkCount);
            }
        }

        public PageRaster Page { get; }
        public InkMask Mask { get; }
        public InkComponents.Component[] Components { get; }
        public InkComponents.Component[] Chars { get; }
        public double CharHeight { get; }
        public int[] RowInk { get; }
        public int[] ColInk { get; }
        /// <summary>Box holding all but 1% of the glyph ink (or of all ink, when there are hardly any glyphs) on each side; the whole page when there is no ink.</summary>
        public int ContentX0 { get; }
        public int ContentX1 { get; }
        public int ContentY0 { get; }
        public int ContentY1 { get; }
        public int ContentWidth => ContentX1 - ContentX0;
        public int ContentHeight => ContentY1 - ContentY0;

        /// <summary>Character-sized marks: taller than a couple of pixels, shorter than ~6% of the long side, not long rules.</summary>
        internal static InkComponents.Component[] CharSized(InkComponents.Component[] components, int longSide)
        {
            double minH = Math.Max(3, 0.004 * longSide), maxH = 0.06 * longSide;
            var chars = new List<InkComponents.Component>();
            foreach (var c in components)
                if (c.H >= minH && c.H <= maxH && c.W <= 3 * c.H && c.Area >= 4) chars.Add(c);
            return chars.ToArray();
        }

        private static double[] ToDouble(int[] v)
        {
            var d = new double[v.Length];
            for (int i = 0; i < v.Length; i++) d[i] = v[i];
            return d;
        }

        private static (int, int) TrimmedExtent(double[] profile, double total)
        {
            if (total <= 0) return (0, profile.Length);
            double cut = 0.01 * total;
            int lo = 0, hi = profile.Length - 1;
            double acc = 0;
            while (lo < hi && acc + profile[lo] <= cut) acc += profile[lo++];
            acc = 0;
            while (hi > lo && acc + profile[hi] <= cut) acc += profile[hi--];
            return (lo, hi + 1);
        }
    }
}
