using System;

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
            var parent = new int[1024];
            int next = 1;

            for (int y = 0; y < h; y++)
            {
                int row = y * w;
                for (int x = 0; x < w; x++)
                {
                    int i = row + x;
                    if (!ink[i]) continue;
                    int label = x > 0 ? labels[i - 1] : 0;
                    if (y > 0)
                    {
                        int up = i - w;
                        if (x > 0) label = Merge(parent, label, labels[up - 1]);
                        label = Merge(parent, label, labels[up]);
                        if (x + 1 < w) label = Merge(parent, label, labels[up + 1]);
                    }
                    if (label == 0)
                    {
                        if (next == parent.Length) Array.Resize(ref parent, parent.Length * 2);
                        parent[next] = next;
                        label = next++;
                    }
                    labels[i] = label;
                }
            }

            // Resolve every provisional label to a compact component index once.
            var index = new int[next];
            int components = 0;
            for (int l = 1; l < next; l++)
            {
                int root = Find(parent, l);
                index[l] = root == l ? components++ : -1;
            }
            for (int l = 1; l < next; l++) if (index[l] < 0) index[l] = index[Find(parent, l)];

            var items = new Component[components];
            for (int k = 0; k < components; k++) items[k] = new Component { MinX = int.MaxValue, MinY = int.MaxValue, MaxX = -1, MaxY = -1 };
            for (int y = 0; y < h; y++)
            {
                int row = y * w;
                for (int x = 0; x < w; x++)
                {
                    int l = labels[row + x];
                    if (l == 0) continue;
                    ref var c = ref items[index[l]];
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

        private static int Find(int[] parent, int a)
        {
            while (parent[a] != a)
            {
                parent[a] = parent[parent[a]];
                a = parent[a];
            }
            return a;
        }

        /// <summary>Joins the current label with a neighbour's; returns the label to use (0 = none yet).</summary>
        private static int Merge(int[] parent, int label, int neighbour)
        {
            if (neighbour == 0) return label;
            if (label == 0 || label == neighbour) return neighbour;
            int a = Find(parent, label), b = Find(parent, neighbour);
            if (a != b)
            {
                if (a < b) parent[b] = a; else parent[a] = b;
            }
            return label;
        }
    }
}
