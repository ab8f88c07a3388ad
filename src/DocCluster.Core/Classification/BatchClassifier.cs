using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Features;

namespace DocCluster.Classification
{
    /// <summary>
    /// Transductive classification of a whole batch: the labelled examples stored in an <see cref="ImageClassifier"/> and the
    /// batch's pages form one k-nearest-neighbour graph; every page's kind is where a random walk from it is absorbed.
    /// </summary>
    /// <remarks>
    /// Space: standardised with the mean/standard deviation of examples + batch (many pages estimate scales far better than
    /// 5 per kind), clipped to ±ClipZ, multiplied by <see cref="FeatureWeighting"/> weights, L2-normalised (like ClusterModel).
    /// Graph: each node's <see cref="ClassifierOptions.Neighbors"/> nearest neighbours, weight exp(−d²/(σᵢσⱼ)) with σᵢ the
    /// distance to the node's k-th neighbour (self-tuning scale, Zelnik-Manor &amp; Perona 2004). Mutual (the default of
    /// classifiers trained now, <see cref="ClassifierOptions.MutualNeighbors"/>): an edge only where both pages are among each
    /// other's k nearest, plus every page's nearest neighbour — a mutual kNN graph keeps the edges inside dense groups and
    /// drops most of the one-sided edges that bridge two kinds (Maier, Hein &amp; von Luxburg 2009). Classifiers saved before
    /// (no MutualNeighbors in the file) keep the union of the k-nearest lists, with the k they stored (10 by default then).
    /// Walk: labelled examples absorb (into their kind); from a page the walk follows an edge with probability proportional
    /// to its weight, but before every step it is absorbed into "Unknown" with probability 1 − <see cref="ClassifierOptions.Survival"/>.
    /// g_k(page) = P(absorbed by kind k) solves g = α(P_uu g + P_ul Y) — label propagation (Zhu et al. 2003; label spreading,
    /// Zhou et al. 2004, with the random-walk normalisation) with an explicit Unknown sink. Pages in a region that no labelled
    /// example reaches within a few steps — a kind nobody labelled — keep most of their mass in Unknown: reach = Σ_k g_k.
    /// Kind: when the classifier has logistic-regression coefficients (format 3) and <see cref="ClassifierOptions.PriorWeight"/> β &gt; 0,
    /// a second walk also stops at every step with probability β on the classifier's posterior q of the page it is on,
    /// f = α((1−β)(P_uu f + P_ul Y) + β q) — the graph smooths the posterior, the posterior guides the walk where no example is near;
    /// otherwise f = g. With <see cref="ClassifierOptions.TreeVoteWeight"/> γ &gt; 0, q = (1−γ)·posterior + γ·(the kinds' shares among
    /// the first labelled examples the page meets in a Ward tree of the same pages, <see cref="KindLevel"/>): a second, hierarchical
    /// opinion on the kind, which errs on other pages than the regression does. With <see cref="ClassifierOptions.TreeVoteAgreement"/>
    /// the vote for a kind is weighted by the support the walk and the posterior give it (<see cref="SupportedVote"/>).
    /// KindProbability = f_best / Σ f_k; Confidence = KindProbability · reach · Typicality (0..1), Typicality as in
    /// <see cref="ImageClassifier"/> (distance to the kind's prototype over its calibrated spread, with the wider tail
    /// <see cref="ClassifierOptions.BatchTailWidth"/>; 1 when
    /// <see cref="ClassifierOptions.BatchTypicality"/> is off), times the kind-level fit when <see cref="ClassifierOptions.KindLevelCheck"/>
    /// is on (<see cref="KindLevel"/>: a page whose group meets the labelled examples in a Ward tree only above the level that holds a
    /// kind together is a candidate for a kind nobody labelled). Without the prior this is f_best · Typicality, as in format 2.
    /// Context: a classifier trained with unlabelled pages of the collection (<see cref="ImageClassifier.ContextVectors"/>) adds them
    /// to the graph as unlabelled nodes after the batch (a page the batch also holds counts once) and reports only the batch's
    /// pages: a page's reach depends on the pages around it, so a small nightly batch is classified as inside the archive.
    /// Size: a batch of more than <see cref="ClassifierOptions.MaxBatchPages"/> pages is split into ⌈n / max⌉ graphs of equal size
    /// (the path order shuffled with a fixed seed and dealt out in turn), each with the examples and the context: reach falls as a graph grows, and this keeps
    /// every graph near the sizes the benchmark measured, at O(n · max) instead of O(n²) work.
    /// Deterministic: the pages are processed in (Path, Page, input position) order whatever order they came in.
    /// </remarks>
    public static class BatchClassifier
    {
        public const string AlgorithmName = "KnnGraph-AbsorbingWalk";

