using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DocCluster.Classification;
using DocCluster.Clustering;
using DocCluster.Features;
using DocCluster.Imaging;
using DocCluster.PowerShell.Support;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>
    /// Trains a few-shot classifier. -Path: a folder with one sub-folder per kind (features extracted here, like
    /// Get-ImageFeature). Pipeline: ImageFeature (kind from -Label, or -KindFromFolder = parent folder name),
    /// ClusterAssignment (kind = ClusterName) or any object with a Feature property and a Kind/Label/ClusterName property
    /// (or the one -LabelProperty names).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ImageClassifier", DefaultParameterSetName = InputSet)]
    [OutputType(typeof(ImageClassifier))]
    public sealed class NewImageClassifierCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string InputSet = "InputObject";
        private static readonly string[] DefaultLabelProperties = { "Kind", "Label", "ClusterName" };
        private readonly List<(ImageFeature feature, string kind)> examples = new List<(ImageFeature, string)>();

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string ModelPath { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Math.Max(1, Environment.ProcessorCount);

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
        public PSObject[] InputObject { get; set; }

        /// <summary>Kind = name of the folder that holds each image.</summary>
        [Parameter(ParameterSetName = InputSet)]
        public SwitchParameter KindFromFolder { get; set; }

        /// <summary>One kind for every input object (e.g. to add a batch of one kind).</summary>
        [Parameter(ParameterSetName = InputSet)]
        [ValidateNotNullOrEmpty]
        public string Label { get; set; }

        /// <summary>The property that holds the kind (default: Kind, Label, then ClusterName).</summary>
        [Parameter(ParameterSetName = InputSet)]
        [ValidateNotNullOrEmpty]
        public string LabelProperty { get; set; }

        /// <summary>Default -MinConfidence stored in the classifier (0..1) for Invoke-ImageClassification -Streaming.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double MinConfidence { get; set; } = ClassifierOptions.DefaultMinConfidence;

        /// <summary>Default -MinConfidence stored in the classifier (0..1) for Invoke-ImageClassification's batch mode (its default).</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double BatchMinConfidence { get; set; } = ClassifierOptions.DefaultBatchMinConfidence;

        /// <summary>Unlabelled pages of the same collection (ImageFeature, ClusterAssignment or objects with a Feature property),
        /// typically the archive's features: up to 1,000 are kept in the classifier so that batch classification of a small
        /// nightly batch sees the neighbourhood the archive gives (more pages of an unlabelled kind come out Unknown).</summary>
        [Parameter]
        [Alias("Unlabeled")]
        public PSObject[] Context { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != InputSet || InputObject == null) return;
            foreach (var item in InputObject)
            {
                if (item == null) continue;
                var feature = FeatureOf(item);
                if (feature == null)
                {
                    WriteError(new ErrorRecord(new ArgumentException($"'{item}' carries no image feature: pipe ImageFeature, ClusterAssignment, or objects with a Feature property."),
                        "NotAnImageFeature", ErrorCategory.InvalidType, item));
                    continue;
                }
                var kind = KindOf(item, feature);
                if (string.IsNullOrWhiteSpace(kind))
                {
                    WriteError(new ErrorRecord(new ArgumentException($"No kind for '{feature}': use -Label, -KindFromFolder or -LabelProperty, or set a Kind/Label/ClusterName property."),
                        "MissingLabel", ErrorCategory.InvalidData, feature.Path));
                    continue;
                }
                examples.Add((feature, kind.Trim()));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == PathSet) ExtractFolder();
            if (examples.Count == 0)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("No labelled examples were received; nothing to train on."),
                    "NoLabelledExamples", ErrorCategory.InvalidArgument, null));
            ImageClassifier classifier = null;
            try
            {
                classifier = ImageClassifier.Train(examples, new ClassifierOptions(), null, ContextFeatures());
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidTrainingInput", ErrorCategory.InvalidArgument, null));
            }
            classifier.DefaultMinConfidence = MinConfidence;
            classifier.DefaultBatchMinConfidence = BatchMinConfidence;
            WriteVerbose($"Trained on {examples.Count} example(s) of {classifier.Kinds.Length} kind(s): " +
                string.Join(", ", classifier.Kinds.Select((k, i) => $"{k} ({classifier.ExampleCounts[i]})")) +
                (classifier.ContextVectors != null ? $"; {classifier.ContextVectors.Length} unlabelled context page(s) kept" : ""));
            WriteObject(classifier);
        }

        private List<ImageFeature> ContextFeatures()
        {
            if (Context == null) return null;
            var features = new List<ImageFeature>();
            foreach (var item in Context)
            {
                if (item == null) continue;
                var feature = FeatureOf(item);
                if (feature == null)
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Context: '{item}' carries no image feature: pass ImageFeature or ClusterAssignment objects (e.g. the archive's Get-ImageFeature output)."),
                        "ContextNotAnImageFeature", ErrorCategory.InvalidArgument, item));
                features.Add(feature);
            }
            return features;
        }

        private ImageFeature FeatureOf(PSObject item)
        {
            switch (item.BaseObject)
            {
                case ImageFeature f: return f;
                case ClusterAssignment a: return a.Feature;
                case ClassificationResult r: return r.Feature;
            }
            return item.Properties["Feature"]?.Value is object v ? (v is PSObject p ? p.BaseObject : v) as ImageFeature : null;
        }

        private string KindOf(PSObject item, ImageFeature feature)
        {
            if (!string.IsNullOrEmpty(Label)) return Label;
            if (KindFromFolder) return System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(feature.Path));
            if (!string.IsNullOrEmpty(LabelProperty)) return item.Properties[LabelProperty]?.Value?.ToString();
            foreach (var name in DefaultLabelProperties)
            {
                var v = item.Properties[name]?.Value?.ToString();
                if (!string.IsNullOrWhiteSpace(v)) return v;
            }
            return null;
        }

        private void ExtractFolder()
        {
            var root = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!Directory.Exists(root))
                ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException($"Labels folder not found: {root}"), "LabelFolderNotFound", ErrorCategory.ObjectNotFound, Path));
            var kindDirs = Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal).ToArray();
            if (kindDirs.Length == 0)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{root}' has no sub-folders: put each kind's images in a sub-folder named after the kind."),
                    "NoKindFolders", ErrorCategory.InvalidArgument, Path));
            var kindOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var dir in kindDirs)
                foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                    kindOf[System.IO.Path.GetFullPath(file)] = System.IO.Path.GetFileName(dir);

            IFeatureExtractor extractor = null;
            var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
            try
            {
                string modelPath = ModelPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath);
                if (modelPath != null && !File.Exists(modelPath))
                    ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"Model file not found: {modelPath}", modelPath), "ModelFileNotFound", ErrorCategory.ObjectNotFound, ModelPath));
                extractor = BackendBridge.CreateExtractor(new FeatureExtractorRequest
                {
                    Model = Model ?? (modelPath == null ? "DocLayout" : null),
                    ModelPath = modelPath,
                    IntraOpThreads = Math.Max(1, Environment.ProcessorCount / ThrottleLimit),
                    Warning = warnings.Enqueue,
                });
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(ErrorRecords.ModelUnavailable(ex, Model ?? ModelPath));
            }
            while (warnings.TryDequeue(out var w)) WriteWarning(w);
            using (extractor)
            using (var queue = new FeatureExtractionQueue(BackendBridge.CreateDecoder(), extractor, new DecodeOptions { MaxLongSide = extractor.PreferredLongSide }, ThrottleLimit))
            {
                foreach (var file in kindOf.Keys) queue.Add(file);
                queue.Complete();
                var got = new List<FeatureResult>();
                try
                {
                    foreach (var r in queue.TakeRemaining(TimeSpan.FromMilliseconds(250)))
                        if (r != null) got.Add(r);
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
                foreach (var r in got.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Feature?.Page ?? 0))
                {
                    if (r.Feature == null) { WriteError(ErrorRecords.ForImageFailure(r.Error, r.Path)); continue; }
                    examples.Add((r.Feature, kindOf.TryGetValue(r.Feature.Path, out var k) ? k : System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(r.Feature.Path))));
                }
            }
        }
    }
}
