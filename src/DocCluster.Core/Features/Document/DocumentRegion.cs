using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Finds the document inside the frame: the background is grown from the frame border across cells whose
    /// colour changes smoothly (a desk, a scanner lid, blank margins), stopping at the contrast of a document
    /// edge or of print; the document is the largest remaining 4-connected blob. Its second moments give an
    /// aspect ratio that does not depend on rotation (for a filled a x b rectangle the principal variances are
    /// a²/12 and b²/12), and how rectangular it is. This recovers the physical format (ID-1 card, passport
    /// page, A4, receipt strip) of documents photographed on a desk, where the frame's own aspect says nothing.
    /// </summary>
    internal sealed class DocumentRegion
    {
        private const double SmoothStep = 14;

        public DocumentRegion(CellGrid g)
        {
            int cols = g.Cols, rows = g.Rows, n = cols * rows;
            var background = new bool[n];
            var stack = new int[n];
            int top = 0;
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++)
                    if (r == 0 || c == 0 || r == rows - 1 || c == cols - 1)
                    {
                        int k = r * cols + c;
                        background[k] = true;
                        stack[top++] = k;
                    }
            while (top > 0)
            {
                int k = stack[--top];
                int x = k % cols, y = k / cols;
                if (x > 0) Grow(g, background, stack, ref top, k, k - 1);
                if (x + 1 < cols) Grow(g, background, stack, ref top, k, k + 1);
                if (y > 0) Grow(g, background, stack, ref top, k, k - cols);
                if (y + 1 < rows) Grow(g, background, stack, ref top, k, k + cols);
            }

            // Largest blob of non-background cells.
            var seen = new bool[n];
            int bestArea = 0;
            double bx = 0, by = 0, bxx = 0, byy = 0, bxy = 0;
            for (int s = 0; s < n; s++)
            {
                if (seen[s] || background[s]) continue;
                int area = 0;
                double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
                top = 0;
                stack[top++] = s;
                seen[s] = true;
                while (top > 0)
                {
                    int k = stack[--top];
                    int x = k % cols, y = k / cols;
                    area++; sx += x; sy += y; sxx += (double)x * x; syy += (double)y * y; sxy += (double)x * y;
                    if (x > 0 && !seen[k - 1] && !background[k - 1]) { seen[k - 1] = true; stack[top++] = k - 1; }
                    if (x + 1 < cols && !seen[k + 1] && !background[k + 1]) { seen[k + 1] = true; stack[top++] = k + 1; }
                    if (y > 0 && !seen[k - cols] && !background[k - cols]) { seen[k - cols] = true; stack[top++] = k - cols; }
                    if (y + 1 < rows && !seen[k + cols] && !background[k + cols]) { seen[k + cols] = true; stack[top++] = k + cols; }
                }
                if (area > bestArea)
                {
                    bestArea = area; bx = sx; by = sy; bxx = sxx; byy = syy; bxy = sxy;
                }
            }

            AreaShare = (double)bestArea / n;
            if (bestArea < 4)
            {
                Elongation = 0;
                Rectangularity = 0;
                return;
            }
            double mx = bx / bestArea, my = by / bestArea;
            // +1/12: each cell is a unit square, not a point.
            double vxx = bxx / bestArea - mx * mx + 1.0 / 12, vyy = byy / bestArea - my * my + 1.0 / 12, vxy = bxy / bestArea - mx * my;
            double tr = vxx + vyy, det = vxx * vyy - vxy * vxy;
            double disc = Math.Sqrt(Math.Max(0, tr * tr / 4 - det));
            double l1 = tr / 2 + disc, l2 = Math.Max(1e-6, tr / 2 - disc);
            Elongation = 0.5 * Math.Log(l1 / l2);
            Rectangularity = Math.Min(1.5, bestArea / (12 * Math.Sqrt(l1 * l2)));
        }

        /// <summary>Share of the frame covered by the document blob.</summary>
        public double AreaShare { get; }
        /// <summary>log(long side / short side) of the blob from its second moments; 0 for a square.</summary>
        public double Elongation { get; }
        /// <summary>Blob area over the area of the rectangle with the same second moments (1 for a rectangle).</summary>
        public double Rectangularity { get; }

        private static void Grow(CellGrid g, bool[] background, int[] stack, ref int top, int from, int to)
        {
            if (background[to]) return;
            var m = g.MeanRgb;
            double d = Math.Abs(m[3 * from] - m[3 * to]) + Math.Abs(m[3 * from + 1] - m[3 * to + 1]) + Math.Abs(m[3 * from + 2] - m[3 * to + 2]);
            if (d / 3 > SmoothStep) return;
            background[to] = true;
            stack[top++] = to;
        }
    }
}
