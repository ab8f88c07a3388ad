using System;
using System.IO;
using System.Security.Cryptography;

namespace DocCluster.Sorting
{
    /// <summary>
    /// Moves or copies one file into a folder without ever losing it.
    /// <list type="bullet">
    /// <item>A taken name gets a unique one, "name (2).ext", "name (3).ext"…; nothing is replaced unless <see cref="Overwrite"/>.</item>
    /// <item>On one volume a move is an atomic rename (a name taken meanwhile is retried with the next unique name).</item>
    /// <item>Across volumes, and for every copy: the content goes to a hidden ".name.ext.doccluster-partial" in the destination
    /// folder, is flushed to disk, its SHA-256 is checked against the source, it is renamed into its final name, and only then
    /// (move) the source is deleted. Interrupted at any point, a file is either still at its source or complete at its destination;
    /// a partial file is never under a result's name, and a stale one of the same name is removed on the next run.</item>
    /// </list>
    /// </summary>
    public sealed class SafeFileTransfer
    {
        /// <summary>Suffix of the hidden temp file a copy is written to before it is verified and renamed.</summary>
        public const string PartialSuffix = ".doccluster-partial";
        private const int MaxUniqueAttempts = 10000;

        private string[] mountPoints;
        private bool mountPointsRead;

        /// <summary>Replace an existing destination file instead of choosing a unique name (the cmdlets' -Force).</summary>
        public bool Overwrite { get; set; }

        /// <summary>Test hook: take the copy + verify + delete path even on one volume.</summary>
        internal bool ForceCopyVerify { get; set; }

        /// <summary>Test hook: called at each step of the copy path; throwing from it simulates an interruption there.</summary>
        internal Action<TransferStage, string> OnStage { get; set; }

        /// <summary>Test hook: corrupts the partial copy before it is verified.</summary>
        internal Action<string> CorruptPartial { get; set; }

        /// <summary>Moves <paramref name="sourcePath"/> into <paramref name="destinationFolder"/> (created if missing), under its own name or <paramref name="fileName"/>.</summary>
        public TransferResult Move(string sourcePath, string destinationFolder, string fileName = null) =>
            Transfer(sourcePath, destinationFolder, fileName, keepSource: false, allowRename: true);

        /// <summary>Copies <paramref name="sourcePath"/> into <paramref name="destinationFolder"/> (created if missing), verified by SHA-256.</summary>
        public TransferResult Copy(string sourcePath, string destinationFolder, string fileName = null) =>
            Transfer(sourcePath, destinationFolder, fileName, keepSource: true, allowRename: true);

        /// <summary>
        /// Moves a file to exactly <paramref name="destinationPath"/> (its folder is created if missing); never renames.
        /// Throws <see cref="DestinationExistsException"/> when that path is taken and <see cref="Overwrite"/> is off.
        /// </summary>
        public TransferResult MoveToPath(string sourcePath, string destinationPath)
        {
            if (destinationPath == null) throw new ArgumentNullException(nameof(destinationPath));
            var full = Path.GetFullPath(destinationPath);
            return Transfer(sourcePath, Path.GetDirectoryName(full), Path.GetFileName(full), keepSource: false, allowRename: false);
        }

        /// <summary>
        /// The path a Move/Copy would use now (unique name included), without touching the disk.
        /// Returns the source path itself when source and destination are the same file.
        /// </summary>
        public string PlanDestination(string sourcePath, string destinationFolder, string fileName = null)
        {
            var src = Path.GetFullPath(sourcePath);
            var folder = Path.GetFullPath(destinationFolder);
            var desired = Path.Combine(folder, CheckName(fileName ?? Path.GetFileName(src)));
            if (PathUtil.SamePath(src, desired)) return src;
            if (Overwrite || !Exists(desired)) return desired;
            return NextFree(desired, 2, out _);
        }

        /// <summary>The hidden temp name a copy to <paramref name="finalPath"/> is written under.</summary>
        public static string PartialPathFor(string finalPath) =>
            Path.Combine(Path.GetDirectoryName(finalPath), "." + Path.GetFileName(finalPath) + PartialSuffix);

