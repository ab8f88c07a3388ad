using System;
using DocCluster.Imaging;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// The page resampled so its long side is a fixed length (box-averaged down, nearest up), as luma,
    /// chroma (max-min of RGB) and RGB. Every feature is measured on this raster, which makes the
    /// features independent of the file's resolution.
    /// </summary>
    internal sealed class PageRaster
    {
        public PageRaster(RasterImage image, int longSide)
        {
            double scale = (double)longSide / Math.Max(image.Width, image.Height);
            Width = Math.Max(1, (int)Math.Round(image.Width * scale));
            Height = Math.Max(1, (int)Math.Round(image.Height * scale));
            LongSide = longSide;
            Rgb = Resample(image, Width, Height);
            int n = Width * Height;
            Gray = new byte[n];
            Chroma = new byte[n];
            for (int i = 0, p = 0; i < n; i++, p += 3)
            {
                int r = Rgb[p], g = Rgb[p + 1], b = Rgb[p + 2];
                Gray[i] = (byte)((r * 299 + g * 587 + b * 114 + 500) / 1000);
                int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
                Chroma[i] = (byte)(max - min);
            }
        }

        public int Width { get; }
        public int Height { get; }
        public int LongSide { get; }
        public int ShortSide => Math.Min(Width, Height);
        public byte[] Rgb { get; }
        public byte[] Gray { get; }
        public byte[] Chroma { get; }

        private static byte[] Resample(RasterImage image, int width, int height)
        {
            int sw = image.Width, sh = image.Height;
            var src = image.Rgb;
            if (sw == width && sh == height) return src;
            var dst = new byte[width * height * 3];
            var x0 = new int[width + 1];
            for (int x = 0; x <= width; x++) x0[x] = (int)((long)x * sw / width);
            var sum = new long[3];
            for (int y = 0; y < height; y++)
            {
                int ya = (int)((long)y * sh / height), yb = Math.Max(ya + 1, (int)((long)(y + 1) * sh / height));
                for (int x = 0; x < width; x++)
                {
                    int xa = x0[x], xb = Math.Max(xa + 1, x0[x + 1]);
                    sum[0] = sum[1] = sum[2] = 0;
                    for (int yy = ya; yy < yb; yy++)
                    {
                        int p = (yy * sw + xa) * 3;
                        for (int xx = xa; xx < xb; xx++, p += 3)
                        {
                            sum[0] += src[p];
                            sum[1] += src[p + 1];
                            sum[2] += src[p + 2];
                        }
                    }
                    long count = (long)(yb - ya) * (xb - xa);
                    int d = (y * width + x) * 3;
                    dst[d] = (byte)(sum[0] / count);
                    dst[d + 1] = (byte)(sum[1] / count);
                    dst[d + 2] = (byte)(sum[2] / count);
                }
            }
            return dst;
        }
    }
}
