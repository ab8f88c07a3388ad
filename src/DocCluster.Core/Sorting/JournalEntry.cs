using System;

namespace DocCluster.Sorting
{
    /// <summary>One line of the sorting journal: a completed operation.</summary>
    public sealed class JournalEntry
    {
        public JournalEntry(DateTime timestamp, SortOperation operation, string source, string destination, string sha256, string cluster)
        {
            Timestamp = timestamp.Kind == DateTimeKind.Utc ? timestamp : timestamp.ToUniversalTime();
            Operation = operation;
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Destination = destination ?? throw new ArgumentNullException(nameof(destination));
            Sha256 = sha256 ?? "";
            Cluster = cluster ?? "";
        }

        /// <summary>When the operation completed (UTC).</summary>
        public DateTime Timestamp { get; }
        public SortOperation Operation { get; }
        /// <summary>Where the file was before the operation.</summary>
        public string Source { get; }
        /// <summary>Where the file was after the operation.</summary>
        public string Destination { get; }
        /// <summary>SHA-256 of the content, lower-case hex.</summary>
        public string Sha256 { get; }
        /// <summary>The cluster folder name (empty for Restored).</summary>
        public string Cluster { get; }
        /// <summary>0-based position of the line in the journal (data lines only); -1 for an entry not read from a file.</summary>
        public int Index { get; internal set; } = -1;

        public override string ToString() => $"{Timestamp:o} {Operation} {Source} -> {Destination}";
    }
}
