using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Large regions: share of blank paper, text, continuous-tone (photo-like) and dark cells; the largest
    /// photo-like blob (a portrait on a card or passport, a figure in an article) with its size and position;
    /// and the frame border, which is paper or scanner black on scans and renders but desk (textured, coloured,
    /// unlike the centre) on phone photos of documents.
    /// </summary>
    internal static class RegionFeatures
    {
        public const int Length = 13;

        public static void Write(PageAnalysis a, CellGrid g, FeatureWriter f)
        {
            int n = g.Kinds.Length;
            var share = new double[5];
            foreach (var k in g.Kinds) share[(int)k]++;
            f.Add(share[(int)CellGrid.Kind.Paper] / n);
            f.Add(share[(int)CellGrid.Kind.Text] / n);
            f.Add(share[(int)CellGrid.Kind.Photo] / n);
            f.Add(share[(int)CellGrid.Kind.Dark] / n);

            var (area, cx, cy, fill) = LargestBlob(g, CellGrid.Kind.Photo);
            f.Add(Math.Sqrt(area / n));
            f.Add(area > 0 ? cx / g.Cols : 0.5);
            f.Add(area > 0 ? cy / g.Rows : 0.5);
            f.Add(fill);

            // Border ring: the outermost ~6% of the frame on each side.
            int ring = Math.Max(1, Math.Min(g.Cols, g.Rows) / 16 + 1);
            double bMean = 0, bStd = 0, bChroma = 0, bPaper = 0, cMean = 0;
            int bN = 0, cN = 0;
            for (int r = 0; r < g.Rows; r++)
                for (int c = 0; c < g.Cols; c++)
                {
                    int k = r * g.Cols + c;
                    bool border = r < ring || c < ring || r >= g.Rows - ring || c >= g.Cols - ring;
                    if (border)
                    {
                        bN++;
                        bMean += g.Mean[k]; bStd += g.Std[k]; bChroma += g.ChromaMean[k];
                        if (g.Kinds[k] == CellGrid.Kind.Paper) bPaper++;
                    }
                    else { cN++; cMean += g.Mean[k]; }
                }
            bMean = Stats.SafeDiv(bMean, bN);
            cMean = cN > 0 ? cMean / cN : bMean;
            f.Add(bMean / 255.0);
            f.Add(Math.Min(2, Stats.SafeDiv(bStd, bN) / 32.0));
            f.Add(Math.Min(2, Stats.SafeDiv(bChroma, bN) / 64.0));
            f.Add(Stats.SafeDiv(bPaper, bN));
            f.Add(Math.Abs(cMean - bMean) / 255.0);
        }

        /// <summary>Largest 4-connected blob of cells of a kind: cell count, centroid, bounding-box fill.</summary>
        private static (double area, double cx, double cy, double fill) LargestBlob(CellGrid g, CellGrid.Kind kind)
        {
            int n = g.Kinds.Length;
            var seen = new bool[n];
            var stack = new int[n];
            double bestArea = 0, bestX = 0, bestY = 0, bestFill = 0;
            for (int s = 0; s < n; s++)
            {
                if (seen[s] || g.Kinds[s] != kind) continue;
                int top = 0, area = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
                double sx = 0, sy = 0;
                stack[top++] = s;
                seen[s] = true;
                while (top > 0)
                {
                    int k = stack[--top];
                    int x = k % g.Cols, y = k / g.Cols;
                    area++; sx += x; sy += y;
                    minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                    void Push(int nk) { if (!seen[nk] && g.Kinds[nk] == kind) { seen[nk] = true; stack[top++] = nk; } }
                    if (x > 0) Push(k - 1);
                    if (x + 1 < g.Cols) Push(k + 1);
                    if (y > 0) Push(k - g.Cols);
                    if (y + 1 < g.Rows) Push(k + g.Cols);
                }
                if (area > bestArea)
                {
                    bestArea = area;
                    bestX = sx / area + 0.5;
                    bestY = sy / area + 0.5;
                    bestFill = (double)area / ((maxX - minX + 1) * (maxY - minY + 1));
                }
            }
            return (bestArea, bestX, bestY, bestFill);
        }
    }
}
