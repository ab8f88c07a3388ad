using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using DocCluster.Clustering;
using DocCluster.PowerShell.Support;
using DocCluster.Sorting;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>
    /// Moves (or copies) each clustered image into a folder per cluster under -Destination, safely (see SafeFileTransfer),
    /// and records every completed operation in a journal that Restore-MovedImage can undo.
    /// </summary>
    [Cmdlet(VerbsCommon.Move, "ImageToCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ImageMoveResult))]
    public sealed class MoveImageToClusterCommand : PSCmdlet, IDisposable
    {
        /// <summary>Folder that outliers go to unless -IncludeOutliers.</summary>
        public const string OutlierFolder = "outliers";

        /// <summary>Output of Invoke-ImageCluster, or of Invoke-ImageClassification (one folder per kind).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [SortableInput]
        public ClusterAssignment InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; }

        /// <summary>Folder names by cluster number or current cluster name, e.g. @{ 1 = 'invoices'; 'cluster-02' = 'ids' }.</summary>
        [Parameter]
        public Hashtable ClusterName { get; set; }

        [Parameter]
        public SwitchParameter Copy { get; set; }

        /// <summary>Replace an existing file of the same name in the cluster folder instead of choosing a unique name. Does not bypass -WhatIf/-Confirm.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string JournalPath { get; set; }

        /// <summary>Send outliers to their nearest cluster instead of the "outliers" folder.</summary>
        [Parameter]
        public SwitchParameter IncludeOutliers { get; set; }

        private string destination;
        private string journalPath;
        private readonly Dictionary<int, string> namesByNumber = new Dictionary<int, string>();
        private readonly Dictionary<string, string> namesByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private HashSet<string> seen;
        private SafeFileTransfer transfer;
        private JournalWriter journal;

        protected override void BeginProcessing()
        {
            destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
            if (File.Exists(destination))
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-Destination '{destination}' is a file, not a folder."),
                    "DestinationNotAFolder", ErrorCategory.InvalidArgument, Destination));

            journalPath = string.IsNullOrEmpty(JournalPath)
                ? JournalWriter.DefaultPath(destination)
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
            if (Directory.Exists(journalPath))
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-JournalPath '{journalPath}' is a folder; give the journal file's path."),
                    "JournalPathIsAFolder", ErrorCategory.InvalidArgument, JournalPath));

            if (ClusterName != null)
            {
                foreach (DictionaryEntry kv in ClusterName)
                {
                    var key = kv.Key is PSObject pk ? pk.BaseObject : kv.Key;
                    var value = (kv.Value is PSObject pv ? pv.BaseObject : kv.Value)?.ToString();
                    if (string.IsNullOrWhiteSpace(value))
                        ThrowTerminatingError(new ErrorRecord(
                            new ArgumentException($"-ClusterName maps '{key}' to an empty folder name."),
                            "InvalidClusterName", ErrorCategory.InvalidArgument, ClusterName));
                    if (key is int || key is long || key is short || key is byte || key is sbyte || key is uint || key is ushort || key is ulong)
                        namesByNumber[Convert.ToInt32(key)] = value;
                    else if (key is string s && s.Length > 0)
                        namesByName[s] = value;
                    else
                        ThrowTerminatingError(new ErrorRecord(
                            new ArgumentException($"-ClusterName keys must be cluster numbers or cluster names, not '{key}'."),
                            "InvalidClusterName", ErrorCategory.InvalidArgument, ClusterName));
                }
            }

            seen = new HashSet<string>(Environment.OSVersion.Platform == PlatformID.Win32NT ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            transfer = new SafeFileTransfer { Overwrite = Force.IsPresent };
        }

        protected override void ProcessRecord()
        {
            var a = InputObject;
            if (a == null) return;

            string source;
            try
            {
                source = Path.IsPathRooted(a.Path) ? Path.GetFullPath(a.Path) : SessionState.Path.GetUnresolvedProviderPathFromPSPath(a.Path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException || ex is SessionStateException)
            {
                WriteError(new ErrorRecord(ex, "InvalidSourcePath", ErrorCategory.InvalidArgument, a.Path));
                return;
            }

            if (!seen.Add(source))
            {
                WriteVerbose($"'{source}' (page {a.Page}) was already handled with an earlier page of the same file; skipped.");
                return;
            }

            var folderName = FolderFor(a);
            var folder = Path.Combine(destination, folderName);

            if (!File.Exists(source))
            {
                WriteError(new ErrorRecord(
                    new FileNotFoundException($"The image file '{source}' does not exist.", source),
                    "SourceNotFound", ErrorCategory.ObjectNotFound, a.Path));
                return;
            }

            string planned;
            try
            {
                planned = transfer.PlanDestination(source, folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                planned = folder;
            }
            if (string.Equals(planned, source, StringComparison.Ordinal))
            {
                WriteVerbose($"'{source}' is already in '{folder}'; skipped.");
                return;
            }

            var verb = Copy ? "Copy" : "Move";
            if (!ShouldProcess(source, $"{verb} to '{planned}'")) return;

            if (journal == null) journal = OpenJournal();
            TransferResult result;
            try
            {
                result = Copy ? transfer.Copy(source, folder) : transfer.Move(source, folder);
            }
            catch (FileNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, "SourceNotFound", ErrorCategory.ObjectNotFound, a.Path));
                return;
            }
            catch (TransferVerificationException ex)
            {
                WriteError(new ErrorRecord(ex, "VerificationFailed", ErrorCategory.InvalidResult, a.Path));
                return;
            }
            catch (UnauthorizedAccessException ex)
            {
                WriteError(new ErrorRecord(ex, Copy ? "CopyFailed" : "MoveFailed", ErrorCategory.PermissionDenied, a.Path));
                return;
            }
            catch (IOException ex)
            {
                WriteError(new ErrorRecord(ex, Copy ? "CopyFailed" : "MoveFailed", ErrorCategory.WriteError, a.Path));
                return;
            }

            if (result.Skipped)
            {
                WriteVerbose($"'{source}': skipped, {result.SkipReason}.");
                return;
            }
            if (result.Renamed) WriteVerbose($"'{Path.GetFileName(source)}' was taken in '{folder}'; stored as '{Path.GetFileName(result.Destination)}'.");
            if (result.Overwritten) WriteVerbose($"'{result.Destination}' was replaced (-Force).");

            try
            {
                journal.Append(result.Operation, result.Source, result.Destination, result.Sha256, folderName);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(
                    new IOException($"'{source}' was {result.Operation.ToString().ToLowerInvariant()} to '{result.Destination}' but the journal '{journalPath}' could not be written: {ex.Message}", ex),
                    "JournalWriteFailed", ErrorCategory.WriteError, a.Path));
            }

            if (PassThru)
                WriteObject(new ImageMoveResult(result.Source, result.Destination, a.Cluster, folderName, result.Operation, result.Renamed, result.Sha256));
        }

        protected override void EndProcessing() => CloseJournal();

        public void Dispose() => CloseJournal();

        private JournalWriter OpenJournal()
        {
            try
            {
                return JournalWriter.Open(journalPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                // Without a journal nothing could be undone: stop before moving anything.
                ThrowTerminatingError(new ErrorRecord(
                    new IOException($"The journal '{journalPath}' cannot be opened: {ex.Message}", ex),
                    "JournalUnavailable", ErrorCategory.OpenError, journalPath));
                return null;
            }
        }

        private void CloseJournal()
        {
            var j = journal;
            journal = null;
            j?.Dispose();
        }

        private string FolderFor(ClusterAssignment a)
        {
            if (a.IsOutlier && !IncludeOutliers) return OutlierFolder;
            if (namesByNumber.TryGetValue(a.Cluster, out var byNumber)) return FolderName.Sanitize(byNumber);
            var current = string.IsNullOrEmpty(a.ClusterName) ? $"cluster-{a.Cluster:00}" : a.ClusterName;
            if (namesByName.TryGetValue(current, out var byName)) return FolderName.Sanitize(byName);
            return FolderName.Sanitize(current);
        }
    }
}
