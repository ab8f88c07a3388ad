using System;
using System.IO;
using System.Linq;
using DocCluster.Backends.Decoding;
using DocCluster.Features.Document;
using DocCluster.Features.Document.Glyphs;
using DocCluster.Imaging;
using SkiaSharp;
using Xunit;

namespace DocCluster.Core.Tests
{
    public sealed class FontFactAttribute : FactAttribute
    {
        public const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";

        public FontFactAttribute()
        {
            if (!File.Exists(Font)) Skip = $"Needs {Font} to print test pages.";
        }
    }

    public class FigureFeatureTests
    {
        private static readonly DocumentLayoutExtractor Extractor = new DocumentLayoutExtractor();

        private static RasterImage Print(string[] lines, int width, int height, float size)
        {
            using (var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul))
            {
                using (var canvas = new SKCanvas(bitmap))
                using (var typeface = SKTypeface.FromFile(FontFactAttribute.Font))
                using (var font = new SKFont(typeface, size))
                using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
                {
                    canvas.Clear(SKColors.White);
                    for (int i = 0; i < lines.Length; i++)
                        canvas.DrawText(lines[i], width * 0.08f, height * 0.08f + i * size * 1.6f, SKTextAlign.Left, font, paint);
                }
                return SkiaPageDecoder.ToRaster(bitmap, Math.Max(width, height), width, height);
            }
        }

        // item lines of an invoice: a word and four numbers (a page of bare figures has no ascenders to tell up from down)
        private static readonly string[] Amounts = Enumerable.Range(0, 30)
            .Select(i => $"Item {1000 + 37 * i}    {(i * 7919 % 1000) / 10.0 + 3:0.00}    {2 + i % 9}    {(i * 4271 % 100000) / 100.0 + 10:0.00}").ToArray();

        private static readonly string[] Prose = Enumerable.Range(0, 30)
            .Select(i => new[] { "Please describe the nature of the request below", "Signature of the person making this application",
                                  "Remarks and any further information about the case", "The committee will review every form received" }[i % 4]).ToArray();

        [FontFact]
        public void The_embedded_classifier_tells_printed_figures_from_letters()
        {
            var numbers = Print(Amounts, 1000, 1280, 20);
            var words = Print(Prose, 1000, 1280, 20);
            double Share(RasterImage page)
            {
                var (n, likely, _) = FigureFeatures.Count(page, GlyphClassifier.Default);
                Assert.True(n > 200, $"only {n} glyphs classified");
                return (double)likely / n;
            }
            Assert.True(Share(numbers) > 0.6, $"amounts: {Share(numbers):F2}");
            Assert.True(Share(words) < 0.1, $"words: {Share(words):F2}");
        }

        [FontFact]
        public void The_figures_block_separates_a_page_of_amounts_from_a_page_of_words()
        {
            var numbers = DocumentFeatureTests.Block(Extractor.Extract(Print(Amounts, 1000, 1280, 20)), DocumentFeatureLayout.Figures);
            var words = DocumentFeatureTests.Block(Extractor.Extract(Print(Prose, 1000, 1280, 20)), DocumentFeatureLayout.Figures);
            Assert.All(numbers, v => Assert.True(v > 0.5, $"amounts: {v:F2}"));
            Assert.All(words, v => Assert.True(v < 0.15, $"words: {v:F2}"));
        }

        [FontFact]
        public void Print_too_small_to_read_gives_the_neutral_share_not_zero()
        {
            // the same page of amounts handed over at 400 px: its glyphs are 3-4 px tall, below what is classified
            var page = Print(Amounts, 1000, 1280, 20);
            var small = new PageRaster(page, 400);
            var values = DocumentFeatureTests.Block(Extractor.Extract(new RasterImage(small.Width, small.Height, small.Rgb)), DocumentFeatureLayout.Figures);
            Assert.All(values, v => Assert.Equal(0.15, v, 3));
        }

        [Fact]
        public void The_embedded_weights_load_and_round_trip()
        {
            var c = GlyphClassifier.Default;
            var d = new double[GlyphClassifier.Dimension];
            var glyph = new float[12 * 12];
            for (int i = 0; i < glyph.Length; i++) glyph[i] = (i / 12 + i % 12) % 3 == 0 ? 1 : 0;
            GlyphClassifier.Describe(glyph, 12, 1, 0, 10, 11, d);
            var ms = new MemoryStream();
            c.Save(ms);
            ms.Position = 0;
            var again = GlyphClassifier.Load(ms);
            var p = c.Probabilities(d);
            Assert.Equal(GlyphClassifier.Classes.Length, p.Length);
            Assert.Equal(1, p.Sum(), 6);
            var q = again.Probabilities(d);
            for (int k = 0; k < p.Length; k++) Assert.Equal(p[k], q[k], 5);
            Assert.Contains(p, v => v > 0.05); // trained weights, not the zeros of an empty file
        }
    }
}
