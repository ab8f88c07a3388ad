using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.Bench.Classification
{
    /// <summary>Candidate classifiers built from Core's internals (logistic regression, transductive variants).</summary>
    internal static class Exp
    {
        internal static double Typicality(ImageClassifier c, double[] xt, int k)
        {
            double ratio = Math.Sqrt(ImageClassifier.SquaredDistance(xt, c.Prototypes[k])) / c.Spread[k];
            double excess = Math.Max(0, ratio - c.TypicalRatio) / (c.TailWidth > 0 ? c.TailWidth : 1e-9);
            return Math.Exp(-0.5 * excess * excess);
        }

        /// <param name="trans">standardise with examples + batch (else examples only)</param>
        /// <param name="rounds">self-training rounds on batch pages with posterior ≥ tau (soft targets, weight = posterior)</param>
        /// <param name="beta">&gt; 0: LR posterior as the prior of the absorbing walk with this weight</param>
        internal static Evaluate.Method LR(double lambda, bool trans, int rounds = 0, double tau = 0.9, double beta = 0, bool typ = true, bool walkConf = false, bool reach = false, bool graphTrans = false)
            => (train, test, opt) =>
            {
                var c = ImageClassifier.Train(train, opt, trans ? test : null);
                int K = c.Kinds.Length, nl = c.ExampleVectors.Length, nu = test.Count;
                var raw = c.ExampleVectors.Concat(test.Select(f => f.Vector)).ToArray();
                double[][] x = trans ? BatchClassifier.Embed(raw, c.Dimension, true, c.ClipZ, c.Weights) : raw.Select(v => c.Transform(v)).ToArray();
                var xl = x.Take(nl).ToArray(); var xu = x.Skip(nl).ToArray();
                var tl = c.ExampleLabels.Select(y => { var t = new double[K]; t[y] = 1; return t; }).ToArray();
                var W = SoftmaxRegression.Fit(xl, tl, null, K, lambda);
                var P = xu.Select(v => SoftmaxRegression.Probabilities(W, v)).ToArray();
                for (int r = 0; r < rounds; r++)
                {
                    var rows = new List<double[]>(xl); var tg = new List<double[]>(tl); var wt = new List<double>(tl.Select(_ => 1.0));
                    for (int u = 0; u < nu; u++) if (P[u].Max() >= tau) { rows.Add(xu[u]); tg.Add(P[u]); wt.Add(P[u].Max()); }
                    W = SoftmaxRegression.Fit(rows.ToArray(), tg.ToArray(), wt.ToArray(), K, lambda, W);
                    P = xu.Select(v => SoftmaxRegression.Probabilities(W, v)).ToArray();
                }
                double[][] F = P;
                var xg = graphTrans ? BatchClassifier.Embed(raw, c.Dimension, true, c.ClipZ, c.Weights) : x;
                if (beta > 0)
                    F = BatchClassifier.Absorb(xg, c.ExampleLabels, K, opt.Neighbors, opt.Survival, null, P, beta);
                double[][] R = reach ? BatchClassifier.Absorb(xg, c.ExampleLabels, K, opt.Neighbors, opt.Survival, null) : null;
                var res = new List<ClassificationResult>();
                for (int u = 0; u < nu; u++)
                {
                    var f = F[u];
                    int best = 0; for (int k = 1; k < K; k++) if (f[k] > f[best]) best = k;
                    double mass = f.Sum();
                    double pb = walkConf ? f[best] : f[best] / mass;
                    if (reach) pb *= R[u].Sum();
                    double t = typ ? Typicality(c, c.Transform(test[u].Vector), best) : 1;
                    res.Add(new ClassificationResult { PredictedKind = c.Kinds[best], Confidence = pb * t, KindProbability = f[best] / mass, Typicality = t });
                }
                return res;
            };
    }
}
