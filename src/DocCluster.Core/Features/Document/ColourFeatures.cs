using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Colour vs greyscale and where colour sits: ID documents have colour security backgrounds and photos;
    /// invoices have coloured logos/headers on white; scans of forms and receipts are near grey; articles are
    /// black text with occasional colour figures. Hue: share of the page covered by coloured pixels of each of 6 hue sectors
    /// (square-rooted), so a grey page with a few stray coloured pixels stays near zero.
    /// </summary>
    internal static class ColourFeatures
    {
        public const int Length = 12;
        private const int HueBins = 6;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            var rgb = a.Page.Rgb;
            var chroma = a.Page.Chroma;
            var ink = a.Mask.Ink;
            int n = chroma.Length;
            double srg = 0, srg2 = 0, syb = 0, syb2 = 0, sc = 0;
            int c25 = 0, c60 = 0, inkN = 0, paperN = 0;
            double inkC = 0, paperC = 0;
            var hue = new double[HueBins];
            for (int i = 0, p = 0; i < n; i++, p += 3)
            {
                int r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
                double rg = r - g, yb = 0.5 * (r + g) - b;
                srg += rg; srg2 += rg * rg; syb += yb; syb2 += yb * yb;
                int c = chroma[i];
                sc += c;
                if (ink[i]) { inkN++; inkC += c; } else { paperN++; paperC += c; }
                if (c > 25)
                {
                    c25++;
                    if (c > 60) c60++;
                    hue[HueBin(r, g, b, c)]++;
                }
            }
            double mrg = srg / n, myb = syb / n;
            double vrg = Math.Max(0, srg2 / n - mrg * mrg), vyb = Math.Max(0, syb2 / n - myb * myb);
            f.Add((Math.Sqrt(vrg + vyb) + 0.3 * Math.Sqrt(mrg * mrg + myb * myb)) / 100.0);
            f.Add(sc / n / 255.0);
            f.Add(Math.Sqrt((double)c25 / n));
            f.Add(Math.Sqrt((double)c60 / n));
            for (int k = 0; k < HueBins; k++) f.Add(Math.Sqrt(hue[k] / n));
            f.Add(Stats.SafeDiv(inkC, inkN) / 255.0);
            f.Add(Stats.SafeDiv(paperC, paperN) / 255.0);
        }

        private static int HueBin(int r, int g, int b, int chroma)
        {
            int max = Math.Max(r, Math.Max(g, b));
            double h;
            if (max == r) h = (double)(g - b) / chroma;
            else if (max == g) h = 2 + (double)(b - r) / chroma;
            else h = 4 + (double)(r - g) / chroma;
            if (h < 0) h += 6;
            return Math.Min(HueBins - 1, (int)h);
        }
    }
}
