using System;

namespace DocCluster.Imaging
{
    /// <summary>
    /// A decoded page as 8-bit RGB, row-major, 3 bytes a pixel, no padding. Usually a reduced-size
    /// version of the file's page: <see cref="SourceWidth"/>/<see cref="SourceHeight"/> keep the original size.
    /// </summary>
    public sealed class RasterImage
    {
        public RasterImage(int width, int height, byte[] rgb, int sourceWidth = 0, int sourceHeight = 0)
        {
            if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "Image dimensions must be positive.");
            if (rgb == null) throw new ArgumentNullException(nameof(rgb));
            if (rgb.Length != checked(width * height * 3)) throw new ArgumentException("Pixel buffer size does not match width*height*3.", nameof(rgb));
            Width = width;
            Height = height;
            Rgb = rgb;
            SourceWidth = sourceWidth > 0 ? sourceWidth : width;
            SourceHeight = sourceHeight > 0 ? sourceHeight : height;
        }

        public int Width { get; }
        public int Height { get; }
        public byte[] Rgb { get; }
        public int SourceWidth { get; }
        public int SourceHeight { get; }

        /// <summary>Luma (Rec. 601) per pixel, 0..255.</summary>
        public byte[] ToGray()
        {
            var gray = new byte[Width * Height];
            for (int i = 0, p = 0; i < gray.Length; i++, p += 3)
                gray[i] = (byte)((Rgb[p] * 299 + Rgb[p + 1] * 587 + Rgb[p + 2] * 114 + 500) / 1000);
            return gray;
        }
    }
}
