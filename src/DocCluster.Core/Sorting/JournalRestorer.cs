using System;
using System.Collections.Generic;
using System.IO;

namespace DocCluster.Sorting
{
    /// <summary>Why a journal entry could not be restored.</summary>
    public enum RestoreFailureReason
    {
        /// <summary>The moved file is no longer where the journal says it went.</summary>
        FileNotFound,
        /// <summary>Something now occupies the file's original path; nothing is overwritten.</summary>
        OriginalPathOccupied,
        /// <summary>The file's SHA-256 differs from the journal's: it was edited or replaced since.</summary>
        ContentChanged,
        /// <summary>The copy made to move it back across volumes did not verify.</summary>
        VerificationFailed,
        /// <summary>An I/O or permission error.</summary>
        TransferFailed,
    }

    /// <summary>A journal entry that could not be restored, and why. The file was left where it was.</summary>
    public sealed class RestoreException : IOException
    {
        public RestoreException(JournalEntry entry, RestoreFailureReason reason, string message, Exception inner = null)
            : base(message, inner)
        {
            Entry = entry;
            Reason = reason;
        }

        public JournalEntry Entry { get; }
        public RestoreFailureReason Reason { get; }
    }

    /// <summary>What <see cref="JournalRestorer.RestoreAll"/> did.</summary>
    public sealed class RestoreReport
    {
        /// <summary>The Restored entries appended to the journal, in the order they were done.</summary>
        public List<JournalEntry> Restored { get; } = new List<JournalEntry>();
        /// <summary>The entries that could not be restored, with reasons.</summary>
        public List<RestoreException> Failures { get; } = new List<RestoreException>();
        /// <summary>Moved entries a later Restored entry already undid.</summary>
        public int AlreadyRestored { get; internal set; }
    }

    /// <summary>
    /// Undoes the moves of a journal: newest first, each moved file goes back to its original path (whose folder is created if
    /// needed) when it is still where it was moved to, unchanged (SHA-256), and the original path is free. Uses the same
    /// safe transfer as the sort; never overwrites. Copied entries are left alone (their sources were never removed).
    /// </summary>
    public sealed class JournalRestorer
    {
        private readonly SafeFileTransfer transfer;

        public JournalRestorer() : this(new SafeFileTransfer()) { }

        internal JournalRestorer(SafeFileTransfer transfer)
        {
            this.transfer = transfer ?? throw new ArgumentNullException(nameof(transfer));
            this.transfer.Overwrite = false;
        }

        /// <summary>
        /// The Moved entries still to undo, newest first: a Moved entry is done when a later Restored entry took its
        /// destination back to its source. <paramref name="alreadyRestored"/> counts those.
        /// </summary>
        public static IReadOnlyList<JournalEntry> PendingMoves(IReadOnlyList<JournalEntry> entries, out int alreadyRestored)
        {
            if (entries == null) throw new ArgumentNullException(nameof(entries));
            alreadyRestored = 0;
            var restores = new Dictionary<string, int>(PathUtil.Comparer);
            var pending = new List<JournalEntry>();
            for (int i = entries.Count - 1; i >= 0; i--)
            {
                var e = entries[i];
                if (e.Operation == SortOperation.Restored)
                {
                    var key = Key(e.Source, e.Destination);
                    restores.TryGetValue(key, out var n);
                    restores[key] = n + 1;
                }
                else if (e.Operation == SortOperation.Moved)
                {
                    var key = Key(e.Destination, e.Source);
                    if (restores.TryGetValue(key, out var n) && n > 0)
                    {
                        restores[key] = n - 1;
                        alreadyRestored++;
                    }
                    else
                    {
                        pending.Add(e);
                    }
                }
            }
            return pending;
        }

        private static string Key(string from, string to) => Path.GetFullPath(from) + "\n" + Path.GetFullPath(to);

        /// <summary>Checks one Moved entry without changing anything; null when it can be restored now.</summary>
        public RestoreException Check(JournalEntry moved)
        {
            if (moved == null) throw new ArgumentNullException(nameof(moved));
            if (moved.Operation != SortOperation.Moved)
                throw new ArgumentException($"Only Moved entries can be restored, not {moved.Operation}.", nameof(moved));
            if (!File.Exists(moved.Destination))
                return new RestoreException(moved, RestoreFailureReason.FileNotFound,
                    $"Cannot restore '{moved.Source}': the moved file '{moved.Destination}' no longer exists.");
            if (File.Exists(moved.Source) || Directory.Exists(moved.Source))
                return new RestoreException(moved, RestoreFailureReason.OriginalPathOccupied,
                    $"Cannot restore '{moved.Destination}': its original path '{moved.Source}' is occupied.");
            if (moved.Sha256.Length > 0)
            {
                string hash;
                try
                {
                    hash = FileHash.Sha256(moved.Destination);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return new RestoreException(moved, RestoreFailureReason.TransferFailed,
                        $"Cannot restore '{moved.Destination}': it cannot be read ({ex.Message}).", ex);
                }
                if (!FileHash.Equal(hash, moved.Sha256))
                    return new RestoreException(moved, RestoreFailureReason.ContentChanged,
                        $"Cannot restore '{moved.Destination}': its content changed since it was moved (SHA-256 {hash}, journal {moved.Sha256}).");
            }
            return null;
        }

        /// <summary>Moves one file back to its original path; throws <see cref="RestoreException"/> (file left in place) when it cannot.</summary>
        public TransferResult Restore(JournalEntry moved)
        {
            var problem = Check(moved);
            if (problem != null) throw problem;
            try
            {
                return transfer.MoveToPath(moved.Destination, moved.Source);
            }
            catch (DestinationExistsException ex)
            {
                throw new RestoreException(moved, RestoreFailureReason.OriginalPathOccupied,
                    $"Cannot restore '{moved.Destination}': its original path '{moved.Source}' is occupied.", ex);
            }
            catch (FileNotFoundException ex)
            {
                throw new RestoreException(moved, RestoreFailureReason.FileNotFound,
                    $"Cannot restore '{moved.Source}': the moved file '{moved.Destination}' no longer exists.", ex);
            }
            catch (TransferVerificationException ex)
            {
                throw new RestoreException(moved, RestoreFailureReason.VerificationFailed, ex.Message, ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new RestoreException(moved, RestoreFailureReason.TransferFailed,
                    $"Cannot restore '{moved.Destination}' to '{moved.Source}': {ex.Message}", ex);
            }
        }

        /// <summary>
        /// Restores every pending move of the journal at <paramref name="journalPath"/>, newest first, appending a Restored entry
        /// per file to the same journal. <paramref name="shouldRestore"/> (optional) can decline entries. Failures are reported, not thrown.
        /// </summary>
        public RestoreReport RestoreAll(string journalPath, Func<JournalEntry, bool> shouldRestore = null)
        {
            var report = new RestoreReport();
            var pending = PendingMoves(JournalReader.Read(journalPath), out var done);
            report.AlreadyRestored = done;
            JournalWriter writer = null;
            try
            {
                foreach (var moved in pending)
                {
                    if (shouldRestore != null && !shouldRestore(moved)) continue;
                    TransferResult result;
                    try
                    {
                        result = Restore(moved);
                    }
                    catch (RestoreException ex)
                    {
                        report.Failures.Add(ex);
                        continue;
                    }
                    if (writer == null) writer = JournalWriter.Open(journalPath);
                    report.Restored.Add(writer.Append(SortOperation.Restored, moved.Destination, result.Destination, result.Sha256, moved.Cluster));
                }
            }
            finally
            {
                writer?.Dispose();
            }
            return report;
        }
    }
}
