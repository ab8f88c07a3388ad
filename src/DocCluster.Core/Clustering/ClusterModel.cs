using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DocCluster.Features;

namespace DocCluster.Clustering
{
    /// <summary>A fitted clustering: preprocessing, centroids, names and outlier limits. Plain settable properties so it
    /// can be serialised to JSON and read back; <see cref="Predict(ImageFeature)"/> assigns new pages to the nearest centroid.</summary>
    /// <remarks>
    /// Clustering space: every vector is standardised with <see cref="Mean"/>/<see cref="Scale"/> (when not null), then
    /// L2-normalised when <see cref="Normalize"/> is true (Cosine metric). All distances are Euclidean in that space.
    /// Confidence = max(0, 1 − d_own / d_other), d_other the distance to the nearest other centre; 1 when K = 1,
    /// 0 when both distances are 0.
    /// </remarks>
    public sealed class ClusterModel
    {
        /// <summary>Feature extractor name of the features the model was fitted on.</summary>
        public string Model { get; set; }
        public string ModelFingerprint { get; set; }
        public int Dimension { get; set; }
        /// <summary>A copy of the options used for the fit.</summary>
        public ClusterOptions Options { get; set; }
        /// <summary>Per-dimension mean learned at fit; null when not standardised.</summary>
        public double[] Mean { get; set; }
        /// <summary>Per-dimension standard deviation (1 for zero-variance dimensions); null when not standardised.</summary>
        public double[] Scale { get; set; }
        /// <summary>Per-dimension multipliers applied after standardisation (<see cref="FeatureWeighting"/>); null for none.</summary>
        public double[] Weights { get; set; }
        /// <summary>True when rows are L2-normalised (Cosine metric).</summary>
        public bool Normalize { get; set; }
        /// <summary>Cluster centres in the clustering space, cluster 1 first.</summary>
        public double[][] Centroids { get; set; }
        /// <summary>Folder-friendly names, "cluster-01", "cluster-02", ... unless renamed.</summary>
        public string[] ClusterNames { get; set; }
        /// <summary>Members per cluster at fit (noise included, attached to its nearest cluster).</summary>
        public int[] ClusterSizes { get; set; }
        /// <summary>Median distance of the (non-noise) members to their centre.</summary>
        public double[] DistanceMedian { get; set; }
        /// <summary>Robust spread 1.4826 · MAD of those distances (pooled over all clusters when a cluster has too few members).</summary>
        public double[] DistanceScale { get; set; }
        /// <summary>Distance beyond which a page is an outlier of that cluster: DistanceMedian + OutlierThreshold · DistanceScale.</summary>
        public double[] OutlierDistance { get; set; }
        public int TrainingCount { get; set; }

        public int K => Centroids?.Length ?? 0;

        // ------------------------------------------------------------------ fit

