using SkiaSharp;

namespace DocCluster.Backends.Decoding
{
    /// <summary>Applies the EXIF orientation so a phone photo of a page is upright, as a person sees it.</summary>
    internal static class Orientation
    {
        public static bool SwapsAxes(SKEncodedOrigin origin) =>
            origin == SKEncodedOrigin.LeftTop || origin == SKEncodedOrigin.RightTop ||
            origin == SKEncodedOrigin.RightBottom || origin == SKEncodedOrigin.LeftBottom;

        /// <summary>Returns the input when no change is needed, else a new bitmap the caller disposes.</summary>
        public static SKBitmap Apply(SKBitmap source, SKEncodedOrigin origin)
        {
            if (origin == SKEncodedOrigin.TopLeft || origin == 0) return source;
            bool swap = SwapsAxes(origin);
            int w = swap ? source.Height : source.Width, h = swap ? source.Width : source.Height;
            var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
            using (var canvas = new SKCanvas(result))
            {
                canvas.SetMatrix(Matrix(origin, source.Width, source.Height));
                canvas.DrawBitmap(source, 0, 0);
            }
            return result;
        }

        // Maps source pixel coordinates to the upright image (EXIF orientations 2-8).
        private static SKMatrix Matrix(SKEncodedOrigin origin, int w, int h)
        {
            switch (origin)
            {
                case SKEncodedOrigin.TopRight: return new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1);
                case SKEncodedOrigin.BottomRight: return new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1);
                case SKEncodedOrigin.BottomLeft: return new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1);
                case SKEncodedOrigin.LeftTop: return new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1);
                case SKEncodedOrigin.RightTop: return new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1);
                case SKEncodedOrigin.RightBottom: return new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1);
                case SKEncodedOrigin.LeftBottom: return new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1);
                default: return SKMatrix.Identity;
            }
        }
    }
}