        /// <summary>Classifies <paramref name="pages"/> together; results in input order. Kind is "Unknown" below <paramref name="minConfidence"/>.</summary>
        public static IReadOnlyList<ClassificationResult> Classify(ImageClassifier classifier, IReadOnlyList<ImageFeature> pages, double minConfidence)
            => Classify(classifier, pages, minConfidence, null);

        /// <summary>As above; returns null as soon as <paramref name="cancelled"/> (polled between rows of work) says so.</summary>
        public static IReadOnlyList<ClassificationResult> Classify(ImageClassifier classifier, IReadOnlyList<ImageFeature> pages, double minConfidence, Func<bool> cancelled)
            => Classify(classifier, pages, minConfidence, cancelled, null);

        /// <summary>As above; <paramref name="progress"/> (may be null) gets the number of pages classified so far after each graph.</summary>
        public static IReadOnlyList<ClassificationResult> Classify(ImageClassifier classifier, IReadOnlyList<ImageFeature> pages, double minConfidence, Func<bool> cancelled,
            Action<int> progress)
        {
            if (classifier == null) throw new ArgumentNullException(nameof(classifier));
            if (pages == null) throw new ArgumentNullException(nameof(pages));
            if (double.IsNaN(minConfidence) || minConfidence < 0 || minConfidence > 1)
                throw new ArgumentOutOfRangeException(nameof(minConfidence), "MinConfidence must be between 0 and 1.");
            if (classifier.ExampleVectors == null || classifier.ExampleLabels == null || classifier.ExampleVectors.Length != classifier.ExampleLabels.Length
                || classifier.ExampleVectors.Length == 0)
                throw new InvalidOperationException("The classifier does not keep its labelled examples (trained by an older version?): train it again to classify a batch.");
            foreach (var p in pages) classifier.CheckCompatible(p);
            if (pages.Count == 0) return new ClassificationResult[0];

            var order = Enumerable.Range(0, pages.Count)
                .OrderBy(i => pages[i].Path, StringComparer.Ordinal).ThenBy(i => pages[i].Page).ThenBy(i => i).ToArray();
            // context pages (the archive kept in the classifier) join the graph after the batch; one the batch also holds is left out
            var context = ContextOutside(classifier.ContextVectors, pages);
            int chunks = ChunkCount(pages.Count, (classifier.Options ?? new ClassifierOptions()).MaxBatchPages);
            var results = new ClassificationResult[pages.Count];
            int done = 0;
            // positions in the path order, shuffled with a fixed seed and dealt out in turn: every graph holds a like sample of the
            // batch, also when the file names follow a period (duplex scans: front, back, front, ...)
            var positions = Enumerable.Range(0, order.Length).ToArray();
            if (chunks > 1)
            {
                var rng = new Random(0);
                for (int t = positions.Length - 1; t > 0; t--) { int j = rng.Next(t + 1); (positions[t], positions[j]) = (positions[j], positions[t]); }
            }
            for (int c = 0; c < chunks; c++)
            {
                var members = new List<int>();
                for (int t = c; t < positions.Length; t += chunks) members.Add(positions[t]);
                members.Sort();
                for (int t = 0; t < members.Count; t++) members[t] = order[members[t]];
                var part = ClassifyGraph(classifier, members.Select(i => pages[i]).ToArray(), context, minConfidence, cancelled);
                if (part == null) return null;
                for (int t = 0; t < members.Count; t++) results[members[t]] = part[t];
                done += members.Count;
                progress?.Invoke(done);
            }
            return results;
        }

        /// <summary>Whether <see cref="Classify(ImageClassifier, IReadOnlyList{ImageFeature}, double)"/> builds the Ward tree (kind-level
        /// check, tree's vote) for these pages: it needs an n×n distance matrix and is skipped above <see cref="KindLevel.MaxPoints"/>
        /// points per graph (examples + the graph's pages + the context pages the batch does not hold). False too when the
        /// classifier uses neither.</summary>
        public static bool UsesWardTree(ImageClassifier classifier, IReadOnlyList<ImageFeature> pages)
        {
            if (pages == null) throw new ArgumentNullException(nameof(pages));
            return UsesWardTree(classifier, pages.Count, ContextOutside(classifier?.ContextVectors, pages).Count);
        }

