using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Features;

namespace DocCluster.Classification
{
    /// <summary>
    /// A few-shot document classifier: multinomial logistic regression (L2-penalised) over the labelled kinds in a
    /// standardised, weighted, L2-normalised space, plus one prototype (mean) per kind with a calibrated spread so that
    /// pages of a kind nobody labelled come out Unknown. Plain settable properties only, so it can be serialised
    /// (DataContractJsonSerializer) and read back.
    /// </summary>
    /// <remarks>
    /// Space: z = clip((v − Mean) / Scale, ±ClipZ) · Weights, then L2-normalised (like ClusterModel, plus clipping).
    /// Spread s_k: root-mean-square leave-one-out distance of kind k's examples to the prototype of the others,
    /// shrunk towards the pooled value with <see cref="ClassifierOptions.SpreadPrior"/> pseudo-examples.
    /// For a page: r_k = d_k / s_k; KindProbability = softmax_k(Coefficients_k · [z, 1]) of the best kind (logistic
    /// regression, <see cref="Algorithm"/> "LogisticRegression-SpreadCalibrated"), or, for classifiers without
    /// <see cref="Coefficients"/> (format version 2 and older, or <see cref="ClassifierOptions.LogisticRegression"/> off),
    /// softmax_k(−Sharpness · r_k² / 2) (nearest prototype); Typicality = exp(−½ ((r_best − TypicalRatio)₊ / TailWidth)²);
    /// Confidence = KindProbability · Typicality.
    /// </remarks>
    public sealed class ImageClassifier
    {
        public const string AlgorithmName = "LogisticRegression-SpreadCalibrated";
        /// <summary>The scoring scheme of classifiers without <see cref="Coefficients"/> (format version 2 and older).</summary>
        public const string PrototypeAlgorithmName = "NearestPrototype-SpreadCalibrated";

        /// <summary>3: adds <see cref="Coefficients"/> and <see cref="Regularization"/>; classifiers of versions 1 and 2 load
        /// and score as before (nearest prototype).</summary>
        public int FormatVersion { get; set; } = 3;
        /// <summary>Names the scoring scheme, independent of <see cref="FormatVersion"/>.</summary>
        public string Algorithm { get; set; } = AlgorithmName;
        public string Model { get; set; }
        public string ModelFingerprint { get; set; }
        public int Dimension { get; set; }
        /// <summary>Kind names, ordinal order; index k matches every per-kind array.</summary>
        public string[] Kinds { get; set; }
        public int[] ExampleCounts { get; set; }
        public int TrainingCount { get; set; }
        public ClassifierOptions Options { get; set; }
        /// <summary>Per-dimension mean/standard deviation of the examples; null when not standardised.</summary>
        public double[] Mean { get; set; }
        public double[] Scale { get; set; }
        /// <summary>Per-dimension multipliers after standardisation (<see cref="FeatureWeighting.For"/>); null for none.</summary>
        public double[] Weights { get; set; }
        public double ClipZ { get; set; }
        /// <summary>Prototypes (kind means) in the classifier's space.</summary>
        public double[][] Prototypes { get; set; }
        /// <summary>Calibrated distance scale per kind (see remarks).</summary>
        public double[] Spread { get; set; }
        /// <summary>Logistic-regression coefficients in the classifier's space: one row per kind, <see cref="Dimension"/> weights
        /// followed by the bias. Null: nearest-prototype scoring (classifiers of format version 2 and older).</summary>
        public double[][] Coefficients { get; set; }
        /// <summary>The L2 penalty λ the coefficients were fitted with (0 when there are none).</summary>
        public double Regularization { get; set; }
        /// <summary>Root-mean-square leave-one-out distance over every kind (the prior for the spreads).</summary>
        public double PooledSpread { get; set; }
        public double Sharpness { get; set; }
        public double TypicalRatio { get; set; }
        public double TailWidth { get; set; }
        /// <summary>The labelled examples' raw feature vectors (training order: kind, path, page) and their kind indices; kept so that
        /// <see cref="BatchClassifier"/> can classify a whole batch transductively. Null in classifiers of format version 1.</summary>
        public float[][] ExampleVectors { get; set; }
        public int[] ExampleLabels { get; set; }
        /// <summary>Raw feature vectors of unlabelled pages of the collection (e.g. the archive), kept so that
        /// <see cref="BatchClassifier"/> classifies a small batch inside the neighbourhood the archive gives: whether a page is
        /// reached from a labelled example depends on how many pages surround it. Null or empty: the batch alone.</summary>
        public float[][] ContextVectors { get; set; }
        /// <summary>Confidence below which Invoke-ImageClassification -Streaming reports Unknown unless -MinConfidence says otherwise.</summary>
        public double DefaultMinConfidence { get; set; } = ClassifierOptions.DefaultMinConfidence;
        /// <summary>Confidence below which batch classification (<see cref="BatchClassifier"/>, Invoke-ImageClassification without
        /// -Streaming) reports Unknown unless -MinConfidence says otherwise.</summary>
        public double DefaultBatchMinConfidence { get; set; } = ClassifierOptions.DefaultBatchMinConfidence;

