using System;
using System.Collections.Generic;
using System.Text;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// The named blocks of a <see cref="DocumentLayoutExtractor"/> vector, in order, with offsets, lengths and
    /// weights. Consumers that standardise dimensions (z-score) should then multiply each dimension by
    /// <see cref="DimensionWeights"/> so that every block carries its <see cref="FeatureBlock.Weight"/> share of
    /// the distance, whatever its number of dimensions.
    /// </summary>
    public static class DocumentFeatureLayout
    {
        public const string Geometry = "geometry";
        public const string Framing = "framing";
        public const string Colour = "colour";
        public const string Tone = "tone";
        public const string InkLayout = "ink-layout";
        public const string InkThumbnail = "ink-thumbnail";
        public const string TextComponents = "text-components";
        public const string TextLines = "text-lines";
        public const string MrzBand = "mrz-band";
        public const string TextAlignment = "text-alignment";
        public const string RuleLines = "rule-lines";
        public const string Regions = "regions";
        public const string Texture = "texture";
        public const string EdgeOrientation = "edge-orientation";
        public const string Figures = "figures";

        // Colour, tone, regions, texture and edge orientation all largely measure one thing, how the page was
        // captured (photo vs scan vs render, tilt), so each gets half weight: together they still count 2.5
        // blocks, but do not outvote the layout and text blocks that describe the document itself. The ink
        // thumbnail gets half weight because it records a template's arrangement, which varies between
        // layouts of the same kind (six invoice templates are six thumbnails, one kind). The ink-layout block's
        // profile statistics (bands, gaps, coverage, gutters) describe the same arrangement along rows and columns,
        // so since version 10 it gets half weight too; unlike the other weights, that value was chosen by an
        // ablation on docs-dev (docs/features.md, "Version 10"). Framing (frame shape, margins) is partly capture,
        // partly document (a receipt is a small strip on any scanner bed): 0.75.
        private static readonly (string name, int length, double weight, string description)[] Spec =
        {
            (Geometry, GeometryFeatures.Length, 1.0, "content-box aspect ratio, document blob elongation and rectangularity"),
            (Framing, FramingFeatures.Length, 0.75, "frame aspect ratio, text and document share of the frame, four margins"),
            (Colour, ColourFeatures.Length, 0.5, "colourfulness, chroma shares, 6-bin hue histogram, ink vs paper chroma"),
            (Tone, ToneFeatures.Length, 0.5, "luma percentiles and bright-paper share"),
            (InkLayout, InkLayoutFeatures.Length, 0.5, "ink density, projection-profile bands, line spacing and periodicity, gutters"),
            (InkThumbnail, InkThumbnailFeatures.Length, 0.5, "4x4 ink-density map of the content box"),
            (TextComponents, TextComponentFeatures.Length, 1.0, "glyph count, size, size spread, shape; text vs large-mark ink"),
            (TextLines, TextLineFeatures.Length, 1.0, "text-line count, glyphs per line, line length"),
            (MrzBand, MrzBandFeatures.Length, 1.0, "machine-readable-zone-like monospace lines: best line, stacked pair, filler run, position"),
            (TextAlignment, TextAlignmentFeatures.Length, 1.0, "left/right/both-aligned text pieces, right-aligned columns, table rows, even-height pieces, check boxes"),
            (RuleLines, RuleLineFeatures.Length, 1.0, "horizontal/vertical rules: count, length, spread, crossings"),
            (Regions, RegionFeatures.Length, 0.5, "paper/text/photo/dark cell shares, largest photo-like blob, frame border vs centre"),
            (Texture, TextureFeatures.Length, 0.5, "paper noise, illumination unevenness, pure white/black shares, speckle"),
            (EdgeOrientation, EdgeOrientationFeatures.Length, 0.5, "8-bin gradient orientation histogram, mean edge strength"),
            (Figures, Glyphs.FigureFeatures.Length, 1.0, "share of glyphs that look like figures (0-9) rather than letters"),
        };

        public static IReadOnlyList<FeatureBlock> Blocks { get; } = BuildBlocks();

        public static int Dimension { get; } = Blocks[Blocks.Count - 1].Offset + Blocks[Blocks.Count - 1].Length;

        /// <summary>Per-dimension multipliers to apply after standardisation (block weight / sqrt(block length)).</summary>
        public static IReadOnlyList<double> DimensionWeights { get; } = BuildWeights();

        public static FeatureBlock Find(string name)
        {
            foreach (var b in Blocks) if (string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)) return b;
            return null;
        }

        /// <summary>Canonical text of the layout, part of the extractor's fingerprint.</summary>
        public static string Describe()
        {
            var sb = new StringBuilder();
            foreach (var b in Blocks) sb.Append(b.Name).Append(':').Append(b.Length).Append('x').Append(b.Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            return sb.ToString();
        }

        private static IReadOnlyList<FeatureBlock> BuildBlocks()
        {
            var list = new List<FeatureBlock>();
            int offset = 0;
            foreach (var s in Spec)
            {
                list.Add(new FeatureBlock(s.name, offset, s.length, s.weight, s.description));
                offset += s.length;
            }
            return list.AsReadOnly();
        }

        private static IReadOnlyList<double> BuildWeights()
        {
            var w = new double[Dimension];
            foreach (var b in Blocks)
                for (int i = 0; i < b.Length; i++) w[b.Offset + i] = b.DimensionWeight;
            return Array.AsReadOnly(w);
        }
    }
}
