using DocCluster.Features;

namespace DocCluster.Clustering
{
    /// <summary>Which cluster one image page belongs to: what Invoke-ImageCluster emits, one per input feature.</summary>
    public sealed class ClusterAssignment
    {
        public ClusterAssignment(ImageFeature feature, int cluster, string clusterName, double distance, double confidence, bool isOutlier)
        {
            Feature = feature;
            Cluster = cluster;
            ClusterName = clusterName;
            Distance = distance;
            Confidence = confidence;
            IsOutlier = isOutlier;
        }

        public string Path => Feature.Path;
        public int Page => Feature.Page;
        public string Name => Feature.Name;
        /// <summary>1-based cluster number; clusters are numbered by size, largest first.</summary>
        public int Cluster { get; }
        /// <summary>Folder-friendly name, e.g. "cluster-01" (or the name given by the user).</summary>
        public string ClusterName { get; set; }
        /// <summary>Distance to the cluster's centre in the clustering space.</summary>
        public double Distance { get; }
        /// <summary>0..1: how clearly the page belongs to its cluster rather than the next nearest.</summary>
        public double Confidence { get; }
        /// <summary>True when the page is far from every cluster; it still names the nearest one.</summary>
        public bool IsOutlier { get; }
        public ImageFeature Feature { get; }

        public override string ToString() => $"{Feature} -> {ClusterName}";
    }
}
