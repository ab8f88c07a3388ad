using System.IO;
using System.Linq;
using DocCluster.Tests;
using Xunit;

namespace DocCluster.Module.Tests
{
    /// <summary>-Confirm through a host that answers the prompts, as a person at the console would.</summary>
    public class ConfirmTests : System.IDisposable
    {
        private readonly CapturingHost host = new CapturingHost();
        private readonly ModuleSession s;
        private readonly string dir = TestPaths.NewTempDir();

        public ConfirmTests() => s = new ModuleSession(host);

        private string Assignments(params string[] names)
        {
            foreach (var n in names) File.WriteAllBytes(Path.Combine(dir, n), TestImages.Png(20, 20));
            var items = names.Select(n =>
                $"[DocCluster.Clustering.ClusterAssignment]::new([DocCluster.Features.ImageFeature]::new({ModuleSession.Quote(Path.Combine(dir, n))}, 1, 1, 20, 20, 'Test', 'fp', [float[]](1,2)), 1, 'cluster-01', 0.1, 0.9, $false)");
            return "@(" + string.Join(", ", items) + ")";
        }

        [Theory]
        [InlineData("-Confirm")]
        [InlineData("-Confirm -Force")]
        public void Confirm_asks_once_per_file_and_only_confirmed_files_move(string switches)
        {
            var answers = new[] { "&Yes", "&No", "&Yes" };
            host.Ui.AnswerChoice = (message, choices) =>
                choices.Select(c => c.Label).ToList().IndexOf(answers[host.Ui.Prompts.Count - 1]);
            var sorted = Path.Combine(dir, "sorted");

            s.Run($"{Assignments("a.png", "b.png", "c.png")} | Move-ImageToCluster -Destination {ModuleSession.Quote(sorted)} {switches}");

            Assert.Empty(s.Errors);
            Assert.Equal(3, host.Ui.Prompts.Count);
            Assert.Contains(Path.Combine(dir, "b.png"), host.Ui.Prompts[1]);
            Assert.True(File.Exists(Path.Combine(sorted, "cluster-01", "a.png")));
            Assert.True(File.Exists(Path.Combine(dir, "b.png")));
            Assert.False(File.Exists(Path.Combine(sorted, "cluster-01", "b.png")));
            Assert.True(File.Exists(Path.Combine(sorted, "cluster-01", "c.png")));
        }

        public void Dispose() => s.Dispose();
    }
}
