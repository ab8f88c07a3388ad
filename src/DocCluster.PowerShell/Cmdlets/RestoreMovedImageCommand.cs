using System;
using System.IO;
using System.Management.Automation;
using DocCluster.Sorting;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>
    /// Undoes Move-ImageToCluster from its journal: newest first, every moved file that is still where it was moved to,
    /// unchanged, and whose original path is free goes back there; a Restored entry is appended per file.
    /// </summary>
    [Cmdlet(VerbsData.Restore, "MovedImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(JournalEntry))]
    public sealed class RestoreMovedImageCommand : PSCmdlet, IDisposable
    {
        /// <summary>The journal file, or the destination folder that holds doccluster-journal.csv.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private JournalWriter journal;

        protected override void EndProcessing()
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
            if (Directory.Exists(path)) path = JournalWriter.DefaultPath(path);
            if (!File.Exists(path))
                ThrowTerminatingError(new ErrorRecord(
                    new FileNotFoundException($"No journal at '{path}'.", path),
                    "JournalNotFound", ErrorCategory.ObjectNotFound, JournalPath));

            System.Collections.Generic.IReadOnlyList<JournalEntry> entries;
            int malformed;
            try
            {
                entries = JournalReader.Read(path, out malformed);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "JournalUnreadable", ErrorCategory.ReadError, path));
                return;
            }
            if (malformed > 0) WriteWarning($"{malformed} malformed line(s) in '{path}' were ignored.");

            var pending = JournalRestorer.PendingMoves(entries, out var alreadyRestored);
            if (alreadyRestored > 0) WriteVerbose($"{alreadyRestored} move(s) in '{path}' were already restored.");
            var restorer = new JournalRestorer();
            for (int i = 0; i < pending.Count; i++)
            {
                var moved = pending[i];
                WriteProgress(new ProgressRecord(1, "Restoring moved images", moved.Destination) { PercentComplete = i * 100 / pending.Count });
                var problem = restorer.Check(moved);
                if (problem != null)
                {
                    WriteRestoreError(problem);
                    continue;
                }
                if (!ShouldProcess(moved.Destination, $"Restore to '{moved.Source}'")) continue;

                if (journal == null)
                {
                    try
                    {
                        journal = JournalWriter.Open(path);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        ThrowTerminatingError(new ErrorRecord(
                            new IOException($"The journal '{path}' cannot be opened for writing: {ex.Message}", ex),
                            "JournalUnavailable", ErrorCategory.OpenError, path));
                    }
                }

                TransferResult result;
                try
                {
                    result = restorer.Restore(moved);
                }
                catch (RestoreException ex)
                {
                    WriteRestoreError(ex);
                    continue;
                }

                JournalEntry restored;
                try
                {
                    restored = journal.Append(SortOperation.Restored, moved.Destination, result.Destination, result.Sha256, moved.Cluster);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(
                        new IOException($"'{moved.Destination}' was restored to '{result.Destination}' but the journal could not be written: {ex.Message}", ex),
                        "JournalWriteFailed", ErrorCategory.WriteError, moved.Destination));
                    restored = new JournalEntry(DateTime.UtcNow, SortOperation.Restored, moved.Destination, result.Destination, result.Sha256, moved.Cluster);
                }
                if (PassThru) WriteObject(restored);
            }
            WriteProgress(new ProgressRecord(1, "Restoring moved images", "Done") { RecordType = ProgressRecordType.Completed });
            CloseJournal();
        }

        public void Dispose() => CloseJournal();

        private void CloseJournal()
        {
            var j = journal;
            journal = null;
            j?.Dispose();
        }

        private void WriteRestoreError(RestoreException ex)
        {
            string id;
            ErrorCategory category;
            switch (ex.Reason)
            {
                case RestoreFailureReason.FileNotFound: id = "RestoreFileNotFound"; category = ErrorCategory.ObjectNotFound; break;
                case RestoreFailureReason.OriginalPathOccupied: id = "RestoreTargetOccupied"; category = ErrorCategory.ResourceExists; break;
                case RestoreFailureReason.ContentChanged: id = "RestoreContentChanged"; category = ErrorCategory.InvalidData; break;
                case RestoreFailureReason.VerificationFailed: id = "VerificationFailed"; category = ErrorCategory.InvalidResult; break;
                default: id = "RestoreFailed"; category = ErrorCategory.WriteError; break;
            }
            WriteError(new ErrorRecord(ex, id, category, ex.Entry.Destination));
        }
    }
}
