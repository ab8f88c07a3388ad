using System;
using System.Collections.Generic;
using System.Threading;

namespace DocCluster.Clustering
{
    /// <summary>Merge list of a hierarchical clustering, sorted by height; Left/Right are representative point indices.</summary>
    internal sealed class Dendrogram
    {
        public int N;
        public int[] Left, Right;
        public double[] Height;

        /// <summary>Labels 0..k-1 (numbered by smallest member index) after applying the first <paramref name="merges"/> merges.</summary>
        public int[] Cut(int merges)
        {
            var parent = new int[N];
            for (int i = 0; i < N; i++) parent[i] = i;
            int Find(int a) { while (parent[a] != a) { parent[a] = parent[parent[a]]; a = parent[a]; } return a; }
            for (int m = 0; m < merges && m < Left.Length; m++)
            {
                int a = Find(Left[m]), b = Find(Right[m]);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
            var labels = new int[N];
            var map = new Dictionary<int, int>();
            for (int i = 0; i < N; i++)
            {
                int r = Find(i);
                if (!map.TryGetValue(r, out int l)) { l = map.Count; map[r] = l; }
                labels[i] = l;
            }
            return labels;
        }

        public int[] CutK(int k) => Cut(N - k);

        public int[] CutHeight(double threshold)
        {
            int m = 0;
            while (m < Height.Length && Height[m] < threshold) m++;
            return Cut(m);
        }
    }

    /// <summary>Agglomerative clustering with the nearest-neighbour-chain algorithm on a condensed float distance matrix
    /// (O(n²) memory and time), Lance–Williams updates. Ward works on squared Euclidean distances and reports heights on
    /// the scipy / scikit-learn scale (sqrt of the Lance–Williams Ward distance, = Euclidean for two points).</summary>
    internal static class AgglomerativeAlgorithm
    {
        public const int MaxPoints = 20000;

        public static Dendrogram Build(double[][] x, ClusterLinkage linkage, CancellationToken ct)
        {
            int n = x.Length;
            if (n > MaxPoints)
                throw new ArgumentException($"Agglomerative clustering keeps an n×n distance matrix and supports at most {MaxPoints} images ({n} given); use KMeans.");
            var dend = new Dendrogram { N = n, Left = new int[Math.Max(0, n - 1)], Right = new int[Math.Max(0, n - 1)], Height = new double[Math.Max(0, n - 1)] };
            if (n < 2) return dend;
            bool ward = linkage == ClusterLinkage.Ward;
            var dm = VMath.CondensedDistances(x, ward, ct);
            var size = new int[n];
            var active = new bool[n];
            for (int i = 0; i < n; i++) { size[i] = 1; active[i] = true; }
            var chain = new int[n];
            int chainLen = 0, merges = 0;
            var ml = new int[n - 1]; var mr = new int[n - 1]; var mh = new double[n - 1];
            int firstActive = 0;
            while (merges < n - 1)
            {
                if ((merges & 255) == 0) ct.ThrowIfCancellationRequested();
                if (chainLen == 0)
                {
                    while (!active[firstActive]) firstActive++;
                    chain[chainLen++] = firstActive;
                }
                int a, b;
                while (true)
                {
                    a = chain[chainLen - 1];
                    int prev = chainLen >= 2 ? chain[chainLen - 2] : -1;
                    int best = prev;
                    float bestD = prev >= 0 ? dm[VMath.CondensedIndex(n, a, prev)] : float.PositiveInfinity;
                    for (int z = 0; z < n; z++)
                    {
                        if (!active[z] || z == a) continue;
                        float dz = dm[VMath.CondensedIndex(n, a, z)];
                        if (dz < bestD) { bestD = dz; best = z; }
                    }
                    if (best == prev) { b = prev; break; }
                    chain[chainLen++] = best;
                }
                chainLen -= 2;
                double dab = dm[VMath.CondensedIndex(n, a, b)];
                // merged cluster lives at index b
                int sa = size[a], sb = size[b];
                for (int k = 0; k < n; k++)
                {
                    if (!active[k] || k == a || k == b) continue;
                    long ia = VMath.CondensedIndex(n, k, a), ib = VMath.CondensedIndex(n, k, b);
                    double dka = dm[ia], dkb = dm[ib], nd;
                    switch (linkage)
                    {
                        case ClusterLinkage.Ward:
                            int sk = size[k];
                            nd = ((sa + sk) * dka + (sb + sk) * dkb - sk * dab) / (sa + sb + sk);
                            break;
                        case ClusterLinkage.Average:
                            nd = (sa * dka + sb * dkb) / (sa + sb);
                            break;
                        default:
                            nd = Math.Max(dka, dkb);
                            break;
                    }
                    dm[ib] = (float)nd;
                }
                active[a] = false;
                size[b] = sa + sb;
                ml[merges] = a; mr[merges] = b;
                mh[merges] = ward ? Math.Sqrt(Math.Max(0, dab)) : dab;
                merges++;
            }
            // stable sort by height
            var order = new int[n - 1];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (p, q) => { int c = mh[p].CompareTo(mh[q]); return c != 0 ? c : p.CompareTo(q); });
            for (int i = 0; i < order.Length; i++)
            {
                dend.Left[i] = ml[order[i]]; dend.Right[i] = mr[order[i]]; dend.Height[i] = mh[order[i]];
            }
            return dend;
        }
    }
}
