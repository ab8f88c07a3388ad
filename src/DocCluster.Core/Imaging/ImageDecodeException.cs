using System;

namespace DocCluster.Imaging
{
    public enum DecodeFailure
    {
        NotFound,
        Unreadable,
        NotAnImage,
        UnsupportedFormat,
        Corrupt,
        TooLarge,
    }

    /// <summary>A file that cannot be turned into pages. <see cref="Failure"/> maps to a stable error id.</summary>
    public sealed class ImageDecodeException : Exception
    {
        public ImageDecodeException(string path, DecodeFailure failure, string message, Exception inner = null)
            : base(message, inner)
        {
            Path = path;
            Failure = failure;
        }

        public string Path { get; }
        public DecodeFailure Failure { get; }
    }
}
