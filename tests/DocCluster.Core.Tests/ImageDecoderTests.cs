using System.IO;
using System.Linq;
using DocCluster.Backends.Decoding;
using DocCluster.Imaging;
using DocCluster.Tests;
using ImageMagick;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class ImageDecoderTests
    {
        private readonly ImageDecoder decoder = new ImageDecoder();
        private readonly string dir = TestPaths.NewTempDir();

        private string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static MagickImage Page(uint width, uint height, string colour)
        {
            var image = new MagickImage(new MagickColor(colour), width, height);
            return image;
        }

        [Fact]
        public void Png_is_decoded_and_reduced_to_the_requested_long_side()
        {
            var path = Write("page.png", TestImages.Png(400, 200));
            var page = decoder.Decode(path, new DecodeOptions { MaxLongSide = 100 }).Single();
            Assert.Equal((100, 50), (page.Image.Width, page.Image.Height));
            Assert.Equal((400, 200), (page.Image.SourceWidth, page.Image.SourceHeight));
            Assert.Equal("png", page.Format);
        }

        [Fact]
        public void Large_jpeg_is_decoded_at_reduced_size_keeping_the_source_size()
        {
            var path = Path.Combine(dir, "big.jpg");
            using (var image = Page(3200, 2400, "white")) image.Write(path, MagickFormat.Jpeg);
            var page = decoder.Decode(path, new DecodeOptions { MaxLongSide = 512 }).Single();
            Assert.Equal(512, page.Image.Width);
            Assert.Equal(384, page.Image.Height);
            Assert.Equal(3200, page.Image.SourceWidth);
        }

        [Fact]
        public void Every_page_of_a_multi_page_tiff_is_its_own_item()
        {
            var path = Path.Combine(dir, "three.tif");
            using (var pages = new MagickImageCollection())
            {
                pages.Add(Page(300, 400, "white"));
                pages.Add(Page(400, 300, "black"));
                pages.Add(Page(200, 200, "red"));
                pages.Write(path, MagickFormat.Tiff);
            }
            var decoded = decoder.Decode(path, new DecodeOptions()).ToList();
            Assert.Equal(new[] { 1, 2, 3 }, decoded.Select(p => p.Page));
            Assert.All(decoded, p => Assert.Equal(3, p.PageCount));
            Assert.Equal((400, 300), (decoded[1].Image.Width, decoded[1].Image.Height));
            Assert.Equal(0, decoded[1].Image.Rgb[0]);
            Assert.Equal(255, decoded[2].Image.Rgb[0]);
            Assert.Equal(0, decoded[2].Image.Rgb[1]);
        }

        [Fact]
        public void Exif_orientation_is_applied()
        {
            var plain = Path.Combine(dir, "plain.jpg");
            using (var image = Page(300, 100, "white")) image.Write(plain, MagickFormat.Jpeg);
            // Orientation 6: stored landscape, displayed rotated 90° clockwise (portrait).
            var path = Write("rotated.jpg", TestImages.WithExifOrientation(File.ReadAllBytes(plain), 6));
            var page = decoder.Decode(path, new DecodeOptions()).Single();
            Assert.Equal((100, 300), (page.Image.Width, page.Image.Height));
            Assert.Equal((100, 300), (page.Image.SourceWidth, page.Image.SourceHeight));
            var unrotated = decoder.Decode(plain, new DecodeOptions()).Single();
            Assert.Equal((300, 100), (unrotated.Image.Width, unrotated.Image.Height));
        }

        [Fact]
        public void A_header_declaring_a_huge_image_is_refused_before_decoding()
        {
            var path = Write("bomb.png", TestImages.PngDeclaring(60000, 60000));
            var ex = Assert.Throws<ImageDecodeException>(() => decoder.Decode(path, new DecodeOptions()).ToList());
            Assert.Equal(DecodeFailure.TooLarge, ex.Failure);
        }

        [Fact]
        public void Text_file_is_not_an_image()
        {
            var path = Write("notes.jpg", System.Text.Encoding.UTF8.GetBytes("just some text, despite the name"));
            var ex = Assert.Throws<ImageDecodeException>(() => decoder.Decode(path, new DecodeOptions()).ToList());
            Assert.Equal(DecodeFailure.NotAnImage, ex.Failure);
        }

        [Fact]
        public void Truncated_jpeg_is_reported_as_corrupt()
        {
            var full = Path.Combine(dir, "full.jpg");
            using (var image = new MagickImage("plasma:", 800, 600)) image.Write(full, MagickFormat.Jpeg);
            var bytes = File.ReadAllBytes(full);
            var path = Write("truncated.jpg", bytes.Take(bytes.Length / 3).ToArray());
            var ex = Assert.Throws<ImageDecodeException>(() => decoder.Decode(path, new DecodeOptions()).ToList());
            Assert.Equal(DecodeFailure.Corrupt, ex.Failure);
        }

        [Fact]
        public void Missing_and_empty_files_are_reported()
        {
            Assert.Equal(DecodeFailure.NotFound, Assert.Throws<ImageDecodeException>(() => decoder.Decode(Path.Combine(dir, "none.png"), new DecodeOptions()).ToList()).Failure);
            var empty = Write("empty.png", new byte[0]);
            Assert.Equal(DecodeFailure.NotAnImage, Assert.Throws<ImageDecodeException>(() => decoder.Decode(empty, new DecodeOptions()).ToList()).Failure);
        }

        [Theory]
        [InlineData(MagickFormat.Gif, "gif")]
        [InlineData(MagickFormat.Bmp, "bmp")]
        [InlineData(MagickFormat.WebP, "webp")]
        public void Other_formats_decode(MagickFormat format, string expected)
        {
            var path = Path.Combine(dir, "page." + expected);
            using (var image = Page(120, 80, "blue")) image.Write(path, format);
            var page = decoder.Decode(path, new DecodeOptions()).Single();
            Assert.Equal((120, 80), (page.Image.Width, page.Image.Height));
            Assert.Equal(expected, page.Format);
            Assert.True(page.Image.Rgb[2] > 200 && page.Image.Rgb[0] < 50);
        }
    }
}
