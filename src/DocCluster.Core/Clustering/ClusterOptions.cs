namespace DocCluster.Clustering
{
    /// <summary>Which clustering algorithm <see cref="ClusterModel.Fit"/> runs.</summary>
    public enum ClusterAlgorithm
    {
        /// <summary>K-means (k-means++ initialisation, several restarts, Lloyd iterations with Hamerly bounds).</summary>
        KMeans,
        /// <summary>Hierarchical agglomerative clustering (Ward, average or complete linkage), cut at K or at a distance.</summary>
        Agglomerative,
        /// <summary>HDBSCAN-style density clustering: finds the number of clusters itself and marks noise.</summary>
        Density,
    }

    /// <summary>Linkage of agglomerative clustering.</summary>
    public enum ClusterLinkage { Ward, Average, Complete }

    /// <summary>Similarity the clustering is built on.</summary>
    public enum ClusterMetric
    {
        /// <summary>Rows are L2-normalised after standardisation; Euclidean distance between unit vectors is
        /// sqrt(2 - 2 cos), monotone in cosine distance.</summary>
        Cosine,
        /// <summary>Plain Euclidean distance in the (optionally standardised) feature space.</summary>
        Euclidean,
    }

    /// <summary>How the number of clusters is chosen when <see cref="ClusterOptions.K"/> is null (KMeans, Agglomerative).
    /// Measurements on real documents and synthetic data: docs/auto-k.md.</summary>
    public enum AutoKCriterion
    {
        /// <summary>Highest mean silhouette (exact up to 3000 images, on a deterministic sample of 3000 above).</summary>
        Silhouette,
        /// <summary>Agreement (adjusted Rand index) between fits on pairs of random 80 % subsamples (the same pairs for
        /// every K, on a deterministic sample of 3000 above that); the largest K whose mean agreement is within 0.02 of the best
        /// is chosen (small K is nearly always stable): the finest level of the data that resampling reproduces.</summary>
        Stability,
        /// <summary>Prediction strength (Tibshirani &amp; Walther 2005): the largest K whose clusters, fitted on one random
        /// half, are reproduced by the centroids fitted on the other half (worst cluster's co-membership ≥ 0.8).</summary>
        PredictionStrength,
        /// <summary>Ward dendrogram (on a deterministic sample of 3000 above that) in the clustering space; the K
        /// whose next merge (K → K−1 clusters) costs the most relative to the merge before it (K+1 → K), i.e. the level
        /// of the hierarchy with the most pronounced separation. Nested sub-structure (templates inside a document kind)
        /// gives smaller jumps than the separation between the coarse groups, so the coarse level wins; on real documents
        /// it under-counts (3 for the 6 kinds of the test set). Deterministic whatever the seed.</summary>
        MergeGap,
        /// <summary>Highest Calinski–Harabasz index (between/within dispersion ratio).</summary>
        CalinskiHarabasz,
        /// <summary>Default. <see cref="MergeGap"/>'s K (the coarsest clear level), refined by <see cref="Stability"/>: the
        /// largest K at or above it whose stability is within 0.02 of the best at or above it. Never coarser than MergeGap;
        /// finer only where resampling reproduces the finer grouping. Stability alone can fall back to K = 2, which nearly
        /// every data set reproduces (DocLayout+MobileNetV1 on the test set).</summary>
        StableRefinement,
    }

    /// <summary>Settings of <see cref="ClusterModel.Fit"/>. Plain properties; copied into the fitted model.</summary>
    public sealed class ClusterOptions
    {
        public ClusterAlgorithm Algorithm { get; set; } = ClusterAlgorithm.KMeans;

        /// <summary>Number of clusters; null = choose automatically (KMeans, Agglomerative without DistanceThreshold).
        /// Must stay null for Density.</summary>
        public int? K { get; set; }

        /// <summary>Smallest K tried when K is null. Default 2.</summary>
        public int MinK { get; set; } = 2;

        /// <summary>Largest K tried when K is null; null = min(15, n - 1).</summary>
        public int? MaxK { get; set; }

        /// <summary>Agglomerative only: cut the tree where the merge height reaches this value instead of at K
        /// (merges with height &lt; threshold are applied, as scikit-learn's distance_threshold).
        /// Heights are in the clustering space (after standardisation / L2 normalisation): Euclidean distance for
        /// Average and Complete; for Ward the scipy/scikit-learn scale sqrt(2·|A||B|/(|A|+|B|))·‖cA − cB‖,
        /// which equals the Euclidean distance when two single points merge.</summary>
        public double? DistanceThreshold { get; set; }

        public ClusterLinkage Linkage { get; set; } = ClusterLinkage.Ward;

        /// <summary>K-means runs with different seeds (derived from Seed); the lowest inertia wins. Default (null): automatic,
        /// 10 to 100 runs, until three runs have reached the lowest-inertia solution, so that the result no longer
        /// depends on the seed where one more run would not change it.</summary>
        public int? Restarts { get; set; }

        /// <summary>Automatic restarts stop once this many runs have reached the lowest-inertia solution.</summary>
        public const int RestartConfirmations = 3;

        /// <summary>Maximum Lloyd iterations per k-means run. Default 300.</summary>
        public int MaxIterations { get; set; } = 300;

        public int Seed { get; set; }

        public ClusterMetric Metric { get; set; } = ClusterMetric.Euclidean;

        /// <summary>Z-score every dimension with the mean and (population) standard deviation learned at fit.
        /// Zero-variance dimensions are only centred (scale 1), never divided by zero.</summary>
        public bool Standardize { get; set; } = true;

        /// <summary>Multipliers per dimension after standardisation; null = the feature model's own (<see cref="Features.FeatureWeighting"/>).</summary>
        public double[] DimensionWeights { get; set; }

        /// <summary>Density only: smallest group that counts as a cluster; null = max(5, round(1 % of n)).</summary>
        public int? MinClusterSize { get; set; }

        /// <summary>Density only: neighbours (the point itself included) defining the core distance; null = MinClusterSize.</summary>
        public int? MinSamples { get; set; }

        /// <summary>Robust outlier multiplier: a page is an outlier when its distance to its cluster centre exceeds
        /// median + OutlierThreshold · 1.4826 · MAD of that cluster's member distances (a "modified z-score" rule; 1.4826·MAD
        /// estimates the standard deviation for normal data). Clusters with fewer than 10 members or zero MAD use the
        /// pooled scale of all clusters. Default 3.5; PositiveInfinity disables the rule (Density noise is still flagged).</summary>
        public double OutlierThreshold { get; set; } = 3.5;

        /// <summary>How K is chosen when it is null. Default <see cref="AutoKCriterion.StableRefinement"/>: within one of the
        /// true count on the real test set where MergeGap, the coarsest clear level, finds 3 for 6 kinds; the same input and
        /// Seed give the same K, another Seed can give a neighbouring one. Measurements of all criteria in docs/auto-k.md and
        /// bench/RESULTS.md.</summary>
        public AutoKCriterion AutoKCriterion { get; set; } = AutoKCriterion.StableRefinement;

        /// <summary>Stability and StableRefinement: number of subsample pairs (each serves every K). Default 20.</summary>
        public int StabilityResamples { get; set; } = 20;

        public ClusterOptions Clone() => (ClusterOptions)MemberwiseClone();
    }
}
