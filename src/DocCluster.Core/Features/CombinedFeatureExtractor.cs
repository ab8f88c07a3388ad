using System;
using DocCluster.Features.Document;
using DocCluster.Imaging;

namespace DocCluster.Features
{
    /// <summary>
    /// Document-layout features followed by a CNN's features in one vector ("DocLayout+&lt;cnn&gt;"). The CNN block
    /// gets weight <see cref="CnnBlockWeight"/> after standardisation (see <see cref="FeatureWeighting"/>). The CNN sees the
    /// page upright and straight, as DocLayout turned it.
    /// </summary>
    public sealed class CombinedFeatureExtractor : IFeatureExtractor
    {
        public const string Prefix = DocumentLayoutExtractor.ModelName + "+";
        /// <summary>The CNN block counts like this many layout blocks of weight 1 (layout blocks total about 7 in squared weight).</summary>
        public const double CnnBlockWeight = 2.0;

        private readonly IFeatureExtractor layout;
        private readonly IFeatureExtractor cnn;

        public CombinedFeatureExtractor(IFeatureExtractor layout, IFeatureExtractor cnn)
        {
            this.layout = layout ?? throw new ArgumentNullException(nameof(layout));
            this.cnn = cnn ?? throw new ArgumentNullException(nameof(cnn));
            var name = Prefix + cnn.Info.Name;
            Info = new FeatureModelInfo(name,
                Fingerprint.Of($"{name};{layout.Info.Fingerprint};{cnn.Info.Fingerprint};cnnweight={CnnBlockWeight:R};upright"),
                layout.Info.Dimension + cnn.Info.Dimension,
                $"{layout.Info.Description} + {cnn.Info.Description}");
        }

        public FeatureModelInfo Info { get; }

        public int PreferredLongSide => Math.Max(layout.PreferredLongSide, cnn.PreferredLongSide);

        public float[] Extract(RasterImage image)
        {
            // the CNN sees the page the way DocLayout measured it: upright and straightened
            var upright = image;
            var a = layout is DocumentLayoutExtractor doc ? doc.Extract(image, out upright) : layout.Extract(image);
            var b = cnn.Extract(upright);
            var v = new float[a.Length + b.Length];
            Array.Copy(a, v, a.Length);
            Array.Copy(b, 0, v, a.Length, b.Length);
            return v;
        }

        public void Dispose()
        {
            layout.Dispose();
            cnn.Dispose();
        }
    }
}
