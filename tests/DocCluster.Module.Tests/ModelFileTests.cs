using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    public class ModelFileTests : System.IDisposable
    {
        private readonly ModuleSession session = new ModuleSession();
        private readonly string dir = TestPaths.NewTempDir();
        private static readonly string Scans = Path.Combine(TestPaths.RepoRoot, "examples", "scans");

        public void Dispose()
        {
            session.Dispose();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }

        private string P(string name) => Path.Combine(dir, name);

        /// <summary>Features of the example scans in $f, a 3-cluster fit in $fit and its model in $m.</summary>
        private void FitExamples(string model = "Thumbnail")
        {
            session.Run($"$f = $ExecutionContext.InvokeProvider.ChildItem.Get({ModuleSession.Quote(Scans)}, $true) | Where-Object {{ -not $_.PSIsContainer }} | Get-ImageFeature -Model {model}; " +
                        "$fit = $f | Invoke-ImageCluster -K 3 -Seed 1 -ModelVariable m");
            Assert.Empty(session.Errors);
        }

        [Fact]
        public void Export_then_Import_assigns_new_images_to_the_saved_clusters()
        {
            FitExamples();
            var file = P("model.json");
            var passThru = session.Run($"Export-ImageModel -InputObject $m -Path {ModuleSession.Quote(file)} -PassThru");
            Assert.Empty(session.Errors);
            Assert.Equal(file, ((FileInfo)passThru.Single().BaseObject).FullName);

            var reloaded = session.Run($"$f | Invoke-ImageCluster -Model (Import-ImageModel {ModuleSession.Quote(file)})");
            Assert.Empty(session.Errors);
            var original = session.Run("$f | Invoke-ImageCluster -Model $m");
            var fitted = session.Run("$fit");
            Assert.Equal(fitted.Count, reloaded.Count);
            string K(System.Management.Automation.PSObject o) =>
                $"{o.Properties["Path"].Value}|{o.Properties["Cluster"].Value}|{o.Properties["IsOutlier"].Value}|{o.Properties["Confidence"].Value}";
            Assert.Equal(original.Select(K).OrderBy(s => s), reloaded.Select(K).OrderBy(s => s));
            Assert.Equal(fitted.Select(K).OrderBy(s => s), reloaded.Select(K).OrderBy(s => s));

            var loaded = session.Run($"Import-ImageModel -LiteralPath {ModuleSession.Quote(file)}").Single();
            Assert.Equal("DocCluster.Clustering.ClusterModel", loaded.BaseObject.GetType().FullName);
            Assert.Equal(3, loaded.Properties["K"].Value);
            Assert.Equal("Thumbnail", loaded.Properties["Model"].Value);
        }

        [Fact]
        public void A_model_made_with_another_version_of_a_built_in_extractor_is_refused_at_import()
        {
            FitExamples();
            var file = P("old.json");
            session.Run($"Export-ImageModel -InputObject $m -Path {ModuleSession.Quote(file)}");
            var fingerprint = (string)session.Run("$m.ModelFingerprint").Single().BaseObject;
            // As if written by an older DocCluster whose Thumbnail extractor had other settings (envelope and payload agree).
            File.WriteAllText(file, File.ReadAllText(file).Replace(fingerprint, "0123456789ab"));

            var output = session.Run($"Import-ImageModel -LiteralPath {ModuleSession.Quote(file)}");
            Assert.Empty(output);
            var error = Assert.Single(session.Errors);
            Assert.StartsWith("ModelFeatureVersionMismatch,", error.FullyQualifiedErrorId);
            Assert.Equal(file, error.TargetObject);
            Assert.Contains("fit or train it again", error.Exception.Message);
        }

        [Fact]
        public void Features_of_another_extractor_are_refused_by_the_loaded_model()
        {
            FitExamples();
            var file = P("model.json");
            session.Run($"$m | Export-ImageModel {ModuleSession.Quote(file)}");
            Assert.Empty(session.Errors);
            var record = session.RunExpectingTerminatingError(
                $"{ModuleSession.Quote(Path.Combine(Scans, "bill-01.png"))} | Get-ImageFeature -Model DocLayout | Invoke-ImageCluster -Model (Import-ImageModel {ModuleSession.Quote(file)})");
            Assert.StartsWith("FeatureModelMismatch,", record.FullyQualifiedErrorId);
            Assert.Contains("Thumbnail", record.Exception.Message);
        }

        [Fact]
        public void WhatIf_writes_nothing_existing_file_needs_Force()
        {
            FitExamples();
            var file = P("model [1].json"); // brackets: not a wildcard for an output path
            session.Run($"Export-ImageModel -InputObject $m -LiteralPath {ModuleSession.Quote(file)} -WhatIf");
            Assert.Empty(session.Errors);
            Assert.False(File.Exists(file));
            Assert.Empty(Directory.GetFiles(dir));

            File.WriteAllText(file, "keep me");
            session.Run($"Export-ImageModel -InputObject $m -LiteralPath {ModuleSession.Quote(file)}");
            var error = Assert.Single(session.Errors);
            Assert.StartsWith("ModelFileExists,", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ResourceExists, error.CategoryInfo.Category);
            Assert.Equal("keep me", File.ReadAllText(file));

            session.Run($"Export-ImageModel -InputObject $m -LiteralPath {ModuleSession.Quote(file)} -Force");
            Assert.Empty(session.Errors);
            Assert.Contains("\"DocCluster.Model\"", File.ReadAllText(file));
            Assert.Single(Directory.GetFiles(dir)); // no temporary file left

            session.Run($"'not a model' | Export-ImageModel {ModuleSession.Quote(P("s.json"))}");
            Assert.StartsWith("UnsupportedModelType,", Assert.Single(session.Errors).FullyQualifiedErrorId);
            Assert.False(File.Exists(P("s.json")));

            session.Run($"Export-ImageModel -InputObject $m -Path {ModuleSession.Quote(P("no/such/folder/m.json"))}");
            Assert.StartsWith("ModelFolderNotFound,", Assert.Single(session.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Import_errors_have_stable_ids_and_the_file_as_target()
        {
            FitExamples();
            var good = P("good.json");
            session.Run($"$m | Export-ImageModel {ModuleSession.Quote(good)}");
            var text = File.ReadAllText(good);
            File.WriteAllText(P("newer.json"), Regex.Replace(text, "\"FormatVersion\"\\s*:\\s*1", "\"FormatVersion\":7"));
            File.WriteAllText(P("half.json"), text.Substring(0, text.Length / 3));
            File.WriteAllText(P("other.json"), "{\"hello\":\"world\"}");
            File.WriteAllText(P("kind.json"), text.Replace("\"ClusterModel\"", "\"Teleporter\""));

            string Id(string name)
            {
                var output = session.Run($"Import-ImageModel -Path {ModuleSession.Quote(P(name))}");
                Assert.Empty(output);
                var e = Assert.Single(session.Errors);
                Assert.Equal(P(name), e.TargetObject);
                return e.FullyQualifiedErrorId.Split(',')[0];
            }
            Assert.Equal("ModelFileNotFound", Id("missing.json"));
            Assert.Equal("ModelFormatUnsupported", Id("newer.json"));
            Assert.Contains("newer DocCluster", session.Errors[0].Exception.Message);
            Assert.Equal("ModelFileCorrupt", Id("half.json"));
            Assert.Equal("NotAModelFile", Id("other.json"));
            Assert.Equal("ModelKindUnsupported", Id("kind.json"));

            // wildcards: every match is loaded, bad ones reported, good ones returned
            var output2 = session.Run($"Import-ImageModel -Path {ModuleSession.Quote(P("*.json"))}");
            Assert.Single(output2);
            Assert.Equal(4, session.Errors.Count);
            session.Run($"Import-ImageModel -Path {ModuleSession.Quote(P("nothing*.json"))}");
            Assert.Empty(session.Errors); // a wildcard matching nothing is not an error, as with Get-Item
        }
    }
}
