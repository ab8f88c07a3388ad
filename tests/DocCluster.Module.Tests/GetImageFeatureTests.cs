using System.IO;
using System.Linq;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    public class GetImageFeatureTests : System.IDisposable
    {
        private readonly ModuleSession session = new ModuleSession();
        private readonly string dir = TestPaths.NewTempDir();

        public GetImageFeatureTests()
        {
            File.WriteAllBytes(Path.Combine(dir, "page1.png"), TestImages.Png(300, 400));
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            File.WriteAllBytes(Path.Combine(dir, "sub", "page2.png"), TestImages.Png(400, 300));
            File.WriteAllBytes(Path.Combine(dir, "sub", "page [3].png"), TestImages.Png(200, 200));
        }

        private string Items(string path) => $"$ExecutionContext.InvokeProvider.ChildItem.Get({ModuleSession.Quote(path)}, $true) | Where-Object {{ -not $_.PSIsContainer }}";

        [Fact]
        public void Provider_items_from_a_recursive_listing_bind_by_PSPath()
        {
            var output = session.Run(Items(dir) + " | Get-ImageFeature -Model Thumbnail");
            Assert.Empty(session.Errors);
            var paths = output.Select(o => (string)o.Properties["Path"].Value).OrderBy(p => p).ToList();
            Assert.Equal(3, paths.Count);
            Assert.Contains(Path.Combine(dir, "sub", "page [3].png"), paths); // literal path: brackets are not wildcards
            var first = output.First();
            Assert.Equal("DocCluster.Features.ImageFeature", first.BaseObject.GetType().FullName);
            Assert.Equal("Thumbnail", first.Properties["Model"].Value);
            Assert.Equal(1024, ((float[])first.Properties["Vector"].Value).Length);
        }

        [Fact]
        public void Path_accepts_wildcards_and_plain_strings_from_the_pipeline()
        {
            var wild = session.Run($"Get-ImageFeature -Path {ModuleSession.Quote(Path.Combine(dir, "sub", "page*.png"))} -Model Thumbnail");
            Assert.Empty(session.Errors);
            Assert.Equal(2, wild.Count);
            var piped = session.Run($"{ModuleSession.Quote(Path.Combine(dir, "page1.png"))} | Get-ImageFeature -Model Thumbnail");
            Assert.Single(piped);
            Assert.Equal(300, piped[0].Properties["Width"].Value);
            Assert.Equal(400, piped[0].Properties["Height"].Value);
        }

        [Fact]
        public void Bad_files_give_one_error_each_with_a_stable_id_and_the_run_goes_on()
        {
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not an image");
            File.WriteAllBytes(Path.Combine(dir, "bomb.png"), TestImages.PngDeclaring(70000, 70000));
            var good = TestImages.Png(300, 300);
            File.WriteAllBytes(Path.Combine(dir, "truncated.png"), good.Take(good.Length - 40).ToArray());

            var output = session.Run(Items(dir) + " | Get-ImageFeature -Model Thumbnail");

            Assert.Equal(3, output.Count);
            var errors = session.Errors.ToDictionary(e => Path.GetFileName((string)e.TargetObject), e => e);
            Assert.Equal(3, errors.Count);
            Assert.StartsWith("NotAnImage,", errors["notes.txt"].FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, errors["notes.txt"].CategoryInfo.Category);
            Assert.StartsWith("ImageTooLarge,", errors["bomb.png"].FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.LimitsExceeded, errors["bomb.png"].CategoryInfo.Category);
            Assert.StartsWith("CorruptImage,", errors["truncated.png"].FullyQualifiedErrorId);
            Assert.EndsWith("DocCluster.PowerShell.Cmdlets.GetImageFeatureCommand", errors["notes.txt"].FullyQualifiedErrorId);
        }

        [Fact]
        public void Missing_path_and_folder_are_reported_not_ignored()
        {
            session.Run($"Get-ImageFeature -LiteralPath {ModuleSession.Quote(Path.Combine(dir, "nope.png"))}, {ModuleSession.Quote(dir)} -Model Thumbnail");
            Assert.Equal(2, session.Errors.Count);
            Assert.Contains(session.Errors, e => e.FullyQualifiedErrorId.StartsWith("ImageNotFound,"));
            Assert.Contains(session.Errors, e => e.FullyQualifiedErrorId.StartsWith("PathIsFolder,"));
        }

        [Fact]
        public void Path_without_wildcards_is_one_file_and_a_wildcard_matching_nothing_is_no_error()
        {
            session.Run($"Get-ImageFeature -Path {ModuleSession.Quote(Path.Combine(dir, "gone.png"))} -Model Thumbnail");
            var error = Assert.Single(session.Errors);
            Assert.StartsWith("ImageNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(Path.Combine(dir, "gone.png"), error.TargetObject);
            Assert.Empty(session.Run($"Get-ImageFeature -Path {ModuleSession.Quote(Path.Combine(dir, "nothing*.png"))} -Model Thumbnail"));
            Assert.Empty(session.Errors);
        }

        [Fact]
        public void Unknown_model_is_a_terminating_argument_error()
        {
            var error = session.RunExpectingTerminatingError($"Get-ImageFeature -LiteralPath {ModuleSession.Quote(Path.Combine(dir, "page1.png"))} -Model NoSuchModel");
            Assert.StartsWith("FeatureModelUnavailable,", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void Parallel_and_serial_extraction_give_the_same_vectors()
        {
            var serial = session.Run(Items(dir) + " | Get-ImageFeature -Model Thumbnail -ThrottleLimit 1")
                .ToDictionary(o => (string)o.Properties["Path"].Value, o => (float[])o.Properties["Vector"].Value);
            var parallel = session.Run(Items(dir) + " | Get-ImageFeature -Model Thumbnail -ThrottleLimit 4")
                .ToDictionary(o => (string)o.Properties["Path"].Value, o => (float[])o.Properties["Vector"].Value);
            Assert.Equal(serial.Keys.OrderBy(k => k), parallel.Keys.OrderBy(k => k));
            foreach (var key in serial.Keys) Assert.Equal(serial[key], parallel[key]);
        }

        [Fact]
        public void Progress_is_reported_and_completed()
        {
            session.Run(Items(dir) + " | Get-ImageFeature -Model Thumbnail");
            Assert.NotEmpty(session.Progress);
            Assert.All(session.Progress, p => Assert.Equal("Extracting image features", p.Activity));
            Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, session.Progress.Last().RecordType);
        }

        [Fact]
        public void Stopping_the_pipeline_ends_extraction_without_error_records()
        {
            // Many copies of a page so extraction is still running when the pipeline is stopped (Ctrl+C in a console).
            var big = Path.Combine(dir, "many");
            Directory.CreateDirectory(big);
            var png = TestImages.Png(1200, 1600);
            for (int i = 0; i < 400; i++) File.WriteAllBytes(Path.Combine(big, $"p{i:000}.png"), png);
            using (var ps = System.Management.Automation.PowerShell.Create())
            {
                ps.Runspace = session.Runspace;
                ps.AddScript(Items(big) + " | Get-ImageFeature -ThrottleLimit 2");
                var output = new System.Management.Automation.PSDataCollection<System.Management.Automation.PSObject>();
                var handle = ps.BeginInvoke<System.Management.Automation.PSObject, System.Management.Automation.PSObject>(null, output);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (output.Count == 0 && clock.Elapsed < System.TimeSpan.FromSeconds(60)) System.Threading.Thread.Sleep(20);
                ps.Stop();
                Assert.True(handle.IsCompleted);
                Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, ps.InvocationStateInfo.State);
                Assert.InRange(output.Count, 1, 399);
                Assert.Empty(ps.Streams.Error);
            }
        }

        public void Dispose()
        {
            session.Dispose();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }
}
