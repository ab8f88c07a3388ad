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
            var hMask = new bool[w * h];
            var vMask = new bool[w * h];
            var hRules = Rules(w, h, Math.Max(8, w / 10), (i, j) => Band(ink, w, h, j, i, true), (i, j) => hMask[i * w + j] = true);
            var vRules = Rules(h, w, Math.Max(8, h / 10), (i, j) => Band(ink, w, h, i, j, false), (i, j) => vMask[j * w + i] = true);

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

        private static bool Band(bool[] ink, int w, int h, int x, int y, bool horizontal)
        {
            if (ink[y * w + x]) return true;
            if (horizontal)
                return (y > 0 && ink[(y - 1) * w + x]) || (y + 1 < h && ink[(y + 1) * w + x]);
            return (x > 0 && ink[y * w + x - 1]) || (x + 1 < w && ink[y * w + x + 1]);
        }

        /// <summary>
        /// Scans lines i (rows for horizontal rules) along j; groups adjacent lines holding long runs into one
        /// rule, whose length is the longest run total among its lines.
        /// </summary>
        private static List<(double position, double length)> Rules(int along, int lines, int minRun,
            Func<int, int, bool> isInk, Action<int, int> mark)
        {
            var rules = new List<(double, double)>();
            double groupLen = 0, groupPos = 0;
            int groupRows = 0;
            for (int i = 0; i < lines; i++)
            {
                int run = 0, total = 0;
                for (int j = 0; j <= along; j++)
                {
                    if (j < along && isInk(i, j)) { run++; continue; }
                    if (run >= minRun)
                    {
                        total += run;
                        for (int k = j - run; k < j; k++) mark(i, k);
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