        private TransferResult Transfer(string sourcePath, string destinationFolder, string fileName, bool keepSource, bool allowRename)
        {
            if (sourcePath == null) throw new ArgumentNullException(nameof(sourcePath));
            if (destinationFolder == null) throw new ArgumentNullException(nameof(destinationFolder));
            var src = Path.GetFullPath(sourcePath);
            var folder = Path.GetFullPath(destinationFolder);
            var operation = keepSource ? SortOperation.Copied : SortOperation.Moved;
            if (!File.Exists(src))
                throw new FileNotFoundException($"The source file '{src}' does not exist.", src);
            var desired = Path.Combine(folder, CheckName(fileName ?? Path.GetFileName(src)));
            if (PathUtil.SamePath(src, desired))
                return new TransferResult(src, desired, operation, TransferMethod.None, false, false, null, "source and destination are the same file");
            if (Directory.Exists(desired))
                throw new IOException($"The destination '{desired}' is a folder.");

            Directory.CreateDirectory(folder);

            string target;
            int next = 2;
            if (Overwrite || !Exists(desired)) target = desired;
            else if (allowRename) target = NextFree(desired, 2, out next);
            else throw new DestinationExistsException(desired);

            if (!keepSource && !ForceCopyVerify && SameVolume(src, folder))
            {
                var renamed = TryRename(src, desired, ref target, ref next, allowRename, out var overwritten);
                if (renamed)
                {
                    var hash = FileHash.Sha256(target);
                    return new TransferResult(src, target, operation, TransferMethod.Rename, !PathUtil.SamePath(target, desired), overwritten, hash, null);
                }
                // The rename failed without a name clash (e.g. a volume boundary we could not see): copy and verify instead.
            }
            return CopyVerify(src, desired, target, next, keepSource, allowRename, operation);
        }

