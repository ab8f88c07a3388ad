using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Gradient orientation histogram (8 unsigned bins, magnitude-weighted, at half resolution) and the mean
    /// edge strength. Print is dominated by horizontal/vertical strokes; photos, portraits, guilloche
    /// backgrounds and tilted documents spread energy across orientations. Wide bins keep it tolerant to small
    /// rotations. (An edge-strength map on a 3x3 grid was tried and dropped: it records where the document
    /// sits in the frame, which follows the capture, not the kind, and it duplicates the ink thumbnail.)
    /// </summary>
    internal static class EdgeOrientationFeatures
    {
        public const int Bins = 8;
        public const int Length = Bins + 1;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            var page = a.Page;
            int w = Math.Max(1, page.Width / 2), h = Math.Max(1, page.Height / 2);
            var half = new double[w * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int x0 = Math.Min(page.Width - 1, 2 * x), y0 = Math.Min(page.Height - 1, 2 * y);
                    int x1 = Math.Min(page.Width - 1, x0 + 1), y1 = Math.Min(page.Height - 1, y0 + 1);
                    half[y * w + x] = (page.Gray[y0 * page.Width + x0] + page.Gray[y0 * page.Width + x1] +
                                       page.Gray[y1 * page.Width + x0] + page.Gray[y1 * page.Width + x1]) * 0.25;
                }

            var hist = new double[Bins];
            double total = 0, magSum = 0;
            long magN = 0;
            for (int y = 1; y + 1 < h; y++)
            {
                for (int x = 1; x + 1 < w; x++)
                {
                    int i = y * w + x;
                    double gx = half[i - w + 1] + 2 * half[i + 1] + half[i + w + 1] - half[i - w - 1] - 2 * half[i - 1] - half[i + w - 1];
                    double gyv = half[i + w - 1] + 2 * half[i + w] + half[i + w + 1] - half[i - w - 1] - 2 * half[i - w] - half[i - w + 1];
                    double mag = Math.Sqrt(gx * gx + gyv * gyv);
                    magSum += mag;
                    magN++;
                    if (mag < 40) continue;
                    double angle = Math.Atan2(gyv, gx);
                    if (angle < 0) angle += Math.PI;
                    // Bins centred on 0, 22.5, 45, ... degrees so that axis-aligned strokes sit mid-bin.
                    int bin = (int)Math.Floor(angle / Math.PI * Bins + 0.5) % Bins;
                    hist[bin] += mag;
                    total += mag;
                }
            }
            for (int b = 0; b < Bins; b++) f.Add(Stats.SafeDiv(hist[b], total));
            f.Add(Math.Log(1 + Stats.SafeDiv(magSum, magN) / 8.0));
        }
    }
}
