using System;
using System.Management.Automation;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Classifies each ImageFeature from the pipeline (streaming). Features from another extractor than the
    /// classifier's are a bad argument for the whole run: terminating error FeatureModelMismatch.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ImageClassification")]
    [OutputType(typeof(ClassificationResult))]
    public sealed class InvokeImageClassificationCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public ImageFeature[] InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ImageClassifier Classifier { get; set; }

        /// <summary>Below this confidence (0..1) the kind is Unknown; default: the classifier's DefaultMinConfidence.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double MinConfidence { get; set; }

        protected override void BeginProcessing()
        {
            if (Classifier.Prototypes == null || Classifier.Kinds == null)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("The classifier is not trained (no prototypes)."), "InvalidClassifier", ErrorCategory.InvalidArgument, Classifier));
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(MinConfidence))) MinConfidence = Classifier.DefaultMinConfidence;
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
                ClassificationResult result;
                try
                {
                    result = Classifier.Predict(feature, MinConfidence);
                }
                catch (ArgumentException ex)
                {
                    WriteError(new ErrorRecord(ex, "InvalidFeature", ErrorCategory.InvalidData, feature.Path));
                    continue;
                }
                WriteObject(result);
            }
        }
    }
}