        /// <summary>True when renamed; false when the rename failed for a reason other than a name clash and the copy path should be tried.</summary>
        private bool TryRename(string src, string desired, ref string target, ref int next, bool allowRename, out bool overwritten)
        {
            overwritten = false;
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    if (Overwrite && File.Exists(target))
                    {
                        try
                        {
                            File.Replace(src, target, null);
                            overwritten = true;
                            return true;
                        }
                        catch (FileNotFoundException) when (File.Exists(src) && !File.Exists(target))
                        {
                            // The file to replace vanished meanwhile: a plain rename below.
                        }
                    }
                    File.Move(src, target);
                    return true;
                }
                catch (IOException) when (File.Exists(src) && Exists(target) && !Overwrite)
                {
                    // The name was taken between the check and the rename.
                    if (!allowRename || attempt >= MaxUniqueAttempts) throw new DestinationExistsException(target);
                    target = NextFree(desired, next, out next);
                }
                catch (IOException) when (File.Exists(src) && !Exists(target))
                {
                    return false;
                }
            }
        }

        private TransferResult CopyVerify(string src, string desired, string target, int next, bool keepSource, bool allowRename, SortOperation operation)
        {
            var partial = PartialPathFor(target);
            var before = new FileInfo(src);
            var length = before.Length;
            var stamp = before.LastWriteTimeUtc;
            bool overwritten = false;
            try
            {
                if (File.Exists(partial)) DeleteFile(partial); // stale leftover of an interrupted run
                string sourceHash;
                using (var input = new FileStream(src, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan))
                using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                using (var sha = SHA256.Create())
                {
                    if (PathUtil.IsWindows) File.SetAttributes(partial, FileAttributes.Hidden);
                    var buffer = new byte[81920];
                    int n;
                    while ((n = input.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        sha.TransformBlock(buffer, 0, n, null, 0);
                        output.Write(buffer, 0, n);
                    }
                    sha.TransformFinalBlock(buffer, 0, 0);
                    sourceHash = FileHash.ToHex(sha.Hash);
                    output.Flush(true);
                }
                Stage(TransferStage.PartialWritten, partial);
                CorruptPartial?.Invoke(partial);

                var copyHash = FileHash.Sha256(partial);
                if (!FileHash.Equal(copyHash, sourceHash))
                    throw new TransferVerificationException(
                        $"The copy of '{src}' does not match it (SHA-256 {copyHash} instead of {sourceHash}); the source was left in place.",
                        src, target, sourceHash, copyHash);
                var after = new FileInfo(src);
                if (!after.Exists || after.Length != length || after.LastWriteTimeUtc != stamp)
                    throw new TransferVerificationException(
                        $"'{src}' changed while it was copied; the source was left in place.", src, target, sourceHash, copyHash);
                Stage(TransferStage.Verified, partial);

                File.SetLastWriteTimeUtc(partial, stamp);
                if (PathUtil.IsWindows) File.SetAttributes(partial, FileAttributes.Normal);

                // Rename into the final name; never over an existing file unless Overwrite.
                for (int attempt = 0; ; attempt++)
                {
                    try
                    {
                        if (Overwrite && File.Exists(target))
                        {
                            try
                            {
                                File.Replace(partial, target, null);
                                overwritten = true;
                                break;
                            }
                            catch (FileNotFoundException) when (File.Exists(partial) && !File.Exists(target))
                            {
                            }
                        }
                        File.Move(partial, target);
                        break;
                    }
                    catch (IOException) when (File.Exists(partial) && Exists(target) && !Overwrite)
                    {
                        if (!allowRename || attempt >= MaxUniqueAttempts) throw new DestinationExistsException(target);
                        target = NextFree(desired, next, out next);
                    }
                }
                Stage(TransferStage.Renamed, target);
                if (!keepSource)
                {
                    try
                    {
                        DeleteFile(src);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        // The source stays; take the verified copy back so the move did not half-happen
                        // (unless it replaced a file on purpose: then both stay).
                        if (!overwritten) TryDelete(target);
                        throw new IOException($"'{src}' was copied but could not be deleted, so the move was undone: {ex.Message}", ex);
                    }
                }
                return new TransferResult(src, target, operation, TransferMethod.CopyVerify, !PathUtil.SamePath(target, desired), overwritten, sourceHash, null);
            }
            catch
            {
                TryDelete(partial);
                throw;
            }
        }

        private void Stage(TransferStage stage, string path) => OnStage?.Invoke(stage, path);

        private bool SameVolume(string src, string folder)
        {
            if (!mountPointsRead)
            {
                mountPoints = PathUtil.MountPoints();
                mountPointsRead = true;
            }
            var a = PathUtil.VolumeOf(src, mountPoints);
            var b = PathUtil.VolumeOf(folder, mountPoints);
            return a != null && b != null && string.Equals(a, b, StringComparison.Ordinal);
        }

        private static string CheckName(string name)
        {
            if (string.IsNullOrEmpty(name) || name == "." || name == ".." || name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                throw new ArgumentException($"'{name}' is not a valid file name.", nameof(name));
            return name;
        }

        private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

        /// <summary>"name (n).ext" for the first n ≥ <paramref name="start"/> that is free; <paramref name="after"/> is n + 1.</summary>
        private static string NextFree(string desired, int start, out int after)
        {
            var dir = Path.GetDirectoryName(desired);
            var name = Path.GetFileName(desired);
            var ext = Path.GetExtension(name);
            var stem = Path.GetFileNameWithoutExtension(name);
            if (stem.Length == 0) { stem = name; ext = ""; } // ".profile"
            for (int n = start; n < start + MaxUniqueAttempts; n++)
            {
                var candidate = Path.Combine(dir, $"{stem} ({n}){ext}");
                if (!Exists(candidate))
                {
                    after = n + 1;
                    return candidate;
                }
            }
            throw new IOException($"No free name for '{desired}' after {MaxUniqueAttempts} attempts.");
        }

        private static void DeleteFile(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (UnauthorizedAccessException) when (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
                File.Delete(path);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) DeleteFile(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Steps of the copy path, for tests that simulate an interruption.</summary>
    internal enum TransferStage
    {
        PartialWritten,
        Verified,
        Renamed,
    }
}
