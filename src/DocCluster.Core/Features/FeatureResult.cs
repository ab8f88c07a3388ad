using System;

namespace DocCluster.Features
{
    /// <summary>What extraction produced for one page (Feature) or one failed file (Error).</summary>
    public sealed class FeatureResult
    {
        private FeatureResult(string path, ImageFeature feature, Exception error)
        {
            Path = path;
            Feature = feature;
            Error = error;
        }

        public string Path { get; }
        public ImageFeature Feature { get; }
        public Exception Error { get; }

        public static FeatureResult Success(ImageFeature feature) => new FeatureResult(feature.Path, feature, null);
        public static FeatureResult Failure(string path, Exception error) => new FeatureResult(path, null, error);
    }
}
