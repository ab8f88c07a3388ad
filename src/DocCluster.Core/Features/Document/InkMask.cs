using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Ink = pixels clearly darker than their neighbourhood (adaptive threshold against a local mean over a
    /// window ~1/24 of the long side). Uniform dark areas (a desk, a black scanner border) are not ink; their
    /// edges and any printed marks are. Also keeps the luma integral image for cheap local statistics.
    /// </summary>
    internal sealed class InkMask
    {
        public InkMask(PageRaster page)
        {
            int w = page.Width, h = page.Height;
            Width = w;
            Height = h;
            var gray = page.Gray;
            // int suffices: 255 x 1024 x 1024 < 2^31 for any raster up to the supported long side.
            Integral = new int[(w + 1) * (h + 1)];
            for (int y = 0; y < h; y++)
            {
                int row = 0;
                for (int x = 0; x < w; x++)
                {
                    row += gray[y * w + x];
                    Integral[(y + 1) * (w + 1) + x + 1] = Integral[y * (w + 1) + x + 1] + row;
                }
            }

            int r = Math.Max(2, page.LongSide / 48);
            Ink = new bool[w * h];
            int count = 0, stride = w + 1;
            var xa = new int[w];
            var xb = new int[w];
            for (int x = 0; x < w; x++) { xa[x] = Math.Max(0, x - r); xb[x] = Math.Min(w, x + r + 1); }
            var integral = Integral;
            for (int y = 0; y < h; y++)
            {
                int y0 = Math.Max(0, y - r), y1 = Math.Min(h, y + r + 1);
                int top = y0 * stride, bottom = y1 * stride, row = y * w;
                for (int x = 0; x < w; x++)
                {
                    int x0 = xa[x], x1 = xb[x];
                    long sum = (long)integral[bottom + x1] - integral[top + x1] - integral[bottom + x0] + integral[top + x0];
                    long area = (long)(x1 - x0) * (y1 - y0);
                    // g < mean - (8 + 0.12 mean), in integers: 100 g area + 800 area < 88 sum
                    if ((100L * gray[row + x] + 800) * area < 88 * sum)
                    {
                        Ink[row + x] = true;
                        count++;
                    }
                }
            }
            InkCount = count;
        }

        public int Width { get; }
        public int Height { get; }
        public bool[] Ink { get; }
        public int InkCount { get; }
        public int[] Integral { get; }

        /// <summary>Sum of luma over [x0,x1) x [y0,y1).</summary>
        public long BoxSum(int x0, int y0, int x1, int y1)
        {
            int s = Width + 1;
            return (long)Integral[y1 * s + x1] - Integral[y0 * s + x1] - Integral[y1 * s + x0] + Integral[y0 * s + x0];
        }
    }
}
