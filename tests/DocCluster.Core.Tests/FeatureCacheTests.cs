using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DocCluster.Backends;
using DocCluster.Features;
using DocCluster.Imaging;
using DocCluster.Persistence;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Core.Tests
{
    public class FeatureCacheTests : IDisposable
    {
        private readonly string dir = TestPaths.NewTempDir();
        private readonly string cacheDir;
        private readonly string images;

        public FeatureCacheTests()
        {
            cacheDir = Path.Combine(dir, "cache");
            images = Path.Combine(dir, "images");
            Directory.CreateDirectory(images);
            for (int i = 0; i < 4; i++) File.WriteAllBytes(Img(i), TestImages.Png(120 + 20 * i, 160));
        }

        public void Dispose() { try { Directory.Delete(dir, true); } catch (IOException) { } }

        private string Img(int i) => Path.Combine(images, $"page{i}.png");

        private sealed class CountingDecoder : IImageDecoder
        {
            private readonly IImageDecoder inner = BackendServices.CreateDecoder();
            private int calls;
            public int Calls => Volatile.Read(ref calls);
            public IEnumerable<DecodedPage> Decode(string path, DecodeOptions options, CancellationToken cancellation = default)
            {
                Interlocked.Increment(ref calls);
                return inner.Decode(path, options, cancellation);
            }
        }

        private static List<FeatureResult> Run(IImageDecoder decoder, IFeatureExtractor extractor, FeatureCache cache, IEnumerable<string> paths, int workers = 2)
        {
            using (var q = new FeatureExtractionQueue(decoder, extractor, new DecodeOptions { MaxLongSide = extractor.PreferredLongSide }, workers, cache))
            {
                foreach (var p in paths) q.Add(p);
                q.Complete();
                return q.TakeRemaining().Where(r => r != null).OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
            }
        }

        private IEnumerable<string> All => Enumerable.Range(0, 4).Select(Img);

        [Fact]
        public void Second_run_decodes_nothing_and_gives_identical_features()
        {
            var extractor = new ThumbnailExtractor();
            var d1 = new CountingDecoder();
            var cache1 = new FeatureCache(cacheDir);
            var first = Run(d1, extractor, cache1, All);
            Assert.Equal(4, d1.Calls);
            Assert.Equal(4, cache1.Misses);
            Assert.Equal(4, cache1.Stored);
            Assert.All(first, r => Assert.Null(r.Error));

            var d2 = new CountingDecoder();
            var cache2 = new FeatureCache(cacheDir);
            var second = Run(d2, extractor, cache2, All);
            Assert.Equal(0, d2.Calls);
            Assert.Equal(4, cache2.Hits);
            Assert.Equal(0, cache2.Misses);
            Assert.Equal(0, cache2.Stored);

            var uncached = Run(BackendServices.CreateDecoder(), extractor, null, All);
            for (int i = 0; i < 4; i++)
            {
                var a = first[i].Feature; var b = second[i].Feature; var u = uncached[i].Feature;
                Assert.Equal(a.Path, b.Path);
                Assert.Equal(u.Vector, a.Vector);
                Assert.Equal(a.Vector, b.Vector);
                Assert.Equal((a.Page, a.PageCount, a.Width, a.Height, a.Model, a.ModelFingerprint), (b.Page, b.PageCount, b.Width, b.Height, b.Model, b.ModelFingerprint));
                Assert.Equal(FileHash.Sha256(a.Path), a.ContentHash);
                Assert.Equal(a.ContentHash, b.ContentHash);
                Assert.Null(u.ContentHash);
            }
            // fan-out by hash prefix, one entry per file, nothing temporary left
            var entries = Directory.GetFiles(cacheDir, "*", SearchOption.AllDirectories);
            Assert.Equal(4, entries.Length);
            Assert.All(entries, e => Assert.Equal(Path.GetFileName(e).Substring(0, 2), Path.GetFileName(Path.GetDirectoryName(e))));
            Assert.All(entries, e => Assert.EndsWith("-" + extractor.Info.Fingerprint + ".json", e));
        }

        [Fact]
        public void Changed_file_is_recomputed_and_a_renamed_copy_hits()
        {
            var extractor = new ThumbnailExtractor();
            Run(new CountingDecoder(), extractor, new FeatureCache(cacheDir), All);
            var before = Run(BackendServices.CreateDecoder(), extractor, null, new[] { Img(2) })[0].Feature;

            File.WriteAllBytes(Img(2), TestImages.Png(300, 90)); // new content, same name
            File.Copy(Img(0), Path.Combine(images, "copy-of-0.png"));
            var d = new CountingDecoder();
            var cache = new FeatureCache(cacheDir);
            var results = Run(d, extractor, cache, All.Concat(new[] { Path.Combine(images, "copy-of-0.png") }));
            Assert.Equal(1, d.Calls);
            Assert.Equal(4, cache.Hits);
            Assert.Equal(1, cache.Misses);
            var changed = results.Single(r => r.Path == Img(2)).Feature;
            Assert.Equal(300, changed.Width);
            Assert.NotEqual(before.Vector, changed.Vector);
            Assert.Equal(Run(BackendServices.CreateDecoder(), extractor, null, new[] { Img(2) })[0].Feature.Vector, changed.Vector);
            var copy = results.Single(r => r.Path.EndsWith("copy-of-0.png")).Feature;
            Assert.Equal(results.Single(r => r.Path == Img(0)).Feature.Vector, copy.Vector);
        }

        [Fact]
        public void Another_extractor_or_settings_does_not_hit()
        {
            Run(new CountingDecoder(), new ThumbnailExtractor(32), new FeatureCache(cacheDir), All);
            var other = new ThumbnailExtractor(16);
            Assert.NotEqual(new ThumbnailExtractor(32).Info.Fingerprint, other.Info.Fingerprint);
            var d = new CountingDecoder();
            var cache = new FeatureCache(cacheDir);
            var results = Run(d, other, cache, All);
            Assert.Equal(4, d.Calls);
            Assert.Equal(0, cache.Hits);
            Assert.All(results, r => Assert.Equal(256, r.Feature.Dimension));
        }

        [Fact]
        public void Damaged_entries_are_ignored_recomputed_and_replaced()
        {
            var extractor = new ThumbnailExtractor();
            var first = Run(new CountingDecoder(), extractor, new FeatureCache(cacheDir), All);
            var hash0 = FileHash.Sha256(Img(0));
            var hash1 = FileHash.Sha256(Img(1));
            var hash3 = FileHash.Sha256(Img(3));
            var probe = new FeatureCache(cacheDir);
            var e0 = probe.EntryPath(hash0, extractor.Info.Fingerprint);
            var e1 = probe.EntryPath(hash1, extractor.Info.Fingerprint);
            var e3 = probe.EntryPath(hash3, extractor.Info.Fingerprint);
            var text = File.ReadAllText(e0);
            File.WriteAllText(e0, text.Substring(0, text.Length / 2));          // partial
            File.WriteAllText(e1, File.ReadAllText(e3));                         // valid JSON, wrong key
            File.WriteAllBytes(e3, new byte[0]);                                 // empty

            var d = new CountingDecoder();
            var cache = new FeatureCache(cacheDir);
            var second = Run(d, extractor, cache, All);
            Assert.Equal(3, d.Calls);
            Assert.Equal(3, cache.Invalid);
            Assert.Equal(3, cache.Stored);
            Assert.All(second, r => Assert.Null(r.Error));
            for (int i = 0; i < 4; i++) Assert.Equal(first[i].Feature.Vector, second[i].Feature.Vector);

            var d3 = new CountingDecoder();
            Run(d3, extractor, new FeatureCache(cacheDir), All);
            Assert.Equal(0, d3.Calls);
        }

        [Fact]
        public void Overlapping_runs_and_writers_never_see_a_partial_entry()
        {
            var extractor = new ThumbnailExtractor();
            var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Run(BackendServices.CreateDecoder(), extractor, new FeatureCache(cacheDir), All, 1))).ToArray();
            Task.WaitAll(runs);
            var reference = Run(BackendServices.CreateDecoder(), extractor, null, All);
            foreach (var r in runs)
                for (int i = 0; i < 4; i++)
                {
                    Assert.Null(r.Result[i].Error);
                    Assert.Equal(reference[i].Feature.Vector, r.Result[i].Feature.Vector);
                }

            // many writers of the same entry at once, with readers in between
            var f = reference[0].Feature;
            var hash = FileHash.Sha256(f.Path);
            var sharedDir = Path.Combine(dir, "cache2");
            int wrote = 0, badReads = 0;
            Parallel.For(0, 32, i =>
            {
                var c = new FeatureCache(sharedDir);
                if (c.Put(hash, extractor.Info, new[] { f })) Interlocked.Increment(ref wrote);
                var got = c.TryGet(f.Path, hash, extractor.Info);
                if (got == null || !got[0].Vector.SequenceEqual(f.Vector)) Interlocked.Increment(ref badReads);
            });
            // Usually exactly one writer wins; more can when their no-replace moves race (AtomicFile), never none.
            Assert.True(wrote >= 1, "no writer stored the entry");
            Assert.Equal(0, badReads);
            Assert.Single(Directory.GetFiles(sharedDir, "*", SearchOption.AllDirectories));
            Assert.Single(Directory.GetFiles(cacheDir, "*", SearchOption.AllDirectories), p => p.Contains(hash));
            Assert.Empty(Directory.GetFiles(cacheDir, "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void Missing_and_bad_files_fail_as_without_cache()
        {
            File.WriteAllText(Path.Combine(images, "notes.png"), "not an image");
            var results = Run(new CountingDecoder(), new ThumbnailExtractor(), new FeatureCache(cacheDir),
                new[] { Path.Combine(images, "nope.png"), Path.Combine(images, "notes.png") });
            Assert.Equal(2, results.Count);
            Assert.Equal(DecodeFailure.NotFound, Assert.IsType<ImageDecodeException>(results.Single(r => r.Path.EndsWith("nope.png")).Error).Failure);
            Assert.Equal(DecodeFailure.NotAnImage, Assert.IsType<ImageDecodeException>(results.Single(r => r.Path.EndsWith("notes.png")).Error).Failure);
            Assert.Empty(Directory.GetFiles(cacheDir, "*", SearchOption.AllDirectories));
        }

        [Fact]
        public void Bad_keys_are_argument_errors()
        {
            var cache = new FeatureCache(cacheDir);
            Assert.Throws<ArgumentException>(() => cache.EntryPath("abc", "fp"));
            Assert.Throws<ArgumentException>(() => cache.EntryPath(new string('z', 64), "fp"));
            Assert.EndsWith("-a_b.json", cache.EntryPath(new string('a', 64), "a/b"));
        }
    }
}
