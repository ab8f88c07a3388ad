using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DocCluster.Imaging;
using DocCluster.Persistence;

namespace DocCluster.Features
{
    /// <summary>
    /// Decodes and extracts features for files on worker threads while the caller (the pipeline thread) adds
    /// paths and takes results as they become ready. Results come in completion order, not input order.
    /// </summary>
    public sealed class FeatureExtractionQueue : IDisposable
    {
        private readonly IImageDecoder decoder;
        private readonly IFeatureExtractor extractor;
        private readonly DecodeOptions options;
        private readonly FeatureCache cache;
        private readonly BlockingCollection<string> pending = new BlockingCollection<string>();
        private readonly BlockingCollection<FeatureResult> results = new BlockingCollection<FeatureResult>();
        private readonly CancellationTokenSource cancellation;
        private readonly Task workers;
        private int filesAdded;
        private int filesDone;

        public FeatureExtractionQueue(IImageDecoder decoder, IFeatureExtractor extractor, DecodeOptions options, int workerCount, CancellationToken cancellationToken = default)
            : this(decoder, extractor, options, workerCount, null, cancellationToken)
        {
        }

        /// <summary>With a <paramref name="cache"/>: each worker hashes the file (SHA-256 of its content), takes the features
        /// from the cache when present (no decoding) and stores them otherwise; every feature gets its ContentHash.
        /// The pages of a file are then delivered together once the file is done.</summary>
        public FeatureExtractionQueue(IImageDecoder decoder, IFeatureExtractor extractor, DecodeOptions options, int workerCount, FeatureCache cache, CancellationToken cancellationToken = default)
        {
            this.cache = cache;
            if (workerCount < 1) throw new ArgumentOutOfRangeException(nameof(workerCount), "At least one worker is needed.");
            this.decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
            this.extractor = extractor ?? throw new ArgumentNullException(nameof(extractor));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var tasks = Enumerable.Range(0, workerCount)
                .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
                .ToArray();
            workers = Task.WhenAll(tasks).ContinueWith(_ => results.CompleteAdding(), TaskScheduler.Default);
        }

        public int FilesAdded => filesAdded;
        public int FilesDone => Volatile.Read(ref filesDone);

        public void Add(string path)
        {
            Interlocked.Increment(ref filesAdded);
            pending.Add(path);
        }

        /// <summary>No more paths will be added; <see cref="TakeRemaining"/> then ends when all work is done.</summary>
        public void Complete() => pending.CompleteAdding();

        public bool TryTake(out FeatureResult result) => results.TryTake(out result);

        /// <summary>Blocks until the next result or until all work is done; throws OperationCanceledException when stopped.</summary>
        public IEnumerable<FeatureResult> TakeRemaining(TimeSpan? heartbeat = null)
        {
            var wait = heartbeat ?? Timeout.InfiniteTimeSpan;
            while (!results.IsCompleted)
            {
                if (results.TryTake(out var r, (int)wait.TotalMilliseconds, cancellation.Token)) yield return r;
                else if (heartbeat.HasValue) yield return null; // lets the caller report progress while waiting
            }
        }

        public void Cancel() => cancellation.Cancel();

        private void Work()
        {
            try
            {
                foreach (var path in pending.GetConsumingEnumerable(cancellation.Token))
                {
                    try
                    {
                        if (cache != null)
                        {
                            ExtractWithCache(path);
                            continue;
                        }
                        foreach (var page in decoder.Decode(path, options, cancellation.Token))
                        {
                            cancellation.Token.ThrowIfCancellationRequested();
                            var vector = extractor.Extract(page.Image);
                            var feature = new ImageFeature(path, page.Page, page.PageCount, page.Image.SourceWidth, page.Image.SourceHeight,
                                extractor.Info.Name, extractor.Info.Fingerprint, vector);
                            results.Add(FeatureResult.Success(feature));
                        }
                    }
                    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        results.Add(FeatureResult.Failure(path, ex));
                    }
                    finally
                    {
                        Interlocked.Increment(ref filesDone);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        private void ExtractWithCache(string path)
        {
            string hash = null;
            long length = 0;
            DateTime written = default;
            try
            {
                var info = new System.IO.FileInfo(path);
                length = info.Length;
                written = info.LastWriteTimeUtc;
                hash = FileHash.Sha256(path);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                hash = null; // the decoder reports the problem the usual way
            }
            if (hash != null)
            {
                var cached = cache.TryGet(path, hash, extractor.Info);
                if (cached != null)
                {
                    foreach (var f in cached) results.Add(FeatureResult.Success(f));
                    return;
                }
            }
            var pages = new List<ImageFeature>();
            foreach (var page in decoder.Decode(path, options, cancellation.Token))
            {
                cancellation.Token.ThrowIfCancellationRequested();
                var vector = extractor.Extract(page.Image);
                pages.Add(new ImageFeature(path, page.Page, page.PageCount, page.Image.SourceWidth, page.Image.SourceHeight,
                    extractor.Info.Name, extractor.Info.Fingerprint, vector));
            }
            if (hash != null && pages.Count > 0 && Unchanged(path, length, written))
            {
                foreach (var f in pages) f.ContentHash = hash;
                cache.Put(hash, extractor.Info, pages);
            }
            foreach (var f in pages) results.Add(FeatureResult.Success(f));
        }

        /// <summary>The file still has the size and time it had when it was hashed (so the features belong to that hash).</summary>
        private static bool Unchanged(string path, long length, DateTime written)
        {
            try
            {
                var info = new System.IO.FileInfo(path);
                return info.Exists && info.Length == length && info.LastWriteTimeUtc == written;
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            cancellation.Cancel();
            pending.CompleteAdding();
            try { workers.Wait(TimeSpan.FromSeconds(30)); } catch (AggregateException) { }
            cancellation.Dispose();
        }
    }
}
