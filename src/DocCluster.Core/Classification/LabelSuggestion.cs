using DocCluster.Features;

namespace DocCluster.Classification
{
    /// <summary>One image worth labelling next: what Get-ImageLabelSuggestion emits, Priority 1 first.</summary>
    public sealed class LabelSuggestion
    {
        public string Path { get; set; }
        public int Page { get; set; }
        public string Name { get; set; }
        /// <summary>"Representative of cluster 3 (41 images)" or "Uncertain: passport 0.51 vs id_card 0.47" or "Unknown: ...".</summary>
        public string Reason { get; set; }
        /// <summary>1 = label first.</summary>
        public int Priority { get; set; }
        /// <summary>Group the image represents (1-based; k-means over the images, or the given cluster); 0 when chosen for uncertainty.</summary>
        public int Cluster { get; set; }
        /// <summary>The classifier's best kind, when a classifier was given.</summary>
        public string PredictedKind { get; set; }
        /// <summary>The classifier's confidence, when a classifier was given; otherwise NaN.</summary>
        public double Confidence { get; set; } = double.NaN;
        public ImageFeature Feature { get; set; }

        public override string ToString() => $"{Priority}: {Feature?.ToString() ?? Path} ({Reason})";
    }
}