        /// <summary>As above, from the batch's size and the number of context pages that join its graphs.</summary>
        internal static bool UsesWardTree(ImageClassifier classifier, int pages, int contextPages)
        {
            if (classifier == null) throw new ArgumentNullException(nameof(classifier));
            var opt = classifier.Options ?? new ClassifierOptions();
            if (!opt.KindLevelCheck && !(TreeVote(classifier) > 0)) return false;
            int graphs = ChunkCount(pages, opt.MaxBatchPages);
            int perGraph = (pages + graphs - 1) / graphs;
            return (classifier.ExampleVectors?.Length ?? 0) + perGraph + contextPages <= KindLevel.MaxPoints;
        }

        /// <summary>The weight of the tree's vote in the walk's prior; 0 when there is no prior walk (no logistic-regression
        /// coefficients, or <see cref="ClassifierOptions.PriorWeight"/> 0).</summary>
        public static double TreeVote(ImageClassifier classifier)
        {
            var opt = classifier.Options ?? new ClassifierOptions();
            return classifier.Coefficients != null && opt.PriorWeight > 0 ? Math.Max(0, Math.Min(1, opt.TreeVoteWeight)) : 0;
        }

        /// <summary>How many graphs a batch of <paramref name="pages"/> is split into: pages ÷ <paramref name="maxPages"/>, rounded up (1 when
        /// <paramref name="maxPages"/> ≤ 0).</summary>
        public static int ChunkCount(int pages, int maxPages) => maxPages <= 0 || pages <= maxPages ? 1 : (pages + maxPages - 1) / maxPages;

