namespace DocCluster.Sorting
{
    /// <summary>One file sorted by Move-ImageToCluster (its -PassThru output).</summary>
    public sealed class ImageMoveResult
    {
        public ImageMoveResult(string source, string destination, int cluster, string clusterName, SortOperation operation, bool renamed, string sha256)
        {
            Source = source;
            Destination = destination;
            Cluster = cluster;
            ClusterName = clusterName;
            Operation = operation;
            Renamed = renamed;
            Sha256 = sha256;
        }

        /// <summary>Where the file was.</summary>
        public string Source { get; }
        /// <summary>Where the file is now (or where the copy is, for Copied).</summary>
        public string Destination { get; }
        /// <summary>The assignment's cluster number.</summary>
        public int Cluster { get; }
        /// <summary>The folder name the file went to (after -ClusterName mapping, outlier routing and sanitising).</summary>
        public string ClusterName { get; }
        public SortOperation Operation { get; }
        /// <summary>True when the file name was taken in the destination and a unique name "name (2).ext" was used.</summary>
        public bool Renamed { get; }
        /// <summary>SHA-256 of the content, lower-case hex.</summary>
        public string Sha256 { get; }

        public override string ToString() => $"{Source} -> {Destination}";
    }
}
