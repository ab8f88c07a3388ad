using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using DocCluster.Imaging;

namespace DocCluster.Backends.Decoding
{
    /// <summary>
    /// The module's decoder: checks the file, identifies the format from its content, and hands it to SkiaSharp
    /// (JPEG with DCT-scaled decoding, PNG, BMP, GIF, WebP) or Magick.NET (TIFF with every page, HEIC/AVIF, JPEG 2000).
    /// </summary>
    public sealed class ImageDecoder : IImageDecoder
    {
        public IEnumerable<DecodedPage> Decode(string path, DecodeOptions options, CancellationToken cancellation = default)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var container = Inspect(path, options);
            return container == ImageContainer.Tiff || container == ImageContainer.Heif || container == ImageContainer.Avif || container == ImageContainer.Jpeg2000
                ? MagickPageDecoder.Decode(path, container, options, cancellation)
                : SkiaPageDecoder.Decode(path, container, options);
        }

        private static ImageContainer Inspect(string path, DecodeOptions options)
        {
            FileInfo file;
            try
            {
                file = new FileInfo(path);
                if (!file.Exists)
                    throw new ImageDecodeException(path, DecodeFailure.NotFound, $"File not found: {path}");
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw new ImageDecodeException(path, DecodeFailure.NotFound, $"Not a valid file path: {path}", ex);
            }
            if (file.Length == 0)
                throw new ImageDecodeException(path, DecodeFailure.NotAnImage, $"The file is empty: {path}");
            if (file.Length > options.MaxFileBytes)
                throw new ImageDecodeException(path, DecodeFailure.TooLarge, $"The file is {file.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0}: {path}");

            ImageContainer container;
            try
            {
                container = FormatSniffer.Sniff(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ImageDecodeException(path, DecodeFailure.Unreadable, $"Cannot read {path}: {ex.Message}", ex);
            }
            if (container == ImageContainer.Unknown)
                throw new ImageDecodeException(path, DecodeFailure.NotAnImage, $"Not a supported image (unrecognised content; JPEG, PNG, BMP, GIF, WebP, TIFF, HEIC/AVIF and JPEG 2000 are supported): {path}");
            return container;
        }

        internal static void CheckPixelBudget(string path, long width, long height, DecodeOptions options)
        {
            if (width <= 0 || height <= 0)
                throw new ImageDecodeException(path, DecodeFailure.Corrupt, $"The image declares no valid size ({width}x{height}): {path}");
            if (width * height > options.MaxPixels)
                throw new ImageDecodeException(path, DecodeFailure.TooLarge,
                    $"The image declares {width}x{height} pixels, over the limit of {options.MaxPixels:N0} (possible decompression bomb): {path}");
        }

        /// <summary>Size that fits in maxLongSide, keeping aspect, never enlarging.</summary>
        internal static (int Width, int Height) FitLongSide(int width, int height, int maxLongSide)
        {
            int longSide = Math.Max(width, height);
            if (longSide <= maxLongSide) return (width, height);
            double s = (double)maxLongSide / longSide;
            return (Math.Max(1, (int)Math.Round(width * s)), Math.Max(1, (int)Math.Round(height * s)));
        }
    }
}
