using System;
using System.Diagnostics;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.Bench.Classification
{
    /// <summary>"large": batches far beyond docs-dev's 575 pages, on synthetic vectors (docs-dev has no more pages): six
    /// well-separated kinds, 5 labelled pages each, n pages to classify, in one graph and split by MaxBatchPages.</summary>
    internal static class LargeBatches
    {
        private const int Kinds = 6, Dimension = 24;

        private static float[] Vector(Random r, int kind)
        {
            var v = new float[Dimension];
            for (int j = 0; j < Dimension; j++) v[j] = (float)(r.NextDouble() + (j % Kinds == kind ? 3 : 0));
            return v;
        }

        public static void Run()
        {
            var r = new Random(1);
            var examples = Enumerable.Range(0, 5 * Kinds)
                .Select(i => (new ImageFeature($"/labels/{i:000}.png", 1, 1, 0, 0, "Synthetic", "fp", Vector(r, i % Kinds)), "kind" + (i % Kinds))).ToList();
            Console.WriteLine($"Synthetic batches: {Kinds} kinds (uniform noise in {Dimension} dimensions, +3 on the kind's own), 5 labelled pages per kind, default threshold {ClassifierOptions.DefaultBatchMinConfidence}.");
            Console.WriteLine();
            Console.WriteLine("| pages | graphs | seconds | forced accuracy | Unknown | mean confidence |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (int n in new[] { 575, 1000, 2000, 5000, 10000, 20000 })
            {
                var pages = Enumerable.Range(0, n).Select(i => new ImageFeature($"/batch/{i:000000}.png", 1, 1, 0, 0, "Synthetic", "fp", Vector(r, i % Kinds))).ToList();
                foreach (int max in new[] { 0, ClassifierOptions.DefaultMaxBatchPages })
                {
                    if (max > 0 && n <= max) continue;
                    var clf = ImageClassifier.Train(examples, new ClassifierOptions { MaxBatchPages = max });
                    var sw = Stopwatch.StartNew();
                    var res = BatchClassifier.Classify(clf, pages, ClassifierOptions.DefaultBatchMinConfidence);
                    double forced = Enumerable.Range(0, n).Count(i => res[i].PredictedKind == "kind" + (i % Kinds)) / (double)n;
                    double unknown = res.Count(x => x.IsUnknown) / (double)n;
                    Console.WriteLine($"| {n} | {BatchClassifier.ChunkCount(n, max)} | {sw.Elapsed.TotalSeconds:F1} | {forced:P1} | {unknown:P1} | {res.Average(x => x.Confidence):F3} |");
                }
            }
        }
    }
}
