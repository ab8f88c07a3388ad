using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using DocCluster.Clustering;
using DocCluster.Features;

namespace DocCluster.PowerShell.Cmdlets
{
    [Cmdlet(VerbsLifecycle.Invoke, "ImageCluster", DefaultParameterSetName = FitSet)]
    [OutputType(typeof(ClusterAssignment))]
    [OutputType(typeof(ClusterSummary))]
    public sealed class InvokeImageClusterCommand : PSCmdlet
    {
        private const string FitSet = "Fit";
        private const string ModelSet = "Model";
        private const int WardLimit = 10_000;
        private readonly List<ImageFeature> features = new List<ImageFeature>();
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public ImageFeature[] InputObject { get; set; }

        /// <summary>Number of clusters, or Auto to choose it from the data.</summary>
        [Parameter(Position = 0, ParameterSetName = FitSet)]
        [ValidatePattern(@"^\s*(\d+|[Aa][Uu][Tt][Oo])\s*$")]
        public string K { get; set; } = "Auto";

        /// <summary>Default: agglomerative Ward up to <see cref="WardLimit"/> images (deterministic, best in bench/RESULTS.md), k-means above.</summary>
        [Parameter(ParameterSetName = FitSet)]
        public ClusterAlgorithm Algorithm { get; set; }

        [Parameter(ParameterSetName = FitSet)]
        [ValidateRange(0.0, double.MaxValue)]
        public double DistanceThreshold { get; set; }

        [Parameter(ParameterSetName = FitSet)]
        public ClusterLinkage Linkage { get; set; } = ClusterLinkage.Ward;

        [Parameter(ParameterSetName = FitSet)]
        /// <summary>Default: Euclidean for designed features (DocLayout, DocLayout+CNN: standardised and block-weighted), Cosine for CNN embeddings.</summary>
        public ClusterMetric Metric { get; set; }

        /// <summary>How K is chosen when -K is Auto. Default StableRefinement (MergeGap's coarse level, refined as far as random
        /// subsamples reproduce the finer grouping); see docs/auto-k.md.</summary>
        [Parameter(ParameterSetName = FitSet)]
        public AutoKCriterion AutoKCriterion { get; set; } = AutoKCriterion.StableRefinement;

        /// <summary>Density clustering: the smallest group that counts as a cluster (default: 1% of the images, at least 5).</summary>
        [Parameter(ParameterSetName = FitSet)]
        [ValidateRange(2, int.MaxValue)]
        public int MinClusterSize { get; set; }

        [Parameter(ParameterSetName = FitSet)]
        public SwitchParameter NoStandardize { get; set; }

        [Parameter(ParameterSetName = FitSet)]
        public int Seed { get; set; }

        /// <summary>K-means runs; without it, automatic (10 to 100, until the lowest inertia is reached three times).</summary>
        [Parameter(ParameterSetName = FitSet)]
        [ValidateRange(1, 1000)]
        public int Restarts { get; set; }

        [Parameter(ParameterSetName = FitSet)]
        [ValidateRange(2, 1000)]
        public int MaxK { get; set; } = 15;

        /// <summary>Stores the fitted model in this variable, for Export-ImageModel or a later -Model run.</summary>
        [Parameter(ParameterSetName = FitSet)]
        [ValidateNotNullOrEmpty]
        public string ModelVariable { get; set; }

        /// <summary>Assign to the clusters of an existing model instead of fitting new ones.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ModelSet)]
        public ClusterModel Model { get; set; }

        /// <summary>Emit one summary per cluster (size, medoid) instead of one assignment per image.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            foreach (var feature in InputObject)
                if (feature != null) features.Add(feature);
        }

        protected override void EndProcessing()
        {
            if (features.Count == 0)
            {
                WriteWarning("No image features were received; nothing to cluster.");
                return;
            }
            CheckFeaturesAreComparable();
            WriteProgress(new ProgressRecord(1, "Clustering images", $"{features.Count} image page(s)"));
            if (ParameterSetName == ModelSet) Predict();
            else Fit();
            WriteProgress(new ProgressRecord(1, "Clustering images", "Done") { RecordType = ProgressRecordType.Completed });
        }

        protected override void StopProcessing() => cancellation.Cancel();

