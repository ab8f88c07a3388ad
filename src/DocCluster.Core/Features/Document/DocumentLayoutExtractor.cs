using System;
using System.Collections.Generic;
using DocCluster.Imaging;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// The default extractor ("DocLayout"): hand-designed document-layout features, no model weights.
    /// The page is resampled to a fixed long side so the vector does not depend on the file's resolution, and measured upright:
    /// pages lying sideways or upside down are turned first (<see cref="PageOrientation"/>), tilted ones straightened
    /// (<see cref="PageSkew"/>), and a blank surround (a flatbed around a receipt) is cut away (<see cref="PageCrop"/>).
    /// Stateless and thread-safe. See docs/features.md and <see cref="DocumentFeatureLayout"/> for the blocks.
    /// </summary>
    public sealed class DocumentLayoutExtractor : IFeatureExtractor
    {
        public const string ModelName = "DocLayout";
        /// <summary>Bump whenever the output for a given image or a block's weight changes: it feeds the fingerprint that invalidates caches and saved models.</summary>
        public const string Version = "10";
        /// <summary>Long side of the raster every block but <c>figures</c> is measured on.</summary>
        public const int LongSide = 768;
        /// <summary>Long side the page is asked for (and its glyphs classified at): print reduced to 768 px is too small to tell figures from letters.</summary>
        public const int GlyphLongSide = 1280;

        public DocumentLayoutExtractor()
        {
            Info = new FeatureModelInfo(
                ModelName,
                Fingerprint.Of($"{ModelName};v{Version};long={LongSide};glyphs={GlyphLongSide}:{Glyphs.GlyphClassifier.Default.Digest};{DocumentFeatureLayout.Describe()}"),
                DocumentFeatureLayout.Dimension,
                "Document layout features (geometry, colour, ink layout, text lines, rules, regions, texture, edges, share of figures); no downloaded weights.");
        }

        public FeatureModelInfo Info { get; }

        public int PreferredLongSide => GlyphLongSide;

        public float[] Extract(RasterImage image) => Extract(image, out _);

        /// <summary>As <see cref="Extract(RasterImage)"/>; <paramref name="upright"/> is the page as measured (turned when it lay
        /// sideways or upside down, straightened when it was tilted, without a blank surround), for other extractors that should
        /// see it the same way.</summary>
        public float[] Extract(RasterImage image, out RasterImage upright)
        {
            if (image == null) throw new ArgumentNullException(nameof(image));
            PageAnalysis a = null;
            List<TextLines.Line> lines = null;
            void Analyse(RasterImage page)
            {
                image = page;
                a = new PageAnalysis(page, LongSide);
                lines = TextLines.Build(a.Chars);
            }
            Analyse(image);
            double verticalShare = PageOrientation.VerticalNeighbourShare(a);
            if (PageOrientation.IsSideways(verticalShare)) Analyse(PageOrientation.Turn(image, 3));
            else if (PageOrientation.IsAmbiguous(verticalShare))
            {
                var (asItLies, analysed, lined) = (image, a, lines);
                Analyse(PageOrientation.Turn(image, 3));
                if (!PageOrientation.ReadsBetterTurned(lined, lines)) (image, a, lines) = (asItLies, analysed, lined);
            }
            // also catches a sideways page turned back the wrong way
            if (PageOrientation.IsUpsideDown(lines)) Analyse(PageOrientation.Turn(image, 2));
            double tilt = PageSkew.Degrees(lines);
            if (PageSkew.Worth(tilt)) Analyse(PageSkew.Straighten(image, tilt));
            var cells = new CellGrid(a);
            var region = new DocumentRegion(cells);
            // framing describes the capture as it came, so it is measured before a blank surround is cut away
            var (framed, framedRegion) = (a, region);
            var keep = PageCrop.Find(a, cells);
            if (keep != null)
            {
                Analyse(PageCrop.Apply(image, a, keep.Value));
                cells = new CellGrid(a);
                region = new DocumentRegion(cells);
            }
            var f = new FeatureWriter(DocumentFeatureLayout.Dimension);
            GeometryFeatures.Write(a, region, f);
            FramingFeatures.Write(framed, framedRegion, f);
            ColourFeatures.Write(a, f);
            ToneFeatures.Write(a, f);
            InkLayoutFeatures.Write(a, f);
            InkThumbnailFeatures.Write(a, f);
            TextComponentFeatures.Write(a, f);
            TextLineFeatures.Write(a, lines, f);
            MrzBandFeatures.Write(a, lines, f);
            TextAlignmentFeatures.Write(a, lines, f);
            RuleLineFeatures.Write(a, f);
            RegionFeatures.Write(a, cells, f);
            TextureFeatures.Write(a, cells, f);
            EdgeOrientationFeatures.Write(a, f);
            Glyphs.FigureFeatures.Write(image, f);
            upright = image;
            return f.Finish();
        }

        public void Dispose()
        {
        }
    }
}
