using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DocCluster.Clustering;

namespace DocCluster.Classification
{
    /// <summary>
    /// The Ward tree of <see cref="BatchClassifier"/>, over the labelled examples and the batch (and context) pages.
    /// Kind-level check: the height at which a page's subtree first holds a labelled example, divided by the height at which a
    /// labelled kind's examples are all joined (the median over the kinds with two or more examples, the upper one for an even
    /// count). A ratio above 1 means the page's group meets the labelled examples only above the level that holds a kind
    /// together: the group is as far from every labelled kind as the kinds are from each other, which is what a kind nobody
    /// labelled looks like. A layout of a labelled kind that no example happens to show joins its kind below that level.
    /// Vote: the kinds' shares among the examples of the first subtree of a page that holds any.
    /// </summary>
    internal static class KindLevel
    {
        /// <summary>Above this many points the tree (an n×n distance matrix) is not built and the check is skipped.</summary>
        public const int MaxPoints = 6000;

        /// <summary>What the tree says about the unlabelled rows x[labels.Length..].</summary>
        internal sealed class Result
        {
            /// <summary>Per row: the kind-level ratio (see the class summary); null when there is no reference level (no kind
            /// has two examples apart).</summary>
            public double[] Ratio;
            /// <summary>Per row: the share of each kind among the examples of the first subtree that holds one (the tree's vote).</summary>
            public double[][] Vote;
        }

        /// <summary>The tree's ratios and votes for the unlabelled rows; null when there are more than <see cref="MaxPoints"/>
        /// rows or none unlabelled, or when <paramref name="cancelled"/> says so.</summary>
        public static Result Measure(double[][] x, int[] labels, int K, Func<bool> cancelled)
        {
            int n = x.Length, nl = labels.Length;
            if (n > MaxPoints || n - nl < 1) return null;
            if (cancelled != null && cancelled()) return null;
            var tree = AgglomerativeAlgorithm.Build(x, ClusterLinkage.Ward, CancellationToken.None);
            if (cancelled != null && cancelled()) return null;

            var total = new int[K];
            foreach (var y in labels) total[y]++;
            var parent = Enumerable.Range(0, n).ToArray();
            int Find(int a) { while (parent[a] != a) { parent[a] = parent[parent[a]]; a = parent[a]; } return a; }
            var labelled = new int[n][];           // per subtree root: labelled examples of each kind
            var waiting = new List<int>[n]; // per root: its unlabelled rows not yet joined to an example
            for (int i = 0; i < n; i++)
            {
                labelled[i] = new int[K];
                if (i < nl) labelled[i][labels[i]] = 1; else waiting[i] = new List<int> { i };
            }
            var reachHeight = new double[n - nl];
            var vote = new double[n - nl][];
            var kindHeight = new double[K];
            for (int m = 0; m < tree.Left.Length; m++)
            {
                int a = Find(tree.Left[m]), b = Find(tree.Right[m]);
                if (a == b) continue;
                double h = tree.Height[m];
                var la = labelled[a]; var lb = labelled[b];
                bool aHas = la.Any(c => c > 0), bHas = lb.Any(c => c > 0);
                if (aHas != bHas)
                {
                    var holder = aHas ? la : lb;
                    double count = holder.Sum();
                    var share = holder.Select(c => c / count).ToArray();
                    foreach (var u in aHas ? waiting[b] : waiting[a]) { reachHeight[u - nl] = h; vote[u - nl] = share; }
                }
                var merged = new int[K];
                for (int k = 0; k < K; k++)
                {
                    merged[k] = la[k] + lb[k];
                    if (total[k] > 1 && merged[k] == total[k] && la[k] < total[k] && lb[k] < total[k]) kindHeight[k] = h;
                }
                int root = Math.Min(a, b), gone = Math.Max(a, b);
                parent[gone] = root;
                labelled[root] = merged;
                if (aHas || bHas) waiting[root] = new List<int>();
                else { waiting[root].AddRange(waiting[gone]); }
                waiting[gone] = null;
            }
            var result = new Result { Vote = vote };
            var levels = kindHeight.Where(h => h > 0).OrderBy(h => h).ToArray();
            if (levels.Length == 0) return result;
            double level = levels[levels.Length / 2];
            result.Ratio = new double[n - nl];
            for (int u = 0; u < result.Ratio.Length; u++) result.Ratio[u] = reachHeight[u] / level;
            return result;
        }
    }
}
