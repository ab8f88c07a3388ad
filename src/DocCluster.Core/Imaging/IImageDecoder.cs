using System.Collections.Generic;
using System.Threading;

namespace DocCluster.Imaging
{
    /// <summary>Turns an image file into RGB pages. Implementations must be safe to call from several threads.</summary>
    public interface IImageDecoder
    {
        /// <summary>
        /// Decodes the pages of <paramref name="path"/> lazily, EXIF orientation applied.
        /// Throws <see cref="ImageDecodeException"/> for anything that is not a readable, supported, sane image.
        /// </summary>
        IEnumerable<DecodedPage> Decode(string path, DecodeOptions options, CancellationToken cancellation = default);
    }
}
