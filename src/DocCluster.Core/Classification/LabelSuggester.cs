using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DocCluster.Clustering;
using DocCluster.Features;

namespace DocCluster.Classification
{
    /// <summary>
    /// Picks which images to label next. Without a classifier: the medoids of k-means groups (count groups, or the given
    /// clusters each split in proportion to its size), largest group first, in a standardised, weighted, L2-normalised
    /// space. With a classifier: the least confident pages first (Unknown and small-margin ones), skipping near-duplicates.
    /// Deterministic for a seed, whatever the input order.
    /// </summary>
    public static class LabelSuggester
    {
        public static IReadOnlyList<LabelSuggestion> Suggest(IReadOnlyList<ImageFeature> features, int count, ImageClassifier classifier = null,
            IReadOnlyList<int> clusters = null, int seed = 0, CancellationToken cancellation = default)
        {
            if (features == null) throw new ArgumentNullException(nameof(features));
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "Count must be at least 1.");
            if (clusters != null && clusters.Count != features.Count) throw new ArgumentException("One cluster number per feature is needed.", nameof(clusters));
            if (features.Count == 0) return new LabelSuggestion[0];
            for (int i = 0; i < features.Count; i++) if (features[i] == null) throw new ArgumentException($"Feature {i} is null.", nameof(features));
            var groups = features.GroupBy(f => (f.ModelFingerprint, f.Dimension)).ToList();
            if (groups.Count > 1)
                throw new ArgumentException("The input mixes features from different models or settings: " +
                    string.Join("; ", groups.Select(g => $"{g.Count()} × {g.First().Model} ({g.Key.ModelFingerprint}, {g.Key.Dimension}-d)")) + ".", nameof(features));
            var order = Enumerable.Range(0, features.Count)
                .OrderBy(i => features[i].Path, StringComparer.Ordinal).ThenBy(i => features[i].Page).ThenBy(i => clusters?[i] ?? 0).ToArray();
            var f = order.Select(i => features[i]).ToArray();
            var cl = clusters == null ? null : order.Select(i => clusters[i]).ToArray();
            count = Math.Min(count, f.Length);
            return classifier == null ? Representatives(f, cl, count, seed, cancellation) : Uncertain(f, classifier, count);
        }

        private static IReadOnlyList<LabelSuggestion> Uncertain(ImageFeature[] f, ImageClassifier c, int count)
        {
            var preds = f.Select(x => c.Predict(x, 0)).ToArray();
            var x = f.Select(v => c.Transform(v.Vector)).ToArray();
            var ranked = Enumerable.Range(0, f.Length).OrderBy(i => preds[i].Confidence).ThenBy(i => i).ToArray();
            double dup = 0.05 * c.PooledSpread; // near-duplicates of a pick add nothing
            var picked = new List<int>();
            foreach (int i in ranked)
            {
                if (picked.Count == count) break;
                if (picked.Any(j => Math.Sqrt(ImageClassifier.SquaredDistance(x[i], x[j])) < dup)) continue;
                picked.Add(i);
            }
            foreach (int i in ranked) { if (picked.Count == count) break; if (!picked.Contains(i)) picked.Add(i); }
            return picked.Select((i, r) =>
            {
                var p = preds[i];
                string reason = p.Typicality < 0.5
                    ? string.Format(CultureInfo.InvariantCulture, "Unknown: far from every labelled kind (nearest {0}, confidence {1:0.00})", p.PredictedKind, p.Confidence)
                    : string.Format(CultureInfo.InvariantCulture, "Uncertain: {0} {1:0.00} vs {2} {3:0.00}", p.PredictedKind, p.KindProbability, p.RunnerUpKind, p.RunnerUpProbability);
                return new LabelSuggestion { Path = f[i].Path, Page = f[i].Page, Name = f[i].Name, Reason = reason, Priority = r + 1,
                    PredictedKind = p.PredictedKind, Confidence = p.Confidence, Feature = f[i] };
            }).ToArray();
        }

