using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace DocCluster.Sorting
{
    /// <summary>
    /// The append-only CSV journal of completed operations (default "&lt;Destination&gt;/doccluster-journal.csv"):
    /// Timestamp (ISO 8601 UTC), Operation, Source, Destination, Sha256, Cluster. UTF-8 with BOM so Import-Csv reads it in
    /// Windows PowerShell too. Each line is written and flushed to disk on its own; the file is open for readers meanwhile.
    /// </summary>
    public sealed class JournalWriter : IDisposable
    {
        public const string DefaultFileName = "doccluster-journal.csv";
        internal static readonly string[] Header = { "Timestamp", "Operation", "Source", "Destination", "Sha256", "Cluster" };
        internal const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        private readonly FileStream stream;
        private readonly object gate = new object();

        private JournalWriter(string path, FileStream stream)
        {
            Path = path;
            this.stream = stream;
        }

        /// <summary>Full path of the journal file.</summary>
        public string Path { get; }

        /// <summary>The journal path for a destination folder.</summary>
        public static string DefaultPath(string destinationFolder) => System.IO.Path.Combine(destinationFolder, DefaultFileName);

        /// <summary>Opens (creating it and its folder if needed) a journal for appending. Other processes may read it, not write it.</summary>
        public static JournalWriter Open(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            var full = System.IO.Path.GetFullPath(path);
            var dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
            try
            {
                if (stream.Length == 0)
                {
                    var bom = Encoding.UTF8.GetPreamble();
                    stream.Write(bom, 0, bom.Length);
                    var header = Utf8.GetBytes(Csv.Line(Header));
                    stream.Write(header, 0, header.Length);
                }
                else
                {
                    // A line torn by an interrupted write is closed off (its open quote too), so it reads as one malformed
                    // line and the next entry starts on its own line.
                    var tail = TornTail(stream);
                    if (tail.Length > 0)
                    {
                        stream.Seek(0, SeekOrigin.End);
                        stream.Write(tail, 0, tail.Length);
                    }
                }
                stream.Seek(0, SeekOrigin.End);
                stream.Flush(true);
                return new JournalWriter(full, stream);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>What to append to end a torn last record: nothing, CRLF, or a closing quote and CRLF.</summary>
        private static byte[] TornTail(FileStream stream)
        {
            // The writer only puts quotes around whole fields and doubles those inside, so an odd count means an open quote.
            stream.Seek(0, SeekOrigin.Begin);
            var buffer = new byte[65536];
            long quotes = 0;
            int last = -1, n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < n; i++)
                    if (buffer[i] == (byte)'"') quotes++;
                last = buffer[n - 1];
            }
            if (quotes % 2 == 1) return new[] { (byte)'"', (byte)'\r', (byte)'\n' };
            return last == '\n' ? new byte[0] : new[] { (byte)'\r', (byte)'\n' };
        }

        /// <summary>Appends one line and flushes it to disk.</summary>
        public void Append(JournalEntry entry)
        {
            if (entry == null) throw new ArgumentNullException(nameof(entry));
            var line = Csv.Line(
                entry.Timestamp.ToString(TimestampFormat, CultureInfo.InvariantCulture),
                entry.Operation.ToString(),
                entry.Source,
                entry.Destination,
                entry.Sha256,
                entry.Cluster);
            var bytes = Utf8.GetBytes(line);
            lock (gate)
            {
                stream.Seek(0, SeekOrigin.End);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(true);
            }
        }

        /// <summary>Appends a line stamped now.</summary>
        public JournalEntry Append(SortOperation operation, string source, string destination, string sha256, string cluster)
        {
            var entry = new JournalEntry(DateTime.UtcNow, operation, source, destination, sha256, cluster);
            Append(entry);
            return entry;
        }

        public void Dispose()
        {
            lock (gate) stream.Dispose();
        }
    }

    /// <summary>Reads a journal back, also while a <see cref="JournalWriter"/> is appending to it.</summary>
    public static class JournalReader
    {
        /// <summary>
        /// The entries in file order. The header, blank lines, an unterminated last line (torn write) and malformed lines are skipped;
        /// <paramref name="skippedLines"/> counts the malformed ones.
        /// </summary>
        public static IReadOnlyList<JournalEntry> Read(string path, out int skippedLines)
        {
            string text;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
                text = reader.ReadToEnd();
            return Parse(text, out skippedLines);
        }

        /// <summary>The entries in file order (see <see cref="Read(string, out int)"/>).</summary>
        public static IReadOnlyList<JournalEntry> Read(string path) => Read(path, out _);

        internal static IReadOnlyList<JournalEntry> Parse(string text, out int skippedLines)
        {
            skippedLines = 0;
            if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
            var entries = new List<JournalEntry>();
            foreach (var r in Csv.Parse(text))
            {
                if (r.Count == 1 && r[0].Length == 0) continue;
                if (r.Count >= 1 && r[0] == JournalWriter.Header[0]) continue;
                if (r.Count != JournalWriter.Header.Length
                    || !DateTime.TryParseExact(r[0], JournalWriter.TimestampFormat, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var ts)
                    || !Enum.TryParse(r[1], ignoreCase: true, out SortOperation op)
                    || !Enum.IsDefined(typeof(SortOperation), op)
                    || r[2].Length == 0 || r[3].Length == 0
                    || !IsHashOrEmpty(r[4]))
                {
                    skippedLines++;
                    continue;
                }
                entries.Add(new JournalEntry(DateTime.SpecifyKind(ts, DateTimeKind.Utc), op, r[2], r[3], r[4], r[5]) { Index = entries.Count });
            }
            return entries;
        }

        private static bool IsHashOrEmpty(string s)
        {
            if (s.Length == 0) return true;
            if (s.Length != 64) return false;
            foreach (var c in s)
                if (!Uri.IsHexDigit(c)) return false;
            return true;
        }
    }
}