        // ------------------------------------------------------------------ train

        public static ImageClassifier Train(IReadOnlyList<(ImageFeature feature, string kind)> examples, ClassifierOptions options)
            => Train(examples, options, null);

        /// <summary>Trains; <paramref name="unlabeled"/> (optional, same extractor) pages join the labelled ones only to learn the
        /// per-dimension mean/scale, which few examples estimate poorly.</summary>
        public static ImageClassifier Train(IReadOnlyList<(ImageFeature feature, string kind)> examples, ClassifierOptions options, IReadOnlyList<ImageFeature> unlabeled)
            => Train(examples, options, unlabeled, null);

        /// <summary>As above; <paramref name="context"/> (optional, same extractor) unlabelled pages of the collection are kept as
        /// <see cref="ContextVectors"/> (at most <see cref="ClassifierOptions.MaxContextPages"/>, sampled evenly in path order; pages
        /// that are also labelled examples are left out). They do not change the classifier's own scale or coefficients.</summary>
        public static ImageClassifier Train(IReadOnlyList<(ImageFeature feature, string kind)> examples, ClassifierOptions options, IReadOnlyList<ImageFeature> unlabeled,
            IReadOnlyList<ImageFeature> context)
        {
            if (examples == null) throw new ArgumentNullException(nameof(examples));
            options = (options ?? new ClassifierOptions()).Clone();
            if (examples.Count == 0) throw new ArgumentException("No labelled examples: the input is empty.", nameof(examples));
            if (!(options.Survival >= 0 && options.Survival < 1)) throw new ArgumentOutOfRangeException(nameof(options), "Survival must be in [0, 1).");
            if (options.LogisticRegression && !(options.Regularization > 0 && !double.IsInfinity(options.Regularization)))
                throw new ArgumentOutOfRangeException(nameof(options), "Regularization must be a positive number.");
            if (!(options.PriorWeight >= 0 && options.PriorWeight <= 1)) throw new ArgumentOutOfRangeException(nameof(options), "PriorWeight must be in [0, 1].");
            if (options.Neighbors < 1) throw new ArgumentOutOfRangeException(nameof(options), "Neighbors must be at least 1.");
            if (!(options.TreeVoteWeight >= 0 && options.TreeVoteWeight <= 1)) throw new ArgumentOutOfRangeException(nameof(options), "TreeVoteWeight must be in [0, 1].");
            if (options.KindLevelCheck && !(options.KindLevelLimit > 0 && options.KindLevelWidth > 0))
                throw new ArgumentOutOfRangeException(nameof(options), "KindLevelLimit and KindLevelWidth must be positive.");
            if (!(options.BatchTailWidth >= 0) || double.IsInfinity(options.BatchTailWidth))
                throw new ArgumentOutOfRangeException(nameof(options), "BatchTailWidth must be 0 (the streaming TailWidth) or a positive number.");
            if (options.MaxContextPages < 0) throw new ArgumentOutOfRangeException(nameof(options), "MaxContextPages must not be negative.");
            for (int i = 0; i < examples.Count; i++)
            {
                if (examples[i].feature == null) throw new ArgumentException($"Example {i} has no feature.", nameof(examples));
                if (string.IsNullOrWhiteSpace(examples[i].kind)) throw new ArgumentException($"Example {i} ('{examples[i].feature}') has no kind.", nameof(examples));
                if (string.Equals(examples[i].kind.Trim(), ClassificationResult.UnknownKind, StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"'{ClassificationResult.UnknownKind}' is reserved for pages of no labelled kind; example '{examples[i].feature}' cannot be labelled so.", nameof(examples));
            }
            var f0 = examples[0].feature;
            var mixed = examples.GroupBy(e => (e.feature.ModelFingerprint, e.feature.Dimension)).ToList();
            if (mixed.Count > 1)
                throw new ArgumentException("The examples mix features from different models or settings, which cannot be compared: " +
                    string.Join("; ", mixed.Select(g => $"{g.Count()} × {g.First().feature.Model} ({g.Key.ModelFingerprint}, {g.Key.Dimension}-d)")) + ".", nameof(examples));
            foreach (var e in examples) CheckFinite(e.feature, nameof(examples));

            var sorted = examples.Select((e, i) => (e.feature, kind: e.kind.Trim(), i))
                .OrderBy(t => t.kind, StringComparer.Ordinal).ThenBy(t => t.feature.Path, StringComparer.Ordinal).ThenBy(t => t.feature.Page)
                .ThenBy(t => t.i).ToArray();
            var kinds = sorted.Select(t => t.kind).Distinct(StringComparer.Ordinal).ToArray();
            if (kinds.Length < 2)
                throw new ArgumentException($"Only one kind ('{kinds[0]}') was labelled; a classifier needs at least two kinds.", nameof(examples));
            int n = sorted.Length, d = f0.Dimension, K = kinds.Length;

            var m = new ImageClassifier
            {
                Model = f0.Model,
                ModelFingerprint = f0.ModelFingerprint,
                Dimension = d,
                Kinds = kinds,
                TrainingCount = n,
                Options = options,
                ClipZ = options.Standardize ? options.ClipZ : 0,
                Sharpness = options.Sharpness,
                TypicalRatio = options.TypicalRatio,
                TailWidth = options.TailWidth,
            };
            if (options.Standardize)
            {
                var pool = sorted.Select(t => t.feature).ToList();
                if (unlabeled != null)
                    foreach (var u in unlabeled.Where(u => u != null).OrderBy(u => u.Path, StringComparer.Ordinal).ThenBy(u => u.Page))
                    {
                        if (u.ModelFingerprint != f0.ModelFingerprint || u.Dimension != d)
                            throw new ArgumentException($"Unlabelled page '{u}' was extracted with {u.Model} ({u.ModelFingerprint}, {u.Dimension}-d), not the examples' {f0.Model} ({f0.ModelFingerprint}, {d}-d).", nameof(unlabeled));
                        CheckFinite(u, nameof(unlabeled));
                        pool.Add(u);
                    }
                FeatureSpace.LearnScale(pool.Select(f => f.Vector).ToArray(), d, out var mean, out var scale);
                m.Mean = mean;
                m.Scale = scale;
                m.Weights = FeatureWeighting.For(m.Model, m.ModelFingerprint, d);
            }

            var kindIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k < K; k++) kindIndex[kinds[k]] = k;
            var x = sorted.Select(t => m.Transform(t.feature.Vector)).ToArray();
            var label = sorted.Select(t => kindIndex[t.kind]).ToArray();
            var counts = new int[K];
            var protos = new double[K][];
            for (int k = 0; k < K; k++) protos[k] = new double[d];
            for (int i = 0; i < n; i++) { counts[label[i]]++; var p = protos[label[i]]; for (int j = 0; j < d; j++) p[j] += x[i][j]; }
            for (int k = 0; k < K; k++) for (int j = 0; j < d; j++) protos[k][j] /= counts[k];

            // leave-one-out distance of each example to its kind's prototype without it: n/(n-1) · |x - c|
            var loo = new double[K];
            var looCount = new int[K];
            for (int i = 0; i < n; i++)
            {
                int k = label[i];
                if (counts[k] < 2) continue;
                double f = counts[k] / (counts[k] - 1.0);
                loo[k] += f * f * SquaredDistance(x[i], protos[k]);
                looCount[k]++;
            }
            double pooledSq = looCount.Sum() > 0 ? loo.Sum() / looCount.Sum() : double.NaN;
            if (double.IsNaN(pooledSq) || pooledSq <= 0)
            {
                // every kind has a single example (or identical ones): a quarter of the smallest squared gap between prototypes
                double gap = double.PositiveInfinity;
                for (int a = 0; a < K; a++) for (int b = a + 1; b < K; b++) gap = Math.Min(gap, SquaredDistance(protos[a], protos[b]));
                pooledSq = gap > 0 && !double.IsInfinity(gap) ? gap / 4 : 1e-6;
            }
            var spread = new double[K];
            for (int k = 0; k < K; k++)
                spread[k] = Math.Sqrt(Math.Max((loo[k] + options.SpreadPrior * pooledSq) / (looCount[k] + options.SpreadPrior), 1e-12));
            m.Prototypes = protos;
            m.ExampleVectors = sorted.Select(t => (float[])t.feature.Vector.Clone()).ToArray();
            m.ExampleLabels = label;
            if (context != null) m.ContextVectors = SampleContext(context, sorted.Select(t => t.feature), f0, options.MaxContextPages);
            m.ExampleCounts = counts;
            m.Spread = spread;
            m.PooledSpread = Math.Sqrt(pooledSq);
            if (options.LogisticRegression)
            {
                var targets = label.Select(y => { var t = new double[K]; t[y] = 1; return t; }).ToArray();
                m.Coefficients = SoftmaxRegression.Fit(x, targets, null, K, options.Regularization);
                m.Regularization = options.Regularization;
            }
            else m.Algorithm = PrototypeAlgorithmName;
            return m;
        }

