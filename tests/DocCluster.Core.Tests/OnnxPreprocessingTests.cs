using System;
using System.Linq;
using DocCluster.Backends.Onnx;
using DocCluster.Features.Models;
using DocCluster.Imaging;
using Xunit;

namespace DocCluster.Tests
{
    /// <summary>Preprocessing without any model: runs on a fresh clone.</summary>
    public class OnnxPreprocessingTests
    {
        private static RasterImage Solid(int w, int h, byte r, byte g, byte b)
        {
            var px = new byte[w * h * 3];
            for (int i = 0; i < px.Length; i += 3) { px[i] = r; px[i + 1] = g; px[i + 2] = b; }
            return new RasterImage(w, h, px);
        }

        private static OnnxModelSpec Spec(ChannelOrder order) => new OnnxModelSpec
        {
            Name = "T", InputWidth = 4, InputHeight = 3, ChannelOrder = order, PixelScale = 0.5f, Mean = new[] { 1f, 2f, 3f }, Std = new[] { 2f, 4f, 8f },
        };

        [Fact]
        public void Normalisation_and_channel_order_follow_the_spec()
        {
            var img = Solid(37, 23, 200, 100, 50);
            var rgb = ImagePreprocessor.ToTensor(img, Spec(ChannelOrder.Rgb));
            Assert.Equal(3 * 4 * 3, rgb.Length);
            Assert.All(rgb.Take(12), v => Assert.Equal((200 * 0.5f - 1f) / 2f, v, 3));
            Assert.All(rgb.Skip(12).Take(12), v => Assert.Equal((100 * 0.5f - 2f) / 4f, v, 3));
            Assert.All(rgb.Skip(24), v => Assert.Equal((50 * 0.5f - 3f) / 8f, v, 3));

            var bgr = ImagePreprocessor.ToTensor(img, Spec(ChannelOrder.Bgr));
            Assert.All(bgr.Take(12), v => Assert.Equal((50 * 0.5f - 1f) / 2f, v, 3)); // blue plane first, with Mean[0]/Std[0]
            Assert.All(bgr.Skip(24), v => Assert.Equal((200 * 0.5f - 3f) / 8f, v, 3));
        }

        [Fact]
        public void Squash_keeps_the_whole_page_and_CenterCrop_drops_the_border()
        {
            // Left half black, right half white, 200x100.
            var px = new byte[200 * 100 * 3];
            for (int y = 0; y < 100; y++) for (int x = 100; x < 200; x++) for (int c = 0; c < 3; c++) px[(y * 200 + x) * 3 + c] = 255;
            var img = new RasterImage(200, 100, px);
            var spec = new OnnxModelSpec { Name = "T", InputWidth = 10, InputHeight = 10 };

            var squash = ImagePreprocessor.ToTensor(img, spec);
            Assert.Equal(0f, squash[0]);          // leftmost column black
            Assert.Equal(255f, squash[9], 3);     // rightmost column white
            Assert.Equal(127.5f, squash.Take(100).Average(), 1);

            spec.ResizeMode = ResizeMode.CenterCrop; // central 87.5x87.5 square: columns 56..144
            var crop = ImagePreprocessor.ToTensor(img, spec);
            Assert.Equal(0f, crop[0]);
            Assert.Equal(255f, crop[9], 3);
            Assert.Equal(127.5f, crop.Take(100).Average(), 1);
        }

        [Fact]
        public void Downscaling_averages_instead_of_aliasing()
        {
            // 1-pixel vertical stripes: a point-sampling resize would give pure black or white; area-like filtering gives grey.
            int w = 448, h = 448;
            var px = new byte[w * h * 3];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x += 2) for (int c = 0; c < 3; c++) px[(y * w + x) * 3 + c] = 255;
            var t = ImagePreprocessor.ToTensor(new RasterImage(w, h, px), new OnnxModelSpec { Name = "T", InputWidth = 224, InputHeight = 224 });
            Assert.All(t.Skip(224 * 224).Take(224 * 224), v => Assert.InRange(v, 100f, 155f));
        }

        [Fact]
        public void Enlarging_a_tiny_image_works()
        {
            var t = ImagePreprocessor.ToTensor(Solid(1, 1, 10, 20, 30), new OnnxModelSpec { Name = "T", InputWidth = 5, InputHeight = 7 });
            Assert.Equal(105, t.Length);
            Assert.All(t.Take(35), v => Assert.Equal(10f, v, 3));
        }

        [Fact]
        public void Global_average_pooling_and_L2()
        {
            var o = new OnnxOutput(new[] { 1, 2, 2, 2 }, new float[] { 1, 2, 3, 4, 3, 3, 3, 3 });
            Assert.Equal(new[] { 2.5f, 3f }, OnnxFeatureExtractor.ToVector(o, PoolingMode.GlobalAverage, false));
            var l2 = OnnxFeatureExtractor.ToVector(new OnnxOutput(new[] { 1, 2 }, new float[] { 3, 4 }), PoolingMode.GlobalAverage, true);
            Assert.Equal(new[] { 0.6f, 0.8f }, l2);
            Assert.Equal(8, OnnxFeatureExtractor.ToVector(o, PoolingMode.None, false).Length);
        }
    }
}
