using System;
using DocCluster.Features.Document;
using DocCluster.Imaging;
using Xunit;

namespace DocCluster.Core.Tests
{
    /// <summary>DocLayout cuts a blank surround away: a receipt scanned on a page-sized flatbed is measured as the receipt,
    /// while the framing block still tells how it lay in the frame; a desk around a photographed card is left alone.</summary>
    public class PageCropTests
    {
        private const int Long = DocumentLayoutExtractor.LongSide;
        private static readonly DocumentLayoutExtractor Extractor = new DocumentLayoutExtractor();

        /// <summary>A receipt-shaped strip (1 : 3), trimmed with a small white margin as a cropped scan: items on the left,
        /// amounts on the right.</summary>
        private static RasterImage Receipt()
        {
            var p = new DocumentFeatureSyntheticPages(400, 1200, 250, 250, 250);
            p.TextLines(0.08, 0.55, 0.04, 0.96, 0.03, 11);
            p.TextLines(0.75, 0.92, 0.04, 0.96, 0.03, 12);
            return p.Image;
        }

        /// <summary><paramref name="page"/> in the top-left corner of an off-white bed <paramref name="factor"/> times its height,
        /// as a flatbed scan of A4 proportions.</summary>
        private static RasterImage OnFlatbed(RasterImage page, double factor, out (int x, int y) at)
        {
            int h = (int)Math.Round(page.Height * factor), w = (int)Math.Round(h / Math.Sqrt(2));
            var rgb = new byte[w * h * 3];
            for (int i = 0; i < rgb.Length; i++) rgb[i] = 246;
            at = (w / 50, w / 50);
            for (int y = 0; y < page.Height; y++)
                Buffer.BlockCopy(page.Rgb, y * page.Width * 3, rgb, ((at.y + y) * w + at.x) * 3, page.Width * 3);
            return new RasterImage(w, h, rgb);
        }

        private static double[] Block(float[] v, string name) => DocumentFeatureTests.Block(v, name);

        [Fact]
        public void A_receipt_on_a_flatbed_is_cut_out_with_a_small_margin()
        {
            var receipt = Receipt();
            var bed = OnFlatbed(receipt, 1.6, out var at);
            var a = new PageAnalysis(bed, Long);
            var box = PageCrop.Find(a, new CellGrid(a));
            Assert.True(box.HasValue, "the bed around the receipt was not cut away");
            var cut = PageCrop.Apply(bed, a, box.Value);
            // the whole text stays (the receipt's text spans 8-92 % of its width and 4-96 % of its height) ...
            double sx = (double)bed.Width / a.Page.Width, sy = (double)bed.Height / a.Page.Height;
            Assert.True(box.Value.X0 * sx <= at.x + 0.08 * receipt.Width && box.Value.X1 * sx >= at.x + 0.92 * receipt.Width);
            Assert.True(box.Value.Y0 * sy <= at.y + 0.04 * receipt.Height && box.Value.Y1 * sy >= at.y + 0.96 * receipt.Height);
            // ... and most of the bed goes: what is left is about the receipt's size
            Assert.InRange((double)cut.Width * cut.Height / ((double)receipt.Width * receipt.Height), 0.8, 1.3);
        }

        [Fact]
        public void A_receipt_on_a_flatbed_is_measured_as_the_receipt_and_framed_as_it_lay()
        {
            var receipt = Receipt();
            var alone = Extractor.Extract(receipt);
            var onBed = Extractor.Extract(OnFlatbed(receipt, 1.6, out _));
            // density of ink over the measured page and the luma percentiles: measured on the whole bed they would be a
            // fraction of the receipt's (the receipt covers under a third of the bed) and pushed towards the bed's grey
            double density = Block(alone, DocumentFeatureLayout.InkLayout)[0], densityOnBed = Block(onBed, DocumentFeatureLayout.InkLayout)[0];
            Assert.InRange(densityOnBed / density, 0.8, 1.25);
            var tone = Block(alone, DocumentFeatureLayout.Tone);
            var toneOnBed = Block(onBed, DocumentFeatureLayout.Tone);
            for (int i = 0; i < tone.Length; i++) Assert.True(Math.Abs(tone[i] - toneOnBed[i]) < 0.1, $"tone[{i}] {tone[i]:F3} alone, {toneOnBed[i]:F3} on the bed");
            // glyph height relative to the content width, the strongest receipt-vs-page cue, is the receipt's
            Assert.InRange(Block(onBed, DocumentFeatureLayout.TextComponents)[1] / Block(alone, DocumentFeatureLayout.TextComponents)[1], 0.85, 1.15);
            // the framing block still says that the receipt lay in a large frame: the text covers a far smaller share of it
            Assert.True(Block(onBed, DocumentFeatureLayout.Framing)[1] < 0.5 * Block(alone, DocumentFeatureLayout.Framing)[1]);
        }

        [Theory]
        [InlineData("idcard-01.jpg")]
        [InlineData("receipt-01.jpg")]
        public void A_desk_or_a_dark_border_around_a_document_is_kept(string name)
        {
            // the example card lies on a wooden desk and the example receipt on a dark scanner lid: that is the capture, not blank paper
            var a = new PageAnalysis(PageOrientationTests.Load(name), Long);
            Assert.Null(PageCrop.Find(a, new CellGrid(a)));
        }

        [Fact]
        public void A_page_without_text_is_left_as_it_is()
        {
            var a = new PageAnalysis(DocumentFeatureSyntheticPages.Uniform(800, 600, 255), Long);
            Assert.Null(PageCrop.Find(a, new CellGrid(a)));
        }
    }
}
