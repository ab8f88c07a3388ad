using System.Runtime.Serialization;

namespace DocCluster.Classification
{
    /// <summary>Settings for <see cref="ImageClassifier.Train"/>. Plain settable properties (serialisable).</summary>
    public sealed class ClassifierOptions
    {
        /// <summary>The -MinConfidence the benchmark chose (bench/classification/RESULTS.md): below it a prediction is "Unknown".
        /// Rule: the highest threshold at which the known kinds keep at least the accuracy of the previous default (held-back table).</summary>
        public const double DefaultMinConfidence = 0.4;

        /// <summary>The -MinConfidence for batch classification (<see cref="BatchClassifier"/>) the benchmark chose (bench/classification/RESULTS.md),
        /// by the same rule as <see cref="DefaultMinConfidence"/>.</summary>
        public const double DefaultBatchMinConfidence = 0.29;

        /// <summary>Score kinds with multinomial logistic regression fitted on the labelled examples (default true); false = nearest
        /// prototype (softmax over spread-scaled distances, the scheme of format version 2).</summary>
        public bool LogisticRegression { get; set; } = true;

        /// <summary>L2 penalty λ on the logistic-regression weights (loss = mean cross-entropy + λ/2 ‖W‖²) in the classifier's
        /// L2-normalised space. Fixed a priori; bench/classification/RESULTS.md shows 1e-4 … 1e-2 give the same accuracy.</summary>
        public double Regularization { get; set; } = 1e-3;

        /// <summary><see cref="BatchClassifier"/>: at every step the walk stops with this probability (β, 0..1) on the
        /// logistic-regression posterior of the page it is on, so the graph and the classifier vote together; 0 = graph only.
        /// Ignored for classifiers without logistic-regression coefficients.</summary>
        public double PriorWeight { get; set; } = 0.2;

        /// <summary>Standardise each dimension with the mean/standard deviation of the examples before weighting (default true).</summary>
        public bool Standardize { get; set; } = true;

        /// <summary>Standardised values are clipped to ±this many standard deviations (few examples give noisy scales); 0 = no clipping.</summary>
        public double ClipZ { get; set; } = 6;

        /// <summary>How many pseudo-examples of the pooled within-kind spread every kind's own spread is shrunk towards
        /// (a kind with 1–5 examples cannot estimate its spread alone).</summary>
        public double SpreadPrior { get; set; } = 4;

        /// <summary>Softmax sharpness over the kinds' spread-scaled squared distances.</summary>
        public double Sharpness { get; set; } = 10;

        /// <summary>Distance-to-prototype ratio (distance / kind spread) up to which a page is fully typical of the kind.</summary>
        public double TypicalRatio { get; set; } = 1.0;

        /// <summary>Width of the typicality tail beyond <see cref="TypicalRatio"/>, in units of the kind spread.</summary>
        public double TailWidth { get; set; } = 0.15;

        /// <summary>Neighbours per page in <see cref="BatchClassifier"/>'s k-nearest-neighbour graph. Default 20 (a mutual graph
        /// keeps fewer edges than the union graph of earlier versions, which used 10).</summary>
        public int Neighbors { get; set; } = 20;

        /// <summary><see cref="BatchClassifier"/>: link two pages only when each is among the other's <see cref="Neighbors"/>
        /// nearest (plus every page's nearest), instead of when either is. False in classifiers saved before this option existed.</summary>
        public bool MutualNeighbors { get; set; } = true;

        /// <summary><see cref="BatchClassifier"/>: a larger batch is classified in several graphs of at most this many of its pages
        /// (of equal size, a fixed shuffle of the path order dealt out in turn, each with the labelled examples and the context); 0 = always
        /// one graph. A page's reach falls as the graph grows (a walk must find a labelled example among ever more pages), so
        /// without a cap pages of labelled kinds drift to Unknown in batches of many thousands; the benchmark measured graphs of
        /// 60–575 pages (bench/classification/RESULTS.md, "Large batches").</summary>
        public int MaxBatchPages { get; set; } = DefaultMaxBatchPages;

        public const int DefaultMaxBatchPages = 1000;

