using System;
using System.Collections.Generic;
using System.Threading;

namespace DocCluster.Clustering
{
    internal sealed class KMeansResult
    {
        public int[] Labels;
        public double[][] Centroids;
        public double Inertia;
        public int Iterations;
        /// <summary>Restarts run, and how many of them ended in this (the lowest-inertia) solution.</summary>
        public int Runs, Confirmations;
    }

    /// <summary>K-means: greedy k-means++ seeding, Lloyd iterations accelerated with Hamerly's bounds (exact: same
    /// result as plain Lloyd), empty clusters re-seeded with the point farthest from its centre.</summary>
    internal static class KMeansAlgorithm
    {
        /// <summary>Automatic restarts: at least this many runs ...</summary>
        public const int MinAutoRestarts = 10;
        /// <summary>... at most this many ...</summary>
        public const int MaxAutoRestarts = 100;
        /// <summary>... stopping once this many runs have ended in the lowest-inertia solution ...</summary>
        public const int ConfirmRuns = ClusterOptions.RestartConfirmations;
        /// <summary>... the same solution: inertia equal up to rounding. Not a looser tolerance: on docs-dev, partitions within
        /// 0.1 % of the lowest inertia differ by up to 0.11 in ARI (bench/RESULTS.md).</summary>
        public const double ConfirmTolerance = 1e-6;

        /// <summary>Exactly <paramref name="restarts"/> runs, or, when null, restarts until the lowest inertia is confirmed:
        /// <see cref="ConfirmRuns"/> runs within <see cref="ConfirmTolerance"/> (relative) of it, after at least
        /// <see cref="MinAutoRestarts"/> and at most <see cref="MaxAutoRestarts"/> runs. Run r always uses the seed derived
        /// from (seed, r), so both forms are deterministic and share their first runs.</summary>
        public static KMeansResult Fit(double[][] x, int k, int? restarts, int maxIterations, int seed, CancellationToken ct)
        {
            KMeansResult best = null;
            var inertias = new List<double>();
            int min = restarts ?? MinAutoRestarts, max = restarts ?? MaxAutoRestarts;
            for (int r = 0; r < Math.Max(1, max); r++)
            {
                if (r >= min && Confirmations(inertias, best.Inertia) >= ConfirmRuns) break;
                ct.ThrowIfCancellationRequested();
                var res = Run(x, k, maxIterations, Rng.Derive(seed, r + 1), ct);
                inertias.Add(res.Inertia);
                if (best == null || res.Inertia < best.Inertia) best = res;
            }
            best.Runs = inertias.Count;
            best.Confirmations = Confirmations(inertias, best.Inertia);
            return best;
        }

        private static int Confirmations(List<double> inertias, double best)
        {
            int count = 0;
            foreach (var v in inertias) if (v <= best + ConfirmTolerance * Math.Abs(best) + 1e-12) count++;
            return count;
        }

        internal static double[][] PlusPlus(double[][] x, int k, Rng rng, CancellationToken ct)
        {
            int n = x.Length, d = x[0].Length;
            var centers = new double[k][];
            centers[0] = (double[])x[rng.NextInt(n)].Clone();
            var minD2 = new double[n];
            VMath.For(n, ct, i => minD2[i] = VMath.SquaredDistance(x[i], centers[0]));
            // Greedy k-means++ (scikit-learn: 2 + ln k candidates per step, keep the best) on small problems; plain
            // k-means++ on big ones, where the restarts already cover for a worse seeding and the trials would dominate.
            int trials = (long)n * d * k <= 20_000_000 ? 2 + (int)Math.Log(k) : 1;
            var cand = new double[n];
            var bestCand = new double[n];
            for (int c = 1; c < k; c++)
            {
                double total = 0;
                for (int i = 0; i < n; i++) total += minD2[i];
                int bestIdx = -1;
                double bestPot = double.PositiveInfinity;
                for (int t = 0; t < trials; t++)
                {
                    int idx;
                    if (total <= 0) idx = rng.NextInt(n);
                    else
                    {
                        double r = rng.NextDouble() * total, acc = 0;
                        idx = n - 1;
                        for (int i = 0; i < n; i++)
                        {
                            acc += minD2[i];
                            if (acc > r) { idx = i; break; }
                        }
                    }
                    var ci = x[idx];
                    VMath.For(n, ct, i => cand[i] = Math.Min(minD2[i], VMath.SquaredDistance(x[i], ci)));
                    double pot = 0;
                    for (int i = 0; i < n; i++) pot += cand[i];
                    if (pot < bestPot)
                    {
                        bestPot = pot;
                        bestIdx = idx;
                        Array.Copy(cand, bestCand, n);
                    }
                }
                centers[c] = (double[])x[bestIdx].Clone();
                Array.Copy(bestCand, minD2, n);
            }
            return centers;
        }

