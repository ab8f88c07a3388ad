using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Classifies ImageFeatures from the pipeline. By default the whole input is buffered and classified together
    /// (<see cref="BatchClassifier"/>: the labelled examples and the batch's pages form a nearest-neighbour graph, so pages
    /// are named by the labelled examples their neighbourhood leads to, guided by the classifier's logistic-regression posterior,
    /// and a region no example reaches is Unknown); results
    /// come out in input order after the last input. -Streaming classifies each page on its own as it arrives (logistic
    /// regression x prototype typicality; nearest prototype for classifiers of model format 2). Features from another
    /// extractor than the classifier's are a bad argument for the whole run: terminating error FeatureModelMismatch.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImageClassification")]
    [OutputType(typeof(ClassificationResult))]
    public sealed class InvokeImageClassificationCommand : PSCmdlet
    {
        private readonly List<ImageFeature> buffer = new List<ImageFeature>();
        private bool stopping;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public ImageFeature[] InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ImageClassifier Classifier { get; set; }

        /// <summary>Below this confidence (0..1) the kind is Unknown; default: the classifier's DefaultBatchMinConfidence
        /// (batch mode) or DefaultMinConfidence (-Streaming). The two modes' confidences are on different scales.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double MinConfidence { get; set; }

        /// <summary>Classify each page on its own as it arrives (logistic regression with the prototypes' calibrated typicality; constant memory,
        /// results stream). Without it the input is buffered and classified as one batch, which is more accurate and finds
        /// pages of a kind nobody labelled more reliably, but emits nothing until the input ends; a batch of more than
        /// ClassifierOptions.MaxBatchPages (1000) pages is classified in several nearest-neighbour graphs of equal size. Classifiers saved by format version 1 (no stored examples) always stream.</summary>
        [Parameter]
        public SwitchParameter Streaming { get; set; }

        private bool Batch => !Streaming && Classifier.ExampleVectors != null && Classifier.ExampleVectors.Length > 0;

        protected override void BeginProcessing()
        {
            if (Classifier.Prototypes == null || Classifier.Kinds == null)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("The classifier is not trained (no prototypes)."), "InvalidClassifier", ErrorCategory.InvalidArgument, Classifier));
            if (!Streaming && !Batch)
                WriteWarning("The classifier keeps no labelled examples (saved by an older version): classifying page by page as with -Streaming. Train it again for batch classification.");
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(MinConfidence)))
                MinConfidence = Batch ? Classifier.DefaultBatchMinConfidence : Classifier.DefaultMinConfidence;
        }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            foreach (var feature in InputObject)
            {
                if (feature == null) continue;
                if (feature.ModelFingerprint != Classifier.ModelFingerprint || feature.Dimension != Classifier.Dimension)
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"'{feature}' was made with {feature.Model} ({feature.ModelFingerprint}, {feature.Dimension}-d) but the classifier was trained on {Classifier.Model} ({Classifier.ModelFingerprint}, {Classifier.Dimension}-d). Extract features with the classifier's model."),
                        "FeatureModelMismatch", ErrorCategory.InvalidArgument, feature));
                try
                {
                    Classifier.CheckCompatible(feature);
                }
                catch (ArgumentException ex)
                {
                    WriteError(new ErrorRecord(ex, "InvalidFeature", ErrorCategory.InvalidData, feature.Path));
                    continue;
                }
                if (Batch) { buffer.Add(feature); continue; }
                WriteObject(Classifier.Predict(feature, MinConfidence));
            }
        }

        protected override void EndProcessing()
        {
            if (!Batch || buffer.Count == 0) return;
            var options = Classifier.Options ?? new ClassifierOptions();
            int maxPages = options.MaxBatchPages;
            int graphs = BatchClassifier.ChunkCount(buffer.Count, maxPages);
            WriteVerbose($"Classifying {buffer.Count} page(s) as one batch with {Classifier.ExampleVectors.Length} labelled example(s)" +
                (Classifier.ContextVectors?.Length > 0 ? $" and the {Classifier.ContextVectors.Length} unlabelled context page(s) the classifier keeps (one the batch also holds counts once)" : "") +
                (graphs > 1 ? $", in {graphs} graphs of at most {maxPages} of its pages each." : "."));
            double vote = BatchClassifier.TreeVote(Classifier);
            if (BatchClassifier.UsesWardTree(Classifier, buffer))
                WriteVerbose("A Ward tree of the same pages " + (options.KindLevelCheck ? "checks which pages meet the labelled examples only above the level of a kind (KindLevelRatio)" : "") +
                    (options.KindLevelCheck && vote > 0 ? " and " : "") + (vote > 0 ? string.Format(CultureInfo.InvariantCulture, "votes on the kind (weight {0:0.##} of the walk's prior)", vote) : "") + ".");
            else if (options.KindLevelCheck || vote > 0)
                WriteWarning("The graphs are too large for the Ward tree (an n×n distance matrix): pages are classified without the kind-level check and the tree's vote, " +
                    "so fewer pages of a kind nobody labelled come out Unknown. Keep ClassifierOptions.MaxBatchPages at its default of 1000, or use fewer context pages.");
            const string activity = "Classifying images";
            WriteProgress(new ProgressRecord(1, activity, $"{buffer.Count} page(s)") { PercentComplete = 0 });
            var results = BatchClassifier.Classify(Classifier, buffer, MinConfidence, () => stopping,
                done => WriteProgress(new ProgressRecord(1, activity, $"{done} of {buffer.Count} page(s)") { PercentComplete = (int)(100L * done / buffer.Count) }));
            WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            if (results == null) throw new PipelineStoppedException();
            foreach (var r in results)
            {
                if (stopping) throw new PipelineStoppedException();
                WriteObject(r);
            }
        }

        protected override void StopProcessing() => stopping = true;
    }
}
