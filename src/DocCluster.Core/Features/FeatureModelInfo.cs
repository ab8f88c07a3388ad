namespace DocCluster.Features
{
    /// <summary>Describes an extractor so features, saved models and caches can tell whether they match.</summary>
    public sealed class FeatureModelInfo
    {
        public FeatureModelInfo(string name, string fingerprint, int dimension, string description)
        {
            Name = name;
            Fingerprint = fingerprint;
            Dimension = dimension;
            Description = description;
        }

        public string Name { get; }
        /// <summary>Stable hash of every setting that affects the output (weights hash, input size, normalisation, version).</summary>
        public string Fingerprint { get; }
        public int Dimension { get; }
        public string Description { get; }

        public override string ToString() => $"{Name} ({Dimension}-d, {Fingerprint})";
    }
}
