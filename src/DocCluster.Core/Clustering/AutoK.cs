using System;
using System.Threading;
using DocCluster.Evaluation;

namespace DocCluster.Clustering
{
    /// <summary>Mean silhouette on a fixed sample (all points up to <see cref="MaxSample"/>), Euclidean distances in the
    /// clustering space; points alone in their cluster (within the sample) score 0, as scikit-learn.</summary>
    internal sealed class SilhouetteScorer
    {
        public const int MaxSample = 3000;
        private readonly int[] _sample;
        private readonly float[] _d; // s×s full matrix

        public SilhouetteScorer(double[][] x, int seed, CancellationToken ct)
        {
            int n = x.Length;
            if (n <= MaxSample) { _sample = new int[n]; for (int i = 0; i < n; i++) _sample[i] = i; }
            else _sample = Rng.Derive(seed, 7777).Sample(n, MaxSample);
            int s = _sample.Length;
            _d = new float[(long)s * s];
            var sm = _sample;
            VMath.For(s, ct, i =>
            {
                for (int j = i + 1; j < s; j++)
                {
                    float v = (float)VMath.Distance(x[sm[i]], x[sm[j]]);
                    _d[(long)i * s + j] = v;
                }
            }, 16);
            for (int i = 0; i < s; i++) for (int j = 0; j < i; j++) _d[(long)i * s + j] = _d[(long)j * s + i];
        }

        public double Score(int[] labels, int k)
        {
            int s = _sample.Length;
            var lab = new int[s];
            var cnt = new int[k];
            for (int i = 0; i < s; i++) { lab[i] = labels[_sample[i]]; if (lab[i] >= 0) cnt[lab[i]]++; }
            int nonEmpty = 0;
            foreach (int c in cnt) if (c > 0) nonEmpty++;
            if (nonEmpty < 2) return double.NaN;
            double total = 0;
            int used = 0;
            var sums = new double[k];
            for (int i = 0; i < s; i++)
            {
                int li = lab[i];
                if (li < 0) continue;
                used++;
                if (cnt[li] == 1) continue; // s(i) = 0
                Array.Clear(sums, 0, k);
                long off = (long)i * s;
                for (int j = 0; j < s; j++) if (lab[j] >= 0) sums[lab[j]] += _d[off + j];
                double a = sums[li] / (cnt[li] - 1);
                double b = double.PositiveInfinity;
                for (int c = 0; c < k; c++) if (c != li && cnt[c] > 0) b = Math.Min(b, sums[c] / cnt[c]);
                double m = Math.Max(a, b);
                if (m > 0) total += (b - a) / m;
            }
            return used == 0 ? double.NaN : total / used;
        }
    }

    /// <summary>Stability of each K (Ben-Hur, Elisseeff &amp; Guyon 2002; Lange et al. 2004): pairs of random 80 % subsamples
    /// are clustered independently, every point is given the nearest centroid of each fit, and the two labelings are compared
    /// with the adjusted Rand index; the mean over the pairs is the score. The same pairs serve every K (common random
    /// numbers: the scores of two K differ by K, not by the draw), so with Ward one tree per subsample is cut at every K.
    /// Above <see cref="SilhouetteScorer.MaxSample"/> points the scores are computed on a deterministic sample of that size, as
    /// the other criteria do.</summary>
    internal static class StabilityScorer
    {
        public static double[] Scores(double[][] x, int minK, int maxK, ClusterOptions o, CancellationToken ct)
        {
            x = VMath.AtMost(x, SilhouetteScorer.MaxSample, o.Seed, 9999);
            // a K needs more points than clusters in a subsample; a set too small to leave points out scores only the K it can
            int n = x.Length, m = Math.Max(2, (int)Math.Round(0.8 * n));
            var res = new double[maxK + 1];
            for (int k = 0; k <= maxK; k++) res[k] = double.NaN;
            maxK = Math.Min(maxK, m - 1);
            if (maxK < Math.Max(2, minK)) return res;
            int pairs = Math.Max(1, o.StabilityResamples);
            var sum = new double[maxK + 1];
            for (int p = 0; p < pairs; p++)
            {
                var rng = Rng.Derive(o.Seed, 100000 + p);
                var a = new Subsample(x, rng.Sample(n, m), o, rng.NextULong(), ct);
                var b = new Subsample(x, rng.Sample(n, m), o, rng.NextULong(), ct);
                for (int k = Math.Max(2, minK); k <= maxK; k++)
                {
                    ct.ThrowIfCancellationRequested();
                    sum[k] += ClusteringMetrics.AdjustedRandIndex(a.Predict(k, ct), b.Predict(k, ct));
                }
            }
            for (int k = Math.Max(2, minK); k <= maxK; k++) res[k] = sum[k] / pairs;
            return res;
        }

        /// <summary>One subsample: clustered at any K (Ward: cuts of one tree; k-means: a fit per K), all points labelled by
        /// the nearest centroid.</summary>
        private sealed class Subsample
        {
            private readonly double[][] _x, _sub;
            private readonly ClusterOptions _o;
            private readonly ulong _seed;
            private readonly Dendrogram _tree;