        public static ClusterFit Fit(IReadOnlyList<ImageFeature> features, ClusterOptions options, CancellationToken cancellation = default)
        {
            if (features == null) throw new ArgumentNullException(nameof(features));
            options = (options ?? new ClusterOptions()).Clone();
            Validate(features, options);

            var sorted = features.Select((f, i) => (f, i)).OrderBy(t => t.f.Path, StringComparer.Ordinal).ThenBy(t => t.f.Page).ThenBy(t => t.i)
                .Select(t => t.f).ToArray();
            int n = sorted.Length, d = sorted[0].Dimension;

            var model = new ClusterModel
            {
                Model = sorted[0].Model,
                ModelFingerprint = sorted[0].ModelFingerprint,
                Dimension = d,
                Options = options,
                Normalize = options.Metric == ClusterMetric.Cosine,
                TrainingCount = n,
            };
            if (options.Standardize)
            {
                model.LearnScaler(sorted);
                model.Weights = options.DimensionWeights?.ToArray() ?? FeatureWeighting.For(model.Model, model.ModelFingerprint, d);
            }
            var x = new double[n][];
            VMathFor(n, cancellation, i => x[i] = model.Transform(sorted[i].Vector));

            int[] labels;
            int k;
            bool[] noise = new bool[n];
            var kScores = new List<KScore>();
            AutoKCriterion? criterion = null;
            KMeansResult kmeans = null;
            switch (options.Algorithm)
            {
                case ClusterAlgorithm.KMeans:
                    if (options.K.HasValue || n < 3)
                    {
                        k = options.K ?? 1;
                        kmeans = KMeansAlgorithm.Fit(x, k, options.Restarts, options.MaxIterations, options.Seed, cancellation);
                        labels = kmeans.Labels;
                    }
                    else
                    {
                        criterion = options.AutoKCriterion;
                        var perK = new Dictionary<int, KMeansResult>();
                        labels = ChooseK(x, options, kScores, cancellation,
                            kk => { var r = perK[kk] = KMeansAlgorithm.Fit(x, kk, options.Restarts ?? KMeansAlgorithm.MinAutoRestarts, options.MaxIterations, options.Seed, cancellation); return (r.Labels, r.Inertia); },
                            out k);
                        kmeans = perK[k];
                        // automatic restarts: K was scored with the minimum number of runs; the chosen K gets the full rule
                        if (options.Restarts == null)
                        {
                            kmeans = KMeansAlgorithm.Fit(x, k, null, options.MaxIterations, options.Seed, cancellation);
                            labels = kmeans.Labels;
                        }
                    }
                    break;
                case ClusterAlgorithm.Agglomerative:
                    var tree = AgglomerativeAlgorithm.Build(x, options.Linkage, cancellation);
                    if (options.DistanceThreshold.HasValue)
                    {
                        labels = tree.CutHeight(options.DistanceThreshold.Value);
                        k = labels.Max() + 1;
                    }
                    else if (options.K.HasValue || n < 3)
                    {
                        k = options.K ?? 1;
                        labels = tree.CutK(k);
                    }
                    else
                    {
                        criterion = options.AutoKCriterion;
                        labels = ChooseK(x, options, kScores, cancellation,
                            kk => { var l = tree.CutK(kk); return (l, Inertia(x, l, kk)); }, out k);
                    }
                    break;
                default:
                    int mcs = options.MinClusterSize ?? Math.Max(5, (int)Math.Round(0.01 * n));
                    int ms = options.MinSamples ?? mcs;
                    labels = DensityAlgorithm.Fit(x, mcs, ms, cancellation, out k);
                    for (int i = 0; i < n; i++) noise[i] = labels[i] < 0;
                    if (k == 0) { k = 1; for (int i = 0; i < n; i++) { labels[i] = 0; noise[i] = false; } }
                    break;
            }
            cancellation.ThrowIfCancellationRequested();

            // noise joins its nearest cluster
            var cents = VMath.Means(x, labels, k, d, out _);
            for (int i = 0; i < n; i++)
                if (labels[i] < 0) labels[i] = Nearest(x[i], cents, out _, out _);

            // renumber by size descending; ties: smallest member (sorted index) first
            var sizes = new int[k];
            var first = Enumerable.Repeat(int.MaxValue, k).ToArray();
            for (int i = 0; i < n; i++) { sizes[labels[i]]++; first[labels[i]] = Math.Min(first[labels[i]], i); }
            var order = Enumerable.Range(0, k).Where(c => sizes[c] > 0).OrderByDescending(c => sizes[c]).ThenBy(c => first[c]).ToArray();
            var remap = new int[k];
            for (int r = 0; r < order.Length; r++) remap[order[r]] = r;
            k = order.Length;
            for (int i = 0; i < n; i++) labels[i] = remap[labels[i]];

            // centroids from core (non-noise) members
            var core = new int[n];
            for (int i = 0; i < n; i++) core[i] = noise[i] ? -1 : labels[i];
            model.Centroids = VMath.Means(x, core, k, d, out var coreCounts);
            var all = VMath.Means(x, labels, k, d, out var allCounts);
            for (int c = 0; c < k; c++) if (coreCounts[c] == 0) model.Centroids[c] = all[c];
            model.ClusterSizes = allCounts;
            model.ClusterNames = Enumerable.Range(1, k).Select(DefaultName).ToArray();

            // distances to every centre
            var dOwn = new double[n];
            var dOther = new double[n];
            int[] nearest = new int[n];
            VMathFor(n, cancellation, i =>
            {
                nearest[i] = model.NearestTwo(x[i], labels[i], out dOwn[i], out dOther[i]);
            });
            if (options.Algorithm == ClusterAlgorithm.KMeans)
            {
                // k-means: the assignment is the nearest centre by construction; make it exact so Predict reproduces it.
                bool moved = false;
                for (int i = 0; i < n; i++)
                    if (nearest[i] != labels[i] && dOther[i] < dOwn[i]) { labels[i] = nearest[i]; moved = true; } // strictly nearer only (ties stay)
                if (moved)
                {
                    VMathFor(n, cancellation, i => model.NearestTwo(x[i], labels[i], out dOwn[i], out dOther[i]));
                    model.ClusterSizes = new int[k];
                    for (int i = 0; i < n; i++) model.ClusterSizes[labels[i]]++;
                }
            }
            model.LearnOutlierLimits(labels, noise, dOwn, k);

            var assignments = new ClusterAssignment[n];
            double inertia = 0;
            for (int i = 0; i < n; i++)
            {
                int c = labels[i];
                inertia += dOwn[i] * dOwn[i];
                bool outlier = noise[i] || dOwn[i] > model.OutlierDistance[c];
                assignments[i] = new ClusterAssignment(sorted[i], c + 1, model.ClusterNames[c], dOwn[i], Confidence(dOwn[i], dOther[i], k), outlier);
            }
            var summaries = BuildSummaries(model, x, sorted, labels, assignments, dOwn, cancellation);
            foreach (var s in kScores) s.Chosen = s.K == k;
            return new ClusterFit(model, assignments, summaries, inertia, kScores, criterion)
            {
                KMeansRuns = kmeans?.Runs ?? 0,
                KMeansConfirmations = kmeans?.Confirmations ?? 0,
            };
        }