        private void Fit()
        {
            var options = BuildOptions();
            ClusterFit fit;
            try
            {
                fit = ClusterModel.Fit(features, options, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidClusteringInput", ErrorCategory.InvalidArgument, null));
                return;
            }
            if (!string.IsNullOrEmpty(ModelVariable))
                SessionState.PSVariable.Set(ModelVariable, fit.Model);
            WriteVerbose($"{fit.Summaries.Count} cluster(s) over {features.Count} image page(s).");
            if (fit.AutoKCriterion.HasValue && fit.KScores.Count > 0)
                WriteVerbose($"K chosen by {fit.AutoKCriterion}" + (fit.AutoKCriterion == AutoKCriterion.StableRefinement && fit.MergeGapK.HasValue ? " (stability per K, at or above MergeGap's K=" + fit.MergeGapK + ")" : "") + ": "
                    + string.Join(", ", fit.KScores.Select(s => $"K={s.K} {ChosenScore(s, fit.AutoKCriterion.Value):0.000}{(s.Chosen ? " (chosen)" : "")}")));
            if (fit.KMeansRuns > 0)
                WriteVerbose($"k-means: {fit.KMeansRuns} run(s); {fit.KMeansConfirmations} of them reached the grouping kept (the lowest inertia)" +
                    (fit.KMeansConfirmations < ClusterOptions.RestartConfirmations && fit.KMeansRuns > 1 ? "; it did not repeat often enough to be sure: another -Seed may group differently." : "."));
            if (Summary) WriteObject(fit.Summaries, true);
            else WriteObject(fit.Assignments, true);
        }

        private static double ChosenScore(KScore s, AutoKCriterion c) =>
            c == AutoKCriterion.Silhouette ? s.Silhouette : c == AutoKCriterion.Stability || c == AutoKCriterion.StableRefinement ? s.Stability : s.Score;

        private void Predict()
        {
            var first = features[0];
            if (first.ModelFingerprint != Model.ModelFingerprint || first.Dimension != Model.Dimension)
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"The features were made with {first.Model} ({first.ModelFingerprint}, {first.Dimension}-d) but the cluster model was fitted on {Model.Model} ({Model.ModelFingerprint}, {Model.Dimension}-d). Extract features with the model's extractor."),
                    "FeatureModelMismatch", ErrorCategory.InvalidArgument, Model));
            var ordered = features.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Page).ToList();
            var assignments = Model.Predict(ordered);
            if (Summary) WriteObject(Model.Summarize(assignments), true);
            else WriteObject(assignments, true);
        }

        private ClusterOptions BuildOptions()
        {
            var bound = MyInvocation.BoundParameters;
            var first = features[0];
            bool designed = FeatureWeighting.For(first.Model, first.ModelFingerprint, first.Dimension) != null;
            var options = new ClusterOptions
            {
                Algorithm = bound.ContainsKey(nameof(Algorithm)) ? Algorithm
                    : bound.ContainsKey(nameof(DistanceThreshold)) || features.Count <= WardLimit ? ClusterAlgorithm.Agglomerative : ClusterAlgorithm.KMeans,
                Linkage = Linkage,
                Metric = bound.ContainsKey(nameof(Metric)) ? Metric : designed ? ClusterMetric.Euclidean : ClusterMetric.Cosine,
                Standardize = !NoStandardize,
                Seed = Seed,
                Restarts = bound.ContainsKey(nameof(Restarts)) ? Restarts : (int?)null,
                MaxK = MaxK,
                AutoKCriterion = AutoKCriterion,
            };
            if (MinClusterSize > 0) options.MinClusterSize = MinClusterSize;
            WriteVerbose($"Algorithm {options.Algorithm}{(options.Algorithm == ClusterAlgorithm.Agglomerative ? " (" + options.Linkage + ")" : "")}, metric {options.Metric}, standardise {options.Standardize}.");
            if (bound.ContainsKey(nameof(DistanceThreshold))) options.DistanceThreshold = DistanceThreshold;
            var k = K.Trim();
            bool auto = string.Equals(k, "Auto", StringComparison.OrdinalIgnoreCase) || (options.Algorithm == ClusterAlgorithm.Density && !bound.ContainsKey(nameof(K)));
            if (!auto)
            {
                // The pattern admits any digits: a number too large for an int is simply more than the images received.
                int value = int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
                if (value < 1)
                    ThrowTerminatingError(new ErrorRecord(new ArgumentOutOfRangeException(nameof(K), "K must be at least 1."), "InvalidClusterCount", ErrorCategory.InvalidArgument, k));
                if (value > features.Count)
                    ThrowTerminatingError(new ErrorRecord(new ArgumentOutOfRangeException(nameof(K), $"K = {k} is more than the {features.Count} image page(s) received."), "ClusterCountExceedsImages", ErrorCategory.InvalidArgument, k));
                options.K = value;
            }
            return options;
        }

        private void CheckFeaturesAreComparable()
        {
            var groups = features.GroupBy(f => (f.ModelFingerprint, f.Dimension)).ToList();
            if (groups.Count <= 1) return;
            var description = string.Join("; ", groups.Select(g => $"{g.Count()} × {g.First().Model} ({g.Key.ModelFingerprint}, {g.Key.Dimension}-d)"));
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"The input mixes features from different models or settings, which cannot be compared: {description}. Cluster each model's features separately."),
                "MixedFeatureModels", ErrorCategory.InvalidArgument, null));
        }
    }
}
