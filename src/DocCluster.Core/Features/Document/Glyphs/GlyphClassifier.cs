using System;
using System.IO;
using DocCluster.Classification;

namespace DocCluster.Features.Document.Glyphs
{
    /// <summary>
    /// Tells figures from letters, one glyph at a time, without reading words: a softmax regression over the 62 classes
    /// 0–9, A–Z, a–z on an 8×12 darkness grid of the glyph's box plus its aspect ratio. The weights are trained by
    /// tools/glyph-trainer on glyphs it renders from the DejaVu fonts (several families, weights, sizes, blurs and
    /// noise), embedded in this assembly, and part of the extractor's fingerprint.
    /// </summary>
    internal sealed class GlyphClassifier
    {
        public const int GridWidth = 8, GridHeight = 12;
        public const int Dimension = GridWidth * GridHeight + 1;
        public const string Classes = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        public const int FigureClasses = 10;
        public const string ResourceName = "DocCluster.GlyphClassifier.weights";
        private const int Magic = 0x46474C44; // "DLGF"

        private static readonly Lazy<GlyphClassifier> Embedded = new Lazy<GlyphClassifier>(LoadEmbedded);
        private readonly double[][] _weights;

        internal GlyphClassifier(double[][] weights)
        {
            if (weights == null || weights.Length != Classes.Length) throw new ArgumentException("One weight row per glyph class is required.", nameof(weights));
            foreach (var row in weights)
                if (row == null || row.Length != Dimension + 1) throw new ArgumentException("Each row needs the descriptor's weights and a bias.", nameof(weights));
            _weights = weights;
        }

        public static GlyphClassifier Default => Embedded.Value;

        /// <summary>Digest of the weights, for the extractor's fingerprint: retrained weights change every figures value.</summary>
        public string Digest { get; private set; } = "";

        /// <summary>Probability that a glyph with this descriptor is a figure (0–9).</summary>
        public double FigureProbability(double[] descriptor, double[] scratch)
        {
            SoftmaxRegression.Probabilities(_weights, descriptor, scratch);
            double p = 0;
            for (int k = 0; k < FigureClasses; k++) p += scratch[k];
            return p;
        }

        public double[] Probabilities(double[] descriptor) => SoftmaxRegression.Probabilities(_weights, descriptor);

        /// <summary>
        /// Writes the descriptor of the glyph in the inclusive box (x0, y0)–(x1, y1) of <paramref name="dark"/> (0 = paper,
        /// 1 = ink; row stride <paramref name="stride"/>): the box's darkness averaged over an 8×12 grid with area weights,
        /// scaled so its darkest cell is 1, then the log of the box's aspect ratio.
        /// </summary>
        public static void Describe(float[] dark, int stride, int x0, int y0, int x1, int y1, double[] d)
        {
            int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
            double max = 1e-6;
            for (int gy = 0; gy < GridHeight; gy++)
            {
                double fy0 = y0 + (double)gy * ch / GridHeight, fy1 = y0 + (double)(gy + 1) * ch / GridHeight;
                for (int gx = 0; gx < GridWidth; gx++)
                {
                    double fx0 = x0 + (double)gx * cw / GridWidth, fx1 = x0 + (double)(gx + 1) * cw / GridWidth;
                    double sum = 0, area = 0;
                    for (int y = (int)fy0; y < fy1; y++)
                    {
                        double oy = Math.Min(fy1, y + 1) - Math.Max(fy0, y);
                        if (oy <= 0) continue;
                        for (int x = (int)fx0; x < fx1; x++)
                        {
                            double ox = Math.Min(fx1, x + 1) - Math.Max(fx0, x);
                            if (ox <= 0) continue;
                            sum += ox * oy * dark[y * stride + x];
                            area += ox * oy;
                        }
                    }
                    double v = area > 0 ? sum / area : 0;
                    d[gy * GridWidth + gx] = v;
                    if (v > max) max = v;
                }
            }
            for (int i = 0; i < GridWidth * GridHeight; i++) d[i] /= max;
            d[GridWidth * GridHeight] = Math.Log((double)cw / ch);
        }

        public void Save(Stream stream)
        {
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                w.Write(Magic);
                w.Write(_weights.Length);
                w.Write(Dimension + 1);
                foreach (var row in _weights) foreach (var v in row) w.Write((float)v);
            }
        }

        public static GlyphClassifier Load(Stream stream)
        {
            using (var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                if (r.ReadInt32() != Magic) throw new InvalidDataException("Not a glyph classifier weights file.");
                int classes = r.ReadInt32(), columns = r.ReadInt32();
                if (classes != Classes.Length || columns != Dimension + 1) throw new InvalidDataException($"Glyph classifier weights are {classes}x{columns}, expected {Classes.Length}x{Dimension + 1}.");
                var weights = new double[classes][];
                for (int k = 0; k < classes; k++)
                {
                    weights[k] = new double[columns];
                    for (int j = 0; j < columns; j++) weights[k][j] = r.ReadSingle();
                }
                return new GlyphClassifier(weights);
            }
        }

        private static GlyphClassifier LoadEmbedded()
        {
            using (var s = typeof(GlyphClassifier).Assembly.GetManifestResourceStream(ResourceName))
            {
                if (s == null) throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(GlyphClassifier).Assembly.GetName().Name}.");
                var bytes = new MemoryStream();
                s.CopyTo(bytes);
                bytes.Position = 0;
                var classifier = Load(bytes);
                classifier.Digest = Fingerprint.Of(Convert.ToBase64String(bytes.ToArray()));
                return classifier;
            }
        }
    }
}
