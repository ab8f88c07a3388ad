using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using DocCluster.Classification;
using DocCluster.Clustering;
using DocCluster.Features;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Suggests which images to label next: representatives of each group when there is no classifier (of the
    /// given clusters when ClusterAssignments are piped), the most uncertain pages when -Classifier is given.</summary>
    [Cmdlet(VerbsCommon.Get, "ImageLabelSuggestion")]
    [OutputType(typeof(LabelSuggestion))]
    public sealed class GetImageLabelSuggestionCommand : PSCmdlet
    {
        private readonly List<ImageFeature> features = new List<ImageFeature>();
        private readonly List<int> clusters = new List<int>();
        private bool allAssignments = true;
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        /// <summary>ImageFeature or ClusterAssignment objects.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; }

        [Parameter(Position = 0)]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; } = 20;

        [Parameter]
        public ImageClassifier Classifier { get; set; }

        [Parameter]
        public int Seed { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            foreach (var item in InputObject)
            {
                switch (item?.BaseObject)
                {
                    case null: break;
                    case ImageFeature f: features.Add(f); clusters.Add(0); allAssignments = false; break;
                    case ClusterAssignment a: features.Add(a.Feature); clusters.Add(a.Cluster); break;
                    default:
                        WriteError(new ErrorRecord(new ArgumentException($"'{item}' is neither an ImageFeature nor a ClusterAssignment."), "NotAnImageFeature", ErrorCategory.InvalidType, item));
                        break;
                }
            }
        }

        protected override void EndProcessing()
        {
            if (features.Count == 0) { WriteWarning("No image features were received; nothing to suggest."); return; }
            if (Classifier != null)
            {
                var bad = features.FirstOrDefault(f => f.ModelFingerprint != Classifier.ModelFingerprint || f.Dimension != Classifier.Dimension);
                if (bad != null)
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{bad}' was made with {bad.Model} ({bad.ModelFingerprint}, {bad.Dimension}-d) but the classifier was trained on {Classifier.Model} ({Classifier.ModelFingerprint}, {Classifier.Dimension}-d)."),
                        "FeatureModelMismatch", ErrorCategory.InvalidArgument, Classifier));
            }
            IReadOnlyList<LabelSuggestion> result = null;
            try
            {
                result = LabelSuggester.Suggest(features, Count, Classifier, allAssignments ? clusters : null, Seed, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidSuggestionInput", ErrorCategory.InvalidArgument, null));
            }
            WriteObject(result, true);
        }

        protected override void StopProcessing() => cancellation.Cancel();
    }
}
