using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// The page cut into square cells (1/48 of the long side) with per-cell luma mean/std, mean chroma, ink
    /// share, mid-tone share and mean absolute Laplacian, and a coarse class per cell.
    /// </summary>
    internal sealed class CellGrid
    {
        public enum Kind : byte { Other, Paper, Text, Photo, Dark }

        public CellGrid(PageAnalysis a)
        {
            var page = a.Page;
            int w = page.Width, h = page.Height;
            Size = Math.Max(2, page.LongSide / 48);
            Cols = (w + Size - 1) / Size;
            Rows = (h + Size - 1) / Size;
            int n = Cols * Rows;
            Mean = new double[n]; Std = new double[n]; ChromaMean = new double[n];
            InkShare = new double[n]; MidTone = new double[n]; Laplacian = new double[n];
            MeanRgb = new double[n * 3];
            Kinds = new Kind[n];
            var count = new int[n];
            var gray = page.Gray;
            var chroma = page.Chroma;
            var rgb = page.Rgb;
            var ink = a.Mask.Ink;
            var cellOfX = new int[w];
            for (int x = 0; x < w; x++) cellOfX[x] = x / Size;
            var sum = new long[n];
            var sum2 = new long[n];
            var chromaSum = new long[n];
            var inkSum = new int[n];
            var midSum = new int[n];
            var lapSum = new long[n];
            var rgbSum = new long[n * 3];
            for (int y = 0; y < h; y++)
            {
                int rowCell = (y / Size) * Cols, row = y * w;
                bool inner = y > 0 && y + 1 < h;
                for (int x = 0; x < w; x++)
                {
                    int k = rowCell + cellOfX[x], i = row + x;
                    int g = gray[i];
                    count[k]++;
                    sum[k] += g;
                    sum2[k] += g * g;
                    chromaSum[k] += chroma[i];
                    rgbSum[3 * k] += rgb[3 * i];
                    rgbSum[3 * k + 1] += rgb[3 * i + 1];
                    rgbSum[3 * k + 2] += rgb[3 * i + 2];
                    if (ink[i]) inkSum[k]++;
                    if (g >= 60 && g <= 195) midSum[k]++;
                    if (inner && x > 0 && x + 1 < w)
                    {
                        int lap = 4 * g - gray[i - 1] - gray[i + 1] - gray[i - w] - gray[i + w];
                        lapSum[k] += lap < 0 ? -lap : lap;
                    }
                }
            }
            for (int k = 0; k < n; k++)
            {
                Mean[k] = sum[k];
                Std[k] = sum2[k];
                ChromaMean[k] = chromaSum[k];
                InkShare[k] = inkSum[k];
                MidTone[k] = midSum[k];
                Laplacian[k] = lapSum[k];
                MeanRgb[3 * k] = rgbSum[3 * k];
                MeanRgb[3 * k + 1] = rgbSum[3 * k + 1];
                MeanRgb[3 * k + 2] = rgbSum[3 * k + 2];
            }
            for (int k = 0; k < n; k++)
            {
                double c = Math.Max(1, count[k]);
                Mean[k] /= c;
                Std[k] = Math.Sqrt(Math.Max(0, Std[k] / c - Mean[k] * Mean[k]));
                ChromaMean[k] /= c;
                MeanRgb[3 * k] /= c; MeanRgb[3 * k + 1] /= c; MeanRgb[3 * k + 2] /= c;
                InkShare[k] /= c;
                MidTone[k] /= c;
                Laplacian[k] /= c;
                Kinds[k] = Classify(k);
            }
        }

        public int Size { get; }
        public int Cols { get; }
        public int Rows { get; }
        public double[] Mean { get; }
        public double[] Std { get; }
        public double[] ChromaMean { get; }
        /// <summary>Mean R, G, B per cell, interleaved.</summary>
        public double[] MeanRgb { get; }
        public double[] InkShare { get; }
        public double[] MidTone { get; }
        public double[] Laplacian { get; }
        public Kind[] Kinds { get; }

        private Kind Classify(int k)
        {
            if (Mean[k] < 60 && Std[k] < 20) return Kind.Dark;
            if (Mean[k] >= 150 && Std[k] < 10 && InkShare[k] < 0.01) return Kind.Paper;
            // Continuous tone: most pixels mid-grey with real variation, but not the crisp two-level look of print.
            if (MidTone[k] >= 0.6 && Std[k] >= 5 && InkShare[k] < 0.3) return Kind.Photo;
            if (InkShare[k] >= 0.02) return Kind.Text;
            return Kind.Other;
        }
    }
}
