using System.IO;
using System.Linq;
using System.Management.Automation;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    public class FeatureCacheCmdletTests : System.IDisposable
    {
        private readonly ModuleSession session = new ModuleSession();
        private readonly string dir = TestPaths.NewTempDir();
        private readonly string images;
        private readonly string cache;

        public FeatureCacheCmdletTests()
        {
            images = Path.Combine(dir, "images");
            cache = Path.Combine(dir, "cache");
            Directory.CreateDirectory(images);
            var scans = Path.Combine(TestPaths.RepoRoot, "examples", "scans");
            foreach (var f in Directory.GetFiles(scans).OrderBy(f => f).Where((f, i) => i % 4 == 0))
                File.Copy(f, Path.Combine(images, Path.GetFileName(f)));
            File.WriteAllBytes(Path.Combine(images, "page [1].png"), TestImages.Png(300, 400));
        }

        public void Dispose()
        {
            session.Dispose();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        private PSObject[] Extract(bool withCache) =>
            session.Run($"$ExecutionContext.InvokeProvider.ChildItem.Get({ModuleSession.Quote(images)}, $true) | Get-ImageFeature" +
                        (withCache ? $" -CachePath {ModuleSession.Quote(cache)}" : "") + " -Verbose")
                .OrderBy(o => (string)o.Properties["Path"].Value).ToArray();

        private static float[] V(PSObject o) => (float[])o.Properties["Vector"].Value;

        [Fact]
        public void Second_run_takes_every_file_from_the_cache_and_a_changed_file_is_recomputed()
        {
            int n = Directory.GetFiles(images).Length;
            var first = Extract(true);
            Assert.Empty(session.Errors);
            Assert.Equal(n, first.Length);
            Assert.Contains(session.Verbose, v => v.Contains($"0 hit(s), {n} miss(es)"));
            Assert.All(first, o => Assert.Matches("^[0-9a-f]{64}$", (string)o.Properties["ContentHash"].Value));

            var second = Extract(true);
            Assert.Empty(session.Errors);
            Assert.Contains(session.Verbose, v => v.Contains($"{n} hit(s), 0 miss(es)"));
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(first[i].Properties["Path"].Value, second[i].Properties["Path"].Value);
                Assert.Equal(V(first[i]), V(second[i]));
                Assert.Equal(first[i].Properties["Width"].Value, second[i].Properties["Width"].Value);
                Assert.Equal(first[i].Properties["ContentHash"].Value, second[i].Properties["ContentHash"].Value);
            }

            // same name, new content
            var changedPath = Path.Combine(images, "page [1].png");
            File.WriteAllBytes(changedPath, TestImages.Png(500, 200));
            var third = Extract(true);
            Assert.Contains(session.Verbose, v => v.Contains($"{n - 1} hit(s), 1 miss(es)"));
            var uncached = Extract(false);
            Assert.DoesNotContain(session.Verbose, v => v.Contains("Feature cache"));
            Assert.Null(uncached[0].Properties["ContentHash"].Value);
            int changed = System.Array.FindIndex(third, o => (string)o.Properties["Path"].Value == changedPath);
            Assert.Equal(500, third[changed].Properties["Width"].Value);
            Assert.NotEqual(V(first[changed]), V(third[changed]));
            for (int i = 0; i < n; i++) Assert.Equal(V(uncached[i]), V(third[i]));
        }

        [Fact]
        public void A_cache_path_that_is_a_file_is_a_terminating_argument_error()
        {
            File.WriteAllText(Path.Combine(dir, "file.txt"), "x");
            var record = session.RunExpectingTerminatingError(
                $"Get-ImageFeature -LiteralPath {ModuleSession.Quote(Path.Combine(images, "page [1].png"))} -CachePath {ModuleSession.Quote(Path.Combine(dir, "file.txt"))}");
            Assert.StartsWith("FeatureCacheUnavailable,", record.FullyQualifiedErrorId);
        }
    }
}
