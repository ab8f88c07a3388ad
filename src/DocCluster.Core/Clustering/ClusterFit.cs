using System.Collections.Generic;

namespace DocCluster.Clustering
{
    /// <summary>Diagnostics of one candidate K when K was chosen automatically. Scores not computed are NaN.</summary>
    public sealed class KScore
    {
        public int K { get; set; }
        /// <summary>Mean silhouette (-1..1, higher is better).</summary>
        public double Silhouette { get; set; } = double.NaN;
        /// <summary>Mean adjusted Rand index between subsample fits (higher is more stable).</summary>
        public double Stability { get; set; } = double.NaN;
        /// <summary>Sum of squared distances to the cluster means in the clustering space.</summary>
        public double Inertia { get; set; } = double.NaN;
        /// <summary>Score of the criterion that chose K when it is neither Silhouette nor Stability (prediction strength,
        /// merge-height ratio, Calinski–Harabasz); NaN otherwise.</summary>
        public double Score { get; set; } = double.NaN;
        public bool Chosen { get; set; }
        public override string ToString() => $"K={K} silhouette={Silhouette:0.####} stability={Stability:0.####} score={Score:0.####}{(Chosen ? " *" : "")}";
    }

    /// <summary>Result of <see cref="ClusterModel.Fit"/>.</summary>
    public sealed class ClusterFit
    {
        internal ClusterFit(ClusterModel model, IReadOnlyList<ClusterAssignment> assignments, IReadOnlyList<ClusterSummary> summaries,
            double inertia, IReadOnlyList<KScore> kScores, AutoKCriterion? criterion)
        {
            Model = model;
            Assignments = assignments;
            Summaries = summaries;
            Inertia = inertia;
            KScores = kScores;
            AutoKCriterion = criterion;
        }

        public ClusterModel Model { get; }
        /// <summary>One per input feature, in (Path ordinal, Page) order.</summary>
        public IReadOnlyList<ClusterAssignment> Assignments { get; }
        /// <summary>One per cluster, cluster 1 (largest) first.</summary>
        public IReadOnlyList<ClusterSummary> Summaries { get; }
        public int K => Model.K;
        /// <summary>Sum of squared distances of every page to its cluster centre in the clustering space.</summary>
        public double Inertia { get; }
        /// <summary>Scores of every K tried when K was chosen automatically; empty otherwise.</summary>
        public IReadOnlyList<KScore> KScores { get; }
        /// <summary>The criterion that chose K; null when K was given, cut by distance, or found by Density.</summary>
        public AutoKCriterion? AutoKCriterion { get; }
        /// <summary>MergeGap's K (the coarsest clear level) when the criterion was MergeGap or StableRefinement; null otherwise.</summary>
        public int? MergeGapK =>
            AutoKCriterion == Clustering.AutoKCriterion.MergeGap || AutoKCriterion == Clustering.AutoKCriterion.StableRefinement
                ? ClusterModel.HighestScore(KScores)?.K : null;
        /// <summary>K-means: restarts run for the final clustering; 0 for the other algorithms.</summary>
        public int KMeansRuns { get; internal set; }
        /// <summary>K-means: how many of those runs ended in the solution kept (the lowest inertia). With automatic restarts,
        /// fewer than three means the cap was reached before the solution repeated: another seed may group differently.</summary>
        public int KMeansConfirmations { get; internal set; }
    }
}
