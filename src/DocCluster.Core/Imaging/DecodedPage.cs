namespace DocCluster.Imaging
{
    /// <summary>One page of an image file. Page is 1-based; single-image formats have one page.</summary>
    public sealed class DecodedPage
    {
        public DecodedPage(RasterImage image, int page, int pageCount, string format)
        {
            Image = image;
            Page = page;
            PageCount = pageCount;
            Format = format;
        }

        public RasterImage Image { get; }
        public int Page { get; }
        public int PageCount { get; }
        /// <summary>Encoded format as detected from the content, e.g. "jpeg", "png", "tiff".</summary>
        public string Format { get; }
    }
}