        private static IReadOnlyList<LabelSuggestion> Representatives(ImageFeature[] f, int[] clusters, int count, int seed, CancellationToken ct)
        {
            var x = Space(f);
            // groups: the given clusters, or everything as one
            var groupIds = clusters == null ? new[] { 0 } : clusters.Distinct().OrderBy(g => g).ToArray();
            var members = groupIds.Select(g => Enumerable.Range(0, f.Length).Where(i => (clusters == null ? 0 : clusters[i]) == g).ToArray()).ToArray();
            // share count over the groups in proportion to size (at least one each while count allows), largest remainder
            var alloc = new int[groupIds.Length];
            var bySize = Enumerable.Range(0, groupIds.Length).OrderByDescending(g => members[g].Length).ThenBy(g => groupIds[g]).ToArray();
            int left = count;
            foreach (int g in bySize) if (left > 0) { alloc[g] = 1; left--; }
            while (left > 0)
            {
                int best = -1; double bestNeed = double.NegativeInfinity;
                foreach (int g in bySize)
                {
                    if (alloc[g] >= members[g].Length) continue;
                    double need = (double)members[g].Length / f.Length * count - alloc[g];
                    if (need > bestNeed) { bestNeed = need; best = g; }
                }
                if (best < 0) break;
                alloc[best]++; left--;
            }
            var picks = new List<(int index, int cluster, int size)>();
            for (int g = 0; g < groupIds.Length; g++)
            {
                if (alloc[g] == 0) continue;
                var mem = members[g];
                var xs = mem.Select(i => x[i]).ToArray();
                int k = Math.Min(alloc[g], mem.Length);
                var km = KMeansAlgorithm.Fit(xs, k, 5, 100, seed + 7919 * g, ct);
                var sub = new List<(int index, int size)>();
                for (int c = 0; c < k; c++)
                {
                    var inC = Enumerable.Range(0, mem.Length).Where(i => km.Labels[i] == c).ToArray();
                    if (inC.Length == 0) continue;
                    // medoid: smallest summed distance to the sub-cluster's members
                    int med = inC.OrderBy(a => inC.Sum(b => Math.Sqrt(ImageClassifier.SquaredDistance(xs[a], xs[b])))).ThenBy(a => a).First();
                    sub.Add((mem[med], inC.Length));
                }
                foreach (var s in sub) picks.Add((s.index, clusters == null ? 0 : groupIds[g], s.size));
            }
            var ordered = picks.OrderByDescending(p => p.size).ThenBy(p => p.index).ToArray();
            return ordered.Select((p, r) => new LabelSuggestion
            {
                Path = f[p.index].Path, Page = f[p.index].Page, Name = f[p.index].Name, Priority = r + 1,
                Cluster = clusters == null ? r + 1 : p.cluster,
                Reason = clusters == null
                    ? string.Format(CultureInfo.InvariantCulture, "Representative of cluster {0} ({1} images)", r + 1, p.size)
                    : string.Format(CultureInfo.InvariantCulture, "Representative of cluster {0} ({1} similar images)", p.cluster, p.size),
                Feature = f[p.index],
            }).ToArray();
        }

        /// <summary>Standardise (population statistics), FeatureWeighting weights, L2-normalise: the clustering space.</summary>
        private static double[][] Space(ImageFeature[] f)
        {
            int n = f.Length, d = f[0].Dimension;
            var mean = new double[d]; var sd = new double[d];
            foreach (var v in f) for (int j = 0; j < d; j++) mean[j] += v.Vector[j] / n;
            foreach (var v in f) for (int j = 0; j < d; j++) { double z = v.Vector[j] - mean[j]; sd[j] += z * z / n; }
            for (int j = 0; j < d; j++) sd[j] = sd[j] > 1e-20 ? Math.Sqrt(sd[j]) : 1;
            var w = FeatureWeighting.For(f[0].Model, f[0].ModelFingerprint, d);
            return f.Select(v =>
            {
                var x = new double[d]; double s = 0;
                for (int j = 0; j < d; j++) { x[j] = (v.Vector[j] - mean[j]) / sd[j] * (w?[j] ?? 1); s += x[j] * x[j]; }
                if (s > 0) { s = 1 / Math.Sqrt(s); for (int j = 0; j < d; j++) x[j] *= s; }
                return x;
            }).ToArray();
        }
    }
}