        /// <summary><see cref="BatchClassifier"/>: multiply the confidence by how well the page's group fits below the level of a
        /// kind in a Ward tree of examples + batch (<see cref="ClassificationResult.KindLevelRatio"/>): 1 up to
        /// <see cref="KindLevelLimit"/>, then a Gaussian tail of width <see cref="KindLevelWidth"/>. False in classifiers saved
        /// before this option existed.</summary>
        public bool KindLevelCheck { get; set; } = true;

        /// <summary>The <see cref="ClassificationResult.KindLevelRatio"/> up to which a page counts as inside a kind's level.</summary>
        public double KindLevelLimit { get; set; } = DefaultKindLevelLimit;

        public const double DefaultKindLevelLimit = 1.0;

        /// <summary>Width of the kind-level tail beyond <see cref="KindLevelLimit"/>.</summary>
        public double KindLevelWidth { get; set; } = DefaultKindLevelWidth;

        public const double DefaultKindLevelWidth = 0.25;

        /// <summary><see cref="BatchClassifier"/>: the share γ (0..1) of the walk's prior given to the kind a page first meets in a
        /// Ward tree of examples + batch, the rest staying with the logistic-regression posterior. 0.5, an equal vote, not the
        /// best of its neighbours on the benchmark (bench/classification/RESULTS.md); 0 in classifiers saved before this option existed.</summary>
        public double TreeVoteWeight { get; set; } = 0.5;

        /// <summary><see cref="BatchClassifier"/>: the tree's vote for a kind counts in proportion to the support the kind has from the
        /// graph walk and the logistic-regression posterior (their mean share), and the vote abstains where the kinds it names have
        /// almost none (below <see cref="BatchClassifier.TreeVoteMinSupport"/>): one atypical labelled example otherwise carries a whole
        /// group of pages that neither the walk nor the regression puts near its kind. False in classifiers saved before this option existed.</summary>
        public bool TreeVoteAgreement { get; set; } = true;

        /// <summary><see cref="BatchClassifier"/>: width of the typicality tail beyond <see cref="TypicalRatio"/> in batch mode, where the
        /// walk's reach and the kind-level check also flag a kind nobody labelled (<see cref="TailWidth"/> serves single pages, where
        /// typicality is the only such signal). 0 = <see cref="TailWidth"/>, as in classifiers saved before this option existed.</summary>
        public double BatchTailWidth { get; set; } = DefaultBatchTailWidth;

        public const double DefaultBatchTailWidth = 0.3;

        // Members missing from files written before they existed: such files must keep the union graph they were tuned with,
        // get the batch cap (it changes nothing up to 1000 pages), and score without the kind-level check and the tree's vote they were
        // not tuned with (nor the tree vote's agreement weighting and the batch typicality width).
        [OnDeserializing]
        private void BeforeReading(StreamingContext context)
        {
            MutualNeighbors = false;
            MaxBatchPages = DefaultMaxBatchPages;
            KindLevelCheck = false;
            KindLevelLimit = DefaultKindLevelLimit;
            KindLevelWidth = DefaultKindLevelWidth;
            TreeVoteWeight = 0;
            TreeVoteAgreement = false;
            BatchTailWidth = 0;
        }

        /// <summary><see cref="BatchClassifier"/>: probability that the random walk goes on at each step rather than being absorbed
        /// into Unknown (0..1, exclusive of 1).</summary>
        public double Survival { get; set; } = 0.99;

        /// <summary><see cref="BatchClassifier"/>: 0 = Euclidean graph; λ in (0, 1] = measure distances in the metric of the labelled
        /// examples' within-kind covariance shrunk towards its diagonal by λ (shrinkage LDA).</summary>
        public double Whitening { get; set; } = 0;

        /// <summary><see cref="BatchClassifier"/>: multiply the walk's confidence by the prototype typicality (needed to find a kind
        /// nobody labelled in small batches, where every page is a step or two from a labelled example).</summary>
        public bool BatchTypicality { get; set; } = true;

        /// <summary>At most this many unlabelled context pages (<see cref="ImageClassifier.ContextVectors"/>) are kept when training
        /// with context; more are sampled evenly in path order.</summary>
        public int MaxContextPages { get; set; } = DefaultMaxContextPages;

        public const int DefaultMaxContextPages = 1000;

        public ClassifierOptions Clone() => (ClassifierOptions)MemberwiseClone();
    }
}
