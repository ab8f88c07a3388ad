using DocCluster.Tests;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using DocCluster.Features.Models;
using Xunit;

namespace DocCluster.Tests
{
    /// <summary>A tiny HTTP server on 127.0.0.1 (random free port) serving fixed files and counting requests.</summary>
    internal sealed class LocalModelServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>();
        private int _requests;

        public LocalModelServer()
        {
            for (int attempt = 0; ; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                int port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                BaseUrl = $"http://127.0.0.1:{port}/";
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add(BaseUrl);
                try { _listener.Start(); break; }
                catch (HttpListenerException) when (attempt < 5) { }
            }
            Task.Run(Serve);
        }

        public string BaseUrl { get; }
        public int Requests => Volatile.Read(ref _requests);

        public string Add(string name, byte[] content)
        {
            lock (_files) _files[name] = content;
            return BaseUrl + name;
        }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                Interlocked.Increment(ref _requests);
                byte[] body;
                lock (_files) _files.TryGetValue(ctx.Request.Url.AbsolutePath.TrimStart('/'), out body);
                try
                {
                    if (body == null) { ctx.Response.StatusCode = 404; ctx.Response.Close(); continue; }
                    ctx.Response.ContentLength64 = body.Length;
                    await ctx.Response.OutputStream.WriteAsync(body, 0, body.Length);
                    ctx.Response.Close();
                }
                catch (Exception) { /* client went away */ }
            }
        }

        public void Dispose()
        {
            try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
        }
    }

    public class ModelStoreTests : IDisposable
    {
        private readonly LocalModelServer _server = new LocalModelServer();
        private readonly string _cache = TestPaths.NewTempDir();
        private readonly byte[] _content;

        public ModelStoreTests()
        {
            _content = new byte[3 * 1024 * 1024 + 123];
            new Random(42).NextBytes(_content);
        }

        public void Dispose()
        {
            _server.Dispose();
            try { Directory.Delete(_cache, true); } catch (IOException) { }
        }

        private static string Sha(byte[] b)
        {
            using (var s = SHA256.Create()) return string.Concat(s.ComputeHash(b).Select(x => x.ToString("x2")));
        }

        private OnnxModelSpec Spec(string url, string sha = null, long? size = null) => new OnnxModelSpec
        {
            Name = "TestNet",
            FileName = "testnet.onnx",
            Url = url,
            Sha256 = sha ?? Sha(_content),
            SizeBytes = size ?? _content.Length,
        };

        private string[] CacheFiles() => Directory.Exists(_cache) ? Directory.GetFiles(_cache) : Array.Empty<string>();

        [Fact]
        public void Download_with_the_right_hash_is_cached_and_reused_without_a_request()
        {
            var url = _server.Add("testnet.onnx", _content);
            var store = new ModelStore(null, _cache);
            var progress = new List<ModelDownloadProgress>();

            var path = store.Resolve(Spec(url), progress: progress.Add);
            Assert.Equal(Path.Combine(_cache, "testnet.onnx"), path);
            Assert.Equal(_content, File.ReadAllBytes(path));
            Assert.Equal(1, _server.Requests);
            Assert.Single(CacheFiles()); // no temp file left
            Assert.NotEmpty(progress);
            Assert.Equal(_content.Length, progress.Last().BytesReceived);
            Assert.Equal(_content.Length, progress.Last().TotalBytes);
            Assert.Equal(100, progress.Last().Percent);
            Assert.True(progress.Zip(progress.Skip(1), (a, b) => a.BytesReceived <= b.BytesReceived).All(x => x));

            var again = new ModelStore(null, _cache).Resolve(Spec(url));
            Assert.Equal(path, again);
            Assert.Equal(1, _server.Requests);
        }

        [Fact]
        public void Download_with_a_wrong_hash_is_refused_and_leaves_nothing_in_the_cache()
        {
            var url = _server.Add("testnet.onnx", _content);
            var wrongSha = new string('0', 64);
            var e = Assert.Throws<ModelIntegrityException>(() => new ModelStore(null, _cache).Resolve(Spec(url, sha: wrongSha)));
            Assert.Equal(wrongSha, e.ExpectedSha256);
            Assert.Equal(Sha(_content), e.ActualSha256);
            Assert.Contains(wrongSha, e.Message);
            Assert.Contains(Sha(_content), e.Message);
            Assert.Empty(CacheFiles());
        }

        [Fact]
        public void Download_with_a_wrong_size_is_refused_and_leaves_nothing_in_the_cache()
        {
            var url = _server.Add("testnet.onnx", _content);
            var e = Assert.Throws<ModelIntegrityException>(() => new ModelStore(null, _cache).Resolve(Spec(url, size: _content.Length - 1)));
            Assert.Equal(_content.Length - 1, e.ExpectedSize);
            Assert.Equal(_content.Length, e.ActualSize);
            Assert.Empty(CacheFiles());
        }

        [Fact]
        public void Http_404_is_a_clear_download_error()
        {
            var url = _server.BaseUrl + "missing.onnx";
            var e = Assert.Throws<ModelDownloadException>(() => new ModelStore(null, _cache).Resolve(Spec(url)));
            Assert.Equal(404, e.StatusCode);
            Assert.Contains("404", e.Message);
            Assert.Contains(url, e.Message);
            Assert.Contains("TestNet", e.Message);
            Assert.Empty(CacheFiles());
        }

        [Fact]
        public void Unreachable_server_is_a_download_error()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var e = Assert.Throws<ModelDownloadException>(() => new ModelStore(null, _cache).Resolve(Spec($"http://127.0.0.1:{port}/x.onnx")));
            Assert.Null(e.StatusCode);
        }

        [Fact]
        public void A_tampered_cache_file_is_detected_and_downloaded_again()
        {
            var url = _server.Add("testnet.onnx", _content);
            var path = new ModelStore(null, _cache).Resolve(Spec(url));
            var bytes = File.ReadAllBytes(path);
            bytes[1000] ^= 0xFF; // same size, different content
            File.WriteAllBytes(path, bytes);

            var warnings = new List<string>();
            var store = new ModelStore(null, _cache) { Warning = warnings.Add };
            Assert.Equal(path, store.Resolve(Spec(url)));
            Assert.Single(warnings);
            Assert.Contains("corrupted", warnings[0]);
            Assert.Equal(2, _server.Requests);
            Assert.Equal(_content, File.ReadAllBytes(path));
        }

        [Fact]
        public void A_tampered_cache_file_without_a_download_is_refused()
        {
            Directory.CreateDirectory(_cache);
            var bad = (byte[])_content.Clone();
            bad[0] ^= 1;
            File.WriteAllBytes(Path.Combine(_cache, "testnet.onnx"), bad);
            var e = Assert.Throws<ModelIntegrityException>(() => new ModelStore(null, _cache).Resolve(Spec(null)));
            Assert.Equal(Sha(bad), e.ActualSha256);
            Assert.Equal(0, _server.Requests);
        }

        [Fact]
        public void Search_path_comes_before_the_cache_and_is_verified()
        {
            var folder = TestPaths.NewTempDir();
            File.WriteAllBytes(Path.Combine(folder, "testnet.onnx"), _content);
            var url = _server.Add("testnet.onnx", _content);
            var path = new ModelStore(new[] { folder }, _cache).Resolve(Spec(url));
            Assert.Equal(Path.Combine(folder, "testnet.onnx"), path);
            Assert.Equal(0, _server.Requests);

            File.WriteAllBytes(Path.Combine(folder, "testnet.onnx"), new byte[10]);
            var e = Assert.Throws<ModelIntegrityException>(() => new ModelStore(new[] { folder }, _cache).Resolve(Spec(url)));
            Assert.Equal(10, e.ActualSize);
            Assert.True(File.Exists(Path.Combine(folder, "testnet.onnx")), "A user's file is never deleted.");
        }

        [Fact]
        public void Explicit_file_or_folder_is_used_and_verified()
        {
            var folder = TestPaths.NewTempDir();
            var file = Path.Combine(folder, "testnet.onnx");
            File.WriteAllBytes(file, _content);
            var store = new ModelStore(null, _cache);
            Assert.Equal(file, store.Resolve(Spec(null), file));
            Assert.Equal(file, store.Resolve(Spec(null), folder));

            var other = Path.Combine(folder, "other.onnx");
            File.WriteAllBytes(other, new byte[] { 1, 2, 3 });
            Assert.Throws<ModelIntegrityException>(() => store.Resolve(Spec(null), other));
            var nf = Assert.Throws<ModelNotFoundException>(() => store.Resolve(Spec(null), Path.Combine(folder, "nope.onnx")));
            Assert.Contains("nope.onnx", nf.Message);
        }

        [Fact]
        public void Missing_local_only_model_names_the_places_searched()
        {
            var folder = TestPaths.NewTempDir();
            var e = Assert.Throws<ModelNotFoundException>(() => new ModelStore(new[] { folder }, _cache).Resolve(Spec(null)));
            Assert.Contains(folder, e.Message);
            Assert.Contains(_cache, e.Message);
            Assert.Contains("no official download", e.Message);
            Assert.Equal(2, e.Searched.Count);
        }

        [Fact]
        public async Task Concurrent_downloads_end_with_one_verified_file()
        {
            var url = _server.Add("testnet.onnx", _content);
            var tasks = Enumerable.Range(0, 4).Select(_ => Task.Run(() => new ModelStore(null, _cache).ResolveAsync(Spec(url)))).ToArray();
            var paths = await Task.WhenAll(tasks);
            Assert.All(paths, p => Assert.Equal(Path.Combine(_cache, "testnet.onnx"), p));
            Assert.Equal(_content, File.ReadAllBytes(paths[0]));
            Assert.Single(CacheFiles());
        }

        [Fact]
        public void Default_cache_directory_follows_the_environment()
        {
            var old = Environment.GetEnvironmentVariable(ModelStore.CacheVariable);
            try
            {
                Environment.SetEnvironmentVariable(ModelStore.CacheVariable, _cache);
                Assert.Equal(_cache, ModelStore.DefaultCacheDirectory());
                Environment.SetEnvironmentVariable(ModelStore.CacheVariable, null);
                var def = ModelStore.DefaultCacheDirectory();
                if (OperatingSystem.IsWindows()) Assert.EndsWith(Path.Combine("DocCluster", "models"), def);
                else Assert.EndsWith(Path.Combine("doccluster", "models"), def);
            }
            finally { Environment.SetEnvironmentVariable(ModelStore.CacheVariable, old); }
        }

        [SharedModelsFact]
        public void Wrong_weights_for_a_preset_name_are_refused()
        {
            var mobilenet = Path.Combine(TestPaths.SharedModels, "mobilenet_v1_0.75_224_features.onnx");
            var e = Assert.Throws<ModelIntegrityException>(() => new ModelStore(null, _cache).Resolve(FeatureModelRegistry.Resolve("SqueezeNet"), mobilenet));
            Assert.Contains("SqueezeNet", e.Message);
            Assert.Equal(mobilenet, e.Path);
            // The right file passes.
            Assert.Equal(mobilenet, new ModelStore(null, _cache).Resolve(FeatureModelRegistry.Resolve("MobileNetV1"), mobilenet));
            Assert.Equal(Path.Combine(TestPaths.SharedModels, "SqueezeNet_fp32_features.onnx"),
                new ModelStore(null, _cache).Resolve(FeatureModelRegistry.Resolve("SqueezeNet"), TestPaths.SharedModels));
        }
    }
}
