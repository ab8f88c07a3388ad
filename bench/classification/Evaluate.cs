using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.Bench.Classification
{
    /// <summary>
    /// Few-shot protocol: per seed, PerKind random labelled examples per kind train the classifier, the rest of docs-dev is
    /// classified. Held-back protocol: each kind in turn gets no labels; its pages should come out Unknown.
    /// </summary>
    internal static class Evaluate
    {
        private static readonly double[] Thresholds = { 0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 };
        private static double[] BatchThresholds = new[] { 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, ClassifierOptions.DefaultBatchMinConfidence }.Distinct().OrderBy(t => t).ToArray();
        private static double BatchThreshold = ClassifierOptions.DefaultBatchMinConfidence;
        /// <summary>The defaults of format-2 (nearest-prototype) classifiers, for the "before" rows.</summary>
        private const double OldMinConfidence = 0.4, OldBatchMinConfidence = 0.1;
        /// <summary>The batch default of format-3 classifiers without the kind-level check, for their "before" rows.</summary>
        private const double OldKindLevelMinConfidence = 0.2;
        /// <summary>The batch threshold before the batch typicality width and the vote's agreement.</summary>
        private const double OldTreeMinConfidence = 0.15;

        public static int Run(string docsDev, string mobilenet, string cacheDir, string[] args)
        {
            int seeds = 20, perKind = 5;
            var opt = new ClassifierOptions();
            foreach (var a in args.Where(a => a.StartsWith("thresholds:")))
                BatchThresholds = a.Substring(11).Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            foreach (var a in args)
            {
                var kv = a.Split('=');
                double v = kv.Length == 2 ? double.Parse(kv[1], CultureInfo.InvariantCulture) : 0;
                switch (kv[0])
                {
                    case "bt": BatchThreshold = v; break;
                    case "seeds": seeds = (int)v; break;
                    case "k": perKind = (int)v; break;
                    case "prior": opt.SpreadPrior = v; break;
                    case "sharp": opt.Sharpness = v; break;
                    case "typ": opt.TypicalRatio = v; break;
                    case "tail": opt.TailWidth = v; break;
                    case "clip": opt.ClipZ = v; break;
                    case "lambda": opt.Regularization = v; break;
                    case "beta": opt.PriorWeight = v; break;
                    case "lr": opt.LogisticRegression = v != 0; break;
                    case "nb": opt.Neighbors = (int)v; break;
                    case "surv": opt.Survival = v; break;
                    case "wh": opt.Whitening = v; break;
                    case "btyp": opt.BatchTypicality = v != 0; break;
                    case "nightly": Nightly = (int)v; break;
                    case "klevel": opt.KindLevelCheck = v != 0; break;
                    case "klimit": opt.KindLevelLimit = v; break;
                    case "kwidth": opt.KindLevelWidth = v; break;
                    case "tvote": opt.TreeVoteWeight = v; break;
                    case "tagree": opt.TreeVoteAgreement = v != 0; break;
                    case "btail": opt.BatchTailWidth = v; break;
                }
            }
            var layout = Extract.Load(docsDev, "DocLayout", null, cacheDir);
            if (args.Contains("diag")) { Diag.Run(layout); return 0; }
            if (args.Contains("exp"))
            {
                var ths = new[] { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 };
                foreach (var a in args.Where(a => a.StartsWith("v:")))
                {
                    // v:lambda,trans,rounds,tau,beta,typ,walkConf
                    var p = a.Substring(2).Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
                    var m = Exp.LR(p[0], p[1] != 0, (int)p[2], p[3], p[4], p.Length > 5 ? p[5] != 0 : true, p.Length > 6 && p[6] != 0, p.Length > 7 && p[7] != 0, p.Length > 8 && p[8] != 0);
                    FewShot("DocLayout", a, layout, seeds, perKind, opt, m, BatchThreshold);
                    if (args.Contains("hb")) HeldBack("DocLayout", a, layout, seeds, perKind, opt, m, ths);
                }
                return 0;
            }
            if (args.Contains("suggested")) { Suggested.Run(layout, opt, BatchThreshold, Math.Min(seeds, 5)); return 0; }
            if (args.Contains("combined"))
            {
                var both = Extract.Load(docsDev, "DocLayout+MobileNetV1", mobilenet, cacheDir);
                FewShot("DocLayout+MobileNetV1", "logistic regression + typicality (-Streaming)", both, seeds, perKind, opt);
                FewShot("DocLayout+MobileNetV1", "batch (BatchClassifier, default)", both, seeds, perKind, opt, Batch, BatchThreshold);
                HeldBack("DocLayout+MobileNetV1", "batch", both, seeds, perKind, opt, Batch, BatchThresholds);
                return 0;
            }
            // exploration rows: fisher:MIX,POWER  mutual:K  self:SHARE,CONF,ROUNDS  maxbatch:N (with "hb", also the held-back table)
            void Variant(string label, ClassifierOptions o, Method m)
            {
                FewShot("DocLayout", label, layout, seeds, perKind, o, m, BatchThreshold);
                if (args.Contains("hb")) HeldBack("DocLayout", label, layout, seeds, perKind, o, m, BatchThresholds);
            }
            double[] Numbers(string a) => a.Substring(a.IndexOf(':') + 1).Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            foreach (var a in args.Where(a => a.StartsWith("fisher:")))
            {
                var p = Numbers(a);
                Variant(a, opt, ExpFisher.Method(p[0], p[1]));
            }
            foreach (var a in args.Where(a => a.StartsWith("mutual:")))
            {
                var o = opt.Clone(); o.MutualNeighbors = true; o.Neighbors = (int)Numbers(a)[0];
                Variant(a, o, Batch);
            }
            foreach (var a in args.Where(a => a.StartsWith("maxbatch:")))
            {
                var o = opt.Clone(); o.MaxBatchPages = (int)Numbers(a)[0];
                Variant(a, o, Batch);
            }
            foreach (var a in args.Where(a => a.StartsWith("self:")))
            {
                var p = Numbers(a);
                Variant(a, opt, ExpSelfTrain.Method(p[0], p[1], (int)p[2]));
            }
            if (args.Any(a => a.StartsWith("fisher:") || a.StartsWith("mutual:") || a.StartsWith("self:") || a.StartsWith("maxbatch:"))) return 0;
            if (Nightly > 0)
            {
                Console.WriteLine($"Nightly batches: {Nightly} random unlabelled pages classified as one batch, {seeds} seeds; the other unlabelled pages are the archive.");
                Console.WriteLine();
                Console.WriteLine("| features | classifier | accuracy (forced best kind) | accuracy at default MinConfidence (Unknown = wrong) | known pages called Unknown |");
                Console.WriteLine("|---|---|---|---|---|");
                FewShot("DocLayout", $"batch of {Nightly}, no context", layout, seeds, perKind, opt, Batch, BatchThreshold);
                FewShot("DocLayout", $"batch of {Nightly}, archive as context (-Context)", layout, seeds, perKind, opt, BatchWithContext, BatchThreshold);
                Console.WriteLine();
                HeldBack("DocLayout", $"batch of {Nightly}, no context", layout, seeds, perKind, opt, Batch, BatchThresholds);
                HeldBack("DocLayout", $"batch of {Nightly}, archive as context (-Context)", layout, seeds, perKind, opt, BatchWithContext, BatchThresholds);
                return 0;
            }
            if (args.Contains("batchonly"))
            {
                FewShot("DocLayout", "batch", layout, seeds, perKind, opt, Batch, BatchThreshold);
                HeldBack("DocLayout", "batch", layout, seeds, perKind, opt, Batch, BatchThresholds);
                return 0;
            }
            var mnet = Extract.Load(docsDev, "MobileNetV1", mobilenet, cacheDir);
            Console.WriteLine($"docs-dev: {layout.Count} pages, {layout.Select(e => e.kind).Distinct().Count()} kinds; {perKind} labels per kind, {seeds} seeds; " +
                $"options: prior={opt.SpreadPrior} sharp={opt.Sharpness} typ={opt.TypicalRatio} tail={opt.TailWidth} clip={opt.ClipZ} " +
                $"λ={opt.Regularization} β={opt.PriorWeight} neighbours={opt.Neighbors} mutual={opt.MutualNeighbors}; default MinConfidence {ClassifierOptions.DefaultMinConfidence} (streaming), " +
                $"{BatchThreshold} (batch); the format-2 rows use their old defaults {OldMinConfidence} / {OldBatchMinConfidence}");
            Console.WriteLine();
            Console.WriteLine("| features | classifier | accuracy (forced best kind) | accuracy at default MinConfidence (Unknown = wrong) | known pages called Unknown |");
            Console.WriteLine("|---|---|---|---|---|");
            // the "before" rows classify as files saved by those versions do: the streaming typicality tail and the unweighted tree vote
            var previous = opt.Clone(); previous.BatchTailWidth = 0; previous.TreeVoteAgreement = false;
            var proto = previous.Clone(); proto.LogisticRegression = false; proto.MutualNeighbors = false; proto.Neighbors = 10; proto.KindLevelCheck = false; proto.TreeVoteWeight = 0;
            var union = previous.Clone(); union.MutualNeighbors = false; union.Neighbors = 10; union.KindLevelCheck = false; union.TreeVoteWeight = 0;
            FewShot("DocLayout", "prototype (format 2, before), t=0.4", layout, seeds, perKind, proto, Prototype, OldMinConfidence);
            FewShot("DocLayout", "logistic regression + typicality (ImageClassifier, -Streaming, default)", layout, seeds, perKind, opt);
            foreach (var lambda in new[] { 1e-4, 1e-2 })
            {
                var o = opt.Clone(); o.Regularization = lambda;
                FewShot("DocLayout", $"logistic regression, λ = {lambda:0.####}", layout, seeds, perKind, o);
            }
            FewShot("DocLayout", "logistic regression, scale from examples + batch", layout, seeds, perKind, opt, Exp.LR(opt.Regularization, true), ClassifierOptions.DefaultMinConfidence);
            FewShot("DocLayout", "logistic regression, 3 rounds self-training (posterior ≥ 0.7)", layout, seeds, perKind, opt, Exp.LR(opt.Regularization, false, 3, 0.7), ClassifierOptions.DefaultMinConfidence);
            FewShot("DocLayout", "logistic regression, 5 rounds self-training (posterior ≥ 0.5)", layout, seeds, perKind, opt, Exp.LR(opt.Regularization, false, 5, 0.5), ClassifierOptions.DefaultMinConfidence);
            FewShot("MobileNetV1", "prototype (format 2, before), t=0.4", mnet, seeds, perKind, proto, Prototype, OldMinConfidence);
            FewShot("MobileNetV1", "logistic regression + typicality (ImageClassifier)", mnet, seeds, perKind, opt);
            FewShot("DocLayout", "batch: kNN graph + absorbing walk × typicality (format 2, before), t=0.1", layout, seeds, perKind, proto, Batch, OldBatchMinConfidence);
            FewShot("DocLayout", $"batch: union kNN graph (k = 10), walk with logistic-regression prior (β = 0.2) × reach × typicality (format 3, before), t={OldKindLevelMinConfidence}", layout, seeds, perKind, union, Batch, OldKindLevelMinConfidence);
            var noLevel = previous.Clone(); noLevel.KindLevelCheck = false; noLevel.TreeVoteWeight = 0;
            FewShot("DocLayout", $"batch: mutual kNN graph (k = 20), walk with logistic-regression prior (β = 0.2) × reach × typicality (format 3, before), t={OldKindLevelMinConfidence}", layout, seeds, perKind, noLevel, Batch, OldKindLevelMinConfidence);
            var noVote = previous.Clone(); noVote.TreeVoteWeight = 0;
            FewShot("DocLayout", $"batch: the same × kind-level fit in a Ward tree, without the tree's vote (before), t={OldTreeMinConfidence}", layout, seeds, perKind, noVote, Batch, OldTreeMinConfidence);
            FewShot("DocLayout", $"batch: the same, the tree's vote in the walk's prior (γ = 0.5) (before), t={OldTreeMinConfidence}", layout, seeds, perKind, previous, Batch, OldTreeMinConfidence);
            FewShot("DocLayout", "batch: the same, the vote weighted by agreement, typicality tail 0.3 (BatchClassifier, default)", layout, seeds, perKind, opt, Batch, BatchThreshold);
            foreach (var gamma in new[] { 0.25, 1.0 })
            {
                var o = opt.Clone(); o.TreeVoteWeight = gamma;
                FewShot("DocLayout", $"batch, tree vote γ = {gamma}", layout, seeds, perKind, o, Batch, BatchThreshold);
            }
            foreach (var k in new[] { 15, 25 })
            {
                var o = opt.Clone(); o.Neighbors = k;
                FewShot("DocLayout", $"batch, mutual graph with k = {k}", layout, seeds, perKind, o, Batch, BatchThreshold);
            }
            foreach (var beta in new[] { 0.05, 0.5, 1.0 })
            {
                var o = opt.Clone(); o.PriorWeight = beta;
                FewShot("DocLayout", $"batch, prior weight β = {beta}", layout, seeds, perKind, o, Batch, BatchThreshold);
            }
            var plain = proto.Clone(); plain.BatchTypicality = false;
            FewShot("DocLayout", "batch, format 2, walk only (no typicality), t=0.1", layout, seeds, perKind, plain, Batch, OldBatchMinConfidence);
            var wh = proto.Clone(); wh.Whitening = 0.5;
            FewShot("DocLayout", "batch, format 2, shrinkage-LDA metric (λ = 0.5), t=0.1", layout, seeds, perKind, wh, Batch, OldBatchMinConfidence);
            FewShot("MobileNetV1", "batch (format 2, before), t=0.1", mnet, seeds, perKind, proto, Batch, OldBatchMinConfidence);
            FewShot("MobileNetV1", "batch (BatchClassifier, default)", mnet, seeds, perKind, opt, Batch, BatchThreshold);
            LogReg("MobileNetV1", mnet, seeds, perKind);
            LogReg("DocLayout", layout, seeds, perKind);
            Console.WriteLine();
            HeldBack("DocLayout", "prototype classifier, format 2, before", layout, seeds, perKind, proto, Prototype, Thresholds);
            HeldBack("DocLayout", "logistic regression + typicality, -Streaming, default", layout, seeds, perKind, opt, Prototype, Thresholds);
            HeldBack("DocLayout", "batch classifier, format 2, before", layout, seeds, perKind, proto, Batch, BatchThresholds);
            HeldBack("DocLayout", "batch classifier with logistic-regression prior, union kNN graph k = 10 (format 3, before)", layout, seeds, perKind, union, Batch, BatchThresholds);
            HeldBack("DocLayout", "batch classifier with logistic-regression prior, mutual kNN graph k = 20, without the kind-level check (before)", layout, seeds, perKind, noLevel, Batch, BatchThresholds);
            HeldBack("DocLayout", "batch classifier with logistic-regression prior, mutual kNN graph k = 20, kind-level check, without the tree's vote (before)", layout, seeds, perKind, noVote, Batch, BatchThresholds);
            HeldBack("DocLayout", "batch classifier with logistic-regression prior, mutual kNN graph k = 20, kind-level check, tree's vote γ = 0.5 (before)", layout, seeds, perKind, previous, Batch, BatchThresholds);
            HeldBack("DocLayout", "batch classifier, the tree's vote weighted by agreement, batch typicality tail 0.3, default", layout, seeds, perKind, opt, Batch, BatchThresholds);
            foreach (var surv in new[] { 0.95, 0.97 })
            {
                var o = opt.Clone(); o.Survival = surv;
                HeldBack("DocLayout", $"batch classifier with logistic-regression prior, survival {surv} instead of {opt.Survival}", layout, seeds, perKind, o, Batch, BatchThresholds);
            }
            HeldBack("MobileNetV1", "prototype classifier, format 2, before", mnet, seeds, perKind, proto, Prototype, Thresholds);
            HeldBack("MobileNetV1", "logistic regression + typicality", mnet, seeds, perKind, opt, Prototype, Thresholds);
            return 0;
        }

        private static (List<(ImageFeature, string)> train, List<(ImageFeature f, string kind)> test) Split(
            List<(ImageFeature feature, string kind)> data, int seed, int perKind, string heldBack)
        {
            var rng = new Random(1000 + seed);
            var train = new List<(ImageFeature, string)>();
            var test = new List<(ImageFeature, string)>();
            foreach (var g in data.GroupBy(e => e.kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var items = g.OrderBy(e => e.feature.Path, StringComparer.Ordinal).ToList();
                var pick = new HashSet<int>(Enumerable.Range(0, items.Count).OrderBy(_ => rng.Next()).Take(perKind));
                for (int i = 0; i < items.Count; i++)
                    if (pick.Contains(i) && g.Key != heldBack) train.Add(items[i]); else test.Add(items[i]);
            }
            Archive = new List<ImageFeature>();
            if (Nightly > 0)
            {
                // a nightly batch: Nightly random unlabelled pages; the others are the archive the classifier may keep as context
                var shuffled = test.OrderBy(_ => rng.Next()).ToList();
                Archive = shuffled.Skip(Nightly).Select(t => t.Item1).ToList();
                test = shuffled.Take(Nightly).OrderBy(t => t.Item1.Path, StringComparer.Ordinal).ToList();
            }
            return (train, test);
        }

        /// <summary>nightly=N: the classified batch is N random unlabelled pages; <see cref="Archive"/> holds the other unlabelled pages.</summary>
        private static int Nightly;
        private static List<ImageFeature> Archive = new List<ImageFeature>();

        internal delegate IReadOnlyList<ClassificationResult> Method(List<(ImageFeature, string)> train, List<ImageFeature> test, ClassifierOptions opt);

        internal static readonly Method Prototype = (train, test, opt) => { var c = ImageClassifier.Train(train, opt); return test.Select(f => c.Predict(f, 0)).ToList(); };
        internal static readonly Method Batch = (train, test, opt) => BatchClassifier.Classify(ImageClassifier.Train(train, opt), test, 0);
        /// <summary>Batch classification by a classifier trained with the archive (the unlabelled pages outside the batch) as context.</summary>
        internal static readonly Method BatchWithContext = (train, test, opt) => BatchClassifier.Classify(ImageClassifier.Train(train, opt, null, Archive), test, 0);

        private static void FewShot(string name, string clf, List<(ImageFeature feature, string kind)> data, int seeds, int perKind, ClassifierOptions opt)
            => FewShot(name, clf, data, seeds, perKind, opt, Prototype, ClassifierOptions.DefaultMinConfidence);

        private static void FewShot(string name, string clf, List<(ImageFeature feature, string kind)> data, int seeds, int perKind, ClassifierOptions opt, Method method, double threshold)
        {
            var forced = new List<double>(); var strict = new List<double>(); var unk = new List<double>();
            var confusion = new Dictionary<string, int>();
            for (int s = 0; s < seeds; s++)
            {
                var (train, test) = Split(data, s, perKind, null);
                var res = method(train, test.Select(t => t.f).ToList(), opt);
                var r = test.Select((t, i) => (res: res[i], t.kind)).ToList();
                if (Environment.GetEnvironmentVariable("CONF") == "1")
                    foreach (var g in r.Where(t => t.res.PredictedKind != t.kind).GroupBy(t => t.kind + " -> " + t.res.PredictedKind)) confusion[g.Key] = (confusion.TryGetValue(g.Key, out var c0) ? c0 : 0) + g.Count();
                if (Environment.GetEnvironmentVariable("FILES") == "1")
                    foreach (var (t, i) in test.Select((t, i) => (t, i)).Where(x => res[x.i].PredictedKind != x.t.kind)) confusion["file " + t.f.Path + " -> " + res[i].PredictedKind] = (confusion.TryGetValue("file " + t.f.Path + " -> " + res[i].PredictedKind, out var c1) ? c1 : 0) + 1;
                forced.Add(r.Average(t => t.res.PredictedKind == t.kind ? 1.0 : 0));
                if (Environment.GetEnvironmentVariable("SEEDCONF") == "1")
                    Console.Error.WriteLine($"seed {s}: {forced[forced.Count - 1]:P1} " + string.Join(", ", r.Where(t => t.res.PredictedKind != t.kind).GroupBy(t => t.kind + "->" + t.res.PredictedKind).OrderByDescending(g => g.Count()).Select(g => g.Key + " " + g.Count())));
                if (Environment.GetEnvironmentVariable("SEEDFILES") == s.ToString())
                {
                    // one draw in detail: its wrong pages and the labelled examples it was given
                    foreach (var t in test.Select((t, i) => (t, i)).Where(x => res[x.i].PredictedKind != x.t.kind)) Console.Error.WriteLine($"  {t.t.f.Path} -> {res[t.i].PredictedKind} conf {res[t.i].Confidence:F2}");
                    foreach (var t in train) Console.Error.WriteLine($"  train {t.Item1.Path}");
                }
                strict.Add(r.Average(t => t.res.Confidence >= threshold && t.res.PredictedKind == t.kind ? 1.0 : 0));
                unk.Add(r.Average(t => t.res.Confidence < threshold ? 1.0 : 0));
            }
            Console.WriteLine($"| {name} | {clf} | {Stat(forced)} | {Stat(strict)} | {Stat(unk)} |");
            foreach (var kv in confusion.OrderByDescending(kv => kv.Value)) Console.Error.WriteLine($"  {kv.Key}: {kv.Value / (double)seeds:0.0}/seed");
        }

        private static void HeldBack(string name, List<(ImageFeature feature, string kind)> data, int seeds, int perKind, ClassifierOptions opt)
            => HeldBack(name, "prototype classifier", data, seeds, perKind, opt, Prototype, Thresholds);

        private static void HeldBack(string name, string clf, List<(ImageFeature feature, string kind)> data, int seeds, int perKind, ClassifierOptions opt, Method method, double[] Thresholds)
        {
            Console.WriteLine($"Held-back kind, {name} features ({clf}): share of the held-back kind's pages that come out Unknown / " +
                "accuracy on the known kinds' test pages (Unknown = wrong), per MinConfidence; mean over seeds.");
            Console.WriteLine();
            Console.WriteLine("| held back | " + string.Join(" | ", Thresholds.Select(t => "t=" + t.ToString("0.0#", CultureInfo.InvariantCulture))) + " |");
            Console.WriteLine("|---|" + string.Concat(Thresholds.Select(_ => "---|")));
            var allUnk = new double[Thresholds.Length]; var allAcc = new double[Thresholds.Length]; int kinds = 0;
            foreach (var kind in data.Select(e => e.kind).Distinct().OrderBy(k => k, StringComparer.Ordinal))
            {
                var unk = new double[Thresholds.Length]; var acc = new double[Thresholds.Length];
                for (int s = 0; s < seeds; s++)
                {
                    var (train, test) = Split(data, s, perKind, kind);
                    var res = method(train, test.Select(t => t.f).ToList(), opt);
                    var r = test.Select((t, i) => (res: res[i], t.kind)).ToList();
                    for (int ti = 0; ti < Thresholds.Length; ti++)
                    {
                        double th = Thresholds[ti];
                        unk[ti] += r.Where(t => t.kind == kind).Average(t => t.res.Confidence < th ? 1.0 : 0) / seeds;
                        acc[ti] += r.Where(t => t.kind != kind).Average(t => t.res.Confidence >= th && t.res.PredictedKind == t.kind ? 1.0 : 0) / seeds;
                    }
                }
                kinds++;
                for (int ti = 0; ti < Thresholds.Length; ti++) { allUnk[ti] += unk[ti]; allAcc[ti] += acc[ti]; }
                Console.WriteLine($"| {kind} | " + string.Join(" | ", Thresholds.Select((_, ti) => $"{unk[ti]:P0} / {acc[ti]:P1}")) + " |");
            }
            Console.WriteLine("| **mean** | " + string.Join(" | ", Thresholds.Select((_, ti) => $"**{allUnk[ti] / kinds:P1} / {allAcc[ti] / kinds:P1}**")) + " |");
            Console.WriteLine();
        }

        /// <summary>Seed reference: multinomial logistic regression (L2, C = 1 as scikit-learn's default) on standardised features.</summary>
        private static void LogReg(string name, List<(ImageFeature feature, string kind)> data, int seeds, int perKind)
        {
            var acc = new List<double>();
            for (int s = 0; s < seeds; s++)
            {
                var (train, test) = Split(data, s, perKind, null);
                var kinds = train.Select(t => t.Item2).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray();
                int n = train.Count, d = train[0].Item1.Dimension, K = kinds.Length;
                var mean = new double[d]; var sd = new double[d];
                foreach (var t in train) for (int j = 0; j < d; j++) mean[j] += t.Item1.Vector[j] / n;
                foreach (var t in train) for (int j = 0; j < d; j++) sd[j] += Math.Pow(t.Item1.Vector[j] - mean[j], 2) / n;
                for (int j = 0; j < d; j++) sd[j] = sd[j] > 1e-12 ? Math.Sqrt(sd[j]) : 1;
                double[] Z(ImageFeature f) { var z = new double[d + 1]; for (int j = 0; j < d; j++) z[j] = (f.Vector[j] - mean[j]) / sd[j]; z[d] = 1; return z; }
                var X = train.Select(t => Z(t.Item1)).ToArray();
                var y = train.Select(t => Array.IndexOf(kinds, t.Item2)).ToArray();
                var W = new double[K, d + 1];
                double lr = 0.5 / (d + 1) * 10, lambda = 1.0 / n; // loss = mean CE + ||W||² / (2 C n)
                for (int it = 0; it < 600; it++)
                {
                    var G = new double[K, d + 1];
                    for (int i = 0; i < n; i++)
                    {
                        var p = Softmax(W, X[i], K, d + 1);
                        for (int k = 0; k < K; k++) { double g = (p[k] - (y[i] == k ? 1 : 0)) / n; for (int j = 0; j <= d; j++) G[k, j] += g * X[i][j]; }
                    }
                    for (int k = 0; k < K; k++) for (int j = 0; j <= d; j++) W[k, j] -= lr * (G[k, j] + (j < d ? lambda * W[k, j] : 0));
                }
                acc.Add(test.Average(t => { var p = Softmax(W, Z(t.f), K, d + 1); int b = Array.IndexOf(p, p.Max()); return kinds[b] == t.kind ? 1.0 : 0; }));
            }
            Console.WriteLine($"| {name} | logistic regression (seed reference) | {Stat(acc)} | n/a | n/a |");
        }

        private static double[] Softmax(double[,] W, double[] x, int K, int d)
        {
            var l = new double[K];
            for (int k = 0; k < K; k++) { double s = 0; for (int j = 0; j < d; j++) s += W[k, j] * x[j]; l[k] = s; }
            double m = l.Max(); double sum = 0;
            for (int k = 0; k < K; k++) { l[k] = Math.Exp(l[k] - m); sum += l[k]; }
            for (int k = 0; k < K; k++) l[k] /= sum;
            return l;
        }

        private static string Stat(List<double> v)
        {
            double m = v.Average(), sd = Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / Math.Max(1, v.Count - 1));
            return $"{m:P1} ± {sd:P1} (min {v.Min():P1})";
        }
    }
}
