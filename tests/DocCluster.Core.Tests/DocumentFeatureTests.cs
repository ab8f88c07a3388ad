using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DocCluster.Features.Document;
using DocCluster.Imaging;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class DocumentFeatureTests
    {
        private static readonly DocumentLayoutExtractor Extractor = new DocumentLayoutExtractor();

        private static RasterImage TextPage(int w, int h)
        {
            var p = new DocumentFeatureSyntheticPages(w, h);
            p.TextLines(0.1, 0.9, 0.08, 0.92, 0.025, 1);
            return p.Image;
        }

        private static RasterImage TablePage(int w, int h)
        {
            var p = new DocumentFeatureSyntheticPages(w, h);
            p.TextLines(0.1, 0.6, 0.06, 0.2, 0.025, 2);
            p.Table(0.08, 0.92, 0.3, 0.8, 10, 4);
            return p.Image;
        }

        private static RasterImage PhotoCard(int w, int h)
        {
            var p = new DocumentFeatureSyntheticPages(w, h, 200, 215, 235);
            p.PhotoBlock(0.05, 0.15, 0.35, 0.85, 3);
            p.TextLines(0.42, 0.95, 0.2, 0.7, 0.08, 4);
            return p.Image;
        }

        internal static double[] Block(float[] v, string name)
        {
            var b = DocumentFeatureLayout.Find(name);
            return v.Skip(b.Offset).Take(b.Length).Select(x => (double)x).ToArray();
        }

        private static double Distance(float[] a, float[] b) =>
            Math.Sqrt(a.Zip(b, (x, y) => (double)(x - y) * (x - y)).Sum());

        public static IEnumerable<object[]> AwkwardImages()
        {
            yield return new object[] { "blank white", DocumentFeatureSyntheticPages.Uniform(800, 600, 255) };
            yield return new object[] { "blank black", DocumentFeatureSyntheticPages.Uniform(300, 400, 0) };
            yield return new object[] { "1x1", DocumentFeatureSyntheticPages.Uniform(1, 1, 128) };
            yield return new object[] { "2x3", DocumentFeatureSyntheticPages.Noise(2, 3, 5) };
            yield return new object[] { "very wide", DocumentFeatureSyntheticPages.Noise(4000, 3, 6) };
            yield return new object[] { "very tall", DocumentFeatureSyntheticPages.Noise(2, 3000, 7) };
            yield return new object[] { "noise", DocumentFeatureSyntheticPages.Noise(640, 480, 8) };
            yield return new object[] { "large page", TextPage(2480, 3508) };
        }

        [Theory]
        [MemberData(nameof(AwkwardImages))]
        public void Vector_is_finite_and_fixed_length(string name, RasterImage image)
        {
            var v = Extractor.Extract(image);
            Assert.Equal(Extractor.Info.Dimension, v.Length);
            Assert.All(v, x => Assert.True(float.IsFinite(x), $"{name}: non-finite value"));
        }

        [Fact]
        public void Info_describes_the_extractor()
        {
            var info = Extractor.Info;
            Assert.Equal("DocLayout", info.Name);
            Assert.Equal(DocumentFeatureLayout.Dimension, info.Dimension);
            Assert.Matches("^[0-9a-f]{12}$", info.Fingerprint);
            Assert.Equal(info.Fingerprint, new DocumentLayoutExtractor().Info.Fingerprint);
            Assert.False(string.IsNullOrWhiteSpace(info.Description));
            // asks for more than it measures the layout on, so that figures can be told from letters
            Assert.Equal(DocumentLayoutExtractor.GlyphLongSide, Extractor.PreferredLongSide);
            Assert.InRange(Extractor.PreferredLongSide, DocumentLayoutExtractor.LongSide, 2048);
        }

        [Fact]
        public void Blocks_tile_the_vector_with_unique_names()
        {
            var blocks = DocumentFeatureLayout.Blocks;
            int offset = 0;
            foreach (var b in blocks)
            {
                Assert.Equal(offset, b.Offset);
                Assert.True(b.Length > 0);
                Assert.True(b.Weight > 0);
                offset += b.Length;
            }
            Assert.Equal(DocumentFeatureLayout.Dimension, offset);
            Assert.Equal(blocks.Count, blocks.Select(b => b.Name).Distinct().Count());
            Assert.Equal(offset, DocumentFeatureLayout.DimensionWeights.Count);
            Assert.Same(blocks[0], DocumentFeatureLayout.Find(blocks[0].Name.ToUpperInvariant()));
        }

        [Fact]
        public void Extraction_is_deterministic_and_thread_safe()
        {
            var images = new[] { TextPage(850, 1100), TablePage(850, 1100), PhotoCard(900, 570), DocumentFeatureSyntheticPages.Noise(300, 200, 9) };
            var sequential = images.Select(i => Extractor.Extract(i)).ToArray();
            var again = images.Select(i => new DocumentLayoutExtractor().Extract(i)).ToArray();
            var parallel = new float[images.Length * 4][];
            Parallel.For(0, parallel.Length, i => parallel[i] = Extractor.Extract(images[i % images.Length]));
            for (int i = 0; i < images.Length; i++) Assert.Equal(sequential[i], again[i]);
            for (int i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % images.Length], parallel[i]);
        }

        [Theory]
        [InlineData("text")]
        [InlineData("table")]
        [InlineData("card")]
        public void Same_page_at_two_resolutions_gives_close_vectors(string kind)
        {
            Func<int, int, RasterImage> draw = kind == "text" ? TextPage : kind == "table" ? (Func<int, int, RasterImage>)TablePage : PhotoCard;
            var (w, h) = kind == "card" ? (1712, 1080) : (1700, 2200);
            var high = Extractor.Extract(draw(w, h));
            var low = Extractor.Extract(draw(w / 2, h / 2));
            // The same page at half the resolution must stay much nearer to itself than to other kinds of page.
            double self = Distance(high, low);
            foreach (var other in new[] { "text", "table", "card" }.Where(o => o != kind))
            {
                Func<int, int, RasterImage> drawOther = other == "text" ? TextPage : other == "table" ? (Func<int, int, RasterImage>)TablePage : PhotoCard;
                var (ow, oh) = other == "card" ? (1712, 1080) : (1700, 2200);
                double cross = Distance(high, Extractor.Extract(drawOther(ow, oh)));
                Assert.True(self < 0.5 * cross, $"{kind}: distance across resolutions {self:F3}, to {other} {cross:F3}");
            }
        }

        [Fact]
        public void Rule_line_block_responds_to_ruled_tables()
        {
            var table = Block(Extractor.Extract(TablePage(850, 1100)), DocumentFeatureLayout.RuleLines);
            var text = Block(Extractor.Extract(TextPage(850, 1100)), DocumentFeatureLayout.RuleLines);
            // [0] horizontal rule count, [1] vertical rule count, [7] crossings (all log1p).
            Assert.True(table[0] > Math.Log(1 + 8), $"horizontal rules {table[0]}");
            Assert.True(table[1] > Math.Log(1 + 3), $"vertical rules {table[1]}");
            Assert.True(table[7] > text[7] + 1);
            Assert.True(text[0] < Math.Log(1 + 2), $"text page horizontal rules {text[0]}");
        }

        [Fact]
        public void Text_blocks_respond_to_lines_of_glyphs()
        {
            var text = Extractor.Extract(TextPage(850, 1100));
            var table = Extractor.Extract(TablePage(850, 1100));
            var blank = Extractor.Extract(DocumentFeatureSyntheticPages.Uniform(850, 1100, 250));
            var lines = Block(text, DocumentFeatureLayout.TextLines);
            Assert.True(lines[0] > Math.Log(1 + 20), $"text lines {lines[0]}");
            Assert.True(lines[0] > Block(table, DocumentFeatureLayout.TextLines)[0]);
            Assert.Equal(0, Block(blank, DocumentFeatureLayout.TextLines)[0]);
            var glyphs = Block(text, DocumentFeatureLayout.TextComponents);
            Assert.True(glyphs[0] > Block(blank, DocumentFeatureLayout.TextComponents)[0] + 3);
            // Regular line spacing: the projection profile is periodic.
            Assert.True(Block(text, DocumentFeatureLayout.InkLayout)[8] > 0.5);
        }

        [Fact]
        public void Colour_and_region_blocks_respond_to_photo_like_areas()
        {
            var card = Extractor.Extract(PhotoCard(856, 540));
            var text = Extractor.Extract(TextPage(850, 1100));
            var colourCard = Block(card, DocumentFeatureLayout.Colour);
            var colourText = Block(text, DocumentFeatureLayout.Colour);
            Assert.True(colourCard[0] > colourText[0] + 0.1, "colourfulness");
            var regionsCard = Block(card, DocumentFeatureLayout.Regions);
            var regionsText = Block(text, DocumentFeatureLayout.Regions);
            // [2] share of photo-like cells, [4] size of the largest photo-like blob, [5] its centre x (left).
            Assert.True(regionsCard[2] > 0.1 && regionsText[2] < 0.02, $"photo share {regionsCard[2]} vs {regionsText[2]}");
            Assert.True(regionsCard[4] > regionsText[4]);
            Assert.True(regionsCard[5] < 0.4, $"portrait centre x {regionsCard[5]}");
        }

        // A "word" of n glyph boxes ending (or starting) at x, in page fractions.
        private static void Word(DocumentFeatureSyntheticPages p, double x, double y, int n, bool endsAtX)
        {
            const double glyphW = 0.008, pitch = 0.011, glyphH = 0.013;
            double start = endsAtX ? x - (n - 1) * pitch - glyphW : x;
            for (int i = 0; i < n; i++) p.Rect(start + i * pitch, y, start + i * pitch + glyphW, y + glyphH, 20, 20, 20);
        }

        [Fact]
        public void Alignment_block_tells_right_aligned_amount_columns_from_left_aligned_fields()
        {
            var rng = new Random(7);
            var invoice = new DocumentFeatureSyntheticPages(850, 1100);
            var form = new DocumentFeatureSyntheticPages(850, 1100);
            for (int row = 0; row < 12; row++)
            {
                double y = 0.2 + row * 0.03;
                // Invoice row: description on the left, quantity and amount right-aligned in two columns.
                Word(invoice, 0.1, y, 6 + rng.Next(8), endsAtX: false);
                Word(invoice, 0.6, y, 1 + rng.Next(3), endsAtX: true);
                Word(invoice, 0.9, y, 3 + rng.Next(5), endsAtX: true);
                // Form row: a left-aligned label and a left-aligned field further right.
                Word(form, 0.1, y, 5 + rng.Next(8), endsAtX: false);
                Word(form, 0.5, y, 3 + rng.Next(10), endsAtX: false);
            }
            var inv = Block(Extractor.Extract(invoice.Image), DocumentFeatureLayout.TextAlignment);
            var frm = Block(Extractor.Extract(form.Image), DocumentFeatureLayout.TextAlignment);
            // [0] right-aligned only, [1] left-aligned only, [4] right-aligned columns (log), [5] pieces in table rows.
            Assert.True(inv[0] > 0.5, $"invoice right-aligned share {inv[0]}");
            Assert.True(frm[0] < 0.1, $"form right-aligned share {frm[0]}");
            Assert.True(frm[1] > 0.9, $"form left-aligned share {frm[1]}");
            Assert.True(inv[4] >= Math.Log(3) - 1e-9, $"invoice right-aligned columns {Math.Exp(inv[4]) - 1}");
            Assert.True(inv[5] > 0.75 && frm[5] < 0.1, $"table-row share {inv[5]} vs {frm[5]}");
        }

        [Fact]
        public void Alignment_block_counts_empty_square_boxes_not_round_letters()
        {
            // Six empty square boxes vs six rings of the same size with cut corners (an O or 0 touches its box only
            // along the middle of each side), both below the same text.
            RasterImage Page(bool square)
            {
                var p = new DocumentFeatureSyntheticPages(850, 1100);
                p.TextLines(0.1, 0.9, 0.1, 0.4, 0.025, 3);
                const double s = 0.02, t = 1.5 / 1100.0, ax = 1100.0 / 850;
                double inset = square ? 0 : 0.3 * s;
                for (int i = 0; i < 6; i++)
                {
                    double x = 0.1 + i * 0.12, y = 0.6;
                    p.Rect(x + inset * ax, y, x + (s - inset) * ax, y + t, 20, 20, 20);
                    p.Rect(x + inset * ax, y + s, x + (s - inset) * ax, y + s + t, 20, 20, 20);
                    p.Rect(x, y + inset, x + t * ax, y + s + t - inset, 20, 20, 20);
                    p.Rect(x + (s - t) * ax, y + inset, x + s * ax, y + s + t - inset, 20, 20, 20);
                    if (!square)
                    {
                        // Diagonal corner strokes join the four sides into one ring-shaped component.
                        for (int k = 0; k <= 8; k++)
                        {
                            double f = k / 8.0;
                            double dx = f * inset * ax, dy = (1 - f) * inset;
                            p.Rect(x + dx, y + dy, x + dx + t * ax, y + dy + t, 20, 20, 20);
                            p.Rect(x + (s * ax - dx - t * ax), y + dy, x + s * ax - dx, y + dy + t, 20, 20, 20);
                            p.Rect(x + dx, y + s - dy, x + dx + t * ax, y + s - dy + t, 20, 20, 20);
                            p.Rect(x + (s * ax - dx - t * ax), y + s - dy, x + s * ax - dx, y + s - dy + t, 20, 20, 20);
                        }
                    }
                }
                return p.Image;
            }
            var boxes = Block(Extractor.Extract(Page(square: true)), DocumentFeatureLayout.TextAlignment);
            var rings = Block(Extractor.Extract(Page(square: false)), DocumentFeatureLayout.TextAlignment);
            Assert.InRange(Math.Exp(boxes[7]) - 1, 5.5, 6.5);
            Assert.Equal(0, rings[7]);
        }

        [Fact]
        public void Mrz_block_responds_to_monospace_bands()
        {
            var p = new DocumentFeatureSyntheticPages(1250, 880, 235, 235, 225);
            p.PhotoBlock(0.04, 0.15, 0.3, 0.7, 5);
            p.TextLines(0.35, 0.95, 0.15, 0.65, 0.06, 6);
            // Two gap-free lines of 44 identical-pitch glyphs at the bottom.
            for (int line = 0; line < 2; line++)
                for (int i = 0; i < 44; i++)
                {
                    double x = 0.04 + i * 0.0209, y = 0.8 + line * 0.07;
                    p.Rect(x, y, x + 0.013, y + 0.035, 25, 25, 25);
                }
            var withMrz = Block(Extractor.Extract(p.Image), DocumentFeatureLayout.MrzBand);
            var card = Block(Extractor.Extract(PhotoCard(1250, 880)), DocumentFeatureLayout.MrzBand);
            Assert.True(withMrz[0] > 0.5, $"best line {withMrz[0]}");
            Assert.True(withMrz[1] > 0.5, $"stacked pair {withMrz[1]}");
            Assert.True(withMrz[3] > 0.7, $"position {withMrz[3]}");
            Assert.True(card[1] < 0.1, $"card without MRZ pair {card[1]}");
        }

        [Fact]
        public void Geometry_and_framing_blocks_follow_document_and_frame_shape()
        {
            var tallPage = Extractor.Extract(TextPage(400, 1600));
            var card = Extractor.Extract(PhotoCard(856, 540));
            // Framing [0]: log(frame height / width).
            Assert.Equal(Math.Log(4.0), Block(tallPage, DocumentFeatureLayout.Framing)[0], 2);
            Assert.True(Block(card, DocumentFeatureLayout.Framing)[0] < 0);
            // Geometry [0]: log aspect of the text's content box.
            Assert.True(Block(tallPage, DocumentFeatureLayout.Geometry)[0] > 1);
            Assert.True(Block(card, DocumentFeatureLayout.Geometry)[0] < 0);
        }

        [Fact]
        public void A_small_receipt_on_a_large_sheet_keeps_its_narrow_content_box()
        {
            // Same narrow column of text, once cropped and once in the middle of a wide sheet with specks of dust.
            var cropped = new DocumentFeatureSyntheticPages(300, 1200);
            cropped.TextLines(0.08, 0.92, 0.03, 0.97, 0.02, 11);
            var sheet = new DocumentFeatureSyntheticPages(1200, 1400);
            sheet.TextLines(0.375, 0.625, 0.07, 0.9, 0.0171, 11);
            var rng = new Random(12);
            for (int i = 0; i < 300; i++)
            {
                double x = rng.NextDouble(), y = rng.NextDouble();
                sheet.Rect(x, y, x + 1.0 / 1200, y + 1.0 / 1400, 90, 90, 90);
            }
            double a = Block(Extractor.Extract(cropped.Image), DocumentFeatureLayout.Geometry)[0];
            double b = Block(Extractor.Extract(sheet.Image), DocumentFeatureLayout.Geometry)[0];
            Assert.True(b > 0.8, $"content aspect on the sheet {b}");
            Assert.True(Math.Abs(a - b) < 0.5, $"cropped {a} vs on sheet {b}");
        }
    }
}
