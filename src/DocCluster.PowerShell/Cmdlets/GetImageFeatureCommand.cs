using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using DocCluster.Features;
using DocCluster.Imaging;
using DocCluster.PowerShell.Support;

namespace DocCluster.PowerShell.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "ImageFeature", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ImageFeature))]
    public sealed class GetImageFeatureCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private IFeatureExtractor extractor;
        private FeatureExtractionQueue queue;
        private readonly Stopwatch progressClock = Stopwatch.StartNew();
        private int emitted;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; }

        /// <summary>Feature extractor: DocLayout (default, no download), Thumbnail, or a named ONNX model.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; } = "DocLayout";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ModelPath { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Math.Max(1, Environment.ProcessorCount);

        [Parameter]
        [ValidateRange(1_000_000, long.MaxValue)]
        public long MaxPixels { get; set; } = new DecodeOptions().MaxPixels;

        protected override void BeginProcessing()
        {
            var request = new FeatureExtractorRequest { Model = Model, ModelPath = ResolveModelPath() };
            try
            {
                extractor = BackendBridge.CreateExtractor(request);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(ErrorRecords.ModelUnavailable(ex, Model));
            }
            var options = new DecodeOptions { MaxLongSide = extractor.PreferredLongSide, MaxPixels = MaxPixels };
            queue = new FeatureExtractionQueue(BackendBridge.CreateDecoder(), extractor, options, ThrottleLimit);
            WriteVerbose($"Extracting {extractor.Info} with {ThrottleLimit} worker(s).");
        }

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (var path in PathResolver.ResolveFiles(this, literal ? LiteralPath : Path, literal))
                queue.Add(path);
            while (queue.TryTake(out var result)) Emit(result);
            ReportProgress(final: false);
        }

        protected override void EndProcessing()
        {
            queue.Complete();
            try
            {
                foreach (var result in queue.TakeRemaining(TimeSpan.FromMilliseconds(250)))
                {
                    if (result != null) Emit(result);
                    ReportProgress(final: false);
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            ReportProgress(final: true);
        }

        protected override void StopProcessing() => queue?.Cancel();

        private void Emit(FeatureResult result)
        {
            if (result.Feature != null)
            {
                emitted++;
                WriteObject(result.Feature);
            }
            else
            {
                WriteError(ErrorRecords.ForImageFailure(result.Error, result.Path));
            }
        }

        private void ReportProgress(bool final)
        {
            if (!final && progressClock.ElapsedMilliseconds < 250) return;
            progressClock.Restart();
            int total = queue.FilesAdded, done = queue.FilesDone;
            var record = new ProgressRecord(1, "Extracting image features", $"{done} of {total} file(s), {emitted} page(s) with features");
            if (final) record.RecordType = ProgressRecordType.Completed;
            else if (total > 0) record.PercentComplete = Math.Min(100, done * 100 / total);
            WriteProgress(record);
        }

        private string ResolveModelPath()
        {
            if (string.IsNullOrEmpty(ModelPath)) return null;
            var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath);
            if (!File.Exists(resolved))
                ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"Model file not found: {resolved}", resolved),
                    "ModelFileNotFound", ErrorCategory.ObjectNotFound, ModelPath));
            return resolved;
        }

        public void Dispose()
        {
            queue?.Dispose();
            extractor?.Dispose();
        }
    }
}
