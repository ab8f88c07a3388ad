using System;
using DocCluster.Imaging;

namespace DocCluster.Core.Tests
{
    /// <summary>Draws simple synthetic pages in page-relative coordinates, so the same page can be made at any resolution.</summary>
    internal sealed class DocumentFeatureSyntheticPages
    {
        private readonly int _w, _h;
        private readonly byte[] _rgb;

        public DocumentFeatureSyntheticPages(int width, int height, byte r = 250, byte g = 250, byte b = 250)
        {
            _w = width;
            _h = height;
            _rgb = new byte[width * height * 3];
            for (int i = 0; i < _rgb.Length; i += 3) { _rgb[i] = r; _rgb[i + 1] = g; _rgb[i + 2] = b; }
        }

        public RasterImage Image => new RasterImage(_w, _h, (byte[])_rgb.Clone());

        /// <summary>Fills [x0,x1) x [y0,y1) given as fractions of the page width/height.</summary>
        public void Rect(double x0, double y0, double x1, double y1, byte r, byte g, byte b)
        {
            int ax = Clamp((int)Math.Round(x0 * _w), _w), bx = Clamp((int)Math.Round(x1 * _w), _w);
            int ay = Clamp((int)Math.Round(y0 * _h), _h), by = Clamp((int)Math.Round(y1 * _h), _h);
            if (bx == ax && ax < _w) bx = ax + 1;
            if (by == ay && ay < _h) by = ay + 1;
            for (int y = ay; y < by; y++)
                for (int x = ax; x < bx; x++)
                {
                    int p = (y * _w + x) * 3;
                    _rgb[p] = r; _rgb[p + 1] = g; _rgb[p + 2] = b;
                }
        }

        /// <summary>Lines of glyph-like dark boxes with word gaps: a text page.</summary>
        public void TextLines(double x0, double x1, double y0, double y1, double lineHeight, int seed)
        {
            var rng = new Random(seed);
            double glyphH = lineHeight * 0.55, glyphW = glyphH * 0.6, pitch = glyphH * 0.85;
            for (double y = y0; y + glyphH < y1; y += lineHeight)
            {
                double end = x1 - rng.NextDouble() * (x1 - x0) * 0.2;
                for (double x = x0; x + glyphW < end; x += pitch * _h / _w)
                {
                    if (rng.NextDouble() < 0.15) continue; // word gap
                    Rect(x, y, x + glyphW * _h / _w, y + glyphH, 20, 20, 20);
                }
            }
        }

        /// <summary>A ruled table: horizontal and vertical rules forming a grid.</summary>
        public void Table(double x0, double x1, double y0, double y1, int rows, int cols)
        {
            double t = 1.5 / _h, tv = 1.5 / _w;
            for (int r = 0; r <= rows; r++)
            {
                double y = y0 + (y1 - y0) * r / rows;
                Rect(x0, y, x1, y + t, 30, 30, 30);
            }
            for (int c = 0; c <= cols; c++)
            {
                double x = x0 + (x1 - x0) * c / cols;
                Rect(x, y0, x + tv, y1, 30, 30, 30);
            }
        }

        /// <summary>A smooth, colourful, noisy block: a photo-like region (portrait, picture).</summary>
        public void PhotoBlock(double x0, double y0, double x1, double y1, int seed)
        {
            var rng = new Random(seed);
            int ax = (int)(x0 * _w), bx = (int)(x1 * _w), ay = (int)(y0 * _h), by = (int)(y1 * _h);
            for (int y = ay; y < by; y++)
                for (int x = ax; x < bx; x++)
                {
                    double u = (double)(x - ax) / Math.Max(1, bx - ax), v = (double)(y - ay) / Math.Max(1, by - ay);
                    int p = (y * _w + x) * 3;
                    _rgb[p] = Byte(90 + 90 * u + rng.Next(-20, 21));
                    _rgb[p + 1] = Byte(120 + 50 * Math.Sin(6 * v) + rng.Next(-20, 21));
                    _rgb[p + 2] = Byte(70 + 60 * v + rng.Next(-20, 21));
                }
        }

        public static RasterImage Noise(int width, int height, int seed)
        {
            var rng = new Random(seed);
            var rgb = new byte[width * height * 3];
            rng.NextBytes(rgb);
            return new RasterImage(width, height, rgb);
        }

        public static RasterImage Uniform(int width, int height, byte value)
        {
            var rgb = new byte[width * height * 3];
            for (int i = 0; i < rgb.Length; i++) rgb[i] = value;
            return new RasterImage(width, height, rgb);
        }

        private static int Clamp(int v, int max) => Math.Max(0, Math.Min(max, v));
        private static byte Byte(double v) => (byte)Math.Max(0, Math.Min(255, Math.Round(v)));
    }
}