        /// <summary>One graph: the labelled examples, <paramref name="pages"/> (in path order) and the context; results in the order of <paramref name="pages"/>.</summary>
        private static ClassificationResult[] ClassifyGraph(ImageClassifier classifier, IReadOnlyList<ImageFeature> pages, List<float[]> context, double minConfidence,
            Func<bool> cancelled)
        {
            var opt = classifier.Options ?? new ClassifierOptions();
            int K = classifier.Kinds.Length, d = classifier.Dimension;
            int nl = classifier.ExampleVectors.Length, nb = pages.Count, nu = nb + context.Count, n = nl + nu;
            var raw = new float[n][];
            for (int i = 0; i < nl; i++) raw[i] = classifier.ExampleVectors[i];
            for (int i = 0; i < nb; i++) raw[nl + i] = pages[i].Vector;
            for (int i = 0; i < context.Count; i++) raw[nl + nb + i] = context[i];

            var x = Embed(raw, d, opt.Standardize, classifier.ClipZ, classifier.Weights);
            if (opt.Whitening > 0) x = Whiten(x, classifier.ExampleLabels, K, opt.Whitening);
            var graph = Graph(x, nl, Math.Max(1, opt.Neighbors), cancelled, opt.MutualNeighbors);
            if (graph.index == null) return null;
            // the graph walk alone: how much of a page's walk some labelled example absorbs (its reach) and, without a posterior prior, its kind
            var reachWalk = Walk(graph, classifier.ExampleLabels, K, opt.Survival, cancelled, null, 0);
            if (reachWalk == null) return null;
            var f = reachWalk;
            // the pages in the classifier's own space (example-standardised), for its posterior and the prototype distances
            var xc = new double[nu][];
            for (int u = 0; u < nu; u++) xc[u] = classifier.Transform(raw[nl + u]);
            // a Ward tree of the same pages: where each page's group meets the labelled examples, relative to the level that holds
            // a kind together, and which kind it meets there
            bool usePrior = classifier.Coefficients != null && opt.PriorWeight > 0;
            double treeVote = TreeVote(classifier);
            var tree = opt.KindLevelCheck || treeVote > 0 ? KindLevel.Measure(x, classifier.ExampleLabels, K, cancelled) : null;
            if (cancelled != null && cancelled()) return null;
            double[] level = opt.KindLevelCheck ? tree?.Ratio : null;

            if (usePrior)
            {
                // the walk that also stops at every step with probability β on the logistic-regression posterior of the page it is on,
                // mixed with the tree's vote
                var prior = new double[nu][];
                for (int u = 0; u < nu; u++)
                {
                    prior[u] = classifier.Posterior(xc[u]);
                    if (tree == null || treeVote == 0) continue;
                    var vote = opt.TreeVoteAgreement ? SupportedVote(tree.Vote[u], reachWalk[u], prior[u]) : tree.Vote[u];
                    if (vote == null) continue;
                    for (int c = 0; c < K; c++) prior[u][c] = (1 - treeVote) * prior[u][c] + treeVote * vote[c];
                }
                f = Walk(graph, classifier.ExampleLabels, K, opt.Survival, cancelled, prior, Math.Min(1, opt.PriorWeight));
                if (f == null) return null;
            }

            var results = new ClassificationResult[nb];
            double tailWidth = opt.BatchTailWidth > 0 ? opt.BatchTailWidth : classifier.TailWidth;
            for (int u = 0; u < nb; u++)
            {
                var feature = pages[u];
                var r = classifier.Predict(feature, 0); // prototype distance/score for reference
                var fu = f[u];
                int best = 0, second = -1;
                for (int k = 1; k < K; k++) if (fu[k] > fu[best]) best = k;
                for (int k = 0; k < K; k++) if (k != best && (second < 0 || fu[k] > fu[second])) second = k;
                double mass = fu.Sum();
                double reach = reachWalk[u].Sum();
                double share = mass > 0 ? fu[best] / mass : 1.0 / K;
                // typicality of the page for its batch kind, as the prototype classifier measures it (distance / calibrated spread)
                double distance = Math.Sqrt(ImageClassifier.SquaredDistance(xc[u], classifier.Prototypes[best]));
                double ratio = distance / classifier.Spread[best];
                double typicality = opt.BatchTypicality ? ImageClassifier.GaussianTail(ratio, classifier.TypicalRatio, tailWidth) : 1;
                // without a prior share · reach = f_best, the walk's absorption probability by the kind
                double levelFit = level == null ? 1 : ImageClassifier.GaussianTail(level[u], opt.KindLevelLimit, opt.KindLevelWidth);
                double conf = Math.Max(0, Math.Min(1, share * reach * typicality * levelFit));
                bool unknown = conf < minConfidence;
                r.Kind = unknown ? ClassificationResult.UnknownKind : classifier.Kinds[best];
                r.PredictedKind = classifier.Kinds[best];
                r.Confidence = conf;
                r.KindProbability = share;
                r.Typicality = typicality;
                r.IsUnknown = unknown;
                r.RunnerUpKind = second >= 0 ? classifier.Kinds[second] : null;
                r.RunnerUpProbability = second >= 0 && mass > 0 ? fu[second] / mass : 0;
                r.Distance = distance;
                r.Score = ratio;
                r.KindLevelRatio = level?[u];
                results[u] = r;
            }
            return results;
        }

        /// <summary>Below this support (see <see cref="SupportedVote"/>) the tree's vote abstains.</summary>
        public const double TreeVoteMinSupport = 0.05;

        /// <summary>The tree's vote weighted kind by kind by the mean of the walk's share and the posterior, renormalised; null (the vote
        /// abstains) when the kinds it names have less than <see cref="TreeVoteMinSupport"/> of that support.</summary>
        internal static double[] SupportedVote(double[] vote, double[] walk, double[] posterior)
        {
            int K = vote.Length;
            double reach = walk.Sum(), total = 0;
            var weighted = new double[K];
            for (int c = 0; c < K; c++)
            {
                double support = ((reach > 0 ? walk[c] / reach : 0) + posterior[c]) / 2;
                weighted[c] = vote[c] * support;
                total += weighted[c];
            }
            if (total < TreeVoteMinSupport) return null;
            for (int c = 0; c < K; c++) weighted[c] /= total;
            return weighted;
        }

        private static List<float[]> ContextOutside(float[][] context, IReadOnlyList<ImageFeature> pages)
        {
            var kept = new List<float[]>();
            if (context == null || context.Length == 0) return kept;
            var batch = new HashSet<string>(pages.Select(p => VectorKey(p.Vector)), StringComparer.Ordinal);
            foreach (var v in context) if (v != null && !batch.Contains(VectorKey(v))) kept.Add(v);
            return kept;
        }

