using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// How the page was made: renders have perfectly flat white paper (Laplacian ~0, many pixels at 255),
    /// scans have grain and speckle but even lighting, phone photos have sensor noise and uneven illumination.
    /// Measured on blank-paper-like cells only, so the amount of text does not leak in.
    /// </summary>
    internal static class TextureFeatures
    {
        public const int Length = 5;

        public static void Write(PageAnalysis a, CellGrid g, FeatureWriter f)
        {
            var noise = new List<double>();
            var light = new List<double>();
            for (int k = 0; k < g.Kinds.Length; k++)
            {
                if (g.Mean[k] >= 120 && g.Std[k] < 15 && g.InkShare[k] == 0)
                {
                    noise.Add(g.Laplacian[k]);
                    light.Add(g.Mean[k]);
                }
            }
            f.Add(Math.Log(1 + Stats.Quantile(noise, 0.5)));
            f.Add(light.Count > 1 ? Stats.MeanStd(light).std / 64.0 : 0);

            int white = 0, black = 0;
            foreach (var v in a.Page.Gray) { if (v >= 254) white++; else if (v <= 1) black++; }
            int n = a.Page.Gray.Length;
            f.Add(Math.Sqrt((double)white / n));
            f.Add(Math.Sqrt((double)black / n));

            int speckles = 0;
            foreach (var c in a.Components) if (c.Area <= 3) speckles++;
            f.Add(Stats.SafeDiv(speckles, a.Components.Length));
        }
    }
}
