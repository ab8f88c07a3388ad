using System;
using System.Collections.Generic;
using System.Threading;
using DocCluster.Imaging;
using ImageMagick;

namespace DocCluster.Backends.Decoding
{
    /// <summary>TIFF (every page), HEIC/AVIF and JPEG 2000 through Magick.NET; pages are read one at a time.</summary>
    internal static class MagickPageDecoder
    {
        public static IEnumerable<DecodedPage> Decode(string path, ImageContainer container, DecodeOptions options, CancellationToken cancellation)
        {
            // Inspect eagerly so a bad file fails at the call; pages then decode lazily, one in memory at a time.
            var pages = Ping(path, container, options);
            return DecodePages(path, container, options, pages, cancellation);
        }

        private static IReadOnlyList<IMagickImageInfo> Ping(string path, ImageContainer container, DecodeOptions options)
        {
            IReadOnlyList<IMagickImageInfo> infos;
            try
            {
                infos = new List<IMagickImageInfo>(MagickImageInfo.ReadCollection(path));
            }
            catch (MagickException ex)
            {
                throw Unsupported(path, container, ex);
            }
            if (infos.Count == 0)
                throw new ImageDecodeException(path, DecodeFailure.Corrupt, $"The {Name(container)} file has no pages: {path}");
            foreach (var info in infos)
                ImageDecoder.CheckPixelBudget(path, info.Width, info.Height, options);
            return infos;
        }

        private static IEnumerable<DecodedPage> DecodePages(string path, ImageContainer container, DecodeOptions options,
            IReadOnlyList<IMagickImageInfo> infos, CancellationToken cancellation)
        {
            int count = Math.Min(infos.Count, options.MaxPages);
            for (int i = 0; i < count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                yield return DecodePage(path, container, options, i, count);
            }
        }

        private static DecodedPage DecodePage(string path, ImageContainer container, DecodeOptions options, int index, int count)
        {
            try
            {
                var settings = new MagickReadSettings { FrameIndex = (uint)index, FrameCount = 1 };
                using (var image = new MagickImage(path, settings))
                {
                    image.AutoOrient();
                    int srcW = (int)image.Width, srcH = (int)image.Height;
                    var fit = ImageDecoder.FitLongSide(srcW, srcH, options.MaxLongSide);
                    if (fit.Width != srcW || fit.Height != srcH)
                        image.Resize(new MagickGeometry((uint)fit.Width, (uint)fit.Height) { IgnoreAspectRatio = true });
                    if (image.HasAlpha)
                    {
                        image.BackgroundColor = MagickColors.White;
                        image.Alpha(AlphaAction.Remove);
                    }
                    image.ColorSpace = ColorSpace.sRGB;
                    using (var pixels = image.GetPixels())
                    {
                        var rgb = pixels.ToByteArray(PixelMapping.RGB);
                        return new DecodedPage(new RasterImage((int)image.Width, (int)image.Height, rgb, srcW, srcH), index + 1, count, Name(container));
                    }
                }
            }
            catch (MagickException ex)
            {
                throw new ImageDecodeException(path, DecodeFailure.Corrupt, $"Page {index + 1} of the {Name(container)} file cannot be decoded: {ex.Message}", ex);
            }
        }

        private static ImageDecodeException Unsupported(string path, ImageContainer container, MagickException ex)
        {
            bool missingDelegate = ex is MagickMissingDelegateErrorException;
            return missingDelegate
                ? new ImageDecodeException(path, DecodeFailure.UnsupportedFormat, $"{Name(container).ToUpperInvariant()} is not supported by the image library on this platform: {path}", ex)
                : new ImageDecodeException(path, DecodeFailure.Corrupt, $"The {Name(container)} file cannot be read: {ex.Message}", ex);
        }

        private static string Name(ImageContainer c) => c.ToString().ToLowerInvariant();
    }
}
