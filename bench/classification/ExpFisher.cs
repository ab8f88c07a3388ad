using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.Bench.Classification
{
    /// <summary>Experiment: the batch walk on a graph whose dimensions are re-weighted by their Fisher ratio on the labelled examples.</summary>
    internal static class ExpFisher
    {
        internal static Evaluate.Method Method(double mix, double power) => (train, test, opt) =>
        {
            var c = ImageClassifier.Train(train, opt);
            int K = c.Kinds.Length, nl = c.ExampleVectors.Length, nu = test.Count, d = c.Dimension;
            var raw = c.ExampleVectors.Concat(test.Select(f => f.Vector)).ToArray();
            // batch-standardised, weighted, not normalised: Fisher ratio per dimension on the labelled rows
            FeatureSpace.LearnScale(raw, d, out var mu, out var sc);
            var z = raw.Select(v => FeatureSpace.Project(v, mu, sc, c.Weights, c.ClipZ, normalize: false)).ToArray();
            var fr = new double[d];
            for (int j = 0; j < d; j++)
            {
                double mAll = 0; for (int i = 0; i < nl; i++) mAll += z[i][j]; mAll /= nl;
                double between = 0, within = 0;
                for (int k = 0; k < K; k++)
                {
                    var rows = Enumerable.Range(0, nl).Where(i => c.ExampleLabels[i] == k).ToArray();
                    if (rows.Length == 0) continue;
                    double m = rows.Average(i => z[i][j]);
                    between += rows.Length * (m - mAll) * (m - mAll);
                    within += rows.Sum(i => (z[i][j] - m) * (z[i][j] - m));
                }
                double wj = c.Weights == null ? 1 : c.Weights[j];
                fr[j] = between / (within + 1e-3 * nl * wj * wj + 1e-12);
            }
            double mean = fr.Average();
            var w2 = new double[d];
            for (int j = 0; j < d; j++) w2[j] = (c.Weights == null ? 1 : c.Weights[j]) * Math.Pow((1 - mix) + mix * fr[j] / mean, power);
            var x = BatchClassifier.Embed(raw, d, true, c.ClipZ, w2);
            var graph = BatchClassifier.Graph(x, nl, opt.Neighbors, null, opt.MutualNeighbors);
            var reach = BatchClassifier.Walk(graph, c.ExampleLabels, K, opt.Survival, null, null, 0);
            var prior = test.Select(f => c.Posterior(c.Transform(f.Vector))).ToArray();
            var F = BatchClassifier.Walk(graph, c.ExampleLabels, K, opt.Survival, null, prior, opt.PriorWeight);
            var res = new List<ClassificationResult>();
            for (int u = 0; u < nu; u++)
            {
                var f = F[u];
                int best = 0; for (int k = 1; k < K; k++) if (f[k] > f[best]) best = k;
                double share = f[best] / f.Sum();
                double t = Exp.Typicality(c, c.Transform(test[u].Vector), best);
                res.Add(new ClassificationResult { PredictedKind = c.Kinds[best], Confidence = share * reach[u].Sum() * t, KindProbability = share, Typicality = t });
            }
            return res;
        };
    }
}
