using System;

namespace DocCluster.Features
{
    /// <summary>The feature vector of one image page: what Get-ImageFeature emits and every later step consumes.</summary>
    public sealed class ImageFeature
    {
        public ImageFeature(string path, int page, int pageCount, int width, int height, string model, string modelFingerprint, float[] vector)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Page = page;
            PageCount = pageCount;
            Width = width;
            Height = height;
            Model = model ?? throw new ArgumentNullException(nameof(model));
            ModelFingerprint = modelFingerprint ?? throw new ArgumentNullException(nameof(modelFingerprint));
            Vector = vector ?? throw new ArgumentNullException(nameof(vector));
        }

        /// <summary>Full file-system path of the image file.</summary>
        public string Path { get; }
        /// <summary>1-based page (frame) number; 1 for single-page formats.</summary>
        public int Page { get; }
        public int PageCount { get; }
        /// <summary>Size of the page in the file, in pixels (not of the reduced raster used for features).</summary>
        public int Width { get; }
        public int Height { get; }
        /// <summary>Feature extractor name, e.g. "DocLayout" or "MobileNetV1".</summary>
        public string Model { get; }
        /// <summary>Identifies the extractor and all its settings; features are comparable only when these match.</summary>
        public string ModelFingerprint { get; }
        public float[] Vector { get; }
        public int Dimension => Vector.Length;
        /// <summary>SHA-256 of the file content, when it was computed (feature cache); otherwise null.</summary>
        public string ContentHash { get; set; }

        public string Name => System.IO.Path.GetFileName(Path);

        public override string ToString() => PageCount > 1 ? $"{Path} [page {Page}]" : Path;
    }
}
