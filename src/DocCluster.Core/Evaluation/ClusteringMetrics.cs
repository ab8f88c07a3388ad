using System;
using System.Collections.Generic;

namespace DocCluster.Evaluation
{
    /// <summary>External clustering scores, computed as scikit-learn does.</summary>
    public static class ClusteringMetrics
    {
        /// <summary>Adjusted Rand index (Hubert &amp; Arabie): 1 for identical partitions, about 0 for random ones, can be negative.
        /// Label values only name groups: any relabelling gives the same score. Two partitions that are both all-in-one or both
        /// all-singletons score 1 (scikit-learn's special case).</summary>
        public static double AdjustedRandIndex<TTruth, TPredicted>(IReadOnlyList<TTruth> truth, IReadOnlyList<TPredicted> predicted)
        {
            var t = Contingency(truth, predicted, out int n);
            if (n == 0) return 1.0;
            double sumComb = 0, sumA = 0, sumB = 0;
            foreach (var kv in t.Cells) sumComb += Comb2(kv.Value);
            foreach (var a in t.RowSums) sumA += Comb2(a);
            foreach (var b in t.ColSums) sumB += Comb2(b);
            double expected = sumA * sumB / Comb2(n);
            double max = 0.5 * (sumA + sumB);
            if (max - expected == 0) return 1.0;
            return (sumComb - expected) / (max - expected);
        }

        public static double AdjustedRandIndex(IReadOnlyList<string> truth, IReadOnlyList<string> predicted) => AdjustedRandIndex<string, string>(truth, predicted);
        public static double AdjustedRandIndex(IReadOnlyList<int> truth, IReadOnlyList<int> predicted) => AdjustedRandIndex<int, int>(truth, predicted);

        /// <summary>Normalised mutual information with arithmetic-mean normalisation: MI / ((H(truth) + H(predicted)) / 2),
        /// natural logarithms (the base cancels). 1 when both have a single group; 0 when MI is 0.</summary>
        public static double NormalizedMutualInformation<TTruth, TPredicted>(IReadOnlyList<TTruth> truth, IReadOnlyList<TPredicted> predicted)
        {
            var t = Contingency(truth, predicted, out int n);
            if (n == 0 || (t.RowSums.Count == 1 && t.ColSums.Count == 1)) return 1.0;
            double mi = 0;
            foreach (var kv in t.Cells)
            {
                double nij = kv.Value;
                mi += nij / n * Math.Log(nij * n / ((double)t.RowSums[kv.Key.Item1] * t.ColSums[kv.Key.Item2]));
            }
            if (mi <= 1e-15) return 0.0;
            double ht = Entropy(t.RowSums, n), hp = Entropy(t.ColSums, n);
            double norm = 0.5 * (ht + hp);
            return Math.Min(1.0, mi / norm);
        }

        public static double NormalizedMutualInformation(IReadOnlyList<string> truth, IReadOnlyList<string> predicted) => NormalizedMutualInformation<string, string>(truth, predicted);
        public static double NormalizedMutualInformation(IReadOnlyList<int> truth, IReadOnlyList<int> predicted) => NormalizedMutualInformation<int, int>(truth, predicted);

        private static double Comb2(double x) => x * (x - 1) / 2;

        private static double Entropy(List<int> counts, int n)
        {
            double h = 0;
            foreach (int c in counts) if (c > 0) { double p = (double)c / n; h -= p * Math.Log(p); }
            return h;
        }

        private sealed class Table
        {
            public Dictionary<(int, int), int> Cells = new Dictionary<(int, int), int>();
            public List<int> RowSums = new List<int>();
            public List<int> ColSums = new List<int>();
        }

        private static Table Contingency<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b, out int n)
        {
            if (a == null) throw new ArgumentNullException("truth");
            if (b == null) throw new ArgumentNullException("predicted");
            if (a.Count != b.Count) throw new ArgumentException($"The two labelings have different lengths ({a.Count} and {b.Count}).");
            n = a.Count;
            var ia = new Dictionary<TA, int>();
            var ib = new Dictionary<TB, int>();
            var t = new Table();
            for (int i = 0; i < n; i++)
            {
                if (a[i] == null || b[i] == null) throw new ArgumentException($"Label {i} is null.");
                if (!ia.TryGetValue(a[i], out int r)) { r = ia.Count; ia[a[i]] = r; t.RowSums.Add(0); }
                if (!ib.TryGetValue(b[i], out int c)) { c = ib.Count; ib[b[i]] = c; t.ColSums.Add(0); }
                t.RowSums[r]++; t.ColSums[c]++;
                t.Cells.TryGetValue((r, c), out int v);
                t.Cells[(r, c)] = v + 1;
            }
            return t;
        }
    }
}
