using System;
using System.IO;

namespace DocCluster.Persistence
{
    /// <summary>Writes a whole file or nothing: content goes to a temporary file beside the target, is flushed to disk,
    /// then renamed over (or onto) the target, so readers never see a partial file.</summary>
    internal static class AtomicFile
    {
        /// <summary>Writes <paramref name="path"/>. Returns false (and leaves the existing file alone) when the file already
        /// exists and <paramref name="overwrite"/> is false, also when another writer created it in the meantime. The
        /// no-replace move is not strictly atomic everywhere: under load on Linux two writers racing for one path have both
        /// succeeded (the later file then replaces the earlier one, whole, never partial).</summary>
        public static bool Write(string path, Action<Stream> write, bool overwrite)
        {
            var full = Path.GetFullPath(path);
            var dir = Path.GetDirectoryName(full);
            if (!overwrite && File.Exists(full)) return false;
            var temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
                {
                    write(stream);
                    stream.Flush(true);
                }
                if (overwrite)
                {
                    if (File.Exists(full)) File.Replace(temp, full, null);
                    else
                    {
                        try { File.Move(temp, full); }
                        catch (IOException) when (File.Exists(full)) { File.Replace(temp, full, null); }
                    }
                    return true;
                }
                try
                {
                    File.Move(temp, full); // never replaces: a concurrent writer that got there first wins
                    return true;
                }
                catch (IOException) when (File.Exists(full))
                {
                    return false;
                }
            }
            finally
            {
                try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
