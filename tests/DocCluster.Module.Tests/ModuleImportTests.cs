using System.Linq;
using Xunit;

namespace DocCluster.Module.Tests
{
    public class ModuleImportTests
    {
        [Fact]
        public void Manifest_exports_the_cmdlets_explicitly()
        {
            using (var s = new ModuleSession())
            {
                var names = s.Run("(Get-Module DocCluster).ExportedCmdlets.Keys").Select(o => o.ToString()).ToList();
                Assert.Contains("Get-ImageFeature", names);
                Assert.Contains("Invoke-ImageCluster", names);
                Assert.Contains("Move-ImageToCluster", names);
                var manifest = System.IO.File.ReadAllText(DocCluster.Tests.TestPaths.ModuleManifest);
                Assert.DoesNotContain("'*'", manifest);
            }
        }

        [Fact]
        public void Third_party_assemblies_load_in_the_module_own_context_not_the_default()
        {
            using (var s = new ModuleSession())
            {
                // Touch the backends (decoder) so they load.
                var png = System.IO.Path.Combine(DocCluster.Tests.TestPaths.NewTempDir(), "page.png");
                System.IO.File.WriteAllBytes(png, DocCluster.Tests.TestImages.Png(64, 64));
                Assert.Single(s.Run("Get-ImageFeature -LiteralPath " + ModuleSession.Quote(png) + " -Model Thumbnail"));
                var skia = System.AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "SkiaSharp");
                Assert.NotNull(skia);
                var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(skia);
                Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
                Assert.Contains("/module/deps/", skia.Location.Replace('\\', '/'));
            }
        }
    }
}
