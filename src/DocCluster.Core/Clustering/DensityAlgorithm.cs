using System;
using System.Collections.Generic;
using System.Threading;

namespace DocCluster.Clustering
{
    /// <summary>HDBSCAN (Campello, Moulavi &amp; Sander 2013): core distance = distance to the MinSamples-th nearest point
    /// (the point itself counted, as scikit-learn), minimum spanning tree of the mutual-reachability distance (Prim, O(n²)),
    /// single-linkage hierarchy condensed with MinClusterSize, clusters chosen by excess of mass (the root is never chosen
    /// unless nothing else exists). Returns labels 0..k-1 and -1 for noise.</summary>
    internal static class DensityAlgorithm
    {
        public static int[] Fit(double[][] x, int minClusterSize, int minSamples, CancellationToken ct, out int k)
        {
            int n = x.Length;
            if (n > AgglomerativeAlgorithm.MaxPoints)
                throw new ArgumentException($"Density clustering keeps an n×n distance matrix and supports at most {AgglomerativeAlgorithm.MaxPoints} images ({n} given); use KMeans.");
            var labels = new int[n];
            k = 1;
            if (n < 2 || n < minClusterSize) return labels;
            minClusterSize = Math.Max(2, minClusterSize);
            minSamples = Math.Max(1, Math.Min(minSamples, n));
            var dm = VMath.CondensedDistances(x, false, ct);

            // core distances
            var core = new double[n];
            if (minSamples > 1)
            {
                int kth = minSamples - 2; // 0-based among the n-1 other points
                VMath.For(n, ct, i =>
                {
                    var row = new float[n - 1];
                    int c = 0;
                    for (int j = 0; j < n; j++) if (j != i) row[c++] = dm[VMath.CondensedIndex(n, i, j)];
                    Array.Sort(row);
                    core[i] = row[kth];
                }, 64);
            }

            // Prim's MST on mutual reachability
            var inTree = new bool[n];
            var best = new double[n];
            var from = new int[n];
            for (int i = 0; i < n; i++) { best[i] = double.PositiveInfinity; from[i] = -1; }
            var eu = new int[n - 1]; var ev = new int[n - 1]; var ew = new double[n - 1];
            int cur = 0;
            inTree[0] = true;
            for (int e = 0; e < n - 1; e++)
            {
                if ((e & 255) == 0) ct.ThrowIfCancellationRequested();
                int next = -1;
                double nextW = double.PositiveInfinity;
                for (int j = 0; j < n; j++)
                {
                    if (inTree[j]) continue;
                    double w = Math.Max(dm[VMath.CondensedIndex(n, cur, j)], Math.Max(core[cur], core[j]));
                    if (w < best[j]) { best[j] = w; from[j] = cur; }
                    if (best[j] < nextW) { nextW = best[j]; next = j; }
                }
                inTree[next] = true;
                eu[e] = from[next]; ev[e] = next; ew[e] = nextW;
                cur = next;
            }
            var order = new int[n - 1];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (p, q) => { int c = ew[p].CompareTo(ew[q]); return c != 0 ? c : p.CompareTo(q); });

            // single-linkage tree: nodes n..2n-2
            int total = 2 * n - 1;
            var left = new int[total]; var right = new int[total]; var height = new double[total]; var size = new int[total];
            for (int i = 0; i < n; i++) size[i] = 1;
            var uf = new int[total];
            for (int i = 0; i < total; i++) uf[i] = i;
            int Find(int a) { while (uf[a] != a) { uf[a] = uf[uf[a]]; a = uf[a]; } return a; }
            for (int m = 0; m < n - 1; m++)
            {
                int e = order[m];
                int ra = Find(eu[e]), rb = Find(ev[e]);
                int node = n + m;
                left[node] = ra; right[node] = rb; height[node] = ew[e]; size[node] = size[ra] + size[rb];
                uf[ra] = node; uf[rb] = node;
            }

            // condense
            var cParent = new List<int> { -1 };
            var cBirth = new List<double> { 0 };
            var cStab = new List<double> { 0 };
            var pointCluster = new int[n];
            var stack = new Stack<(int node, int cluster)>();
            stack.Push((total - 1, 0));
            var sub = new Stack<int>();
            void FallOut(int node, int c, double lam)
            {
                sub.Push(node);
                while (sub.Count > 0)
                {
                    int v = sub.Pop();
                    if (v < n) { pointCluster[v] = c; cStab[c] += lam - cBirth[c]; }
                    else { sub.Push(left[v]); sub.Push(right[v]); }
                }
            }
            while (stack.Count > 0)
            {
                var (node, c) = stack.Pop();
                if (node < n) { pointCluster[node] = c; continue; }
                double lam = height[node] > 1e-12 ? 1.0 / height[node] : 1e12;
                int a = left[node], b = right[node];
                bool bigA = size[a] >= minClusterSize, bigB = size[b] >= minClusterSize;
                if (bigA && bigB)
                {
                    cStab[c] += (size[a] + size[b]) * (lam - cBirth[c]);
                    foreach (int child in new[] { a, b })
                    {
                        cParent.Add(c); cBirth.Add(lam); cStab.Add(0);
                        stack.Push((child, cParent.Count - 1));
                    }
                }
                else if (bigA) { FallOut(b, c, lam); stack.Push((a, c)); }
                else if (bigB) { FallOut(a, c, lam); stack.Push((b, c)); }
                else { FallOut(a, c, lam); FallOut(b, c, lam); }
            }

            int mc = cParent.Count;
            if (mc == 1) return labels; // one cluster, no noise
            var children = new List<int>[mc];
            for (int c = 0; c < mc; c++) children[c] = new List<int>();
            for (int c = 1; c < mc; c++) children[cParent[c]].Add(c);
            var selected = new bool[mc];
            var prop = new double[mc];
            for (int c = mc - 1; c >= 1; c--)
            {
                double childSum = 0;
                foreach (int ch in children[c]) childSum += prop[ch];
                if (children[c].Count == 0 || cStab[c] >= childSum)
                {
                    selected[c] = true;
                    prop[c] = cStab[c];
                    var st = new Stack<int>(children[c]);
                    while (st.Count > 0) { int v = st.Pop(); selected[v] = false; foreach (int w in children[v]) st.Push(w); }
                }
                else prop[c] = childSum;
            }
            var map = new Dictionary<int, int>();
            for (int c = 1; c < mc; c++) if (selected[c]) map[c] = map.Count;
            k = map.Count;
            for (int i = 0; i < n; i++)
            {
                int c = pointCluster[i], lab = -1;
                while (c >= 0) { if (selected[c]) { lab = map[c]; break; } c = cParent[c]; }
                labels[i] = lab;
            }
            return labels;
        }
    }
}
