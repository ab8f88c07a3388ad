using System;
using DocCluster.Imaging;

namespace DocCluster.Features
{
    /// <summary>Computes a fixed-length vector from a page. Implementations must be safe to call from several threads.</summary>
    public interface IFeatureExtractor : IDisposable
    {
        FeatureModelInfo Info { get; }

        /// <summary>Longest side the extractor wants the decoder to deliver; larger rasters are wasted work.</summary>
        int PreferredLongSide { get; }

        float[] Extract(RasterImage image);
    }
}
