using System;
using System.Collections.Generic;

namespace DocCluster.Features.Document
{
    /// <summary>Connected components (8-neighbour) of the ink mask with their bounding boxes and pixel counts.</summary>
    internal sealed class InkComponents
    {
        public struct Component
        {
            public int MinX, MinY, MaxX, MaxY, Area;
            public int W => MaxX - MinX + 1;
            public int H => MaxY - MinY + 1;
            public double CenterX => (MinX + MaxX) * 0.5;
            public double CenterY => (MinY + MaxY) * 0.5;
        }

        public InkComponents(InkMask mask)
        {
            int w = mask.Width, h = mask.Height;
            var ink = mask.Ink;
            var labels = new int[w * h];
            var parent = new List<int> { 0 };

            int Find(int a)
            {
                while (parent[a] != a)
                {
                    parent[a] = parent[parent[a]];
                    a = parent[a];
                }
                return a;
            }

            void Union(int a, int b)
            {
                a = Find(a);
                b = Find(b);
                if (a == b) return;
                if (a < b) parent[b] = a; else parent[a] = b;
            }

            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int i = y * w + x;
                    if (!ink[i]) continue;
                    int label = 0;
                    // Already-visited neighbours: W, NW, N, NE.
                    if (x > 0 && labels[i - 1] != 0) label = labels[i - 1];
                    if (y > 0)
                    {
                        int up = i - w;
                        if (x > 0 && labels[up - 1] != 0) { if (label == 0) label = labels[up - 1]; else Union(label, labels[up - 1]); }
                        if (labels[up] != 0) { if (label == 0) label = labels[up]; else Union(label, labels[up]); }
                        if (x + 1 < w && labels[up + 1] != 0) { if (label == 0) label = labels[up + 1]; else Union(label, labels[up + 1]); }
                    }
                    if (label == 0)
                    {
                        label = parent.Count;
                        parent.Add(label);
                    }
                    labels[i] = label;
                }
            }

            var index = new int[parent.Count];
            var list = new List<Component>();
            for (int l = 1; l < parent.Count; l++)
            {
                int root = Find(l);
                if (root == l)
                {
                    index[l] = list.Count;
                    list.Add(new Component { MinX = int.MaxValue, MinY = int.MaxValue, MaxX = -1, MaxY = -1 });
                }
            }
            var items = list.ToArray();
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    int l = labels[y * w + x];
                    if (l == 0) continue;
                    int k = index[Find(l)];
                    ref var c = ref items[k];
                    if (x < c.MinX) c.MinX = x;
                    if (x > c.MaxX) c.MaxX = x;
                    if (y < c.MinY) c.MinY = y;
                    if (y > c.MaxY) c.MaxY = y;
                    c.Area++;
                }
            }
            Items = items;
        }

        public Component[] Items { get; }
    }
}
