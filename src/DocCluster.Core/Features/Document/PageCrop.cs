using System;
using DocCluster.Imaging;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Cuts away a blank surround: a receipt or a card scanned on a page-sized flatbed, or a page with wide blank margins,
    /// is measured as the document with a fixed margin, not as a small document in a large frame — otherwise the same
    /// receipt scanned cropped and uncropped gets different tone, ink-density, region and text-size measures, and loses
    /// resolution in the 768-px raster. Kept: the box around the text's content box and every cell that is not blank paper
    /// (bands, logos, photos; lone specks excepted), widened by <see cref="MarginShare"/> of its long side on every side. So a
    /// desk, a hand or a dark scanner border around a photographed or scanned document are the capture and stay. The
    /// framing block, which describes how the document sits in the frame, is measured before the cut.
    /// </summary>
    internal static class PageCrop
    {
        /// <summary>Margin kept around the document (text and non-blank cells), as a share of its long side.</summary>
        public const double MarginShare = 0.05;
        /// <summary>Cut only when it removes at least this share of the frame's area (smaller cuts change next to nothing).</summary>
        public const double MinCutShare = 0.05;

        /// <summary>The box to keep, in <paramref name="a"/>'s raster pixels, or null when the page should stay as it is.</summary>
        public static (int X0, int Y0, int X1, int Y1)? Find(PageAnalysis a, CellGrid cells)
        {
            int w = a.Page.Width, h = a.Page.Height;
            if (a.Chars.Length < 8 || a.ContentWidth <= 0 || a.ContentHeight <= 0) return null;
            // everything that is not blank paper belongs to the document (a coloured band, a logo, a photo, a desk), except
            // lone cells (dust, a speck on the lid)
            int bx0 = a.ContentX0, by0 = a.ContentY0, bx1 = a.ContentX1, by1 = a.ContentY1, s = cells.Size;
            for (int r = 0; r < cells.Rows; r++)
                for (int c = 0; c < cells.Cols; c++)
                {
                    if (!Marked(cells, r, c) || !HasMarkedNeighbour(cells, r, c)) continue;
                    bx0 = Math.Min(bx0, c * s); by0 = Math.Min(by0, r * s);
                    bx1 = Math.Max(bx1, Math.Min(w, (c + 1) * s)); by1 = Math.Max(by1, Math.Min(h, (r + 1) * s));
                }
            int margin = (int)Math.Ceiling(Math.Max(2 * a.CharHeight, MarginShare * Math.Max(bx1 - bx0, by1 - by0)));
            int x0 = Math.Max(0, bx0 - margin), y0 = Math.Max(0, by0 - margin);
            int x1 = Math.Min(w, bx1 + margin), y1 = Math.Min(h, by1 + margin);
            if ((double)(x1 - x0) * (y1 - y0) > (1 - MinCutShare) * w * h) return null;
            return (x0, y0, x1, y1);
        }

        private static bool Marked(CellGrid cells, int r, int c) => cells.Kinds[r * cells.Cols + c] != CellGrid.Kind.Paper;

        private static bool HasMarkedNeighbour(CellGrid cells, int r, int c)
        {
            for (int dr = -1; dr <= 1; dr++)
                for (int dc = -1; dc <= 1; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if ((dr != 0 || dc != 0) && rr >= 0 && cc >= 0 && rr < cells.Rows && cc < cells.Cols && Marked(cells, rr, cc)) return true;
                }
            return false;
        }

        /// <summary>The part of <paramref name="image"/> under <paramref name="box"/> (given in the analysed raster's pixels).</summary>
        public static RasterImage Apply(RasterImage image, PageAnalysis a, (int X0, int Y0, int X1, int Y1) box)
        {
            double sx = (double)image.Width / a.Page.Width, sy = (double)image.Height / a.Page.Height;
            int x0 = Clamp((int)Math.Floor(box.X0 * sx), image.Width - 1), y0 = Clamp((int)Math.Floor(box.Y0 * sy), image.Height - 1);
            int x1 = Math.Max(x0 + 1, Clamp((int)Math.Ceiling(box.X1 * sx), image.Width));
            int y1 = Math.Max(y0 + 1, Clamp((int)Math.Ceiling(box.Y1 * sy), image.Height));
            int w = x1 - x0, h = y1 - y0;
            var rgb = new byte[w * h * 3];
            for (int y = 0; y < h; y++)
                Buffer.BlockCopy(image.Rgb, ((y0 + y) * image.Width + x0) * 3, rgb, y * w * 3, w * 3);
            return new RasterImage(w, h, rgb, image.SourceWidth, image.SourceHeight);
        }

        private static int Clamp(int v, int max) => Math.Max(0, Math.Min(max, v));
    }
}
