using System;
using System.Linq;
using DocCluster.Classification;
namespace DocCluster.Bench.Classification
{
    internal static class Diag
    {
        public static void Run(System.Collections.Generic.List<(DocCluster.Features.ImageFeature feature, string kind)> data)
        {
            var kinds = data.Select(e => e.kind).Distinct().OrderBy(k => k).ToArray();
            foreach (var held in new string[] { null, "passport", "form" })
            {
                var rng = new Random(7);
                var train = data.Where(e => e.kind != held).GroupBy(e => e.kind).SelectMany(g => g.OrderBy(_ => rng.Next()).Take(5)).ToList();
                var c = ImageClassifier.Train(train, new ClassifierOptions(), Environment.GetEnvironmentVariable("TRANS") == "1" ? data.Select(e => e.feature).ToList() : null);
                var test = data.Where(e => !train.Contains(e)).ToList();
                var r = test.Select(t => (t.kind, p: c.Predict(t.feature, 0))).ToList();
                Console.WriteLine($"held={held} spreads={string.Join(",", c.Spread.Select(s => s.ToString("0.00")))}");
                foreach (var g in r.GroupBy(t => t.kind == held))
                {
                    var sc = g.Select(t => t.p.Score).OrderBy(x => x).ToArray();
                    var pr = g.Select(t => t.p.KindProbability).OrderBy(x => x).ToArray();
                    Console.WriteLine($"  heldback={g.Key} ratio q10/50/90 {sc[sc.Length / 10]:0.00}/{sc[sc.Length / 2]:0.00}/{sc[sc.Length * 9 / 10]:0.00} prob q10/50 {pr[pr.Length / 10]:0.00}/{pr[pr.Length / 2]:0.00} acc {g.Average(t => t.p.PredictedKind == t.kind ? 1.0 : 0):P1}");
                }
            }
        }
    }
}
