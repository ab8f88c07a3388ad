using System;
using System.Collections.Generic;
using DocCluster.Imaging;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Straightens pages fed or photographed askew: rules, margins and projection profiles are measured along the raster's
    /// rows and columns, so a page tilted by a few degrees smears them. The tilt is read from the text lines (which
    /// <see cref="TextLines"/> follows through a tilt): each line's slope by least squares through its glyph centres, the
    /// median over lines weighted by their glyph counts. Pages with too few lines to tell keep their angle.
    /// </summary>
    internal static class PageSkew
    {
        /// <summary>Lines of at least this many glyphs count ...</summary>
        public const int MinGlyphs = 6;
        /// <summary>... and at least this many of them are needed.</summary>
        public const int MinLines = 5;
        /// <summary>Smaller tilts are left alone (below a pixel or two across a 768-px page).</summary>
        public const double MinDegrees = 0.5;
        /// <summary>Larger estimates are not trusted (text lines are not followed that far).</summary>
        public const double MaxDegrees = 15;

        /// <summary>The text's tilt in degrees (positive: lines descend to the right, i.e. the page is turned clockwise); NaN
        /// when there are too few lines.</summary>
        public static double Degrees(List<TextLines.Line> lines)
        {
            var slopes = new List<(double slope, double weight)>();
            foreach (var line in lines)
            {
                int n = line.Glyphs.Count;
                if (n < MinGlyphs) continue;
                double mx = 0, my = 0;
                foreach (var g in line.Glyphs) { mx += g.CenterX; my += g.CenterY; }
                mx /= n; my /= n;
                double sxx = 0, sxy = 0;
                foreach (var g in line.Glyphs) { double dx = g.CenterX - mx; sxx += dx * dx; sxy += dx * (g.CenterY - my); }
                if (sxx <= 0) continue;
                slopes.Add((sxy / sxx, n));
            }
            if (slopes.Count < MinLines) return double.NaN;
            slopes.Sort((p, q) => p.slope.CompareTo(q.slope));
            double total = 0, acc = 0;
            foreach (var s in slopes) total += s.weight;
            foreach (var s in slopes)
            {
                acc += s.weight;
                if (acc >= total / 2) return Math.Atan(s.slope) * 180 / Math.PI;
            }
            return double.NaN;
        }

        /// <summary>True when the page should be straightened by <paramref name="degrees"/>.</summary>
        public static bool Worth(double degrees) => !double.IsNaN(degrees) && Math.Abs(degrees) >= MinDegrees && Math.Abs(degrees) <= MaxDegrees;

        /// <summary>The image turned anticlockwise by <paramref name="degrees"/> about its centre (bilinear), same size; pixels
        /// from outside the image repeat its nearest edge, so no blank wedges appear in the corners.</summary>
        public static RasterImage Straighten(RasterImage image, double degrees)
        {
            int w = image.Width, h = image.Height;
            var src = image.Rgb;
            var dst = new byte[src.Length];
            double rad = degrees * Math.PI / 180, cos = Math.Cos(rad), sin = Math.Sin(rad);
            double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    // the source pixel that lands on (x, y) after turning the page anticlockwise by the tilt
                    double dx = x - cx, dy = y - cy;
                    double sx = cx + cos * dx - sin * dy, sy = cy + sin * dx + cos * dy;
                    sx = Math.Max(0, Math.Min(w - 1, sx));
                    sy = Math.Max(0, Math.Min(h - 1, sy));
                    int x0 = (int)sx, y0 = (int)sy, x1 = Math.Min(w - 1, x0 + 1), y1 = Math.Min(h - 1, y0 + 1);
                    double fx = sx - x0, fy = sy - y0;
                    int p00 = (y0 * w + x0) * 3, p01 = (y0 * w + x1) * 3, p10 = (y1 * w + x0) * 3, p11 = (y1 * w + x1) * 3, d = (y * w + x) * 3;
                    for (int c = 0; c < 3; c++)
                    {
                        double top = src[p00 + c] + (src[p01 + c] - src[p00 + c]) * fx;
                        double bottom = src[p10 + c] + (src[p11 + c] - src[p10 + c]) * fx;
                        dst[d + c] = (byte)(top + (bottom - top) * fy + 0.5);
                    }
                }
            return new RasterImage(w, h, dst, image.SourceWidth, image.SourceHeight);
        }
    }
}
