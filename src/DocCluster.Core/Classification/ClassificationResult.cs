using DocCluster.Features;

namespace DocCluster.Classification
{
    /// <summary>The kind of one image page: what Invoke-ImageClassification emits, one per input feature.</summary>
    public sealed class ClassificationResult
    {
        /// <summary>The kind name used for pages that fit no labelled kind.</summary>
        public const string UnknownKind = "Unknown";

        public string Path { get; set; }
        public int Page { get; set; }
        public string Name { get; set; }
        /// <summary>The predicted kind, or "Unknown" when <see cref="Confidence"/> is below the minimum confidence.</summary>
        public string Kind { get; set; }
        /// <summary>The best kind even when <see cref="Kind"/> is Unknown.</summary>
        public string PredictedKind { get; set; }
        /// <summary>0..1: <see cref="KindProbability"/> × <see cref="Typicality"/>; in batch mode also × the walk's reach and the
        /// kind-level fit (<see cref="KindLevelRatio"/>).</summary>
        public double Confidence { get; set; }
        /// <summary>0..1: how clearly the best kind beats the others (softmax over the kinds).</summary>
        public double KindProbability { get; set; }
        /// <summary>0..1: how close the page is to the best kind's prototype compared with that kind's spread (1 = typical).</summary>
        public double Typicality { get; set; }
        public bool IsUnknown { get; set; }
        /// <summary>The second-best kind and its probability (null with a single kind).</summary>
        public string RunnerUpKind { get; set; }
        public double RunnerUpProbability { get; set; }
        /// <summary>Distance to the best kind's prototype in the classifier's space.</summary>
        public double Distance { get; set; }
        /// <summary><see cref="Distance"/> divided by the best kind's spread (about 1 for a typical member).</summary>
        public double Score { get; set; }
        /// <summary>Batch mode: the height in a Ward tree of examples + batch at which the page's group first meets a labelled example,
        /// over the height at which a labelled kind's examples are joined; above 1 the group is as far from every labelled kind as
        /// the kinds are from each other (a kind nobody labelled). Null when not measured (-Streaming, older classifiers, too few examples).</summary>
        public double? KindLevelRatio { get; set; }
        public ImageFeature Feature { get; set; }

        public override string ToString() => $"{Feature?.ToString() ?? Path} -> {Kind} ({Confidence:0.00})";
    }
}
