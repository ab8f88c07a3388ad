using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Long straight rules: forms and invoices are built from table lines and boxes, receipts and articles
    /// have few. A rule is an ink run at least 10% of the page side long; runs may step one pixel up or
    /// down (a 3-pixel tolerance band) so slightly rotated lines still count. Reports how many horizontal and
    /// vertical rules, their total length, their vertical spread and how often they cross (boxes, grids).
    /// </summary>
    internal static class RuleLineFeatures
    {
        public const int Length = 8;

        public static void Write(PageAnalysis a, FeatureWriter f)
        {
            int w = a.Page.Width, h = a.Page.Height;
            var ink = a.Mask.Ink;
            // Tolerance bands: a pixel counts for horizontal rules if it or a vertical neighbour is ink (and vice versa).
            var hBand = new bool[w * h];
            var vBand = new bool[w * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                {
                    int i = y * w + x;
                    bool v = ink[i];
                    hBand[i] = v || (y > 0 && ink[i - w]) || (y + 1 < h && ink[i + w]);
                    vBand[i] = v || (x > 0 && ink[i - 1]) || (x + 1 < w && ink[i + 1]);
                }
            var hMask = new bool[w * h];
            var vMask = new bool[w * h];
            var hRules = Rules(hBand, hMask, h, w, 1, w, Math.Max(8, w / 10));
            var vRules = Rules(vBand, vMask, w, h, w, 1, Math.Max(8, h / 10));

            int crossings = 0;
            for (int i = 0; i < hMask.Length; i++) if (hMask[i] && vMask[i]) crossings++;

            double hLen = 0, vLen = 0;
            var ys = new List<double>();
            foreach (var r in hRules) { hLen += r.length; ys.Add(r.position / (double)h); }
            foreach (var r in vRules) vLen += r.length;

            f.Add(Math.Log(1 + hRules.Count));
            f.Add(Math.Log(1 + vRules.Count));
            f.Add(Math.Log(1 + hLen / w));
            f.Add(Math.Log(1 + vLen / h));
            f.Add(hRules.Count > 0 ? hLen / hRules.Count / w : 0);
            f.Add(vRules.Count > 0 ? vLen / vRules.Count / h : 0);
            f.Add(Stats.MeanStd(ys).std);
            f.Add(Math.Log(1 + crossings / 9.0));
        }

        /// <summary>
        /// Scans lines i (rows for horizontal rules) along j; groups adjacent lines holding long runs into one
        /// rule, whose length is the longest run total among its lines.
        /// </summary>
        private static List<(double position, double length)> Rules(bool[] band, bool[] mark, int lines, int along,
            int stepAlong, int stepLine, int minRun)
        {
            var rules = new List<(double, double)>();
            double groupLen = 0, groupPos = 0;
            int groupRows = 0;
            for (int i = 0; i < lines; i++)
            {
                int run = 0, total = 0, start = i * stepLine;
                for (int j = 0; j <= along; j++)
                {
                    if (j < along && band[start + j * stepAlong]) { run++; continue; }
                    if (run >= minRun)
                    {
                        total += run;
                        for (int k = j - run; k < j; k++) mark[start + k * stepAlong] = true;
                    }
                    run = 0;
                }
                if (total > 0)
                {
                    groupLen = Math.Max(groupLen, total);
                    groupPos += i;
                    groupRows++;
                }
                else if (groupRows > 0)
                {
                    rules.Add((groupPos / groupRows, groupLen));
                    groupLen = groupPos = groupRows = 0;
                }
            }
            if (groupRows > 0) rules.Add((groupPos / groupRows, groupLen));
            return rules;
        }
    }
}
