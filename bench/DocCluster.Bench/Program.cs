using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace DocCluster.Bench
{
    /// <summary>
    /// speed:   one extractor per process (so peak memory is that run's): Get-ImageFeature | Invoke-ImageCluster -K 6
    ///          over a labelled folder, images/second, peak working set, ARI against the labels.
    /// quality: every extractor x clustering choice, K given and automatic, plus the classic reference recipe.
    /// Everything runs through the module's own cmdlets in the hosted PowerShell 7.6 engine.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var repo = FindRepo();
            var options = Options.Parse(args, repo);
            if (options.Mode == "speed") return Speed.Run(repo, options);
            if (options.Mode == "quality") return Quality.Run(repo, options);
            if (options.Mode == "degrade") return Degrade.Run(options);
            Console.Error.WriteLine("usage: DocCluster.Bench speed|quality [--data DIR] [--labels CSV] [--model NAME] [--model-path FILE] [--throttle N] [--seeds N] [--out FILE]");
            Console.Error.WriteLine("       DocCluster.Bench degrade [--data DIR] [--labels CSV] --to DIR --how " + Degrade.Changes);
            return 2;
        }

        private static string FindRepo()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DocCluster.PowerShell.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    internal sealed class Options
    {
        public string Mode = "";
        public string Data;
        public string Labels;
        public string Model = "DocLayout";
        public string ModelPath;
        public string MobileNetPath;
        public int Throttle = Environment.ProcessorCount;
        public int Seeds = 10;
        public string Out;
        public string To;
        public string How;

        public static Options Parse(string[] args, string repo)
        {
            var o = new Options { Mode = args.Length > 0 ? args[0] : "" };
            for (int i = 1; i < args.Length - 1; i += 2)
            {
                var v = args[i + 1];
                switch (args[i])
                {
                    case "--data": o.Data = Path.GetFullPath(v); break;
                    case "--labels": o.Labels = Path.GetFullPath(v); break;
                    case "--model": o.Model = v; break;
                    case "--model-path": o.ModelPath = Path.GetFullPath(v); break;
                    case "--throttle": o.Throttle = int.Parse(v); break;
                    case "--seeds": o.Seeds = int.Parse(v); break;
                    case "--out": o.Out = Path.GetFullPath(v); break;
                    case "--to": o.To = Path.GetFullPath(v); break;
                    case "--how": o.How = v; break;
                    default: throw new ArgumentException("unknown option " + args[i]);
                }
            }
            var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
            o.Data = o.Data ?? Path.Combine(shared, "data", "docs-dev");
            o.Labels = o.Labels ?? Path.Combine(o.Data, "labels.csv");
            o.MobileNetPath = Path.Combine(shared, "models", "mobilenet_v1_0.75_224_features.onnx");
            return o;
        }

        public static string Q(string s) => "'" + s.Replace("'", "''") + "'";
    }

    internal static class Speed
    {
        public static int Run(string repo, Options o)
        {
            using (var s = new BenchSession(repo))
            {
                s.Run($"$files = @($ExecutionContext.InvokeProvider.ChildItem.Get({Options.Q(o.Data)}, $true) | Where-Object {{ -not $_.PSIsContainer -and $_.Extension -in '.jpg','.png' }})");
                int files = (int)s.Run("$files.Count")[0].BaseObject;
                string model = $"-Model {o.Model}" + (o.ModelPath != null ? $" -ModelPath {Options.Q(o.ModelPath)}" : "");
                // Warm-up on a few files: loads the assemblies, native libraries and the model once.
                s.Run($"$null = $files[0..3] | Get-ImageFeature {model}");
                GC.Collect();
                var process = Process.GetCurrentProcess();
                process.Refresh();
                long before = process.WorkingSet64;
                var clock = Stopwatch.StartNew();
                s.Run($"$assignments = $files | Get-ImageFeature {model} -ThrottleLimit {o.Throttle} | Invoke-ImageCluster -K 6 -Seed 1");
                clock.Stop();
                process.Refresh();
                long peak = process.PeakWorkingSet64;
                var ari = (double)s.Run($"($assignments | Measure-ImageCluster -Reference {Options.Q(o.Labels)}).Ari")[0].BaseObject;
                var line = string.Format(CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2:0.0} | {3:0.0} | {4:0} | {5:0} | {6:0.000} |",
                    o.Model, files, clock.Elapsed.TotalSeconds, files / clock.Elapsed.TotalSeconds, before / 1048576.0, peak / 1048576.0, ari);
                Console.WriteLine("| model | images | seconds | images/s | working set before (MiB) | peak working set (MiB) | ARI K=6 seed 1 |");
                Console.WriteLine("|---|---|---|---|---|---|---|");
                Console.WriteLine(line);
                if (o.Out != null) File.AppendAllText(o.Out, line + Environment.NewLine);
            }
            return 0;
        }
    }

    internal static class Quality
    {
        private static readonly string[] Subset = { "id_card", "passport", "receipt", "invoice" };

        public static int Run(string repo, Options o)
        {
            var report = new StringBuilder();
            void Emit(string line) { Console.WriteLine(line); report.AppendLine(line); }
            using (var s = new BenchSession(repo))
            {
                s.Run($"$files = @($ExecutionContext.InvokeProvider.ChildItem.Get({Options.Q(o.Data)}, $true) | Where-Object {{ -not $_.PSIsContainer -and $_.Extension -in '.jpg','.png' }})");
                s.Run($"$labels = {Options.Q(o.Labels)}");
                var subsetFilter = string.Join(" -or ", Subset.Select(k => $"$_.Path -like '*{Path.DirectorySeparatorChar}{k}{Path.DirectorySeparatorChar}*'"));
                var extractors = new List<(string Name, string Args)>
                {
                    ("Thumbnail (32x32 grey, baseline)", "-Model Thumbnail"),
                    ("DocLayout (default)", "-Model DocLayout"),
                };
                bool mobileNet = File.Exists(o.MobileNetPath);
                if (mobileNet)
                {
                    extractors.Add(("MobileNetV1", $"-Model MobileNetV1 -ModelPath {Options.Q(o.MobileNetPath)}"));
                    extractors.Add(("DocLayout+MobileNetV1", $"-Model DocLayout+MobileNetV1 -ModelPath {Options.Q(o.MobileNetPath)}"));
                }

                Emit($"Data: {o.Data} (labels {o.Labels}); seeds 1..{o.Seeds}; subset = {string.Join("/", Subset)}.");
                Emit("");
                Emit("| features | clustering | K | ARI mean | ARI min | ARI max | NMI mean | subset K=4 ARI mean (min) |");
                Emit("|---|---|---|---|---|---|---|---|");
                int f = 0;
                foreach (var (name, args) in extractors)
                {
                    var clock = Stopwatch.StartNew();
                    s.Run($"$feat{f} = @($files | Get-ImageFeature {args}); $sub{f} = @($feat{f} | Where-Object {{ {subsetFilter} }})");
                    Console.Error.WriteLine($"{name}: features in {clock.Elapsed.TotalSeconds:0.0}s");
                    foreach (var (label, cargs, seeded) in Configurations(name))
                    {
                        var all = Scores(s, $"$feat{f}", cargs + " -K 6", seeded ? o.Seeds : 1);
                        var sub = Scores(s, $"$sub{f}", cargs + " -K 4", seeded ? o.Seeds : 1);
                        Emit(Row(name, label, "6", all, sub));
                    }
                    foreach (var criterion in new[] { "StableRefinement", "Stability", "MergeGap", "Silhouette" })
                    {
                        var (k, ari, nmi) = Auto(s, $"$feat{f}", $"-K Auto -AutoKCriterion {criterion}");
                        var (k4, ari4, _) = Auto(s, $"$sub{f}", $"-K Auto -AutoKCriterion {criterion}");
                        var label = criterion == "StableRefinement" ? "default, -K Auto (StableRefinement)" : $"Ward, -K Auto -AutoKCriterion {criterion}";
                        Emit($"| {name} | {label} | chose {k} (true 6); subset chose {k4} (true 4) | {ari:0.000} | | | {nmi:0.000} | {ari4:0.000} |");
                    }
                    var (kd, arid, nmid) = Auto(s, $"$feat{f}", "-Algorithm Density");
                    Emit($"| {name} | density (HDBSCAN), finds K | found {kd} | {arid:0.000} | | | {nmid:0.000} | |");
                    f++;
                }
                if (mobileNet)
                {
                    s.Run($"$ref = @($files | Get-ImageFeature -Model MobileNetV1 -ModelPath {Options.Q(o.MobileNetPath)}); $refsub = @($ref | Where-Object {{ {subsetFilter} }})");
                    var all = Scores(s, "$ref", "-K 6 -Metric Euclidean -NoStandardize", o.Seeds);
                    var sub = Scores(s, "$refsub", "-K 4 -Metric Euclidean -NoStandardize", o.Seeds);
                    Emit(Row("MobileNetV1 pooled, raw (classic recipe, reference)", "plain k-means (Euclidean, no scaling)", "6", all, sub));
                }
                Emit("");
                Emit("Per-kind purity, DocLayout, default clustering, K=6:");
                Emit("");
                Emit("| kind | images | dominant cluster | share in it |");
                Emit("|---|---|---|---|");
                foreach (var row in s.Run("($feat1 | Invoke-ImageCluster -K 6 | Measure-ImageCluster -Reference $labels).KindPurities"))
                    Emit($"| {row.Properties["Kind"].Value} | {row.Properties["Count"].Value} | {row.Properties["DominantCluster"].Value} | {(double)row.Properties["Fraction"].Value:0.00} |");
                Emit("");
                Emit("Confusion, DocLayout, default clustering, K=6 (rows: true kind, columns: clusters):");
                Emit("");
                var confusion = s.Run("$feat1 | Invoke-ImageCluster -K 6 | Measure-ImageCluster -Reference $labels -Confusion");
                var cols = confusion[0].Properties.Select(p => p.Name).ToList();
                Emit("| " + string.Join(" | ", cols) + " |");
                Emit("|" + string.Concat(cols.Select(_ => "---|")));
                foreach (var row in confusion) Emit("| " + string.Join(" | ", cols.Select(c => row.Properties[c].Value)) + " |");
            }
            if (o.Out != null) File.WriteAllText(o.Out, report.ToString());
            return 0;
        }

        private static IEnumerable<(string Label, string Args, bool Seeded)> Configurations(string extractor)
        {
            yield return ("default (agglomerative Ward)", "", false);
            yield return ("k-means++ (automatic restarts)", "-Algorithm KMeans", true);
            yield return ("agglomerative average", "-Algorithm Agglomerative -Linkage Average", false);
        }

        private static List<(double Ari, double Nmi)> Scores(BenchSession s, string features, string args, int seeds)
        {
            var list = new List<(double, double)>();
            for (int seed = 1; seed <= seeds; seed++)
            {
                var m = s.Run($"{features} | Invoke-ImageCluster {args} -Seed {seed} | Measure-ImageCluster -Reference $labels")[0];
                list.Add(((double)m.Properties["Ari"].Value, (double)m.Properties["Nmi"].Value));
            }
            return list;
        }

        private static (int K, double Ari, double Nmi) Auto(BenchSession s, string features, string args)
        {
            var a = s.Run($"$a = @({features} | Invoke-ImageCluster {args} -Seed 1); ([System.Collections.Generic.HashSet[int]][int[]]$a.Cluster).Count; $m = $a | Measure-ImageCluster -Reference $labels; $m.Ari; $m.Nmi", allowErrors: false);
            return ((int)a[0].BaseObject, (double)a[1].BaseObject, (double)a[2].BaseObject);
        }

        private static string Row(string name, string label, string k, List<(double Ari, double Nmi)> all, List<(double Ari, double Nmi)> sub) =>
            string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3:0.000} | {4:0.000} | {5:0.000} | {6:0.000} | {7:0.000} ({8:0.000}) |",
                name, label, k, all.Average(x => x.Ari), all.Min(x => x.Ari), all.Max(x => x.Ari), all.Average(x => x.Nmi), sub.Average(x => x.Ari), sub.Min(x => x.Ari));
    }
}
