using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace DocCluster.Clustering
{
    /// <summary>SplitMix64: small, fast, and identical on every runtime (System.Random's algorithm is not a contract).</summary>
    internal sealed class Rng
    {
        private ulong _state;
        public Rng(long seed) { _state = (ulong)seed ^ 0x5DEECE66DUL; NextULong(); }
        public static Rng Derive(int seed, int stream) => new Rng(((long)seed << 20) ^ (stream * 0x9E3779B1L) ^ 0x1234567L);
        public ulong NextULong()
        {
            ulong z = (_state += 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        public double NextDouble() => (NextULong() >> 11) * (1.0 / 9007199254740992.0);
        public int NextInt(int n) { int v = (int)(NextDouble() * n); return v >= n ? n - 1 : v; }

        /// <summary>m distinct indices from 0..n-1, sorted ascending.</summary>
        public int[] Sample(int n, int m)
        {
            var idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            for (int i = 0; i < m; i++)
            {
                int j = i + NextInt(n - i);
                (idx[i], idx[j]) = (idx[j], idx[i]);
            }
            var res = new int[m];
            Array.Copy(idx, res, m);
            Array.Sort(res);
            return res;
        }
    }

    internal static class VMath
    {
        /// <summary>Squared Euclidean distance; four independent accumulators (netstandard2.0 has no Vector&lt;T&gt; without a
        /// package, and the JIT pipelines independent chains well). Fixed summation order: deterministic everywhere.</summary>
        public static double SquaredDistance(double[] a, double[] b)
        {
            int n = a.Length, i = 0;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            if (b.Length < n) throw new ArgumentException("Vector lengths differ.");
            for (; i <= n - 4; i += 4)
            {
                double d0 = a[i] - b[i], d1 = a[i + 1] - b[i + 1], d2 = a[i + 2] - b[i + 2], d3 = a[i + 3] - b[i + 3];
                s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3;
            }
            for (; i < n; i++) { double d = a[i] - b[i]; s0 += d * d; }
            return (s0 + s1) + (s2 + s3);
        }

        public static double Dot(double[] a, double[] b)
        {
            int n = a.Length, i = 0;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (; i <= n - 4; i += 4)
            {
                s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
            }
            for (; i < n; i++) s0 += a[i] * b[i];
            return (s0 + s1) + (s2 + s3);
        }

        /// <summary>Dot products of a with b and with c in one pass over a (fewer loads per multiply).</summary>
        public static void Dot2(double[] a, double[] b, double[] c, out double ab, out double ac)
        {
            int n = a.Length, i = 0;
            double s0 = 0, s1 = 0, t0 = 0, t1 = 0;
            for (; i <= n - 2; i += 2)
            {
                double a0 = a[i], a1 = a[i + 1];
                s0 += a0 * b[i]; s1 += a1 * b[i + 1];
                t0 += a0 * c[i]; t1 += a1 * c[i + 1];
            }
            for (; i < n; i++) { s0 += a[i] * b[i]; t0 += a[i] * c[i]; }
            ab = s0 + s1; ac = t0 + t1;
        }

        public static double Distance(double[] a, double[] b) => Math.Sqrt(SquaredDistance(a, b));

        /// <summary>Deterministic parallel loop: the body must only write state owned by index i.</summary>
        public static void For(int n, CancellationToken ct, Action<int> body, int minParallel = 256)
        {
            if (n < minParallel || Environment.ProcessorCount == 1)
            {
                for (int i = 0; i < n; i++)
                {
                    if ((i & 1023) == 0) ct.ThrowIfCancellationRequested();
                    body(i);
                }
                return;
            }
            int chunk = Math.Max(16, n / (Environment.ProcessorCount * 8));
            var po = new ParallelOptions { CancellationToken = ct };
            Parallel.ForEach(Partitioner.Create(0, n, chunk), po, range =>
            {
                for (int i = range.Item1; i < range.Item2; i++) body(i);
            });
            ct.ThrowIfCancellationRequested();
        }

        /// <summary>Condensed (upper triangle, row-major) float matrix of pairwise Euclidean distances.</summary>
        public static float[] CondensedDistances(double[][] x, bool squared, CancellationToken ct)
        {
            int n = x.Length;
            long len = (long)n * (n - 1) / 2;
            if (len > int.MaxValue - 64) throw new ArgumentException($"Too many images ({n}) for a pairwise distance matrix.");
            var dm = new float[len];
            For(n, ct, i =>
            {
                long off = CondensedIndex(n, i, i + 1);
                var xi = x[i];
                for (int j = i + 1; j < n; j++)
                {
                    double d2 = SquaredDistance(xi, x[j]);
                    dm[off + j - i - 1] = (float)(squared ? d2 : Math.Sqrt(d2));
                }
            }, 16);
            return dm;
        }

        public static long CondensedIndex(int n, int i, int j)
        {
            if (i > j) { int t = i; i = j; j = t; }
            return (long)n * i - (long)i * (i + 1) / 2 + (j - i - 1);
        }

        /// <summary>The rows of <paramref name="x"/> at <paramref name="idx"/>, in that order (shared, not copied).</summary>
        public static double[][] Rows(double[][] x, int[] idx)
        {
            var r = new double[idx.Length][];
            for (int i = 0; i < idx.Length; i++) r[i] = x[idx[i]];
            return r;
        }

        /// <summary>All of <paramref name="x"/> up to <paramref name="max"/> rows, else a deterministic random sample of that many
        /// (drawn from <paramref name="seed"/>'s <paramref name="stream"/>), in index order.</summary>
        public static double[][] AtMost(double[][] x, int max, int seed, int stream) =>
            x.Length <= max ? x : Rows(x, Rng.Derive(seed, stream).Sample(x.Length, max));

        /// <summary>Per row, the index of the nearest centroid (squared Euclidean; the first on ties; null centroids skipped).</summary>
        public static int[] NearestCentroids(double[][] x, double[][] centroids, CancellationToken ct)
        {
            var res = new int[x.Length];
            For(x.Length, ct, i =>
            {
                double best = double.PositiveInfinity; int bj = 0;
                for (int j = 0; j < centroids.Length; j++)
                {
                    if (centroids[j] == null) continue;
                    double dd = SquaredDistance(x[i], centroids[j]);
                    if (dd < best) { best = dd; bj = j; }
                }
                res[i] = bj;
            });
            return res;
        }

        public static double[][] Means(double[][] x, int[] labels, int k, int d, out int[] counts)
        {
            var c = new double[k][];
            for (int j = 0; j < k; j++) c[j] = new double[d];
            counts = new int[k];
            for (int i = 0; i < x.Length; i++)
            {
                int l = labels[i];
                if (l < 0) continue;
                counts[l]++;
                var row = x[i];
                var cj = c[l];
                for (int t = 0; t < d; t++) cj[t] += row[t];
            }
            for (int j = 0; j < k; j++)
                if (counts[j] > 0)
                {
                    double inv = 1.0 / counts[j];
                    var cj = c[j];
                    for (int t = 0; t < d; t++) cj[t] *= inv;
                }
            return c;
        }

        public static double Median(double[] values, int count)
        {
            if (count == 0) return 0;
            var v = new double[count];
            Array.Copy(values, v, count);
            Array.Sort(v);
            return (count & 1) == 1 ? v[count / 2] : 0.5 * (v[count / 2 - 1] + v[count / 2]);
        }
    }
}
