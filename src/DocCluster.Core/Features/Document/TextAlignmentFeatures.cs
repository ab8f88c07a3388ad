using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// How text pieces line up, without reading them. A piece is a run of glyphs on one baseline with no gap wider than
    /// about a character height, so a table row is several pieces (cells) and a form field "Name: ____" one or two.
    /// Amount columns of invoices, bills and receipts are right-aligned (numbers of different lengths ending at one
    /// edge) or centred in their cells; form labels and letter paragraphs are left-aligned; justified article
    /// columns align on both sides.
    /// Table rows hold several cells on one baseline; fields hold one or two. Figures and capitals have equal
    /// heights, lower-case words do not. Small hollow squares are check boxes.
    /// </summary>
    internal static class TextAlignmentFeatures
    {
        public const int Length = 9;

        // Another piece counts as aligned when its edge is within this share of a character height...
        private const double EdgeTolerance = 0.3;
        // ...its other edge differs by more than this and the tolerance (else the two are simply the same width)...
        private const double OtherEdgeMinDiff = 0.5;
        // ...and it lies within this many character heights above or below.
        private const double VerticalWindow = 20;
        // Pieces aligned with at least this many others form a column.
        private const int ColumnPartners = 2;
        // A check box has ink along at least this share of each side.
        private const double BoxSideInk = 0.8;

        public static void Write(PageAnalysis a, List<TextLines.Line> lines, FeatureWriter f)
        {
            double h = Math.Max(1, a.CharHeight);
            var pieces = AlignedPieces(a, lines);
            int n = pieces.Count;

            int rightOnly = 0, leftOnly = 0, both = 0, centred = 0;
            var rightEdges = new List<double>();
            foreach (var p in pieces)
            {
                if (p.RightAligned && p.LeftAligned) both++;
                else if (p.RightAligned) { rightOnly++; rightEdges.Add(p.MaxX); }
                else if (p.LeftAligned) leftOnly++;
                else if (p.Centred) centred++;
            }

            f.Add(Stats.SafeDiv(rightOnly, n));
            f.Add(Stats.SafeDiv(leftOnly, n));
            f.Add(Stats.SafeDiv(both, n));
            f.Add(Stats.SafeDiv(centred, n));
            f.Add(Math.Log(1 + CountColumns(rightEdges, Tolerance(h))));
            f.Add(RowShare(pieces, h));
            f.Add(UniformHeightShare(pieces));
            f.Add(Math.Log(1 + CountCheckBoxes(a, h)));
            f.Add(Math.Log(1 + n));
        }

        private static double Tolerance(double h) => Math.Max(2, EdgeTolerance * h);

        /// <summary>The page's text pieces, each marked left-aligned, right-aligned (or both) or centred with a column of others.</summary>
        private static List<Piece> AlignedPieces(PageAnalysis a, List<TextLines.Line> lines)
        {
            double h = Math.Max(1, a.CharHeight), tol = Tolerance(h), otherMin = Math.Max(tol + 1, OtherEdgeMinDiff * h);
            var pieces = Pieces(lines, h);
            foreach (var p in pieces)
            {
                int right = 0, left = 0, centre = 0;
                foreach (var q in pieces)
                {
                    double dy = Math.Abs(q.CenterY - p.CenterY);
                    if (q == p || dy < 0.5 * h || dy > VerticalWindow * h) continue;
                    if (Math.Abs(q.MaxX - p.MaxX) <= tol && Math.Abs(q.MinX - p.MinX) > otherMin) right++;
                    if (Math.Abs(q.MinX - p.MinX) <= tol && Math.Abs(q.MaxX - p.MaxX) > otherMin) left++;
                    if (Math.Abs(q.MinX + q.MaxX - p.MinX - p.MaxX) <= 2 * tol && Math.Abs(q.MinX - p.MinX) > otherMin) centre++;
                }
                p.RightAligned = right >= ColumnPartners;
                p.LeftAligned = left >= ColumnPartners;
                p.Centred = centre >= ColumnPartners && !p.LeftAligned && !p.RightAligned;
            }
            return pieces;
        }

        private sealed class Piece
        {
            public int MinX, MaxX;
            public bool RightAligned, LeftAligned, Centred;
            public double CenterY;
            public readonly List<double> Heights = new List<double>();
        }

        // Text lines as chained by TextLines break where a glyph's height or baseline jumps (small print at the
        // normalised resolution); re-join runs on one baseline separated by less than a character height (word
        // spaces), so a table cell or a field is one piece and the gap between cells still separates them.
        private static List<Piece> Pieces(List<TextLines.Line> lines, double h)
        {
            var sorted = new List<TextLines.Line>(lines);
            sorted.Sort((p, q) => p.MinX.CompareTo(q.MinX));
            var pieces = new List<Piece>();
            foreach (var l in sorted)
            {
                // Rule segments between crossings chain into "lines" of their own height: not text.
                if (l.Height > 2 * h) continue;
                Piece joined = null;
                foreach (var p in pieces)
                    if (Math.Abs(p.CenterY - l.CenterY) < 0.5 * h && l.MinX - p.MaxX < 1.2 * h && l.MinX >= p.MinX) { joined = p; break; }
                if (joined == null)
                {
                    joined = new Piece { MinX = l.MinX, MaxX = l.MaxX, CenterY = l.CenterY };
                    pieces.Add(joined);
                }
                joined.MaxX = Math.Max(joined.MaxX, l.MaxX);
                foreach (var g in l.Glyphs) joined.Heights.Add(g.H);
            }
            pieces.RemoveAll(p => p.Heights.Count < 2);
            return pieces;
        }

        private static int CountColumns(List<double> edges, double tol)
        {
            edges.Sort();
            int columns = 0, run = 1;
            for (int i = 1; i <= edges.Count; i++)
            {
                if (i < edges.Count && edges[i] - edges[i - 1] <= tol) { run++; continue; }
                if (run >= ColumnPartners + 1) columns++;
                run = 1;
            }
            return columns;
        }

        /// <summary>Share of pieces that sit on a baseline shared by at least two other pieces (table rows).</summary>
        private static double RowShare(List<Piece> pieces, double h)
        {
            int n = pieces.Count, inRows = 0;
            for (int i = 0; i < n; i++)
            {
                int same = 0;
                for (int j = 0; j < n; j++)
                    if (j != i && Math.Abs(pieces[j].CenterY - pieces[i].CenterY) < 0.3 * h) same++;
                if (same >= 2) inRows++;
            }
            return Stats.SafeDiv(inRows, n);
        }

        /// <summary>Share of pieces of at least three glyphs whose glyph heights hardly vary (figures, capitals).</summary>
        private static double UniformHeightShare(List<Piece> pieces)
        {
            int counted = 0, uniform = 0;
            var heights = new List<double>();
            foreach (var p in pieces)
            {
                if (p.Heights.Count < 3) continue;
                heights.Clear();
                heights.AddRange(p.Heights);
                counted++;
                if (Stats.Quantile(heights, 0.9) - Stats.Quantile(heights, 0.1) <= Math.Max(1, 0.1 * Stats.Quantile(heights, 0.5))) uniform++;
            }
            return Stats.SafeDiv(uniform, counted);
        }

        /// <summary>Square components one to three character heights wide with little ink inside: check boxes.</summary>
        private static int CountCheckBoxes(PageAnalysis a, double h)
        {
            int count = 0;
            foreach (var c in a.Components)
            {
                if (c.W < 6 || c.H < 6 || c.W < 0.8 * h || c.W > 3 * h || c.H < 0.8 * h || c.H > 3 * h) continue;
                double aspect = (double)c.W / c.H;
                if (aspect < 0.75 || aspect > 1.33) continue;
                if (c.Area > 0.5 * c.W * c.H || !BorderInked(a, c)) continue;
                count++;
            }
            return count;
        }

        // A box has ink along all four sides (an O, 0 or D touches its box only at a few points) and an empty inside.
        private static bool BorderInked(PageAnalysis a, InkComponents.Component c)
        {
            int w = a.Mask.Width;
            var ink = a.Mask.Ink;
            int top = 0, bottom = 0, left = 0, right = 0;
            for (int x = c.MinX; x <= c.MaxX; x++)
            {
                if (ink[c.MinY * w + x] || ink[(c.MinY + 1) * w + x]) top++;
                if (ink[c.MaxY * w + x] || ink[(c.MaxY - 1) * w + x]) bottom++;
            }
            for (int y = c.MinY; y <= c.MaxY; y++)
            {
                if (ink[y * w + c.MinX] || ink[y * w + c.MinX + 1]) left++;
                if (ink[y * w + c.MaxX] || ink[y * w + c.MaxX - 1]) right++;
            }
            if (top < BoxSideInk * c.W || bottom < BoxSideInk * c.W || left < BoxSideInk * c.H || right < BoxSideInk * c.H) return false;
            int inside = 0, area = 0;
            for (int y = c.MinY + 2; y <= c.MaxY - 2; y++)
                for (int x = c.MinX + 2; x <= c.MaxX - 2; x++) { area++; if (ink[y * w + x]) inside++; }
            return inside <= 0.1 * area;
        }
    }
}