        /// <summary>An exact key of a feature vector (bit pattern), to recognise the same page under another path.</summary>
        internal static string VectorKey(float[] v)
        {
            var bytes = new byte[v.Length * sizeof(float)];
            Buffer.BlockCopy(v, 0, bytes, 0, bytes.Length);
            return Convert.ToBase64String(bytes);
        }

        /// <summary>Standardise with the pool's statistics, clip, weight, L2-normalise.</summary>
        internal static double[][] Embed(float[][] raw, int d, bool standardize, double clipZ, double[] weights)
        {
            double[] mean = null, scale = null;
            if (standardize) FeatureSpace.LearnScale(raw, d, out mean, out scale);
            var x = new double[raw.Length][];
            for (int i = 0; i < raw.Length; i++) x[i] = FeatureSpace.Project(raw[i], mean, scale, weights, clipZ, normalize: true);
            return x;
        }

        /// <summary>Maps x to L⁻¹x where LLᵀ = (1−λ)·S_w + λ·diag(S_w) + ε·I, S_w the labelled examples' pooled within-kind
        /// covariance (shrinkage LDA metric, Friedman 1989 / Ledoit–Wolf style shrinkage towards the diagonal).</summary>
        internal static double[][] Whiten(double[][] x, int[] labels, int K, double lambda)
        {
            int d = x[0].Length, nl = labels.Length;
            var mu = new double[K][]; var cnt = new int[K];
            for (int k = 0; k < K; k++) mu[k] = new double[d];
            for (int i = 0; i < nl; i++) { cnt[labels[i]]++; for (int j = 0; j < d; j++) mu[labels[i]][j] += x[i][j]; }
            for (int k = 0; k < K; k++) if (cnt[k] > 0) for (int j = 0; j < d; j++) mu[k][j] /= cnt[k];
            var S = new double[d, d];
            for (int i = 0; i < nl; i++)
            {
                var m = mu[labels[i]];
                for (int a = 0; a < d; a++) { double da = x[i][a] - m[a]; if (da == 0) continue; for (int b = 0; b <= a; b++) S[a, b] += da * (x[i][b] - m[b]); }
            }
            double dof = Math.Max(1, nl - K), tr = 0;
            for (int a = 0; a < d; a++) { for (int b = 0; b <= a; b++) S[a, b] /= dof; tr += S[a, a]; }
            double eps = Math.Max(1e-12, 1e-3 * tr / d);
            for (int a = 0; a < d; a++) { for (int b = 0; b < a; b++) S[a, b] *= 1 - lambda; S[a, a] += eps; }
            // Cholesky (lower)
            var L = new double[d, d];
            for (int a = 0; a < d; a++)
                for (int b = 0; b <= a; b++)
                {
                    double v = S[a, b];
                    for (int t = 0; t < b; t++) v -= L[a, t] * L[b, t];
                    L[a, b] = a == b ? Math.Sqrt(Math.Max(v, 1e-300)) : v / L[b, b];
                }
            var y = new double[x.Length][];
            for (int i = 0; i < x.Length; i++)
            {
                var z = new double[d];
                for (int a = 0; a < d; a++) { double v = x[i][a]; for (int t = 0; t < a; t++) v -= L[a, t] * z[t]; z[a] = v / L[a, a]; }
                y[i] = z;
            }
            return y;
        }

        /// <summary>Absorption probabilities f[u][k] for the unlabelled nodes (x[labels.Length..]); labelled nodes come first.</summary>
        internal static double[][] Absorb(double[][] x, int[] labels, int K, int k, double survival, Func<bool> cancelled)
            => Absorb(x, labels, K, k, survival, cancelled, null, 0);

        /// <summary>As above, but at every step the walk from an unlabelled node u stops with probability <paramref name="priorWeight"/>
        /// and is absorbed by kind c with probability prior[u][c] (a classifier's posterior for the page): f_u = α((1−β) Σ_j P_uj f_j + β q_u).</summary>
        internal static double[][] Absorb(double[][] x, int[] labels, int K, int k, double survival, Func<bool> cancelled, double[][] prior, double priorWeight)
        {
            var g = Graph(x, labels.Length, k, cancelled);
            return g.index == null ? null : Walk(g, labels, K, survival, cancelled, prior, priorWeight);
        }