        private static float[][] SampleContext(IReadOnlyList<ImageFeature> context, IEnumerable<ImageFeature> examples, ImageFeature f0, int max)
        {
            // a labelled page is left out by its path or by its vector (the same scan copied into a labels folder)
            var labelled = new HashSet<(string, int)>(examples.Select(e => (e.Path ?? "", e.Page)));
            var labelledVectors = new HashSet<string>(examples.Select(e => BatchClassifier.VectorKey(e.Vector)), StringComparer.Ordinal);
            var pages = new List<ImageFeature>();
            var seen = new HashSet<(string, int)>();
            foreach (var u in context.Where(u => u != null).OrderBy(u => u.Path, StringComparer.Ordinal).ThenBy(u => u.Page))
            {
                if (u.ModelFingerprint != f0.ModelFingerprint || u.Dimension != f0.Dimension)
                    throw new ArgumentException($"Context page '{u}' was extracted with {u.Model} ({u.ModelFingerprint}, {u.Dimension}-d), not the examples' {f0.Model} ({f0.ModelFingerprint}, {f0.Dimension}-d).", nameof(context));
                CheckFinite(u, nameof(context));
                var key = (u.Path ?? "", u.Page);
                if (labelled.Contains(key) || labelledVectors.Contains(BatchClassifier.VectorKey(u.Vector)) || !seen.Add(key)) continue;
                pages.Add(u);
            }
            int take = Math.Min(max, pages.Count);
            var kept = new float[take][];
            // evenly spaced in path order: deterministic, and a folder-per-kind archive keeps every folder's share
            for (int i = 0; i < take; i++) kept[i] = (float[])pages[(int)((long)i * pages.Count / take)].Vector.Clone();
            return kept;
        }

