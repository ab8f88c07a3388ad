using System;
using DocCluster.Imaging;

namespace DocCluster.Features
{
    /// <summary>
    /// Baseline: the page squashed to a small grey thumbnail (area average), values 0..1. Knows nothing about
    /// documents; kept as the reference point benchmarks compare the real extractors against.
    /// </summary>
    public sealed class ThumbnailExtractor : IFeatureExtractor
    {
        public const string ModelName = "Thumbnail";
        private readonly int side;

        public ThumbnailExtractor(int side = 32)
        {
            if (side < 2 || side > 256) throw new ArgumentOutOfRangeException(nameof(side));
            this.side = side;
            Info = new FeatureModelInfo(ModelName, Fingerprint.Of($"thumbnail-v1;side={side};grey;area"), side * side,
                $"Baseline: {side}x{side} grey thumbnail of the whole page (no document knowledge).");
        }

        public FeatureModelInfo Info { get; }
        public int PreferredLongSide => side * 8;

        public float[] Extract(RasterImage image)
        {
            var gray = image.ToGray();
            var sum = new double[side * side];
            var count = new int[side * side];
            for (int y = 0; y < image.Height; y++)
            {
                int ty = Math.Min(side - 1, y * side / image.Height);
                for (int x = 0; x < image.Width; x++)
                {
                    int cell = ty * side + Math.Min(side - 1, x * side / image.Width);
                    sum[cell] += gray[y * image.Width + x];
                    count[cell]++;
                }
            }
            var v = new float[side * side];
            for (int i = 0; i < v.Length; i++) v[i] = count[i] == 0 ? 1f : (float)(sum[i] / count[i] / 255.0);
            return v;
        }

        public void Dispose() { }
    }
}
