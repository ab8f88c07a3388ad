namespace DocCluster.Imaging
{
    public sealed class DecodeOptions
    {
        /// <summary>Longest side of the returned raster; larger pages are reduced (JPEG at decode time via DCT scaling).</summary>
        public int MaxLongSide { get; set; } = 1024;

        /// <summary>Decompression-bomb guard: pages declaring more pixels than this are refused before decoding.</summary>
        public long MaxPixels { get; set; } = 250_000_000;

        /// <summary>Files larger than this are refused without being read.</summary>
        public long MaxFileBytes { get; set; } = 1L << 30;

        /// <summary>Multi-page files (TIFF): pages beyond this are ignored.</summary>
        public int MaxPages { get; set; } = 500;
    }
}
