using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocCluster.Backends;
using DocCluster.Features;
using DocCluster.Features.Document;
using DocCluster.Imaging;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>DocLayout measures pages upright and straight: a page fed sideways or upside down gives the upright page's
    /// vector; a tilted one is straightened.</summary>
    public class PageOrientationTests
    {
        /// <summary>An example scan decoded as Get-ImageFeature hands it to DocLayout.</summary>
        internal static RasterImage Load(string name) =>
            BackendServices.CreateDecoder().Decode(Path.Combine(TestPaths.ExampleScans, name), new DecodeOptions { MaxLongSide = DocumentLayoutExtractor.LongSide }).First().Image;

        [Theory]
        [InlineData("letter-01.png")]
        [InlineData("letter-03.png")]
        [InlineData("bill-02.png")]
        public void A_text_page_turned_any_way_gives_the_upright_vector(string name)
        {
            var upright = Load(name);
            var extractor = new DocumentLayoutExtractor();
            var expected = extractor.Extract(upright);
            Assert.False(PageOrientation.IsSideways(new PageAnalysis(upright, DocumentLayoutExtractor.LongSide)));
            for (int q = 1; q <= 3; q++)
                Assert.Equal(expected, extractor.Extract(PageOrientation.Turn(upright, q)));
        }

        [Fact]
        public void Upright_pages_of_every_kind_are_left_as_they_are()
        {
            // no example page of any kind (cards and passports included) is mistaken for a turned one
            foreach (var path in Directory.GetFiles(TestPaths.ExampleScans))
            {
                var image = BackendServices.CreateDecoder().Decode(path, new DecodeOptions { MaxLongSide = DocumentLayoutExtractor.LongSide }).First().Image;
                var a = new PageAnalysis(image, DocumentLayoutExtractor.LongSide);
                Assert.False(PageOrientation.IsSideways(a), Path.GetFileName(path) + " called sideways");
                Assert.False(PageOrientation.IsUpsideDown(TextLines.Build(a.Chars)), Path.GetFileName(path) + " called upside down");
            }
        }

        /// <summary>The card with character-sized specks scattered over it, as guilloche and photo texture put them on a photographed
        /// ID card: their nearest neighbours point anywhere, so the share of vertical neighbours no longer tells on its own.</summary>
        private static RasterImage Speckled(RasterImage image, int specks, int seed)
        {
            var rng = new System.Random(seed);
            var rgb = (byte[])image.Rgb.Clone();
            for (int s = 0; s < specks; s++)
            {
                int w = rng.Next(3, 7), h = rng.Next(5, 9);
                int x0 = rng.Next(0, image.Width - w), y0 = rng.Next(0, image.Height - h);
                for (int y = y0; y < y0 + h; y++)
                    for (int x = x0; x < x0 + w; x++)
                    {
                        int p = (y * image.Width + x) * 3;
                        rgb[p] = rgb[p + 1] = rgb[p + 2] = 40;
                    }
            }
            return new RasterImage(image.Width, image.Height, rgb, image.SourceWidth, image.SourceHeight);
        }

        [Fact]
        public void A_card_whose_glyph_directions_are_ambiguous_is_turned_by_its_text_lines()
        {
            var upright = Speckled(Load("idcard-01.jpg"), 1600, 7);
            var sideways = PageOrientation.Turn(upright, 1);
            double share = PageOrientation.VerticalNeighbourShare(new PageAnalysis(sideways, DocumentLayoutExtractor.LongSide));
            Assert.True(PageOrientation.IsAmbiguous(share), $"the test needs an ambiguous page; share {share:F2}");
            var extractor = new DocumentLayoutExtractor();
            Assert.Equal(extractor.Extract(upright), extractor.Extract(sideways));
            // (turned the other way it would come out upside down: a card's capitals give no upside-down signal, docs/features.md)
        }

        [Fact]
        public void A_page_reads_better_turned_only_with_clearly_more_text_lines()
        {
            var page = Load("letter-01.png");
            var upright = Lines(page);
            var turned = Lines(PageOrientation.Turn(page, 1));
            Assert.True(PageOrientation.ReadsBetterTurned(turned, upright));
            Assert.False(PageOrientation.ReadsBetterTurned(upright, turned));
            Assert.False(PageOrientation.ReadsBetterTurned(upright, upright));
            Assert.False(PageOrientation.ReadsBetterTurned(new List<TextLines.Line>(), new List<TextLines.Line>()));
        }

        private sealed class RecordingExtractor : IFeatureExtractor
        {
            public RasterImage Seen;
            public FeatureModelInfo Info { get; } = new FeatureModelInfo("Recorder", "fp", 1, "records the image it gets");
            public int PreferredLongSide => 224;
            public float[] Extract(RasterImage image) { Seen = image; return new float[1]; }
            public void Dispose() { }
        }

        [Fact]
        public void The_CNN_of_a_combined_extractor_sees_the_page_upright()
        {
            var upright = Load("letter-01.png");
            var cnn = new RecordingExtractor();
            using (var combined = new CombinedFeatureExtractor(new DocumentLayoutExtractor(), cnn))
            {
                combined.Extract(PageOrientation.Turn(upright, 1));
                Assert.Equal(upright.Rgb, cnn.Seen.Rgb);
                combined.Extract(upright);
                Assert.Same(upright, cnn.Seen);
            }
        }

        private static List<TextLines.Line> Lines(RasterImage image) =>
            TextLines.Build(new PageAnalysis(image, DocumentLayoutExtractor.LongSide).Chars);

        private static double Tilt(RasterImage image) => PageSkew.Degrees(Lines(image));

        [Theory]
        [InlineData("letter-02.png", 3.0)]
        [InlineData("letter-02.png", -4.0)]
        [InlineData("bill-01.png", 2.0)]
        public void A_tilted_page_is_measured_and_straightened(string name, double degrees)
        {
            var upright = Load(name);
            Assert.InRange(Tilt(upright), -PageSkew.MinDegrees, PageSkew.MinDegrees);
            // Straighten turns anticlockwise, so a negative angle tilts the page clockwise by that much
            var tilted = PageSkew.Straighten(upright, -degrees);
            double measured = Tilt(tilted);
            Assert.InRange(measured, degrees - 0.5, degrees + 0.5);
            Assert.True(PageSkew.Worth(measured));
            Assert.InRange(Tilt(PageSkew.Straighten(tilted, measured)), -0.3, 0.3);
        }

        [Fact]
        public void Turn_is_a_pixel_exact_quarter_turn()
        {
            var img = new RasterImage(3, 2, Enumerable.Range(0, 18).Select(i => (byte)i).ToArray(), 30, 20);
            var cw = PageOrientation.Turn(img, 1);
            Assert.Equal((2, 3, 20, 30), (cw.Width, cw.Height, cw.SourceWidth, cw.SourceHeight));
            // the top-left pixel goes to the top-right corner
            Assert.Equal(new byte[] { 0, 1, 2 }, cw.Rgb.Skip((0 * 2 + 1) * 3).Take(3).ToArray());
            Assert.Equal(img.Rgb, PageOrientation.Turn(PageOrientation.Turn(img, 1), 3).Rgb);
            Assert.Equal(img.Rgb, PageOrientation.Turn(PageOrientation.Turn(img, 2), 2).Rgb);
            Assert.Same(img, PageOrientation.Turn(img, 4));
        }
    }
}
