using System;
using System.Collections.Generic;
using System.Linq;

namespace DocCluster.Evaluation
{
    /// <summary>How one reference kind spread over the clusters.</summary>
    public sealed class KindPurity
    {
        public string Kind { get; set; }
        public int Count { get; set; }
        /// <summary>The cluster holding most items of this kind (ties: the cluster name that sorts first, ordinal).</summary>
        public string DominantCluster { get; set; }
        public int DominantCount { get; set; }
        /// <summary>DominantCount / Count.</summary>
        public double Fraction { get; set; }
        public override string ToString() => $"{Kind}: {DominantCount}/{Count} in {DominantCluster}";
    }

    /// <summary>One row of the confusion table: a reference kind and how many of its items landed in each cluster.
    /// <see cref="Counts"/> is aligned with <see cref="ClusterEvaluation.Clusters"/>; the indexer takes a cluster name.</summary>
    public sealed class ConfusionRow
    {
        public string Kind { get; set; }
        public int Total { get; set; }
        public string[] Clusters { get; set; }
        public int[] Counts { get; set; }

        public int this[string cluster]
        {
            get { int i = Array.IndexOf(Clusters, cluster); return i < 0 ? 0 : Counts[i]; }
        }

        public override string ToString() => Kind + ": " + string.Join(", ", Clusters.Select((c, i) => $"{c}={Counts[i]}"));
    }

    /// <summary>Compares a clustering with reference labels: pairs are joined on their key (e.g. a path, or "path|page").
    /// Keys present on one side only are counted in <see cref="Unmatched"/> and listed, never silently dropped; scores use
    /// the matched items.</summary>
    public sealed class ClusterEvaluation
    {
        public ClusterEvaluation(IEnumerable<KeyValuePair<string, string>> reference, IEnumerable<KeyValuePair<string, string>> clusters,
            StringComparer keyComparer = null)
        {
            if (reference == null) throw new ArgumentNullException(nameof(reference));
            if (clusters == null) throw new ArgumentNullException(nameof(clusters));
            var cmp = keyComparer ?? StringComparer.Ordinal;
            var refMap = ToMap(reference, cmp, nameof(reference));
            var cluMap = ToMap(clusters, cmp, nameof(clusters));

            var keys = refMap.Keys.Where(cluMap.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            OnlyInReference = refMap.Keys.Where(k => !cluMap.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            OnlyInClusters = cluMap.Keys.Where(k => !refMap.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            Count = keys.Length;

            var truth = keys.Select(k => refMap[k]).ToArray();
            var pred = keys.Select(k => cluMap[k]).ToArray();
            Ari = ClusteringMetrics.AdjustedRandIndex(truth, pred);
            Nmi = ClusteringMetrics.NormalizedMutualInformation(truth, pred);

            Clusters = pred.Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
            Kinds = truth.Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray();
            var colIndex = Clusters.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
            var rows = new List<ConfusionRow>();
            var purity = new List<KindPurity>();
            foreach (var kind in Kinds)
            {
                var counts = new int[Clusters.Length];
                for (int i = 0; i < truth.Length; i++) if (truth[i] == kind) counts[colIndex[pred[i]]]++;
                int total = counts.Sum();
                rows.Add(new ConfusionRow { Kind = kind, Total = total, Clusters = Clusters, Counts = counts });
                int best = 0;
                for (int c = 1; c < counts.Length; c++) if (counts[c] > counts[best]) best = c;
                purity.Add(new KindPurity { Kind = kind, Count = total, DominantCluster = Clusters[best], DominantCount = counts[best], Fraction = (double)counts[best] / total });
            }
            Confusion = rows;
            KindPurities = purity;
            // purity: each cluster votes for its majority kind
            int majoritySum = 0;
            for (int c = 0; c < Clusters.Length; c++) majoritySum += rows.Max(r => r.Counts[c]);
            Purity = Count == 0 ? double.NaN : (double)majoritySum / Count;
        }

        /// <summary>Builds from dictionaries (key → reference kind, key → cluster name).</summary>
        public static ClusterEvaluation Create(IDictionary<string, string> reference, IDictionary<string, string> clusters, StringComparer keyComparer = null)
            => new ClusterEvaluation(reference, clusters, keyComparer);

        private static Dictionary<string, string> ToMap(IEnumerable<KeyValuePair<string, string>> pairs, StringComparer cmp, string side)
        {
            var map = new Dictionary<string, string>(cmp);
            foreach (var kv in pairs)
            {
                if (kv.Key == null) throw new ArgumentException($"A key in {side} is null.", side);
                if (kv.Value == null) throw new ArgumentException($"The label of '{kv.Key}' in {side} is null.", side);
                if (map.TryGetValue(kv.Key, out var existing) && existing != kv.Value)
                    throw new ArgumentException($"'{kv.Key}' appears twice in {side} with different labels ('{existing}' and '{kv.Value}').", side);
                map[kv.Key] = kv.Value;
            }
            return map;
        }

        /// <summary>Items present on both sides (the ones scored).</summary>
        public int Count { get; }
        /// <summary>Items present on one side only: OnlyInReference.Length + OnlyInClusters.Length.</summary>
        public int Unmatched => OnlyInReference.Length + OnlyInClusters.Length;
        public string[] OnlyInReference { get; }
        public string[] OnlyInClusters { get; }
        public double Ari { get; }
        public double Nmi { get; }
        /// <summary>Fraction of items that belong to the majority reference kind of their cluster.</summary>
        public double Purity { get; }
        /// <summary>Cluster names seen, ordinal order: the columns of <see cref="Confusion"/>.</summary>
        public string[] Clusters { get; }
        public string[] Kinds { get; }
        public IReadOnlyList<KindPurity> KindPurities { get; }
        public IReadOnlyList<ConfusionRow> Confusion { get; }
    }
}