        // ------------------------------------------------------------------ predict

        /// <summary>Maps a raw feature vector into the classifier's space.</summary>
        /// <summary>How typical a page at <paramref name="ratio"/> (distance to the kind's prototype over its spread) is: 1 up to
        /// <see cref="TypicalRatio"/>, then a Gaussian tail of width <see cref="TailWidth"/>.</summary>
        internal double Typicality(double ratio) => GaussianTail(ratio, TypicalRatio, TailWidth);

        /// <summary>1 up to <paramref name="limit"/>, then exp(−½ ((value − limit) / width)²): the factor typicality and the kind-level
        /// fit put on a confidence.</summary>
        internal static double GaussianTail(double value, double limit, double width)
        {
            double excess = Math.Max(0, value - limit) / (width > 0 ? width : 1e-9);
            return Math.Exp(-0.5 * excess * excess);
        }

        public double[] Transform(float[] vector) => FeatureSpace.Project(vector, Mean, Scale, Weights, ClipZ, normalize: true);

        /// <summary>Throws ArgumentException when the feature cannot be classified by this model (other extractor, length, NaN).</summary>
        public void CheckCompatible(ImageFeature feature)
        {
            if (feature == null) throw new ArgumentNullException(nameof(feature));
            if (!string.Equals(feature.ModelFingerprint, ModelFingerprint, StringComparison.Ordinal))
                throw new ArgumentException($"'{feature}' was extracted with a different model or settings ({feature.Model}, fingerprint {feature.ModelFingerprint}) than the classifier was trained on ({Model}, {ModelFingerprint}). Extract features with the classifier's model.", nameof(feature));
            if (feature.Dimension != Dimension)
                throw new ArgumentException($"'{feature}' has a feature vector of length {feature.Dimension}; the classifier expects {Dimension}.", nameof(feature));
            CheckFinite(feature, nameof(feature));
        }

