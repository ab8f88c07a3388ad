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
            Console.Error.WriteLine("usage: DocCluster.Bench speed|quality [--data DIR] [--labels CSV|DIR] [--subset KIND,KIND,...] [--model NAME] [--model-path FILE] [--throttle N] [--seeds N] [--out FILE]");
            Console.Error.WriteLine("       DocCluster.Bench degrade [--data DIR] [--labels CSV|DIR] --to DIR --how " + Degrade.Changes);
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
        public string[] Subset;

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
                    case "--subset": o.Subset = v.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries); break;
                    default: throw new ArgumentException("unknown option " + args[i]);
                }
            }
            var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
            o.Data = o.Data ?? Path.Combine(shared, "data", "docs-dev");
            // a labels.csv in the folder, else the folder itself (one sub-folder per kind)
            o.Labels = o.Labels ?? (File.Exists(Path.Combine(o.Data, "labels.csv")) ? Path.Combine(o.Data, "labels.csv") : o.Data);
            o.MobileNetPath = Path.Combine(shared, "models", "mobilenet_v1_0.75_224_features.onnx");
            return o;
        }

        public static string Q(string s) => "'" + s.Replace("'", "''") + "'";

        /// <summary>Loads the image files of the data folder into $files and the reference into $labels; returns the kinds the
        /// reference gives those files (read by Measure-ImageCluster itself, on a quick thumbnail clustering).</summary>
        public string[] LoadData(BenchSession s)
        {
            s.Run($"$files = @($ExecutionContext.InvokeProvider.ChildItem.Get({Q(Data)}, $true) | Where-Object {{ -not $_.PSIsContainer -and $_.Extension -in {ImageExtensions} }})");
            s.Run($"$labels = {Q(Labels)}");
            return s.Run("@(($files | Get-ImageFeature -Model Thumbnail | Invoke-ImageCluster -K 2 -Algorithm KMeans -Seed 1 | Measure-ImageCluster -Reference $labels).KindPurities | ForEach-Object { $_.Kind })")
                .Select(k => k.ToString()).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        }

        private const string ImageExtensions = "'.jpg','.jpeg','.png','.tif','.tiff','.bmp','.gif','.webp'";
    }

    internal static class Speed
    {
        public static int Run(string repo, Options o)
        {
            using (var s = new BenchSession(repo))
            {
                int k = o.LoadData(s).Length;
                int files = (int)s.Run("$files.Count")[0].BaseObject;
                string model = $"-Model {o.Model}" + (o.ModelPath != null ? $" -ModelPath {Options.Q(o.ModelPath)}" : "");
                // Warm-up on a few files: loads the assemblies, native libraries and the model once.
                s.Run($"$null = $files[0..3] | Get-ImageFeature {model}");
                GC.Collect();
                var process = Process.GetCurrentProcess();
                process.Refresh();
                long before = process.WorkingSet64;
                var clock = Stopwatch.StartNew();
                s.Run($"$assignments = $files | Get-ImageFeature {model} -ThrottleLimit {o.Throttle} | Invoke-ImageCluster -K {k} -Seed 1");
                clock.Stop();
                process.Refresh();
                long peak = process.PeakWorkingSet64;
                var ari = (double)s.Run("($assignments | Measure-ImageCluster -Reference $labels).Ari")[0].BaseObject;
                var line = string.Format(CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2:0.0} | {3:0.0} | {4:0} | {5:0} | {6:0.000} |",
                    o.Model, files, clock.Elapsed.TotalSeconds, files / clock.Elapsed.TotalSeconds, before / 1048576.0, peak / 1048576.0, ari);
                Console.WriteLine($"| model | images | seconds | images/s | working set before (MiB) | peak working set (MiB) | ARI K={k} seed 1 |");
                Console.WriteLine("|---|---|---|---|---|---|---|");
                Console.WriteLine(line);
                if (o.Out != null) File.AppendAllText(o.Out, line + Environment.NewLine);
            }
            return 0;
        }
    }

    internal static class Quality
    {
        /// <summary>The subset scored with its own K when the data holds all of it (docs-dev); --subset names another.</summary>
        private static readonly string[] DefaultSubset = { "id_card", "passport", "receipt", "invoice" };

        public static int Run(string repo, Options o)
        {
            var report = new StringBuilder();
            void Emit(string line) { Console.WriteLine(line); report.AppendLine(line); }
            using (var s = new BenchSession(repo))
            {
                var kinds = o.LoadData(s);
                int k = kinds.Length;
                var subset = o.Subset ?? (DefaultSubset.All(kinds.Contains) && k > DefaultSubset.Length ? DefaultSubset : new string[0]);
                var missing = subset.Where(x => !kinds.Contains(x)).ToArray();
                if (missing.Length > 0) throw new ArgumentException("--subset names kinds the reference does not have: " + string.Join(", ", missing));
                int kSubset = subset.Length;
                // the subset's pages are those in a folder named after one of its kinds
                var subsetFilter = kSubset == 0 ? "$false" : string.Join(" -or ", subset.Select(x => $"$_.Path -like '*{Path.DirectorySeparatorChar}{x}{Path.DirectorySeparatorChar}*'"));
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

                Emit($"Data: {o.Data} (labels {o.Labels}); seeds 1..{o.Seeds}; subset = {(kSubset == 0 ? "none" : string.Join("/", subset))}.");
                Emit("");
                Emit($"| features | clustering | K | ARI mean | ARI min | ARI max | NMI mean | {(kSubset == 0 ? "subset (none)" : $"subset K={kSubset} ARI mean (min)")} |");
                Emit("|---|---|---|---|---|---|---|---|");
                int f = 0;
                foreach (var (name, args) in extractors)
                {
                    var clock = Stopwatch.StartNew();
                    s.Run($"$feat{f} = @($files | Get-ImageFeature {args}); $sub{f} = @($feat{f} | Where-Object {{ {subsetFilter} }})");
                    Console.Error.WriteLine($"{name}: features in {clock.Elapsed.TotalSeconds:0.0}s");
                    foreach (var (label, cargs, seeded) in Configurations(name))
                    {
                        var all = Scores(s, $"$feat{f}", cargs + $" -K {k}", seeded ? o.Seeds : 1);
                        var sub = kSubset == 0 ? null : Scores(s, $"$sub{f}", cargs + $" -K {kSubset}", seeded ? o.Seeds : 1);
                        Emit(Row(name, label, k.ToString(), all, sub));
                    }
                    foreach (var criterion in new[] { "StableRefinement", "Stability", "MergeGap", "Silhouette" })
                    {
                        // purity: the share of pages in a cluster whose majority kind is theirs (what over-splitting keeps)
                        var (ka, ari, nmi, purity) = Auto(s, $"$feat{f}", $"-K Auto -AutoKCriterion {criterion}");
                        var label = criterion == "StableRefinement" ? "default, -K Auto (StableRefinement)" : $"Ward, -K Auto -AutoKCriterion {criterion}";
                        if (kSubset == 0) { Emit($"| {name} | {label} | chose {ka} (true {k}), purity {purity:0.000} | {ari:0.000} | | | {nmi:0.000} | |"); continue; }
                        var (ks, ari4, _, purity4) = Auto(s, $"$sub{f}", $"-K Auto -AutoKCriterion {criterion}");
                        Emit($"| {name} | {label} | chose {ka} (true {k}), purity {purity:0.000}; subset chose {ks} (true {kSubset}), purity {purity4:0.000} | {ari:0.000} | | | {nmi:0.000} | {ari4:0.000} |");
                    }
                    var (kd, arid, nmid, purityd) = Auto(s, $"$feat{f}", "-Algorithm Density");
                    Emit($"| {name} | density (HDBSCAN), finds K | found {kd}, purity {purityd:0.000} | {arid:0.000} | | | {nmid:0.000} | |");
                    f++;
                }
                if (mobileNet)
                {
                    s.Run($"$ref = @($files | Get-ImageFeature -Model MobileNetV1 -ModelPath {Options.Q(o.MobileNetPath)}); $refsub = @($ref | Where-Object {{ {subsetFilter} }})");
                    var all = Scores(s, "$ref", $"-K {k} -Metric Euclidean -NoStandardize", o.Seeds);
                    var sub = kSubset == 0 ? null : Scores(s, "$refsub", $"-K {kSubset} -Metric Euclidean -NoStandardize", o.Seeds);
                    Emit(Row("MobileNetV1 pooled, raw (classic recipe, reference)", "plain k-means (Euclidean, no scaling)", k.ToString(), all, sub));
                }
                Emit("");
                Emit($"Per-kind purity, DocLayout, default clustering, K={k}:");
                Emit("");
                Emit("| kind | images | dominant cluster | share in it |");
                Emit("|---|---|---|---|");
                foreach (var row in s.Run($"($feat1 | Invoke-ImageCluster -K {k} | Measure-ImageCluster -Reference $labels).KindPurities"))
                    Emit($"| {row.Properties["Kind"].Value} | {row.Properties["Count"].Value} | {row.Properties["DominantCluster"].Value} | {(double)row.Properties["Fraction"].Value:0.00} |");
                Emit("");
                Emit($"Confusion, DocLayout, default clustering, K={k} (rows: true kind, columns: clusters):");
                Emit("");
                var confusion = s.Run($"$feat1 | Invoke-ImageCluster -K {k} | Measure-ImageCluster -Reference $labels -Confusion");
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

        private static (int K, double Ari, double Nmi, double Purity) Auto(BenchSession s, string features, string args)
        {
            var a = s.Run($"$a = @({features} | Invoke-ImageCluster {args} -Seed 1); ([System.Collections.Generic.HashSet[int]][int[]]$a.Cluster).Count; $m = $a | Measure-ImageCluster -Reference $labels; $m.Ari; $m.Nmi; $m.Purity", allowErrors: false);
            return ((int)a[0].BaseObject, (double)a[1].BaseObject, (double)a[2].BaseObject, (double)a[3].BaseObject);
        }

        private static string Row(string name, string label, string k, List<(double Ari, double Nmi)> all, List<(double Ari, double Nmi)> sub) =>
            string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3:0.000} | {4:0.000} | {5:0.000} | {6:0.000} | {7} |",
                name, label, k, all.Average(x => x.Ari), all.Min(x => x.Ari), all.Max(x => x.Ari), all.Average(x => x.Nmi),
                sub == null ? "" : string.Format(CultureInfo.InvariantCulture, "{0:0.000} ({1:0.000})", sub.Average(x => x.Ari), sub.Min(x => x.Ari)));
    }
}
