namespace DocCluster.Clustering
{
    /// <summary>One line per cluster: size and its most typical member.</summary>
    public sealed class ClusterSummary
    {
        public ClusterSummary(int cluster, string clusterName, int count, int outlierCount, string medoidPath, int medoidPage, double meanDistance)
        {
            Cluster = cluster;
            ClusterName = clusterName;
            Count = count;
            OutlierCount = outlierCount;
            MedoidPath = medoidPath;
            MedoidPage = medoidPage;
            MeanDistance = meanDistance;
        }

        public int Cluster { get; }
        public string ClusterName { get; }
        public int Count { get; }
        public int OutlierCount { get; }
        /// <summary>The member closest to all others: open it to see what the cluster is.</summary>
        public string MedoidPath { get; }
        public int MedoidPage { get; }
        public double MeanDistance { get; }
    }
}