        /// <summary>Transition rows (neighbour indices, probabilities) of the unlabelled nodes x[nl..] in the symmetrised kNN graph:
        /// the union of every node's k nearest (format 3), or, when <paramref name="mutual"/>, only the pairs that are among each
        /// other's k nearest plus every node's nearest neighbour (so no node is cut off).</summary>
        internal static (int[][] index, double[][] p) Graph(double[][] x, int nl, int k, Func<bool> cancelled, bool mutual = false)
        {
            int n = x.Length, nu = n - nl;
            k = Math.Min(k, n - 1);
            var nbr = new int[n][]; var nd = new double[n][]; var sigma = new double[n];
            var dist = new double[n];
            var idx = new int[n];
            for (int i = 0; i < n; i++)
            {
                if (cancelled != null && (i & 63) == 0 && cancelled()) return (null, null);
                for (int j = 0; j < n; j++) { dist[j] = j == i ? double.PositiveInfinity : ImageClassifier.SquaredDistance(x[i], x[j]); idx[j] = j; }
                var keys = (double[])dist.Clone();
                Array.Sort(keys, idx); // ties broken deterministically by the sort on a fixed input order
                nbr[i] = new int[k]; nd[i] = new double[k];
                for (int t = 0; t < k; t++) { nbr[i][t] = idx[t]; nd[i][t] = keys[t]; }
                sigma[i] = Math.Sqrt(Math.Max(keys[k - 1], 1e-12));
            }
            var adj = new Dictionary<int, double>[n];
            for (int i = 0; i < n; i++) adj[i] = new Dictionary<int, double>();
            for (int i = 0; i < n; i++)
                for (int t = 0; t < k; t++)
                {
                    int j = nbr[i][t];
                    if (mutual && t > 0 && Array.IndexOf(nbr[j], i) < 0) continue;
                    double w = Math.Exp(-nd[i][t] / (sigma[i] * sigma[j]));
                    if (w < 1e-300) w = 1e-300;
                    if (!adj[i].TryGetValue(j, out var a) || a < w) adj[i][j] = w;
                    if (!adj[j].TryGetValue(i, out var b) || b < w) adj[j][i] = w;
                }
            // transition rows of the unlabelled nodes, sorted by neighbour for determinism
            var rowIdx = new int[nu][]; var rowP = new double[nu][];
            for (int u = 0; u < nu; u++)
            {
                var row = adj[nl + u].OrderBy(e => e.Key).ToArray();
                double deg = row.Sum(e => e.Value);
                rowIdx[u] = row.Select(e => e.Key).ToArray();
                rowP[u] = row.Select(e => e.Value / deg).ToArray();
            }
            return (rowIdx, rowP);
        }

        /// <summary>Gauss–Seidel sweeps on f_u = α((1−β) Σ_j P_uj f_j + β q_u), labelled f fixed to their kinds; converges since α &lt; 1.
        /// Null when cancelled (or when the graph was).</summary>
        internal static double[][] Walk((int[][] index, double[][] p) graph, int[] labels, int K, double survival, Func<bool> cancelled,
            double[][] prior, double priorWeight)
        {
            if (graph.index == null) return null;
            int nl = labels.Length, nu = graph.index.Length, n = nl + nu;
            var rowIdx = graph.index; var rowP = graph.p;
            var f = new double[n][];
            for (int i = 0; i < n; i++) { f[i] = new double[K]; if (i < nl) f[i][labels[i]] = 1; }
            for (int it = 0; it < 5000; it++)
            {
                if (cancelled != null && cancelled()) return null;
                double change = 0;
                for (int u = 0; u < nu; u++)
                {
                    var acc = new double[K];
                    var ri = rowIdx[u]; var rp = rowP[u];
                    for (int t = 0; t < ri.Length; t++) { var fj = f[ri[t]]; double p = rp[t]; for (int c = 0; c < K; c++) acc[c] += p * fj[c]; }
                    if (prior != null) { var q = prior[u]; for (int c = 0; c < K; c++) acc[c] = (1 - priorWeight) * acc[c] + priorWeight * q[c]; }
                    var fu = f[nl + u];
                    for (int c = 0; c < K; c++) { double v = survival * acc[c]; change = Math.Max(change, Math.Abs(v - fu[c])); fu[c] = v; }
                }
                if (change < 1e-9) break;
            }
            var res = new double[nu][];
            for (int u = 0; u < nu; u++) res[u] = f[nl + u];
            return res;
        }
    }
}
