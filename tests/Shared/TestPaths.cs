using System;
using System.IO;

namespace DocCluster.Tests
{
    /// <summary>Locations the tests use: the repository, the assembled module, and ../shared beside the checkout.</summary>
    public static class TestPaths
    {
        public static readonly string RepoRoot = FindRepoRoot();
        public static readonly string ModuleManifest = Path.Combine(RepoRoot, "module", "DocCluster.psd1");
        public static readonly string ExampleScans = Path.Combine(RepoRoot, "examples", "scans");
        public static readonly string Shared = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        public static readonly string SharedModels = Path.Combine(Shared, "models");
        public static readonly string DocsDev = Path.Combine(Shared, "data", "docs-dev");
        public static bool HasShared => Directory.Exists(SharedModels) && Directory.Exists(DocsDev);

        /// <summary>A fresh, empty folder under the system temp dir.</summary>
        public static string NewTempDir()
        {
            var dir = Path.Combine(Path.GetTempPath(), "doccluster-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DocCluster.PowerShell.sln"))) dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException("DocCluster.PowerShell.sln not found above " + AppContext.BaseDirectory);
            return dir.FullName;
        }
    }
}
