using System;
using DocCluster.Imaging;

namespace DocCluster.Features.Document.Glyphs
{
    /// <summary>
    /// How much of the text is figures: the share of glyphs that <see cref="GlyphClassifier"/> takes for 0–9. Bills,
    /// invoices and receipts are lists of amounts, quantities and dates; forms, letters and articles are mostly words.
    /// Layout alone confuses an invoice with a ruled form (both are sparse boxed business pages); the share of figures
    /// does not. Glyphs are found and classified on the upright page at up to <see cref="DocumentLayoutExtractor.GlyphLongSide"/> px
    /// (not on the 768-px raster of the other blocks, where ordinary print is too small to read).
    /// </summary>
    internal static class FigureFeatures
    {
        public const int Length = 2;

        /// <summary>Glyphs shorter than this (in pixels of the page as it came) are not classified: too few pixels to tell 8 from B.</summary>
        public const int MinGlyphPixels = 7;
        /// <summary>Enough glyphs for a share to within a couple of points; a dense article has thousands.</summary>
        public const int MaxGlyphs = 600;
        // A page with only a handful of readable glyphs is pulled towards a middling share (worth this many glyphs)
        // rather than to 0 or 1 by chance.
        private const double PriorShare = 0.15, PriorGlyphs = 20;

        public static void Write(RasterImage image, FeatureWriter f)
        {
            var (n, likely, sure) = Count(image, GlyphClassifier.Default);
            f.Add((likely + PriorShare * PriorGlyphs) / (n + PriorGlyphs));
            f.Add((sure + PriorShare * PriorGlyphs) / (n + PriorGlyphs));
        }

        /// <summary>Glyphs classified, those with P(figure) &gt; 0.5, and those with P(figure) &gt; 0.8.</summary>
        internal static (int n, int likely, int sure) Count(RasterImage image, GlyphClassifier classifier)
        {
            // Glyphs are found again at this resolution: on the 768-px raster neighbouring figures of small print touch
            // and would be classified as one wide mark. Only the glyphs are needed, not the rest of a PageAnalysis.
            int longSide = Math.Min(Math.Max(image.Width, image.Height), DocumentLayoutExtractor.GlyphLongSide);
            var page = new PageRaster(image, longSide);
            var chars = PageAnalysis.CharSized(new InkComponents(new InkMask(page)).Items, longSide);
            var gray = page.Gray;
            int stride = page.Width;
            int step = Math.Max(1, (chars.Length + MaxGlyphs - 1) / MaxGlyphs);
            var descriptor = new double[GlyphClassifier.Dimension];
            var probabilities = new double[GlyphClassifier.Classes.Length];
            var crop = new float[256];
            int n = 0, likely = 0, sure = 0;
            for (int i = 0; i < chars.Length; i += step)
            {
                var c = chars[i];
                if (c.H < MinGlyphPixels) continue;
                int w = c.W, h = c.H;
                if (crop.Length < w * h) crop = new float[w * h];
                if (!Stretch(gray, stride, c.MinX, c.MinY, w, h, crop)) continue;
                GlyphClassifier.Describe(crop, w, 0, 0, w - 1, h - 1, descriptor);
                double p = classifier.FigureProbability(descriptor, probabilities);
                n++;
                if (p > 0.5) likely++;
                if (p > 0.8) sure++;
            }
            return (n, likely, sure);
        }

        /// <summary>Darkness of the box, stretched so its lightest pixel is 0 and its darkest 1; false for a box without contrast.</summary>
        private static bool Stretch(byte[] gray, int stride, int x0, int y0, int w, int h, float[] crop)
        {
            float lo = 1, hi = 0;
            for (int y = 0; y < h; y++)
            {
                int src = (y0 + y) * stride + x0;
                for (int x = 0; x < w; x++)
                {
                    float d = 1 - gray[src + x] / 255f;
                    crop[y * w + x] = d;
                    if (d < lo) lo = d;
                    if (d > hi) hi = d;
                }
            }
            if (hi - lo < 0.15f) return false;
            float scale = 1 / (hi - lo);
            for (int i = 0; i < w * h; i++) crop[i] = (crop[i] - lo) * scale;
            return true;
        }
    }
}
