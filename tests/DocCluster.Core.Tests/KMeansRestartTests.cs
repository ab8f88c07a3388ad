using System;
using System.Linq;
using System.Threading;
using DocCluster.Clustering;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class KMeansRestartTests
    {
        // Nine blobs cut into five clusters: k-means has several local minima, and single runs land in different ones.
        private static double[][] NineBlobs()
        {
            var data = ClusteringTests.Blobs(new[] { 30, 30, 30, 30, 30, 30, 30, 30, 30 }, 4, 11, out _, out _);
            return data.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => f.Vector.Select(v => (double)v).ToArray()).ToArray();
        }

        [Fact]
        public void Automatic_restarts_reach_the_same_lowest_inertia_whatever_the_seed()
        {
            var x = NineBlobs();
            var single = Enumerable.Range(0, 10).Select(s => KMeansAlgorithm.Fit(x, 5, 1, 300, s, CancellationToken.None).Inertia).ToArray();
            var auto = Enumerable.Range(0, 10).Select(s => KMeansAlgorithm.Fit(x, 5, null, 300, s, CancellationToken.None).Inertia).ToArray();
            double best = auto.Min();
            // the problem is hard enough: single runs disagree
            Assert.True(single.Max() > best * 1.01, $"single runs all reached {best} (max {single.Max()})");
            foreach (var v in auto) Assert.InRange(v, best, best * (1 + KMeansAlgorithm.ConfirmTolerance));
        }

        [Fact]
        public void Automatic_restarts_start_with_the_fixed_runs_and_stay_within_their_bounds()
        {
            var x = NineBlobs();
            for (int s = 0; s < 5; s++)
            {
                var fixedTen = KMeansAlgorithm.Fit(x, 5, KMeansAlgorithm.MinAutoRestarts, 300, s, CancellationToken.None);
                var auto = KMeansAlgorithm.Fit(x, 5, null, 300, s, CancellationToken.None);
                var fixedMax = KMeansAlgorithm.Fit(x, 5, KMeansAlgorithm.MaxAutoRestarts, 300, s, CancellationToken.None);
                Assert.True(auto.Inertia <= fixedTen.Inertia, $"seed {s}: automatic {auto.Inertia} worse than its first ten runs {fixedTen.Inertia}");
                Assert.True(auto.Inertia >= fixedMax.Inertia, $"seed {s}: automatic {auto.Inertia} better than {KMeansAlgorithm.MaxAutoRestarts} runs {fixedMax.Inertia}");
            }
        }

        [Fact]
        public void The_fit_reports_runs_and_how_often_the_kept_grouping_was_reached()
        {
            var data = ClusteringTests.Blobs(new[] { 30, 30, 30, 30, 30, 30, 30, 30, 30 }, 4, 11, out _, out _);
            var auto = ClusterModel.Fit(data, new ClusterOptions { K = 5, Seed = 2 });
            Assert.InRange(auto.KMeansRuns, KMeansAlgorithm.MinAutoRestarts, KMeansAlgorithm.MaxAutoRestarts);
            Assert.True(auto.KMeansConfirmations >= ClusterOptions.RestartConfirmations || auto.KMeansRuns == KMeansAlgorithm.MaxAutoRestarts);
            var four = ClusterModel.Fit(data, new ClusterOptions { K = 5, Seed = 2, Restarts = 4 });
            Assert.Equal(4, four.KMeansRuns);
            Assert.InRange(four.KMeansConfirmations, 1, 4);
            var autoK = ClusterModel.Fit(data, new ClusterOptions { Seed = 2, MaxK = 10 });
            Assert.InRange(autoK.KMeansRuns, KMeansAlgorithm.MinAutoRestarts, KMeansAlgorithm.MaxAutoRestarts);
            Assert.Equal(0, ClusterModel.Fit(data, new ClusterOptions { K = 5, Algorithm = ClusterAlgorithm.Agglomerative }).KMeansRuns);
        }

        [Fact]
        public void An_explicit_restart_count_is_exact_and_deterministic()
        {
            var x = NineBlobs();
            var one = KMeansAlgorithm.Fit(x, 5, 1, 300, 3, CancellationToken.None);
            Assert.Equal(one.Labels, KMeansAlgorithm.Fit(x, 5, 1, 300, 3, CancellationToken.None).Labels);
            Assert.Equal(KMeansAlgorithm.Fit(x, 5, null, 300, 3, CancellationToken.None).Labels, KMeansAlgorithm.Fit(x, 5, null, 300, 3, CancellationToken.None).Labels);
            // ten single-run seeds span several minima, so "1 restart" really is one run and not the automatic rule
            var distinct = Enumerable.Range(0, 10).Select(s => Math.Round(KMeansAlgorithm.Fit(x, 5, 1, 300, s, CancellationToken.None).Inertia, 6)).Distinct().Count();
            Assert.True(distinct > 1);
            Assert.Throws<ArgumentException>(() => ClusterModel.Fit(ClusteringTests.Blobs(new[] { 5, 5 }, 2, 1, out _, out _), new ClusterOptions { K = 2, Restarts = 0 }));
        }
    }
}
