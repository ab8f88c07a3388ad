using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace DocCluster.Features.Models
{
    /// <summary>Download progress of a model's weights.</summary>
    public sealed class ModelDownloadProgress
    {
        public ModelDownloadProgress(string modelName, string url, long bytesReceived, long totalBytes)
        {
            ModelName = modelName; Url = url; BytesReceived = bytesReceived; TotalBytes = totalBytes;
        }

        public string ModelName { get; }
        public string Url { get; }
        public long BytesReceived { get; }
        /// <summary>Expected total; 0 when unknown.</summary>
        public long TotalBytes { get; }
        /// <summary>0..100, or -1 when the total is unknown.</summary>
        public int Percent => TotalBytes > 0 ? (int)Math.Min(100, BytesReceived * 100 / TotalBytes) : -1;
    }

    /// <summary>
    /// Finds the weights of an <see cref="OnnxModelSpec"/>: an explicit file or folder; else the search path
    /// (<c>DOCCLUSTER_MODEL_PATH</c> folders, then the per-user cache); else downloads <see cref="OnnxModelSpec.Url"/> into
    /// the cache. Every file is checked against the spec's pinned size and SHA-256 before it is handed out, so wrong
    /// weights for a preset name, a truncated download or a corrupted cache entry are refused
    /// (<see cref="ModelIntegrityException"/>). Downloads go to a temporary file in the cache folder and are renamed
    /// into place only after verification, so concurrent processes never see a partial file.
    /// </summary>
    public sealed class ModelStore
    {
        public const string SearchPathVariable = "DOCCLUSTER_MODEL_PATH";
        public const string CacheVariable = "DOCCLUSTER_MODEL_CACHE";

        private static readonly Lazy<HttpClient> SharedClient = new Lazy<HttpClient>(() =>
            new HttpClient { Timeout = TimeSpan.FromHours(1) });

        private readonly HttpClient _http;

        /// <param name="searchPaths">Folders searched before the cache (null = none).</param>
        /// <param name="cacheDirectory">Download cache (null = <see cref="DefaultCacheDirectory"/>).</param>
        /// <param name="httpClient">Client used for downloads (null = a shared one that follows redirects).</param>
        public ModelStore(IEnumerable<string> searchPaths = null, string cacheDirectory = null, HttpClient httpClient = null)
        {
            SearchPaths = (searchPaths ?? Enumerable.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath).ToArray();
            CacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory());
            _http = httpClient;
        }

        /// <summary>A store configured from the environment: <c>DOCCLUSTER_MODEL_PATH</c> (folders separated by the platform's path separator) and <c>DOCCLUSTER_MODEL_CACHE</c>.</summary>
        public static ModelStore CreateDefault()
        {
            var env = Environment.GetEnvironmentVariable(SearchPathVariable);
            var paths = string.IsNullOrWhiteSpace(env) ? Array.Empty<string>() : env.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
            return new ModelStore(paths, null);
        }

        /// <summary>Folders searched (in order) before the cache.</summary>
        public IReadOnlyList<string> SearchPaths { get; }
        public string CacheDirectory { get; }

        /// <summary>Receives a line when a cached file failed verification and is being replaced (a cmdlet can WriteWarning it).</summary>
        public Action<string> Warning { get; set; }

        /// <summary>
        /// Per-user cache: <c>DOCCLUSTER_MODEL_CACHE</c> when set; on Windows <c>%LOCALAPPDATA%\DocCluster\models</c>;
        /// elsewhere <c>$XDG_CACHE_HOME/doccluster/models</c> or <c>~/.cache/doccluster/models</c>.
        /// </summary>
        public static string DefaultCacheDirectory()
        {
            var over = Environment.GetEnvironmentVariable(CacheVariable);
            if (!string.IsNullOrWhiteSpace(over)) return over;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                if (string.IsNullOrEmpty(local)) local = Environment.GetEnvironmentVariable("LOCALAPPDATA");
                return Path.Combine(local, "DocCluster", "models");
            }
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "doccluster", "models");
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".cache", "doccluster", "models");
        }

        /// <summary>Path of the model in the cache (whether or not it is there).</summary>
        public string CachePathOf(OnnxModelSpec spec) => Path.Combine(CacheDirectory, CheckedFileName(spec));

        /// <summary>Synchronous <see cref="ResolveAsync"/>.</summary>
        public string Resolve(OnnxModelSpec spec, string explicitPath = null, Action<ModelDownloadProgress> progress = null, CancellationToken cancellationToken = default)
            => Task.Run(() => ResolveAsync(spec, explicitPath, progress, cancellationToken)).GetAwaiter().GetResult();

        /// <summary>
        /// Full path of verified weights for <paramref name="spec"/>. <paramref name="explicitPath"/> may be the file
        /// itself or a folder holding <see cref="OnnxModelSpec.FileName"/>.
        /// </summary>
        public async Task<string> ResolveAsync(OnnxModelSpec spec, string explicitPath = null, Action<ModelDownloadProgress> progress = null, CancellationToken cancellationToken = default)
        {
            if (spec == null) throw new ArgumentNullException(nameof(spec));
            var fileName = CheckedFileName(spec);

            if (!string.IsNullOrEmpty(explicitPath))
            {
                var full = Path.GetFullPath(explicitPath);
                var file = Directory.Exists(full) ? Path.Combine(full, fileName) : full;
                if (!File.Exists(file))
                    throw new ModelNotFoundException(spec.Name, fileName, new[] { file }, "The given model path does not exist.");
                Verify(spec, file);
                return file;
            }

            var searched = new List<string>();
            foreach (var folder in SearchPaths)
            {
                var file = Path.Combine(folder, fileName);
                searched.Add(file);
                if (File.Exists(file)) { Verify(spec, file); return file; }
            }

            var cached = Path.Combine(CacheDirectory, fileName);
            searched.Add(cached);
            if (File.Exists(cached))
            {
                try
                {
                    Verify(spec, cached);
                    return cached;
                }
                catch (ModelIntegrityException e) when (spec.Url != null)
                {
                    Warning?.Invoke($"Cached weights of model '{spec.Name}' are corrupted and will be downloaded again: {e.Message}");
                    TryDelete(cached);
                }
            }

            if (spec.Url == null)
                throw new ModelNotFoundException(spec.Name, fileName, searched,
                    $"Model '{spec.Name}' has no official download; put '{fileName}' in one of those folders (or a folder listed in {SearchPathVariable}) or give its path.");
            if (spec.Sha256 == null)
                throw new InvalidOperationException($"Model '{spec.Name}' has no pinned SHA-256; refusing to download unverifiable weights.");

            return await DownloadAsync(spec, cached, progress, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Checks <paramref name="path"/> against the spec's pinned size and SHA-256 (when pinned); throws <see cref="ModelIntegrityException"/>.</summary>
        public static void Verify(OnnxModelSpec spec, string path)
        {
            if (spec.Sha256 == null && spec.SizeBytes <= 0) return;
            long size = new FileInfo(path).Length;
            if (spec.SizeBytes > 0 && size != spec.SizeBytes)
                throw new ModelIntegrityException(spec.Name, path, spec.Sha256, null, spec.SizeBytes, size);
            if (spec.Sha256 == null) return;
            var actual = FileHash.Sha256(path);
            if (!string.Equals(actual, spec.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new ModelIntegrityException(spec.Name, path, spec.Sha256.ToLowerInvariant(), actual, spec.SizeBytes, size);
        }

        private async Task<string> DownloadAsync(OnnxModelSpec spec, string target, Action<ModelDownloadProgress> progress, CancellationToken ct)
        {
            Directory.CreateDirectory(CacheDirectory);
            var temp = Path.Combine(CacheDirectory, $"{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
            var http = _http ?? SharedClient.Value;
            try
            {
                HttpResponseMessage response;
                try
                {
                    response = await http.GetAsync(spec.Url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    throw new ModelDownloadException(spec.Name, spec.Url, null, $"Downloading model '{spec.Name}' from {spec.Url} failed: {e.Message}", e);
                }
                catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
                {
                    throw new ModelDownloadException(spec.Name, spec.Url, null, $"Downloading model '{spec.Name}' from {spec.Url} timed out.", e);
                }

                string actualSha;
                long received = 0;
                using (response)
                {
                    if (!response.IsSuccessStatusCode)
                        throw new ModelDownloadException(spec.Name, spec.Url, (int)response.StatusCode,
                            $"Downloading model '{spec.Name}' from {spec.Url} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
                    long total = response.Content.Headers.ContentLength ?? spec.SizeBytes;
                    if (spec.SizeBytes > 0 && response.Content.Headers.ContentLength is long announced && announced != spec.SizeBytes)
                        throw new ModelIntegrityException(spec.Name, spec.Url, spec.Sha256, null, spec.SizeBytes, announced);

                    using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                    using (var src = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    using (var dst = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                    {
                        var buf = new byte[1 << 16];
                        long lastReport = -1;
                        progress?.Invoke(new ModelDownloadProgress(spec.Name, spec.Url, 0, total));
                        int n;
                        while ((n = await src.ReadAsync(buf, 0, buf.Length, ct).ConfigureAwait(false)) > 0)
                        {
                            received += n;
                            if (spec.SizeBytes > 0 && received > spec.SizeBytes)
                                throw new ModelIntegrityException(spec.Name, spec.Url, spec.Sha256, null, spec.SizeBytes, received);
                            sha.AppendData(buf, 0, n);
                            await dst.WriteAsync(buf, 0, n, ct).ConfigureAwait(false);
                            if (progress != null && (received - lastReport >= (1 << 20) || (total > 0 && received == total)))
                            {
                                lastReport = received;
                                progress(new ModelDownloadProgress(spec.Name, spec.Url, received, total));
                            }
                        }
                        if (progress != null && received != lastReport) progress(new ModelDownloadProgress(spec.Name, spec.Url, received, total));
                        await dst.FlushAsync(ct).ConfigureAwait(false);
                        dst.Flush(true);
                        actualSha = FileHash.ToHex(sha.GetHashAndReset());
                    }
                }

                if (spec.SizeBytes > 0 && received != spec.SizeBytes)
                    throw new ModelIntegrityException(spec.Name, spec.Url, spec.Sha256, null, spec.SizeBytes, received);
                if (!string.Equals(actualSha, spec.Sha256, StringComparison.OrdinalIgnoreCase))
                    throw new ModelIntegrityException(spec.Name, spec.Url, spec.Sha256.ToLowerInvariant(), actualSha, spec.SizeBytes, received);

                MoveIntoPlace(spec, temp, target);
                return target;
            }
            finally
            {
                TryDelete(temp);
            }
        }

        /// <summary>Atomic rename; when another process got there first, keep its file if it verifies, else replace it.</summary>
        private static void MoveIntoPlace(OnnxModelSpec spec, string temp, string target)
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    File.Move(temp, target);
                    return;
                }
                catch (IOException) when (File.Exists(target) && attempt < 5)
                {
                    try
                    {
                        Verify(spec, target);
                        return; // an identical, verified file is already there (concurrent download)
                    }
                    catch (ModelIntegrityException) { TryDelete(target); }
                    catch (IOException) { Thread.Sleep(50 * (attempt + 1)); } // being written/renamed by another process
                }
            }
        }

        private static string CheckedFileName(OnnxModelSpec spec)
        {
            var name = spec.FileName;
            if (string.IsNullOrWhiteSpace(name) || name != Path.GetFileName(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                throw new ArgumentException($"Model '{spec.Name}' has an invalid FileName '{name}'.");
            return name;
        }

        private static void TryDelete(string path)
        {
            try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

    }
}