        public static string DefaultName(int cluster) => "cluster-" + cluster.ToString("00", CultureInfo.InvariantCulture);

        private static void VMathFor(int n, CancellationToken ct, Action<int> body) => VMath.For(n, ct, body);

        private static void Validate(IReadOnlyList<ImageFeature> features, ClusterOptions o)
        {
            int n = features.Count;
            if (n == 0) throw new ArgumentException("No image features to cluster: the input is empty.", nameof(features));
            for (int i = 0; i < n; i++)
                if (features[i] == null) throw new ArgumentException($"Feature {i} is null.", nameof(features));
            var f0 = features[0];
            for (int i = 0; i < n; i++)
            {
                var f = features[i];
                if (f.ModelFingerprint != f0.ModelFingerprint)
                    throw new ArgumentException($"Features come from different extractors or settings: '{f0}' has fingerprint {f0.ModelFingerprint} ({f0.Model}), '{f}' has {f.ModelFingerprint} ({f.Model}). Extract all images with the same model.", nameof(features));
                if (f.Dimension != f0.Dimension)
                    throw new ArgumentException($"Feature vectors have different lengths: '{f0}' has {f0.Dimension}, '{f}' has {f.Dimension}.", nameof(features));
                var v = f.Vector;
                for (int t = 0; t < v.Length; t++)
                    if (float.IsNaN(v[t]) || float.IsInfinity(v[t]))
                        throw new ArgumentException($"The feature vector of '{f}' contains {(float.IsNaN(v[t]) ? "NaN" : "an infinite value")} at index {t}.", nameof(features));
            }
            if (f0.Dimension == 0) throw new ArgumentException("Feature vectors are empty (dimension 0).", nameof(features));
            if (o.K.HasValue)
            {
                if (o.K.Value < 1) throw new ArgumentException($"K must be at least 1 (got {o.K.Value}).", nameof(o.K));
                if (o.K.Value > n) throw new ArgumentException($"K ({o.K.Value}) is larger than the number of images ({n}).", nameof(o.K));
                if (o.Algorithm == ClusterAlgorithm.Density) throw new ArgumentException("Density clustering finds the number of clusters itself; leave K unset.", nameof(o.K));
                if (o.DistanceThreshold.HasValue) throw new ArgumentException("Give either K or DistanceThreshold, not both.", nameof(o.DistanceThreshold));
            }
            if (o.DistanceThreshold.HasValue)
            {
                if (o.Algorithm != ClusterAlgorithm.Agglomerative) throw new ArgumentException("DistanceThreshold applies to Agglomerative clustering only.", nameof(o.DistanceThreshold));
                if (!(o.DistanceThreshold.Value > 0) || double.IsInfinity(o.DistanceThreshold.Value)) throw new ArgumentException($"DistanceThreshold must be a positive finite number (got {o.DistanceThreshold.Value}).", nameof(o.DistanceThreshold));
            }
            if (o.MinK < 1) throw new ArgumentException($"MinK must be at least 1 (got {o.MinK}).", nameof(o.MinK));
            if (o.MaxK.HasValue && o.MaxK.Value < o.MinK) throw new ArgumentException($"MaxK ({o.MaxK}) is smaller than MinK ({o.MinK}).", nameof(o.MaxK));
            if (o.Restarts.HasValue && o.Restarts.Value < 1) throw new ArgumentException($"Restarts must be at least 1 (got {o.Restarts}).", nameof(o.Restarts));
            if (o.MaxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1 (got {o.MaxIterations}).", nameof(o.MaxIterations));
            if (o.MinClusterSize.HasValue && o.MinClusterSize.Value < 2) throw new ArgumentException($"MinClusterSize must be at least 2 (got {o.MinClusterSize}).", nameof(o.MinClusterSize));
            if (o.MinSamples.HasValue && o.MinSamples.Value < 1) throw new ArgumentException($"MinSamples must be at least 1 (got {o.MinSamples}).", nameof(o.MinSamples));
            if (double.IsNaN(o.OutlierThreshold) || o.OutlierThreshold < 0) throw new ArgumentException($"OutlierThreshold must be 0 or more (got {o.OutlierThreshold}).", nameof(o.OutlierThreshold));
        }

        internal const double PredictionStrengthThreshold = 0.8;

        private static int[] ChooseK(double[][] x, ClusterOptions o, List<KScore> scores, CancellationToken ct,
            Func<int, (int[] labels, double inertia)> fitK, out int chosenK)
        {
            int n = x.Length;
            int maxK = Math.Min(o.MaxK ?? Math.Min(15, n - 1), n - 1);
            int minK = Math.Max(2, o.MinK);
            if (maxK < minK) { minK = maxK = Math.Max(1, Math.Min(o.MinK, n - 1)); }
            var crit = o.AutoKCriterion;
            SilhouetteScorer sil = crit == AutoKCriterion.Silhouette ? new SilhouetteScorer(x, o.Seed, ct) : null;
            double[] ps = crit == AutoKCriterion.PredictionStrength ? PredictionStrengthScorer.Scores(x, minK, maxK, o, ct) : null;
            bool refine = crit == AutoKCriterion.StableRefinement;
            double[] stability = crit == AutoKCriterion.Stability || refine ? StabilityScorer.Scores(x, minK, maxK, o, ct) : null;
            double[] gap = null;
            if (crit == AutoKCriterion.MergeGap || refine)
            {
                var sx = VMath.AtMost(x, SilhouetteScorer.MaxSample, o.Seed, 8888);
                var t = AgglomerativeAlgorithm.Build(sx, ClusterLinkage.Ward, ct);
                int m = sx.Length;
                gap = new double[maxK + 1];
                for (int kk = 0; kk <= maxK; kk++) gap[kk] = double.NaN;
                for (int kk = Math.Max(2, minK); kk <= maxK && kk < m; kk++)
                {
                    double hi = t.Height[m - kk], lo = t.Height[m - kk - 1];
                    gap[kk] = lo > 0 ? hi / lo : double.PositiveInfinity;
                }
            }
            double total = 0;
            if (crit == AutoKCriterion.CalinskiHarabasz) total = Inertia(x, new int[n], 1);
            var results = new Dictionary<int, int[]>();
            for (int kk = minK; kk <= maxK; kk++)
            {
                ct.ThrowIfCancellationRequested();
                var (labels, inertia) = fitK(kk);
                results[kk] = labels;
                var s = new KScore { K = kk, Inertia = inertia };
                switch (crit)
                {
                    case AutoKCriterion.Silhouette: s.Silhouette = kk >= 2 ? sil.Score(labels, kk) : double.NaN; break;
                    case AutoKCriterion.Stability: s.Stability = stability[kk]; break;
                    case AutoKCriterion.StableRefinement: s.Stability = stability[kk]; s.Score = gap[kk]; break;
                    case AutoKCriterion.PredictionStrength: s.Score = ps[kk]; break;
                    case AutoKCriterion.MergeGap: s.Score = gap[kk]; break;
                    default: s.Score = kk >= 2 && inertia > 0 ? (total - inertia) / (kk - 1) / (inertia / Math.Max(1, n - kk)) : double.NaN; break;
                }
                scores.Add(s);
            }
            KScore best = null;
            if (crit == AutoKCriterion.Silhouette)
            {
                foreach (var s in scores) if (!double.IsNaN(s.Silhouette) && (best == null || s.Silhouette > best.Silhouette)) best = s;
            }
            else if (crit == AutoKCriterion.Stability)
                best = MostStable(scores);
            else if (refine)
            {
                // the coarsest clear level (MergeGap), then the finest level at or above it that resampling reproduces
                var coarse = HighestScore(scores);
                best = coarse == null ? MostStable(scores) : MostStable(scores.Where(s => s.K >= coarse.K).ToList()) ?? coarse;
            }
            else if (crit == AutoKCriterion.PredictionStrength)
            {
                foreach (var s in scores) if (!double.IsNaN(s.Score) && s.Score >= PredictionStrengthThreshold) best = s; // largest K
                if (best == null) best = HighestScore(scores);
            }
            else best = HighestScore(scores);
            best = best ?? scores[0];
            chosenK = best.K;
            return results[chosenK];
        }

        /// <summary>The K with the highest <see cref="KScore.Score"/> (the smallest on ties); null when none was scored. For
        /// MergeGap and StableRefinement, MergeGap's K.</summary>
        internal static KScore HighestScore(IEnumerable<KScore> scores)
        {
            KScore best = null;
            foreach (var s in scores) if (!double.IsNaN(s.Score) && (best == null || s.Score > best.Score)) best = s;
            return best;
        }

        /// <summary>The largest K whose stability is within <see cref="StabilityTolerance"/> of the best (small K is nearly
        /// always stable, so the best alone would favour it); null when none was scored.</summary>
        private static KScore MostStable(List<KScore> scores)
        {
            double max = scores.Where(s => !double.IsNaN(s.Stability)).Select(s => s.Stability).DefaultIfEmpty(double.NaN).Max();
            KScore best = null;
            foreach (var s in scores) if (!double.IsNaN(s.Stability) && s.Stability >= max - StabilityTolerance) best = s;
            return best;
        }

        internal const double StabilityTolerance = 0.02;

        private static double Inertia(double[][] x, int[] labels, int k)
        {
            var c = VMath.Means(x, labels, k, x[0].Length, out _);
            double s = 0;
            for (int i = 0; i < x.Length; i++) s += VMath.SquaredDistance(x[i], c[labels[i]]);
            return s;
        }

        private void LearnScaler(ImageFeature[] sorted)
        {
            FeatureSpace.LearnScale(sorted.Select(f => f.Vector).ToArray(), Dimension, out var mean, out var scale);
            Mean = mean;
            Scale = scale;
        }

        // A MAD from a handful of distances is mostly noise: small clusters borrow the spread pooled over all clusters.
        private const int MinMembersForOwnSpread = 10;
        private const double RelativeSpreadFloor = 0.2;

        private void LearnOutlierLimits(int[] labels, bool[] noise, double[] dOwn, int k)
        {
            var med = new double[k];
            var scale = new double[k];
            var members = new List<double>[k];
            for (int c = 0; c < k; c++) members[c] = new List<double>();
            var counts = new int[k];
            for (int i = 0; i < labels.Length; i++) if (!noise[i]) counts[labels[i]]++;
            // In-sample distances are biased low: each member pulled its own centre towards itself. For a mean centre the
            // leave-one-out distance is exactly d·n/(n−1), which is what a new image of the same kind is compared against.
            for (int i = 0; i < labels.Length; i++)
                if (!noise[i]) members[labels[i]].Add(counts[labels[i]] > 1 ? dOwn[i] * counts[labels[i]] / (counts[labels[i]] - 1.0) : dOwn[i]);
            var pooledDev = new List<double>();
            for (int c = 0; c < k; c++)
            {
                var m = members[c].ToArray();
                med[c] = VMath.Median(m, m.Length);
                var dev = m.Select(v => Math.Abs(v - med[c])).ToArray();
                scale[c] = 1.4826 * VMath.Median(dev, dev.Length);
                pooledDev.AddRange(dev);
            }
            var pd = pooledDev.ToArray();
            double pooled = 1.4826 * VMath.Median(pd, pd.Length);
            if (pooled <= 0)
            {
                // almost everything sits on its centre: use the mean deviation, else a tiny absolute floor
                pooled = pd.Length > 0 ? 1.2533 * pd.Average() : 0;
                if (pooled <= 0) pooled = 1e-9;
            }
            var limit = new double[k];
            for (int c = 0; c < k; c++)
            {
                if (members[c].Count < MinMembersForOwnSpread || scale[c] <= 0) scale[c] = pooled;
                // Distances concentrate in many dimensions, so a MAD can be tiny next to the distances themselves; without
                // a floor, anything a little farther than usual would be an outlier.
                scale[c] = Math.Max(scale[c], RelativeSpreadFloor * med[c]);
                limit[c] = med[c] + Options.OutlierThreshold * scale[c];
                if (double.IsNaN(limit[c])) limit[c] = double.PositiveInfinity;
            }
            DistanceMedian = med;
            DistanceScale = scale;
            OutlierDistance = limit;
        }

        private static List<ClusterSummary> BuildSummaries(ClusterModel model, double[][] x, ImageFeature[] sorted, int[] labels,
            ClusterAssignment[] assignments, double[] dOwn, CancellationToken ct)
        {
            const int maxSample = 500;
            const int MedoidCandidates = 150;
            int k = model.K;
            var members = new List<int>[k];
            for (int c = 0; c < k; c++) members[c] = new List<int>();
            for (int i = 0; i < labels.Length; i++) members[labels[i]].Add(i);
            var res = new List<ClusterSummary>();
            for (int c = 0; c < k; c++)
            {
                var mem = members[c];
                if (mem.Count == 0) { res.Add(new ClusterSummary(c + 1, model.ClusterNames[c], 0, 0, null, 0, 0)); continue; }
                int[] cand = mem.Count <= maxSample ? mem.ToArray()
                    : Rng.Derive(model.Options.Seed, 5000 + c).Sample(mem.Count, maxSample).Select(j => mem[j]).ToArray();
                int m = cand.Length;
                var sums = new double[m];
                int best = 0;
                if (m <= MedoidCandidates)
                {
                    // exact on the sample, each pair once: row a owns pairs (a, b > a); sums added in a fixed order
                    var pair = new double[m][];
                    VMath.For(m, ct, a =>
                    {
                        var row = new double[m - a];
                        for (int b = a + 1; b < m; b++) row[b - a] = VMath.Distance(x[cand[a]], x[cand[b]]);
                        pair[a] = row;
                    }, 16);
                    for (int a = 0; a < m; a++)
                        for (int b = a + 1; b < m; b++) { double v = pair[a][b - a]; sums[a] += v; sums[b] += v; }
                }
                else
                {
                    // big cluster: only the MedoidCandidates sample members nearest the centre can win (the medoid of a
                    // compact cluster sits near its mean); each is scored against the whole sample
                    for (int a = 0; a < m; a++) sums[a] = double.PositiveInfinity;
                    var near = Enumerable.Range(0, m).OrderBy(a => dOwn[cand[a]]).ThenBy(a => a).Take(MedoidCandidates).ToArray();
                    var part = new double[near.Length];
                    VMath.For(near.Length, ct, t =>
                    {
                        double s = 0;
                        var xa = x[cand[near[t]]];
                        for (int b = 0; b < m; b++) if (b != near[t]) s += VMath.Distance(xa, x[cand[b]]);
                        part[t] = s;
                    }, 4);
                    for (int t = 0; t < near.Length; t++) sums[near[t]] = part[t];
                }
                for (int a = 1; a < m; a++) if (sums[a] < sums[best]) best = a;
                var med = sorted[cand[best]];
                int outliers = mem.Count(i => assignments[i].IsOutlier);
                double meanD = mem.Average(i => dOwn[i]);
                res.Add(new ClusterSummary(c + 1, model.ClusterNames[c], mem.Count, outliers, med.Path, med.Page, meanD));
            }
            return res;
        }

        private static double Confidence(double dOwn, double dOther, int k)
        {
            if (k <= 1 || double.IsPositiveInfinity(dOther)) return 1.0;
            if (dOther <= 0) return 0.0;
            return Math.Max(0.0, Math.Min(1.0, 1.0 - dOwn / dOther));
        }

        private static int Nearest(double[] v, double[][] centroids, out double d1, out double d2)
        {
            d1 = double.PositiveInfinity; d2 = double.PositiveInfinity;
            int best = 0;
            for (int j = 0; j < centroids.Length; j++)
            {
                double dd = VMath.SquaredDistance(v, centroids[j]);
                if (dd < d1) { d2 = d1; d1 = dd; best = j; }
                else if (dd < d2) d2 = dd;
            }
            d1 = Math.Sqrt(d1); d2 = Math.Sqrt(d2);
            return best;
        }

        /// <summary>Returns the nearest centre; dOwn = distance to centre <paramref name="own"/>, dOther = nearest other centre.</summary>
        private int NearestTwo(double[] v, int own, out double dOwn, out double dOther)
        {
            dOwn = 0; dOther = double.PositiveInfinity;
            double best = double.PositiveInfinity;
            int bj = 0;
            for (int j = 0; j < Centroids.Length; j++)
            {
                double dd = VMath.SquaredDistance(v, Centroids[j]);
                if (dd < best) { best = dd; bj = j; }
                if (j == own) dOwn = dd; else if (dd < dOther) dOther = dd;
            }
            dOwn = Math.Sqrt(dOwn); dOther = Math.Sqrt(dOther);
            return bj;
        }

        // ------------------------------------------------------------------ predict

        /// <summary>Maps a raw feature vector into the clustering space (standardise, then L2-normalise for Cosine).</summary>
        public double[] Transform(float[] vector) => FeatureSpace.Project(vector, Mean, Scale, Weights, 0, Normalize);

        /// <summary>Assigns a new page to the nearest centroid; flags it as outlier when farther than that cluster's
        /// <see cref="OutlierDistance"/>.</summary>
        public ClusterAssignment Predict(ImageFeature feature)
        {
            if (feature == null) throw new ArgumentNullException(nameof(feature));
            if (Centroids == null || Centroids.Length == 0) throw new InvalidOperationException("The cluster model has no centroids.");
            if (!string.Equals(feature.ModelFingerprint, ModelFingerprint, StringComparison.Ordinal))
                throw new ArgumentException($"'{feature}' was extracted with a different model or settings (fingerprint {feature.ModelFingerprint}, {feature.Model}) than the cluster model was fitted on ({ModelFingerprint}, {Model}).", nameof(feature));
            if (feature.Dimension != Dimension)
                throw new ArgumentException($"'{feature}' has a feature vector of length {feature.Dimension}; the cluster model expects {Dimension}.", nameof(feature));
            foreach (var v in feature.Vector)
                if (float.IsNaN(v) || float.IsInfinity(v))
                    throw new ArgumentException($"The feature vector of '{feature}' contains NaN or infinite values.", nameof(feature));
            var x = Transform(feature.Vector);
            int c = Nearest(x, Centroids, out double d1, out double d2);
            bool outlier = OutlierDistance != null && d1 > OutlierDistance[c];
            string name = ClusterNames != null && c < ClusterNames.Length ? ClusterNames[c] : DefaultName(c + 1);
            return new ClusterAssignment(feature, c + 1, name, d1, Confidence(d1, d2, Centroids.Length), outlier);
        }

        /// <summary>
        /// Per-cluster summary of predictions; the "most typical" member is the one nearest its centre (for a fit,
        /// <see cref="ClusterFit.Summaries"/> has the true medoid).
        /// </summary>
        public IReadOnlyList<ClusterSummary> Summarize(IReadOnlyList<ClusterAssignment> assignments)
        {
            if (assignments == null) throw new ArgumentNullException(nameof(assignments));
            var result = new List<ClusterSummary>();
            for (int c = 1; c <= K; c++)
            {
                var members = assignments.Where(a => a.Cluster == c).ToList();
                string name = ClusterNames != null && c - 1 < ClusterNames.Length ? ClusterNames[c - 1] : DefaultName(c);
                if (members.Count == 0) { result.Add(new ClusterSummary(c, name, 0, 0, null, 0, 0)); continue; }
                var typical = members.OrderBy(a => a.Distance).ThenBy(a => a.Path, StringComparer.Ordinal).First();
                result.Add(new ClusterSummary(c, name, members.Count, members.Count(a => a.IsOutlier), typical.Path, typical.Page, members.Average(a => a.Distance)));
            }
            return result;
        }

        public IReadOnlyList<ClusterAssignment> Predict(IReadOnlyList<ImageFeature> features)
        {
            if (features == null) throw new ArgumentNullException(nameof(features));
            var res = new ClusterAssignment[features.Count];
            for (int i = 0; i < res.Length; i++) res[i] = Predict(features[i]);
            return res;
        }
    }
}
