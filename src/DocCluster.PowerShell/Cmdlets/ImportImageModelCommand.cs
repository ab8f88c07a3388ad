using System;
using System.IO;
using System.Management.Automation;
using DocCluster.Clustering;
using DocCluster.Persistence;
using DocCluster.PowerShell.Support;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Loads a model saved by Export-ImageModel (a fitted clustering, or another registered model kind).</summary>
    [Cmdlet(VerbsData.Import, "ImageModel", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ClusterModel))]
    [OutputType(typeof(DocCluster.Classification.ImageClassifier))]
    public sealed class ImportImageModelCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (var file in PathResolver.ResolveFiles(this, literal ? LiteralPath : Path, literal))
                Load(file);
        }

        private void Load(string file)
        {
            try
            {
                var model = ModelFile.Load(file, out var header);
                WriteVerbose($"Loaded {file}: {header}.");
                var current = DocCluster.Features.BuiltInFeatureModels.CurrentFingerprint(header.FeatureModel);
                if (current != null && current != header.FeatureFingerprint)
                {
                    WriteError(new ErrorRecord(new InvalidDataException(
                        $"{file} was made from {header.FeatureModel} features of another version (fingerprint {header.FeatureFingerprint}; this DocCluster's is {current}). " +
                        "Its clusters or kinds cannot be compared with today's features: fit or train it again."),
                        "ModelFeatureVersionMismatch", ErrorCategory.InvalidData, file));
                    return;
                }
                WriteObject(model);
            }
            catch (ModelFileException ex)
            {
                WriteError(ToErrorRecord(ex, file));
            }
        }

        /// <summary>Stable ErrorIds for model-file failures (shared with Export-ImageModel).</summary>
        internal static ErrorRecord ToErrorRecord(ModelFileException ex, object target)
        {
            switch (ex.Reason)
            {
                case ModelFileError.NotFound: return new ErrorRecord(ex, "ModelFileNotFound", ErrorCategory.ObjectNotFound, target);
                case ModelFileError.Unreadable: return new ErrorRecord(ex, "ModelFileUnreadable", ErrorCategory.ReadError, target);
                case ModelFileError.Corrupt: return new ErrorRecord(ex, "ModelFileCorrupt", ErrorCategory.InvalidData, target);
                case ModelFileError.NotAModelFile: return new ErrorRecord(ex, "NotAModelFile", ErrorCategory.InvalidData, target);
                case ModelFileError.NewerFormat:
                case ModelFileError.UnsupportedFormat: return new ErrorRecord(ex, "ModelFormatUnsupported", ErrorCategory.NotImplemented, target);
                case ModelFileError.UnknownKind: return new ErrorRecord(ex, "ModelKindUnsupported", ErrorCategory.NotImplemented, target);
                case ModelFileError.KindMismatch: return new ErrorRecord(ex, "ModelKindMismatch", ErrorCategory.InvalidType, target);
                case ModelFileError.FeatureMismatch: return new ErrorRecord(ex, "FeatureModelMismatch", ErrorCategory.InvalidArgument, target);
                case ModelFileError.UnsupportedModelType: return new ErrorRecord(ex, "UnsupportedModelType", ErrorCategory.InvalidType, target);
                case ModelFileError.AlreadyExists: return new ErrorRecord(ex, "ModelFileExists", ErrorCategory.ResourceExists, target);
                default: return new ErrorRecord(ex, "ModelFileFailed", ErrorCategory.NotSpecified, target);
            }
        }
    }
}
