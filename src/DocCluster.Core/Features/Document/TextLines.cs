using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Chains character components into text lines left to right: the next glyph is close horizontally,
    /// on nearly the same baseline band and of similar height. Follows slightly tilted lines, unlike row
    /// projections.
    /// </summary>
    internal static class TextLines
    {
        public sealed class Line
        {
            public readonly List<InkComponents.Component> Glyphs = new List<InkComponents.Component>();
            public double LastX, CenterY, Height;
            public int MinX => Glyphs[0].MinX;
            public int MaxX => Glyphs[Glyphs.Count - 1].MaxX;
        }

        public static List<Line> Build(InkComponents.Component[] chars)
        {
            var sorted = (InkComponents.Component[])chars.Clone();
            Array.Sort(sorted, (p, q) => p.MinX.CompareTo(q.MinX));
            var open = new List<Line>();
            var done = new List<Line>();
            foreach (var c in sorted)
            {
                Line best = null;
                double bestDy = double.MaxValue;
                for (int i = open.Count - 1; i >= 0; i--)
                {
                    var line = open[i];
                    if (c.MinX - line.LastX > 2.5 * line.Height)
                    {
                        done.Add(line);
                        open.RemoveAt(i);
                        continue;
                    }
                    double dy = Math.Abs(c.CenterY - line.CenterY);
                    double ratio = c.H / line.Height;
                    if (dy < 0.4 * line.Height && ratio > 0.6 && ratio < 1.6 && dy < bestDy) { best = line; bestDy = dy; }
                }
                if (best == null)
                {
                    best = new Line { CenterY = c.CenterY, Height = c.H };
                    open.Add(best);
                }
                else
                {
                    // Mostly the newest glyph: the expected height lags little behind a tilted line (a photographed
                    // passport's MRZ tilted by 7 degrees rises ~0.15 glyph heights per glyph).
                    best.CenterY = 0.4 * best.CenterY + 0.6 * c.CenterY;
                    best.Height = 0.8 * best.Height + 0.2 * c.H;
                }
                best.Glyphs.Add(c);
                best.LastX = Math.Max(best.LastX, c.MaxX);
            }
            done.AddRange(open);
            return done;
        }
    }
}