        private static KMeansResult Run(double[][] x, int k, int maxIterations, Rng rng, CancellationToken ct)
        {
            int n = x.Length, d = x[0].Length;
            var centers = PlusPlus(x, k, rng, ct);
            var labels = new int[n];
            var upper = new double[n];
            var lower = new double[n];
            var changed = new bool[n];

            // ‖x‖² + ‖c‖² − 2 x·c, two centres per pass over x: the hot loop. Bounds stay exact enough for Hamerly;
            // the final inertia and the model's distances use the direct formula.
            var xNorm = new double[n];
            VMath.For(n, ct, i => xNorm[i] = VMath.Dot(x[i], x[i]));
            var cNorm = new double[k];
            void Norms() { for (int j = 0; j < k; j++) cNorm[j] = VMath.Dot(centers[j], centers[j]); }
            Norms();

            void FullAssign(int i)
            {
                var xi = x[i];
                double b1 = double.PositiveInfinity, b2 = double.PositiveInfinity;
                int a = 0;
                for (int j = 0; j < k; j += 2)
                {
                    double dj, dj1 = double.PositiveInfinity;
                    if (j + 1 < k)
                    {
                        VMath.Dot2(xi, centers[j], centers[j + 1], out double p0, out double p1);
                        dj = Math.Max(0, xNorm[i] + cNorm[j] - 2 * p0);
                        dj1 = Math.Max(0, xNorm[i] + cNorm[j + 1] - 2 * p1);
                    }
                    else dj = Math.Max(0, xNorm[i] + cNorm[j] - 2 * VMath.Dot(xi, centers[j]));
                    if (dj < b1) { b2 = b1; b1 = dj; a = j; } else if (dj < b2) b2 = dj;
                    if (dj1 < b1) { b2 = b1; b1 = dj1; a = j + 1; } else if (dj1 < b2) b2 = dj1;
                }
                changed[i] = labels[i] != a;
                labels[i] = a;
                upper[i] = Math.Sqrt(b1);
                lower[i] = Math.Sqrt(b2);
            }

            VMath.For(n, ct, FullAssign);
            int iter = 0;
            var delta = new double[k];
            var half = new double[k];
            for (iter = 1; iter <= maxIterations; iter++)
            {
                ct.ThrowIfCancellationRequested();
                var newCenters = VMath.Means(x, labels, k, d, out var counts);
                bool forceFull = false;
                for (int j = 0; j < k; j++)
                {
                    if (counts[j] > 0) continue;
                    // Empty cluster: take the point farthest from its current centre (from a cluster with > 1 member).
                    int far = -1;
                    double farD = -1;
                    for (int i = 0; i < n; i++)
                    {
                        if (counts[labels[i]] <= 1) continue;
                        double dd = VMath.SquaredDistance(x[i], newCenters[labels[i]]);
                        if (dd > farD) { farD = dd; far = i; }
                    }
                    if (far < 0) break; // fewer distinct points than clusters: leave it empty
                    counts[labels[far]]--;
                    labels[far] = j;
                    counts[j] = 1;
                    newCenters = VMath.Means(x, labels, k, d, out counts);
                    forceFull = true;
                }
                for (int j = 0; j < k; j++) if (counts[j] == 0) newCenters[j] = centers[j];

                double maxDelta = 0, secondDelta = 0;
                int maxJ = -1;
                for (int j = 0; j < k; j++)
                {
                    delta[j] = VMath.Distance(centers[j], newCenters[j]);
                    if (delta[j] > maxDelta) { secondDelta = maxDelta; maxDelta = delta[j]; maxJ = j; }
                    else if (delta[j] > secondDelta) secondDelta = delta[j];
                }
                centers = newCenters;
                Norms();
                for (int j = 0; j < k; j++)
                {
                    double m = double.PositiveInfinity;
                    for (int j2 = 0; j2 < k; j2++)
                        if (j2 != j) m = Math.Min(m, VMath.Distance(centers[j], centers[j2]));
                    half[j] = 0.5 * m;
                }

                if (forceFull) VMath.For(n, ct, FullAssign);
                else
                {
                    var cs = centers;
                    VMath.For(n, ct, i =>
                    {
                        int a = labels[i];
                        upper[i] += delta[a];
                        lower[i] -= a == maxJ ? secondDelta : maxDelta;
                        changed[i] = false;
                        double z = Math.Max(lower[i], half[a]);
                        if (upper[i] <= z) return;
                        upper[i] = Math.Sqrt(Math.Max(0, xNorm[i] + cNorm[a] - 2 * VMath.Dot(x[i], cs[a])));
                        if (upper[i] <= z) return;
                        FullAssign(i);
                    });
                }
                bool any = false;
                for (int i = 0; i < n; i++) if (changed[i]) { any = true; break; }
                if (!any) break;
            }

            double inertia = 0;
            for (int i = 0; i < n; i++) inertia += VMath.SquaredDistance(x[i], centers[labels[i]]);
            return new KMeansResult { Labels = labels, Centroids = centers, Inertia = inertia, Iterations = iter };
        }
    }
}
