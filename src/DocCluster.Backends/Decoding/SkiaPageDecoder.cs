using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using DocCluster.Imaging;
using SkiaSharp;

namespace DocCluster.Backends.Decoding
{
    internal static class SkiaPageDecoder
    {
        public static IEnumerable<DecodedPage> Decode(string path, ImageContainer container, DecodeOptions options)
        {
            // Decoded eagerly (one page) so errors surface at the call, not on enumeration.
            return new[] { DecodeSingle(path, container, options) };
        }

        private static DecodedPage DecodeSingle(string path, ImageContainer container, DecodeOptions options)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var codec = SKCodec.Create(stream, out var createResult))
            {
                if (codec == null)
                    throw new ImageDecodeException(path, DecodeFailure.Corrupt, $"The {Name(container)} image cannot be decoded ({createResult}): {path}");

                var info = codec.Info;
                ImageDecoder.CheckPixelBudget(path, info.Width, info.Height, options);

                var size = ChooseDecodeSize(codec, options.MaxLongSide);
                var decodeInfo = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
                using (var bitmap = new SKBitmap(decodeInfo))
                {
                    var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
                    if (result == SKCodecResult.IncompleteInput || result == SKCodecResult.ErrorInInput)
                        throw new ImageDecodeException(path, DecodeFailure.Corrupt, $"The {Name(container)} image is truncated or damaged ({result}): {path}");
                    if (result != SKCodecResult.Success)
                        throw new ImageDecodeException(path, DecodeFailure.Corrupt, $"The {Name(container)} image cannot be decoded ({result}): {path}");

                    var oriented = Orientation.Apply(bitmap, codec.EncodedOrigin);
                    try
                    {
                        bool swap = Orientation.SwapsAxes(codec.EncodedOrigin);
                        int srcW = swap ? info.Height : info.Width, srcH = swap ? info.Width : info.Height;
                        var raster = ToRaster(oriented, options.MaxLongSide, srcW, srcH);
                        return new DecodedPage(raster, 1, 1, Name(container));
                    }
                    finally
                    {
                        if (!ReferenceEquals(oriented, bitmap)) oriented.Dispose();
                    }
                }
            }
        }

        /// <summary>JPEG can decode at 1/2, 1/4, 1/8 directly; take the smallest of those still at least the target size.</summary>
        private static SKSizeI ChooseDecodeSize(SKCodec codec, int maxLongSide)
        {
            var full = codec.Info.Size;
            int longSide = Math.Max(full.Width, full.Height);
            if (longSide <= maxLongSide) return full;
            var best = full;
            foreach (var scale in new[] { 0.5f, 0.25f, 0.125f })
            {
                var scaled = codec.GetScaledDimensions(scale);
                if (Math.Max(scaled.Width, scaled.Height) >= maxLongSide && scaled.Width * scaled.Height < best.Width * best.Height)
                    best = scaled;
            }
            return best;
        }

        internal static RasterImage ToRaster(SKBitmap bitmap, int maxLongSide, int sourceWidth, int sourceHeight)
        {
            var target = ImageDecoder.FitLongSide(bitmap.Width, bitmap.Height, maxLongSide);
            SKBitmap sized = bitmap;
            if (target.Width != bitmap.Width || target.Height != bitmap.Height)
            {
                var info = new SKImageInfo(target.Width, target.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
                sized = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }
            try
            {
                return new RasterImage(sized.Width, sized.Height, ToRgbOnWhite(sized), sourceWidth, sourceHeight);
            }
            finally
            {
                if (!ReferenceEquals(sized, bitmap)) sized.Dispose();
            }
        }

        /// <summary>RGBA (unpremultiplied) to RGB, transparency composited over white paper.</summary>
        private static byte[] ToRgbOnWhite(SKBitmap bitmap)
        {
            int w = bitmap.Width, h = bitmap.Height;
            var rgba = new byte[w * h * 4];
            if (bitmap.ColorType == SKColorType.Rgba8888 && bitmap.RowBytes == w * 4)
            {
                Marshal.Copy(bitmap.GetPixels(), rgba, 0, rgba.Length);
            }
            else
            {
                using (var converted = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul)))
                {
                    bitmap.CopyTo(converted, SKColorType.Rgba8888);
                    Marshal.Copy(converted.GetPixels(), rgba, 0, rgba.Length);
                }
            }
            var rgb = new byte[w * h * 3];
            for (int i = 0, o = 0; i < rgba.Length; i += 4, o += 3)
            {
                int a = rgba[i + 3];
                if (a == 255)
                {
                    rgb[o] = rgba[i]; rgb[o + 1] = rgba[i + 1]; rgb[o + 2] = rgba[i + 2];
                }
                else
                {
                    int inv = 255 - a;
                    rgb[o] = (byte)((rgba[i] * a + 255 * inv + 127) / 255);
                    rgb[o + 1] = (byte)((rgba[i + 1] * a + 255 * inv + 127) / 255);
                    rgb[o + 2] = (byte)((rgba[i + 2] * a + 255 * inv + 127) / 255);
                }
            }
            return rgb;
        }

        private static string Name(ImageContainer c) => c.ToString().ToLowerInvariant();
    }
}
