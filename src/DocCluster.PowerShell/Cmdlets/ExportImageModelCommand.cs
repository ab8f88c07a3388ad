using System;
using System.IO;
using System.Management.Automation;
using DocCluster.Persistence;
using Microsoft.PowerShell.Commands;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Saves a fitted model (Invoke-ImageCluster -ModelVariable) to one JSON file, with its feature-extractor
    /// fingerprint and a format version, written atomically.</summary>
    [Cmdlet(VerbsData.Export, "ImageModel", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportImageModelCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private bool saved;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Replace an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var model = InputObject is PSObject pso ? pso.BaseObject : InputObject;
            var kind = ModelFileKinds.ForType(model.GetType());
            if (kind == null)
            {
                var known = string.Join(", ", System.Linq.Enumerable.Select(ModelFileKinds.All, k => k.Kind));
                WriteError(new ErrorRecord(new ArgumentException($"A {model.GetType().FullName} is not a model that can be saved. Supported: {known} (e.g. Invoke-ImageCluster -ModelVariable m)."),
                    "UnsupportedModelType", ErrorCategory.InvalidType, model));
                return;
            }
            var raw = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
            string file;
            try
            {
                file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(raw, out var provider, out _);
                if (provider.ImplementingType != typeof(FileSystemProvider))
                    ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"'{raw}' is not a file-system path."), "NotFileSystemPath", ErrorCategory.InvalidArgument, raw));
            }
            catch (Exception ex) when (ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ArgumentException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidPath", ErrorCategory.InvalidArgument, raw));
                return;
            }
            if (saved)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"More than one model was sent to {file}; only the first was saved. Export each model to its own file."),
                    "MultipleModelsForOneFile", ErrorCategory.InvalidOperation, model));
                return;
            }
            if (Directory.Exists(file))
            {
                WriteError(new ErrorRecord(new IOException($"'{file}' is a folder. Give the model file's name, e.g. {System.IO.Path.Combine(file, "model.json")}."),
                    "PathIsFolder", ErrorCategory.InvalidArgument, file));
                return;
            }
            if (!ShouldProcess(file, $"Save {kind.Kind}")) return;
            try
            {
                var header = ModelFile.Save(model, file, overwrite: Force);
                saved = true;
                WriteVerbose($"Saved {header} to {file}.");
                if (PassThru) WriteObject(new FileInfo(file));
            }
            catch (ModelFileException ex) when (ex.Reason == ModelFileError.NotFound)
            {
                WriteError(new ErrorRecord(ex, "ModelFolderNotFound", ErrorCategory.ObjectNotFound, file));
            }
            catch (ModelFileException ex) when (ex.Reason == ModelFileError.Unreadable)
            {
                WriteError(new ErrorRecord(ex, "ModelFileWriteFailed", ErrorCategory.WriteError, file));
            }
            catch (ModelFileException ex)
            {
                WriteError(ImportImageModelCommand.ToErrorRecord(ex, file));
            }
        }
    }
}
