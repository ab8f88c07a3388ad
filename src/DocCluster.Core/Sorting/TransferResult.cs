namespace DocCluster.Sorting
{
    /// <summary>How a file got to its destination.</summary>
    public enum TransferMethod
    {
        /// <summary>Nothing was done (see <see cref="TransferResult.SkipReason"/>).</summary>
        None,
        /// <summary>An atomic rename on the same volume.</summary>
        Rename,
        /// <summary>Copy to a hidden partial file, flush, SHA-256 verify, rename into place (then delete the source for a move).</summary>
        CopyVerify,
    }

    /// <summary>The outcome of one <see cref="SafeFileTransfer"/> call.</summary>
    public sealed class TransferResult
    {
        internal TransferResult(string source, string destination, SortOperation operation, TransferMethod method, bool renamed, bool overwritten, string sha256, string skipReason)
        {
            Source = source;
            Destination = destination;
            Operation = operation;
            Method = method;
            Renamed = renamed;
            Overwritten = overwritten;
            Sha256 = sha256;
            SkipReason = skipReason;
        }

        /// <summary>Full path of the source file.</summary>
        public string Source { get; }
        /// <summary>Full path of the file at its destination (for a skip: the path that was asked for).</summary>
        public string Destination { get; }
        /// <summary>Moved or Copied (a restore is a move back; the journal records it as Restored).</summary>
        public SortOperation Operation { get; }
        public TransferMethod Method { get; }
        /// <summary>The wanted name was taken, so a unique one ("name (2).ext") was used.</summary>
        public bool Renamed { get; }
        /// <summary>An existing destination file was replaced (only with <see cref="SafeFileTransfer.Overwrite"/>).</summary>
        public bool Overwritten { get; }
        /// <summary>SHA-256 of the content at the destination, lower-case hex; null when skipped.</summary>
        public string Sha256 { get; }
        /// <summary>Why nothing was done; null when the transfer happened.</summary>
        public string SkipReason { get; }
        public bool Skipped => SkipReason != null;

        public override string ToString() => Skipped ? $"{Source}: skipped ({SkipReason})" : $"{Source} -> {Destination} ({Operation})";
    }
}
