using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using DocCluster.Features;
using DocCluster.Features.Models;
using DocCluster.Imaging;
using DocCluster.Persistence;
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
        private FeatureCache cache;
        private readonly Stopwatch progressClock = Stopwatch.StartNew();
        private int emitted;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string[] Path { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; }

        /// <summary>DocLayout (default, no download), Thumbnail, an ONNX preset (MobileNetV1, ResNet50-v2, ...) or DocLayout+&lt;preset&gt;.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; }

        /// <summary>With -Model: that preset's weights file. Alone: any ONNX image model (see the preprocessing parameters).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ModelPath { get; set; }

        /// <summary>Custom ONNX model: input width and height (one value for square).</summary>
        [Parameter]
        [ValidateCount(1, 2)]
        [ValidateRange(8, 4096)]
        public int[] InputSize { get; set; }

        [Parameter]
        [ValidateSet("RGB", "BGR", IgnoreCase = true)]
        public string ChannelOrder { get; set; }

        /// <summary>Custom ONNX model: fed value = (pixel * PixelScale - Mean[c]) / Std[c], pixel 0..255.</summary>
        [Parameter]
        public float PixelScale { get; set; }

        [Parameter]
        [ValidateCount(3, 3)]
        public float[] Mean { get; set; }

        [Parameter]
        [ValidateCount(3, 3)]
        public float[] Std { get; set; }

        /// <summary>Custom ONNX model: the tensor to use as the feature (pooled if spatial); default: the first output.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string FeatureOutput { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Math.Max(1, Environment.ProcessorCount);

        [Parameter]
        [ValidateRange(1_000_000, long.MaxValue)]
        public long MaxPixels { get; set; } = new DecodeOptions().MaxPixels;

        /// <summary>Folder of cached features keyed by file content (SHA-256) and extractor: files seen before, even renamed,
        /// are not decoded again. Safe to share between runs that overlap.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CachePath { get; set; }

        protected override void BeginProcessing()
        {
            var request = new FeatureExtractorRequest
            {
                Model = Model ?? (ModelPath == null ? "DocLayout" : null),
                ModelPath = ResolveModelPath(),
                Overrides = BuildOverrides(),
                IntraOpThreads = Math.Max(1, Environment.ProcessorCount / ThrottleLimit),
            };
            var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
            request.Warning = warnings.Enqueue;
            try
            {
                extractor = BackendBridge.CreateExtractor(request);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(ErrorRecords.ModelUnavailable(ex, Model ?? ModelPath));
            }
            while (warnings.TryDequeue(out var warning)) WriteWarning(warning);
            var options = new DecodeOptions { MaxLongSide = extractor.PreferredLongSide, MaxPixels = MaxPixels };
            cache = OpenCache();
            queue = new FeatureExtractionQueue(BackendBridge.CreateDecoder(), extractor, options, ThrottleLimit, cache);
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
            if (cache != null)
            {
                WriteVerbose($"Feature cache {cache.Folder}: {cache.Hits} hit(s), {cache.Misses} miss(es) computed, {cache.Stored} stored" +
                    (cache.Invalid > 0 ? $", {cache.Invalid} damaged entr{(cache.Invalid == 1 ? "y" : "ies")} ignored" : "") + ".");
                if (cache.WriteFailures > 0)
                    WriteWarning($"{cache.WriteFailures} feature cache entr{(cache.WriteFailures == 1 ? "y" : "ies")} could not be written (last: {cache.LastWriteError}); those files will be computed again next time.");
            }
        }

        private FeatureCache OpenCache()
        {
            if (string.IsNullOrEmpty(CachePath)) return null;
            string folder = CachePath;
            try
            {
                folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(CachePath);
                if (File.Exists(folder)) throw new IOException($"'{folder}' is a file; -CachePath needs a folder.");
                return new FeatureCache(folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "FeatureCacheUnavailable", ErrorCategory.InvalidArgument, CachePath));
                return null;
            }
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

        private OnnxModelOverrides BuildOverrides()
        {
            var bound = MyInvocation.BoundParameters;
            if (!(bound.ContainsKey(nameof(InputSize)) || bound.ContainsKey(nameof(ChannelOrder)) || bound.ContainsKey(nameof(PixelScale)) ||
                  bound.ContainsKey(nameof(Mean)) || bound.ContainsKey(nameof(Std)) || bound.ContainsKey(nameof(FeatureOutput))))
                return null;
            return new OnnxModelOverrides
            {
                InputWidth = InputSize?[0],
                InputHeight = InputSize == null ? (int?)null : InputSize[InputSize.Length - 1],
                ChannelOrder = ChannelOrder == null ? (Features.Models.ChannelOrder?)null
                    : string.Equals(ChannelOrder, "BGR", StringComparison.OrdinalIgnoreCase) ? Features.Models.ChannelOrder.Bgr : Features.Models.ChannelOrder.Rgb,
                PixelScale = bound.ContainsKey(nameof(PixelScale)) ? PixelScale : (float?)null,
                Mean = Mean,
                Std = Std,
                FeatureOutput = FeatureOutput,
            };
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
