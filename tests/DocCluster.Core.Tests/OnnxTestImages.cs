using System;
using System.IO;
using System.Linq;
using DocCluster.Imaging;
using SkiaSharp;

namespace DocCluster.Tests
{
    internal static class OnnxTestImages
    {
        public static string TestImage(string name) => Path.Combine(TestPaths.SharedModels, "testimg", name);

        /// <summary>Decodes with SkiaSharp directly (stand-in for the project's decoder) into an 8-bit RGB raster; alpha is composited on white.</summary>
        public static RasterImage Load(string path)
        {
            using (var decoded = SKBitmap.Decode(path) ?? throw new InvalidDataException("SkiaSharp could not decode " + path))
            using (var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul)))
            {
                if (!decoded.CopyTo(rgba, SKColorType.Rgba8888))
                    throw new InvalidDataException("SkiaSharp could not convert " + path + " to RGBA.");
                var src = rgba.Bytes;
                var rgb = new byte[decoded.Width * decoded.Height * 3];
                for (int i = 0, p = 0; p < rgb.Length; i += 4, p += 3)
                {
                    int a = src[i + 3];
                    for (int c = 0; c < 3; c++) rgb[p + c] = (byte)((src[i + c] * a + 255 * (255 - a) + 127) / 255);
                }
                return new RasterImage(decoded.Width, decoded.Height, rgb);
            }
        }

        private static string[] _labels;
        public static string[] Labels => _labels ?? (_labels = File.ReadAllLines(Path.Combine(TestPaths.SharedModels, "imagenet_labels.txt")).Where(l => l.Length > 0).ToArray());

        /// <summary>Label of the highest score (a 1001-way output's background class 0 is dropped).</summary>
        public static string Top(float[] scores)
        {
            int offset = scores.Length == 1001 ? 1 : 0;
            int best = offset;
            for (int i = offset; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
            return Labels[best - offset];
        }

        public static bool IsCat(string label) =>
            new[] { "tabby", "tiger cat", "Persian cat", "Siamese cat", "Egyptian cat" }.Any(c => label.StartsWith(c, StringComparison.Ordinal));
    }
}
