using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.Bench.Classification
{
    /// <summary>
    /// The admin's protocol of issue 4: label the pages Get-ImageLabelSuggestion proposes instead of a random handful per kind.
    /// Round 1 labels the representatives of the whole unlabelled pile (no kinds known); round 2 trains on them and labels the
    /// pages the classifier is least sure of. The oracle is the reference kind; a kind the suggestions never reach cannot be
    /// learned, and its pages count as errors. Accuracy is on every page not labelled.
    /// </summary>
    internal static class Suggested
    {
        public static void Run(List<(ImageFeature feature, string kind)> data, ClassifierOptions opt, double threshold, int seeds)
        {
            Console.WriteLine();
            Console.WriteLine("Labels chosen by LabelSuggester (Get-ImageLabelSuggestion) instead of at random; batch classification of the rest; " +
                $"mean over LabelSuggester seeds 0..{seeds - 1}.");
            Console.WriteLine();
            Console.WriteLine("| labels: representatives + uncertain | kinds reached (of 6) | accuracy (forced) | accuracy at default MinConfidence (Unknown = wrong) |");
            Console.WriteLine("|---|---|---|---|");
            var features = data.Select(d => d.feature).ToList();
            var kindOf = data.ToDictionary(d => d.feature, d => d.kind);
            foreach (var (first, second) in new[] { (20, 0), (30, 0), (20, 10), (40, 0), (30, 15), (60, 0), (40, 20), (-30, 0) })
            {
                var reached = new List<double>(); var forced = new List<double>(); var strict = new List<double>();
                for (int s = 0; s < seeds; s++)
                {
                    // first < 0: |first| pages drawn at random (any kind), the baseline an admin gets without suggestions.
                    var rng = new Random(1000 + s);
                    var picked = first > 0
                        ? LabelSuggester.Suggest(features, first, null, null, s).Select(x => x.Feature).ToList()
                        : features.OrderBy(_ => rng.Next()).Take(-first).ToList();
                    if (second > 0 && picked.Select(f => kindOf[f]).Distinct().Count() >= 2)
                    {
                        var c1 = ImageClassifier.Train(picked.Select(f => (f, kindOf[f])).ToList(), opt);
                        var rest = features.Except(picked).ToList();
                        picked.AddRange(LabelSuggester.Suggest(rest, second, c1, null, s).Select(x => x.Feature));
                    }
                    var train = picked.Select(f => (f, kindOf[f])).ToList();
                    var set = new HashSet<ImageFeature>(picked);
                    var test = features.Where(f => !set.Contains(f)).ToList();
                    reached.Add(train.Select(t => t.Item2).Distinct().Count());
                    if (reached[reached.Count - 1] < 2) { forced.Add(0); strict.Add(0); continue; }
                    var res = BatchClassifier.Classify(ImageClassifier.Train(train, opt), test, 0);
                    forced.Add(test.Select((f, i) => res[i].PredictedKind == kindOf[f] ? 1.0 : 0).Average());
                    strict.Add(test.Select((f, i) => res[i].Confidence >= threshold && res[i].PredictedKind == kindOf[f] ? 1.0 : 0).Average());
                }
                string label = first > 0 ? $"{first} + {second}" : $"{-first} at random (baseline)";
                Console.WriteLine($"| {label} | {reached.Average():0.0} (min {reached.Min()}) | {forced.Average():P1} (min {forced.Min():P1}) | {strict.Average():P1} (min {strict.Min():P1}) |");
            }
        }
    }
}
