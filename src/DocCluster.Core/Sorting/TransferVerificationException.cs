using System.IO;

namespace DocCluster.Sorting
{
    /// <summary>The copy of a file did not match its source (SHA-256), or the source changed while it was copied. The source is untouched.</summary>
    public sealed class TransferVerificationException : IOException
    {
        public TransferVerificationException(string message, string source, string destination, string expectedSha256, string actualSha256)
            : base(message)
        {
            Source = source;
            Destination = destination;
            ExpectedSha256 = expectedSha256;
            ActualSha256 = actualSha256;
        }

        /// <summary>The source file (still in place).</summary>
        public new string Source { get; }
        /// <summary>Where the copy was going.</summary>
        public string Destination { get; }
        public string ExpectedSha256 { get; }
        public string ActualSha256 { get; }
    }

    /// <summary>The exact destination path asked for is already taken (restore never renames and never overwrites).</summary>
    public sealed class DestinationExistsException : IOException
    {
        public DestinationExistsException(string path)
            : base($"The destination '{path}' already exists.")
        {
            Path = path;
        }

        public string Path { get; }
    }
}
