using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features;

namespace DocCluster.Bench.Classification
{
    /// <summary>Experiment: one round of self-training on the batch walk — pages the walk assigns with a share of at least
    /// <c>tau</c> (and confidence at least the threshold) join the labelled examples, then the rest is classified again.</summary>
    internal static class ExpSelfTrain
    {
        internal static Evaluate.Method Method(double tau, double minConf, int rounds) => (train, test, opt) =>
        {
            var examples = new List<(ImageFeature, string)>(train);
            var fixedKind = new Dictionary<int, ClassificationResult>();
            IReadOnlyList<ClassificationResult> res = null;
            for (int r = 0; r <= rounds; r++)
            {
                var c = ImageClassifier.Train(examples, opt);
                var open = Enumerable.Range(0, test.Count).Where(i => !fixedKind.ContainsKey(i)).ToList();
                var part = BatchClassifier.Classify(c, open.Select(i => test[i]).ToList(), 0);
                var all = new ClassificationResult[test.Count];
                foreach (var kv in fixedKind) all[kv.Key] = kv.Value;
                for (int t = 0; t < open.Count; t++) all[open[t]] = part[t];
                res = all;
                if (r == rounds) break;
                for (int t = 0; t < open.Count; t++)
                    if (part[t].KindProbability >= tau && part[t].Confidence >= minConf)
                    {
                        fixedKind[open[t]] = part[t];
                        examples.Add((test[open[t]], part[t].PredictedKind));
                    }
            }
            return res;
        };
    }
}