            public Subsample(double[][] x, int[] idx, ClusterOptions o, ulong seed, CancellationToken ct)
            {
                _x = x; _o = o; _seed = seed;
                _sub = VMath.Rows(x, idx);
                if (o.Algorithm == ClusterAlgorithm.Agglomerative) _tree = AgglomerativeAlgorithm.Build(_sub, o.Linkage, ct);
            }

            public int[] Predict(int k, CancellationToken ct)
            {
                double[][] centroids = _tree != null
                    ? VMath.Means(_sub, _tree.CutK(k), k, _sub[0].Length, out _)
                    : KMeansAlgorithm.Fit(_sub, k, Math.Min(3, Math.Max(1, _o.Restarts ?? 3)), _o.MaxIterations, (int)((_seed + (ulong)k) & 0x7FFFFFFF), ct).Centroids;
                return VMath.NearestCentroids(_x, centroids, ct);
            }
        }
    }
}

namespace DocCluster.Clustering
{
    /// <summary>Prediction strength (Tibshirani &amp; Walther 2005): a random half of the data (the test half) is clustered
    /// with K, and so is the other half (the training half); every test point is also given the nearest training centroid.
    /// For every test cluster the fraction of its point pairs that the training centroids keep together is computed; the
    /// prediction strength of K is the smallest such fraction (the worst-predicted cluster), averaged over splits and with
    /// the roles of the halves swapped. Halves hold at most <see cref="MaxHalf"/> points.</summary>
    internal static class PredictionStrengthScorer
    {
        public const int MaxHalf = 1500;
        public const int Splits = 5;

        public static double[] Scores(double[][] x, int minK, int maxK, ClusterOptions o, CancellationToken ct)
        {
            int n = x.Length;
            var sum = new double[maxK + 1];
            var cnt = new int[maxK + 1];
            int m = Math.Min(n, 2 * MaxHalf);
            for (int r = 0; r < Splits; r++)
            {
                var rng = Rng.Derive(o.Seed, 200000 + r);
                var idx = rng.Sample(n, m);
                for (int i = m - 1; i > 0; i--) { int j = rng.NextInt(i + 1); (idx[i], idx[j]) = (idx[j], idx[i]); }
                int h = m / 2;
                var ia = new int[h]; var ib = new int[m - h];
                Array.Copy(idx, 0, ia, 0, h); Array.Copy(idx, h, ib, 0, m - h);
                Array.Sort(ia); Array.Sort(ib);
                var xa = VMath.Rows(x, ia); var xb = VMath.Rows(x, ib);
                Dendrogram ta = null, tb = null;
                if (o.Algorithm == ClusterAlgorithm.Agglomerative)
                {
                    ta = AgglomerativeAlgorithm.Build(xa, o.Linkage, ct);
                    tb = AgglomerativeAlgorithm.Build(xb, o.Linkage, ct);
                }
                ulong s1 = rng.NextULong();
                for (int k = minK; k <= maxK; k++)
                {
                    ct.ThrowIfCancellationRequested();
                    if (k > xb.Length / 2 || k > xa.Length / 2) break;
                    var la = Labels(xa, ta, k, o, (int)((s1 + (ulong)k) & 0x7FFFFFFF), ct);
                    var lb = Labels(xb, tb, k, o, (int)((s1 + 7919UL * (ulong)k) & 0x7FFFFFFF), ct);
                    double p1 = Strength(xb, lb, VMath.Means(xa, la, k, x[0].Length, out _), k);
                    double p2 = Strength(xa, la, VMath.Means(xb, lb, k, x[0].Length, out _), k);
                    sum[k] += p1 + p2; cnt[k] += 2;
                }
            }
            var res = new double[maxK + 1];
            for (int k = 0; k <= maxK; k++) res[k] = cnt[k] > 0 ? sum[k] / cnt[k] : double.NaN;
            return res;
        }

        private static int[] Labels(double[][] x, Dendrogram tree, int k, ClusterOptions o, int seed, CancellationToken ct) =>
            tree != null ? tree.CutK(k) : KMeansAlgorithm.Fit(x, k, Math.Min(3, Math.Max(1, o.Restarts ?? 3)), o.MaxIterations, seed, ct).Labels;

        /// <summary>min over test clusters (≥ 2 members) of the fraction of co-member pairs that the training centroids keep together.</summary>
        private static double Strength(double[][] test, int[] testLabels, double[][] trainCentroids, int k)
        {
            var pred = VMath.NearestCentroids(test, trainCentroids, CancellationToken.None);
            var table = new long[k, k];
            var size = new long[k];
            for (int i = 0; i < test.Length; i++) { table[testLabels[i], pred[i]]++; size[testLabels[i]]++; }
            double min = 1.0;
            for (int c = 0; c < k; c++)
            {
                if (size[c] < 2) continue;
                double same = 0;
                for (int p = 0; p < k; p++) same += table[c, p] * (double)(table[c, p] - 1);
                min = Math.Min(min, same / (size[c] * (double)(size[c] - 1)));
            }
            return min;
        }
    }
}
