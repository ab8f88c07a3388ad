using System;
using System.Collections.Generic;
using DocCluster.Imaging;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Finds pages that lie sideways or upside down, so they are measured upright: a sheet fed sideways into a scanner, or a
    /// card photographed in portrait, would otherwise group with other turned pages rather than with its kind.
    /// Sideways: the glyphs of a word sit side by side, so on an upright page a glyph's nearest neighbour is mostly beside it;
    /// on a page turned a quarter it is mostly above or below it. Where texture muddles that (photographed cards), the page is
    /// turned only if it then chains clearly more of its glyphs into text lines.
    /// Upside down: in Latin, Greek and Cyrillic text the glyphs of a line share a baseline while their tops vary (ascenders and
    /// capitals against x-height letters) more than their bottoms (the fewer descenders); turned over, it is the tops that line
    /// up. Pages with too little text to tell (photos, all-capitals or digit-only text) are left as they are.
    /// </summary>
    internal static class PageOrientation
    {
        /// <summary>Fewest glyph neighbour pairs to judge a quarter turn.</summary>
        public const int MinPairs = 40;
        /// <summary>Share of vertical neighbour pairs above which the page lies sideways. On docs-dev's 605 upright pages none
        /// reaches 0.55 (90th percentile: 0.39 for ID-card photos, 0.2 or less for text pages); turned a quarter, 92 % of them
        /// are above 0.6.</summary>
        public const double SidewaysShare = 0.6;
        /// <summary>From this share up to <see cref="SidewaysShare"/> the neighbour directions alone cannot tell, and the text lines are
        /// compared (<see cref="ReadsBetterTurned"/>): ID cards photographed in portrait mix their text with guilloche and photo
        /// texture whose nearest neighbours point anywhere. On docs-dev, 7 of 605 upright pages (all ID-card photos) reach 0.4,
        /// and 44 of the 605 turned a quarter fall between 0.4 and 0.6.</summary>
        public const double AmbiguousShare = 0.4;
        /// <summary>A turned page must chain at least this many glyphs into text lines, and <see cref="TurnedLineGain"/> times as
        /// many as the page as it lies, to count as sideways. On docs-dev the upright pages that reach <see cref="AmbiguousShare"/>
        /// chain at most 6 glyphs when turned (and at most a third of their own, except one card that chains none as it lies).</summary>
        public const int MinTurnedLineGlyphs = 15;
        public const double TurnedLineGain = 2;

        /// <summary>Fewest neighbouring glyph pairs within lines to judge upside down.</summary>
        public const int MinLinePairs = 60;
        /// <summary>Tops must line up this much better than bottoms (ratio of summed steps) to call a page upside down. On
        /// docs-dev, 5 of 605 upright pages fall below 0.6 and 57 % of the pages turned over (invoices 92 %, papers 88 %, forms
        /// 62 %, receipts 57 %; hardly any ID card or passport, whose text is capitals and digits).</summary>
        public const double UpsideDownRatio = 0.6;

        /// <summary>Share of glyphs whose nearest glyph (within three text heights) lies above or below rather than beside it;
        /// NaN with fewer than <see cref="MinPairs"/> such glyphs.</summary>
        public static double VerticalNeighbourShare(PageAnalysis a)
        {
            var chars = a.Chars;
            double reach = 3 * Math.Max(1, a.CharHeight);
            var grid = new Dictionary<long, List<int>>();
            long Key(int gx, int gy) => ((long)gx << 32) ^ (uint)gy;
            for (int i = 0; i < chars.Length; i++)
            {
                var k = Key((int)(chars[i].CenterX / reach), (int)(chars[i].CenterY / reach));
                if (!grid.TryGetValue(k, out var list)) grid[k] = list = new List<int>();
                list.Add(i);
            }
            int vertical = 0, pairs = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                double cx = chars[i].CenterX, cy = chars[i].CenterY, best = reach * reach, bdx = 0, bdy = 0;
                bool found = false;
                int gx = (int)(cx / reach), gy = (int)(cy / reach);
                for (int ox = -1; ox <= 1; ox++)
                    for (int oy = -1; oy <= 1; oy++)
                        if (grid.TryGetValue(Key(gx + ox, gy + oy), out var list))
                            foreach (var j in list)
                            {
                                if (j == i) continue;
                                double dx = chars[j].CenterX - cx, dy = chars[j].CenterY - cy, d2 = dx * dx + dy * dy;
                                if (d2 < best) { best = d2; bdx = dx; bdy = dy; found = true; }
                            }
                if (!found) continue;
                pairs++;
                if (Math.Abs(bdy) > Math.Abs(bdx)) vertical++;
            }
            return pairs >= MinPairs ? (double)vertical / pairs : double.NaN;
        }

        /// <summary>Summed step between neighbouring glyphs' tops over the same for their bottoms, within text lines of at least
        /// four glyphs whose heights are alike; NaN with fewer than <see cref="MinLinePairs"/> steps.</summary>
        public static double TopToBottomRatio(List<TextLines.Line> lines)
        {
            double tops = 0, bottoms = 0;
            int steps = 0;
            foreach (var line in lines)
            {
                if (line.Glyphs.Count < 4) continue;
                for (int i = 1; i < line.Glyphs.Count; i++)
                {
                    var p = line.Glyphs[i - 1];
                    var q = line.Glyphs[i];
                    tops += Math.Abs(q.MinY - p.MinY);
                    bottoms += Math.Abs(q.MaxY - p.MaxY);
                    steps++;
                }
            }
            if (steps < MinLinePairs || tops + bottoms <= 0) return double.NaN;
            return tops / Math.Max(bottoms, 1e-9);
        }

        /// <summary>Sideways by the neighbour directions alone (the share above <see cref="SidewaysShare"/>); an ambiguous share is
        /// settled by <see cref="ReadsBetterTurned"/>.</summary>
        public static bool IsSideways(PageAnalysis a) => IsSideways(VerticalNeighbourShare(a));

        /// <summary>A share of vertical neighbours above <see cref="SidewaysShare"/>; false for NaN (too few glyphs to tell).</summary>
        public static bool IsSideways(double verticalNeighbourShare) => verticalNeighbourShare > SidewaysShare;

        /// <summary>A share of vertical neighbours that calls for comparing the text lines of the page turned and as it lies.</summary>
        public static bool IsAmbiguous(double verticalNeighbourShare) =>
            verticalNeighbourShare >= AmbiguousShare && verticalNeighbourShare <= SidewaysShare;

        /// <summary>Glyphs in text lines of at least five glyphs: lines are chained left to right, so text that runs up or down the
        /// page forms hardly any.</summary>
        public static int LineGlyphs(List<TextLines.Line> lines)
        {
            int glyphs = 0;
            foreach (var line in lines) if (line.Glyphs.Count >= 5) glyphs += line.Glyphs.Count;
            return glyphs;
        }

        /// <summary>Whether the page turned a quarter chains clearly more of its glyphs into text lines than as it lies.</summary>
        public static bool ReadsBetterTurned(List<TextLines.Line> asItLies, List<TextLines.Line> turned)
        {
            int turnedGlyphs = LineGlyphs(turned);
            return turnedGlyphs >= MinTurnedLineGlyphs && turnedGlyphs >= TurnedLineGain * Math.Max(1, LineGlyphs(asItLies));
        }

        public static bool IsUpsideDown(List<TextLines.Line> lines) => TopToBottomRatio(lines) < UpsideDownRatio;

        /// <summary>The image turned clockwise by <paramref name="quarters"/> quarter turns (1, 2 or 3).</summary>
        public static RasterImage Turn(RasterImage image, int quarters)
        {
            quarters = ((quarters % 4) + 4) % 4;
            if (quarters == 0) return image;
            int w = image.Width, h = image.Height;
            int nw = quarters == 2 ? w : h, nh = quarters == 2 ? h : w;
            var src = image.Rgb;
            var dst = new byte[src.Length];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int tx, ty;
                    switch (quarters)
                    {
                        case 1: tx = h - 1 - y; ty = x; break;
                        case 2: tx = w - 1 - x; ty = h - 1 - y; break;
                        default: tx = y; ty = w - 1 - x; break;
                    }
                    int s = (y * w + x) * 3, d = (ty * nw + tx) * 3;
                    dst[d] = src[s];
                    dst[d + 1] = src[s + 1];
                    dst[d + 2] = src[s + 2];
                }
            int sw = quarters == 2 ? image.SourceWidth : image.SourceHeight, sh = quarters == 2 ? image.SourceHeight : image.SourceWidth;
            return new RasterImage(nw, nh, dst, sw, sh);
        }
    }
}
