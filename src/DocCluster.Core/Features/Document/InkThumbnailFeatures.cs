using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// A 4x4 ink-density map of the content box (square-rooted): where the mass of the layout sits — header
    /// blocks, a totals area at the bottom, a portrait on the left, a bottom band. Coarse on purpose so that
    /// small shifts and rotations move little.
    /// </summary>
    internal static class InkThumbnailFeatures
    {
        public const int Grid = 4;
        public const int Length = Grid * Grid;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            int w = a.Page.Width;
            int x0 = a.ContentX0, y0 = a.ContentY0, cw = Math.Max(1, a.ContentWidth), ch = Math.Max(1, a.ContentHeight);
            var ink = new double[Length];
            var area = new double[Length];
            var gx = new int[cw];
            for (int x = 0; x < cw; x++) gx[x] = Math.Min(Grid - 1, x * Grid / cw);
            for (int y = y0; y < a.ContentY1; y++)
            {
                int gy = Math.Min(Grid - 1, (y - y0) * Grid / ch) * Grid;
                for (int x = x0; x < a.ContentX1; x++)
                {
                    int k = gy + gx[x - x0];
                    area[k]++;
                    if (a.Mask.Ink[y * w + x]) ink[k]++;
                }
            }
            for (int k = 0; k < Length; k++) f.Add(Math.Sqrt(Stats.SafeDiv(ink[k], area[k])));
        }
    }
}