        /// <summary>Classifies one page; Kind is "Unknown" when the confidence is below <paramref name="minConfidence"/> (0..1).</summary>
        public ClassificationResult Predict(ImageFeature feature, double minConfidence)
        {
            if (double.IsNaN(minConfidence) || minConfidence < 0 || minConfidence > 1)
                throw new ArgumentOutOfRangeException(nameof(minConfidence), "MinConfidence must be between 0 and 1.");
            if (Prototypes == null || Kinds == null || Prototypes.Length != Kinds.Length || Spread == null)
                throw new InvalidOperationException("The classifier has no prototypes: train it with ImageClassifier.Train.");
            CheckCompatible(feature);
            var x = Transform(feature.Vector);
            int K = Prototypes.Length;
            var dist = new double[K];
            for (int k = 0; k < K; k++) dist[k] = Math.Sqrt(SquaredDistance(x, Prototypes[k]));
            double[] prob;
            if (Coefficients != null) prob = Posterior(x);
            else
            {
                var logit = new double[K];
                for (int k = 0; k < K; k++)
                {
                    double r = dist[k] / Spread[k];
                    logit[k] = -0.5 * Sharpness * r * r;
                }
                double max = logit.Max();
                prob = logit.Select(l => Math.Exp(l - max)).ToArray();
                double sum = prob.Sum();
                for (int k = 0; k < K; k++) prob[k] /= sum;
            }
            int best = 0, second = -1;
            for (int k = 1; k < K; k++) if (prob[k] > prob[best]) best = k;
            for (int k = 0; k < K; k++) if (k != best && (second < 0 || prob[k] > prob[second])) second = k;
            double ratio = dist[best] / Spread[best];
            double typicality = Typicality(ratio);
            double confidence = Math.Max(0, Math.Min(1, prob[best] * typicality));
            bool unknown = confidence < minConfidence;
            return new ClassificationResult
            {
                Path = feature.Path,
                Page = feature.Page,
                Name = feature.Name,
                Kind = unknown ? ClassificationResult.UnknownKind : Kinds[best],
                PredictedKind = Kinds[best],
                Confidence = confidence,
                KindProbability = prob[best],
                Typicality = typicality,
                IsUnknown = unknown,
                RunnerUpKind = second >= 0 ? Kinds[second] : null,
                RunnerUpProbability = second >= 0 ? prob[second] : 0,
                Distance = dist[best],
                Score = ratio,
                Feature = feature,
            };
        }

        /// <summary>Logistic-regression probabilities of the kinds for a vector already in the classifier's space (<see cref="Transform"/>).</summary>
        internal double[] Posterior(double[] x)
        {
            if (Coefficients == null || Coefficients.Length != Kinds.Length) throw new InvalidOperationException("The classifier has no logistic-regression coefficients.");
            foreach (var row in Coefficients)
                if (row == null || row.Length != x.Length + 1) throw new InvalidOperationException($"The classifier's coefficients do not match its {x.Length}-d space.");
            return SoftmaxRegression.Probabilities(Coefficients, x);
        }

        /// <summary>Classifies with <see cref="DefaultMinConfidence"/>.</summary>
        public ClassificationResult Predict(ImageFeature feature) => Predict(feature, DefaultMinConfidence);

        internal static double SquaredDistance(double[] a, double[] b)
        {
            double s = 0;
            for (int i = 0; i < a.Length; i++) { double t = a[i] - b[i]; s += t * t; }
            return s;
        }

        private static void CheckFinite(ImageFeature f, string param)
        {
            foreach (var v in f.Vector)
                if (float.IsNaN(v) || float.IsInfinity(v))
                    throw new ArgumentException($"The feature vector of '{f}' contains NaN or infinite values.", param);
        }

        public override string ToString() => $"ImageClassifier {Model}: {string.Join(", ", Kinds ?? new string[0])}";
    }
}
