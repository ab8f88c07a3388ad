using System;

namespace DocCluster.Classification
{
    /// <summary>
    /// Multinomial logistic regression with an L2 penalty on the weights (not the biases), fitted by full-batch Nesterov
    /// gradient descent with the step 1/L from Böhning's bound on the Hessian. Deterministic: no randomness, fixed
    /// iteration order.
    /// </summary>
    /// <remarks>
    /// Loss = Σᵢ wᵢ · CE(tᵢ, softmax(W xᵢ + b)) / Σᵢ wᵢ + λ/2 · ‖W‖², tᵢ a target distribution over the K kinds (one-hot for
    /// labelled examples, soft for pseudo-labels). Coefficients are returned as K rows of d weights followed by the bias.
    /// </remarks>
    internal static class SoftmaxRegression
    {
        /// <summary>Fits; <paramref name="init"/> (optional, same shape as the result) warm-starts.</summary>
        internal static double[][] Fit(double[][] x, double[][] targets, double[] weights, int K, double lambda, double[][] init = null,
            int maxIterations = 3000, double tolerance = 1e-7)
        {
            if (x == null) throw new ArgumentNullException(nameof(x));
            if (x.Length == 0) throw new ArgumentException("No training rows.", nameof(x));
            if (!(lambda > 0)) throw new ArgumentOutOfRangeException(nameof(lambda), "The L2 penalty must be positive.");
            int n = x.Length, d = x[0].Length, D = d + 1;
            double wsum = 0, maxSq = 0;
            for (int i = 0; i < n; i++)
            {
                double w = weights == null ? 1 : weights[i];
                wsum += w;
                double s = 1; // bias
                for (int j = 0; j < d; j++) s += x[i][j] * x[i][j];
                if (w > 0) maxSq = Math.Max(maxSq, s);
            }
            if (!(wsum > 0)) throw new ArgumentException("The row weights sum to zero.", nameof(weights));
            double L = 0.5 * maxSq + lambda;
            double step = 1 / L;
            double q = Math.Sqrt(lambda / L);
            double momentum = (1 - q) / (1 + q);

            var W = new double[K][];
            var Y = new double[K][];   // look-ahead point
            var G = new double[K][];
            for (int k = 0; k < K; k++)
            {
                W[k] = init != null ? (double[])init[k].Clone() : new double[D];
                Y[k] = (double[])W[k].Clone();
                G[k] = new double[D];
            }
            var p = new double[K];
            for (int it = 0; it < maxIterations; it++)
            {
                for (int k = 0; k < K; k++) Array.Clear(G[k], 0, D);
                for (int i = 0; i < n; i++)
                {
                    double w = weights == null ? 1 : weights[i];
                    if (w <= 0) continue;
                    Probabilities(Y, x[i], p);
                    var xi = x[i];
                    for (int k = 0; k < K; k++)
                    {
                        double g = w * (p[k] - targets[i][k]) / wsum;
                        if (g == 0) continue;
                        var gk = G[k];
                        for (int j = 0; j < d; j++) gk[j] += g * xi[j];
                        gk[d] += g;
                    }
                }
                double maxGrad = 0;
                for (int k = 0; k < K; k++)
                {
                    var gk = G[k]; var yk = Y[k]; var wk = W[k];
                    for (int j = 0; j < D; j++)
                    {
                        double gj = gk[j] + (j < d ? lambda * yk[j] : 0);
                        maxGrad = Math.Max(maxGrad, Math.Abs(gj));
                        double next = yk[j] - step * gj;
                        double prev = wk[j];
                        wk[j] = next;
                        yk[j] = next + momentum * (next - prev);
                    }
                }
                if (maxGrad < tolerance) break;
            }
            return W;
        }

        /// <summary>softmax(W x + b) into <paramref name="p"/>.</summary>
        internal static void Probabilities(double[][] W, double[] x, double[] p)
        {
            int K = W.Length, d = x.Length;
            double max = double.NegativeInfinity;
            for (int k = 0; k < K; k++)
            {
                var wk = W[k];
                double s = wk[d];
                for (int j = 0; j < d; j++) s += wk[j] * x[j];
                p[k] = s;
                if (s > max) max = s;
            }
            double sum = 0;
            for (int k = 0; k < K; k++) { p[k] = Math.Exp(p[k] - max); sum += p[k]; }
            for (int k = 0; k < K; k++) p[k] /= sum;
        }

        internal static double[] Probabilities(double[][] W, double[] x)
        {
            var p = new double[W.Length];
            Probabilities(W, x, p);
            return p;
        }
    }
}
