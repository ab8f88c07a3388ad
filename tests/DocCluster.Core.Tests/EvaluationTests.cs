using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Evaluation;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class EvaluationTests
    {
        [Fact]
        public void IdenticalPartitions_ScoreOne()
        {
            var a = new[] { 0, 0, 1, 1, 2, 2, 2 };
            Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(a, a), 12);
            Assert.Equal(1.0, ClusteringMetrics.NormalizedMutualInformation(a, a), 12);
        }

        [Fact]
        public void LabelPermutation_DoesNotChangeScores()
        {
            var truth = new[] { "inv", "inv", "rec", "rec", "rec", "form", "form" };
            var pred = new[] { 0, 0, 1, 1, 2, 2, 2 };
            var renamed = new[] { "x", "x", "y", "y", "z", "z", "z" };
            var permuted = new[] { 5, 5, 3, 3, 9, 9, 9 };
            Assert.Equal(1.0, ClusteringMetrics.AdjustedRandIndex(pred, permuted), 12);
            Assert.Equal(1.0, ClusteringMetrics.NormalizedMutualInformation(pred, permuted), 12);
            double ari = ClusteringMetrics.AdjustedRandIndex<string, int>(truth, pred);
            Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex<string, int>(truth, permuted), 12);
            Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex<string, string>(truth, renamed), 12);
            Assert.Equal(ari, ClusteringMetrics.AdjustedRandIndex<int, string>(pred.Select(p => p).ToArray(), truth), 12); // symmetric
            double nmi = ClusteringMetrics.NormalizedMutualInformation<string, int>(truth, pred);
            Assert.Equal(nmi, ClusteringMetrics.NormalizedMutualInformation<string, int>(truth, permuted), 12);
            Assert.Equal(nmi, ClusteringMetrics.NormalizedMutualInformation<string, string>(truth, renamed), 12);
        }

        [Fact]
        public void Ari_HandComputedValues()
        {
            // [0,0,1,2] vs [0,0,1,1]: sum C(nij,2)=1, sum C(a,2)=1, sum C(b,2)=2, C(4,2)=6
            // expected = 1*2/6 = 1/3, max = 1.5 -> (1-1/3)/(1.5-1/3) = 4/7 (scikit-learn doc: 0.57)
            Assert.Equal(4.0 / 7.0, ClusteringMetrics.AdjustedRandIndex(new[] { 0, 0, 1, 2 }, new[] { 0, 0, 1, 1 }), 12);
            Assert.Equal(4.0 / 7.0, ClusteringMetrics.AdjustedRandIndex(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }), 12);
            // [0,0,0,1,1,1] vs [0,0,1,1,2,2]: sum C(nij)=2, sum C(a)=6, sum C(b)=3, C(6,2)=15
            // expected = 18/15 = 1.2, max = 4.5 -> 0.8/3.3 = 8/33
            Assert.Equal(8.0 / 33.0, ClusteringMetrics.AdjustedRandIndex(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 0, 0, 1, 1, 2, 2 }), 12);
            // one cluster vs all singletons: index 0, expected 0 -> 0 (scikit-learn doc: 0.0)
            Assert.Equal(0.0, ClusteringMetrics.AdjustedRandIndex(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }), 12);
            // crossing partitions: index 0, expected 2/3, max 2 -> -0.5
            Assert.Equal(-0.5, ClusteringMetrics.AdjustedRandIndex(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }), 12);
        }

        [Fact]
        public void Nmi_HandComputedValues()
        {
            // H(U)=ln2, H(V)=1.5 ln2, MI=ln2 (V determines U) -> ln2 / 1.25 ln2 = 0.8
            Assert.Equal(0.8, ClusteringMetrics.NormalizedMutualInformation(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }), 12);
            // independent partitions: MI = 0
            Assert.Equal(0.0, ClusteringMetrics.NormalizedMutualInformation(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }), 12);
            // strings work the same
            Assert.Equal(0.8, ClusteringMetrics.NormalizedMutualInformation(new[] { "a", "a", "b", "b" }, new[] { "x", "x", "y", "z" }), 12);
        }

        [Fact]
        public void Metrics_RejectDifferentLengths()
        {
            Assert.Throws<ArgumentException>(() => ClusteringMetrics.AdjustedRandIndex(new[] { 0, 1 }, new[] { 0 }));
        }

        [Fact]
        public void ClusterEvaluation_PurityConfusionAndUnmatched()
        {
            var reference = new Dictionary<string, string>
            {
                ["a"] = "inv", ["b"] = "inv", ["c"] = "rec", ["d"] = "rec", ["e"] = "rec", ["x"] = "inv",
            };
            var clusters = new Dictionary<string, string>
            {
                ["a"] = "cluster-01", ["b"] = "cluster-01", ["c"] = "cluster-02", ["d"] = "cluster-02", ["e"] = "cluster-01", ["y"] = "cluster-03",
            };
            var ev = ClusterEvaluation.Create(reference, clusters);
            Assert.Equal(5, ev.Count);
            Assert.Equal(2, ev.Unmatched);
            Assert.Equal(new[] { "x" }, ev.OnlyInReference);
            Assert.Equal(new[] { "y" }, ev.OnlyInClusters);
            Assert.Equal(0.8, ev.Purity, 12); // cluster-01: 2 of 3 inv, cluster-02: 2 of 2 rec
            var inv = ev.KindPurities.Single(k => k.Kind == "inv");
            Assert.Equal("cluster-01", inv.DominantCluster);
            Assert.Equal(1.0, inv.Fraction, 12);
            var rec = ev.KindPurities.Single(k => k.Kind == "rec");
            Assert.Equal("cluster-02", rec.DominantCluster);
            Assert.Equal(2.0 / 3.0, rec.Fraction, 12);
            var row = ev.Confusion.Single(r => r.Kind == "rec");
            Assert.Equal(1, row["cluster-01"]);
            Assert.Equal(2, row["cluster-02"]);
            Assert.Equal(3, row.Total);
            Assert.Equal(new[] { "cluster-01", "cluster-02" }, ev.Clusters);
            // truth [inv,inv,rec,rec,rec] vs [1,1,2,2,1] (keys a..e)
            Assert.Equal(ClusteringMetrics.AdjustedRandIndex(new[] { 0, 0, 1, 1, 1 }, new[] { 1, 1, 2, 2, 1 }), ev.Ari, 12);
            Assert.Equal(ClusteringMetrics.NormalizedMutualInformation(new[] { 0, 0, 1, 1, 1 }, new[] { 1, 1, 2, 2, 1 }), ev.Nmi, 12);
        }

        [Fact]
        public void ClusterEvaluation_ConflictingDuplicateKey_Throws()
        {
            var reference = new[] { new KeyValuePair<string, string>("a", "inv"), new KeyValuePair<string, string>("a", "rec") };
            var clusters = new[] { new KeyValuePair<string, string>("a", "c1") };
            Assert.Throws<ArgumentException>(() => new ClusterEvaluation(reference, clusters));
        }
    }
}
