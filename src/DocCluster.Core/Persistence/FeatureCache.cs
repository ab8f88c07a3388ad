using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Xml;
using DocCluster.Features;

namespace DocCluster.Persistence
{
    /// <summary>
    /// Feature vectors on disk, keyed by the SHA-256 of the file content and the extractor fingerprint, so a run over a
    /// growing archive only computes features for new or changed files (renamed or moved files hit too).
    /// </summary>
    /// <remarks>
    /// Layout: <c>&lt;folder&gt;/&lt;first 2 hex digits of the hash&gt;/&lt;hash&gt;-&lt;fingerprint&gt;.json</c>, one small UTF-8 JSON file
    /// per (content, extractor) with every page's vector (little-endian float32, base64), page count and size.
    /// Entries are written to a temporary file and renamed into place without replacing, so runs that overlap never
    /// read a partial entry: the second writer finds the entry present and drops its own identical copy. An entry that
    /// cannot be read or does not match its key is ignored (counted in <see cref="Invalid"/>), recomputed and replaced.
    /// Thread-safe.
    /// </remarks>
    public sealed class FeatureCache
    {
        public const int CacheFormatVersion = 1;
        private int hits, misses, stored, invalid, writeFailures;
        private string lastWriteError;

        /// <summary>Uses (and creates when missing) <paramref name="folder"/>.</summary>
        public FeatureCache(string folder)
        {
            if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("A cache folder is required.", nameof(folder));
            Folder = Path.GetFullPath(folder);
            Directory.CreateDirectory(Folder);
        }

        public string Folder { get; }
        /// <summary>Files whose features came from the cache.</summary>
        public int Hits => Volatile.Read(ref hits);
        /// <summary>Files looked up and not found (or found invalid).</summary>
        public int Misses => Volatile.Read(ref misses);
        /// <summary>Entries written by this instance.</summary>
        public int Stored => Volatile.Read(ref stored);
        /// <summary>Entries found damaged or not matching their key (they count as misses too).</summary>
        public int Invalid => Volatile.Read(ref invalid);
        /// <summary>Entries that could not be written (disk full, permissions); extraction goes on without them.</summary>
        public int WriteFailures => Volatile.Read(ref writeFailures);
        public string LastWriteError => Volatile.Read(ref lastWriteError);

        /// <summary>Where the entry for this content and extractor lives.</summary>
        public string EntryPath(string contentHash, string fingerprint)
        {
            CheckHash(contentHash);
            if (string.IsNullOrEmpty(fingerprint)) throw new ArgumentException("An extractor fingerprint is required.", nameof(fingerprint));
            var safe = new StringBuilder(fingerprint.Length);
            foreach (var ch in fingerprint) safe.Append((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '.' || ch == '_' ? ch : '_');
            var hash = contentHash.ToLowerInvariant();
            return Path.Combine(Folder, hash.Substring(0, 2), hash + "-" + safe + ".json");
        }

        /// <summary>The cached pages of the file with this content for this extractor, as features of <paramref name="path"/>
        /// (ContentHash set); null when there is no valid entry.</summary>
        public IReadOnlyList<ImageFeature> TryGet(string path, string contentHash, FeatureModelInfo extractor)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (extractor == null) throw new ArgumentNullException(nameof(extractor));
            var file = EntryPath(contentHash, extractor.Fingerprint);
            byte[] bytes;
            try
            {
                using (var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    var ms = new MemoryStream();
                    s.CopyTo(ms);
                    bytes = ms.ToArray();
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                Interlocked.Increment(ref misses);
                return null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Interlocked.Increment(ref misses);
                Interlocked.Increment(ref invalid);
                return null;
            }
            var features = Decode(bytes, path, contentHash, extractor);
            if (features == null)
            {
                Interlocked.Increment(ref misses);
                Interlocked.Increment(ref invalid);
                return null;
            }
            Interlocked.Increment(ref hits);
            return features;
        }

        /// <summary>Stores all pages of one file (page order as given). Never throws for I/O problems: they are counted in
        /// <see cref="WriteFailures"/>. Returns true when this call wrote the entry, false when a valid entry was already
        /// there (another run got there first) or writing failed. Two runs storing the same entry at the same instant may
        /// both get true (see AtomicFile.Write): the later file replaces the earlier one, with identical content, as an entry
        /// depends only on the file's hash and the extractor. Readers still never see a partial entry.</summary>
        public bool Put(string contentHash, FeatureModelInfo extractor, IReadOnlyList<ImageFeature> pages)
        {
            if (extractor == null) throw new ArgumentNullException(nameof(extractor));
            if (pages == null || pages.Count == 0) throw new ArgumentException("At least one page is required.", nameof(pages));
            var file = EntryPath(contentHash, extractor.Fingerprint);
            var entry = new CacheEntry
            {
                CacheVersion = CacheFormatVersion,
                ContentHash = contentHash.ToLowerInvariant(),
                Model = extractor.Name,
                ModelFingerprint = extractor.Fingerprint,
                PageCount = pages[0].PageCount,
                Pages = new CachePage[pages.Count],
            };
            for (int i = 0; i < pages.Count; i++)
            {
                var f = pages[i];
                if (f.ModelFingerprint != extractor.Fingerprint) throw new ArgumentException($"Page {f} was not extracted with {extractor}.", nameof(pages));
                entry.Pages[i] = new CachePage { Page = f.Page, Width = f.Width, Height = f.Height, Dimension = f.Dimension, Vector = ToBase64(f.Vector) };
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file));
                if (AtomicFile.Write(file, s => Serialize(entry, s), overwrite: false))
                {
                    Interlocked.Increment(ref stored);
                    return true;
                }
                // present: fine if valid (a concurrent run wrote the same thing); replace it if it is damaged
                if (IsValidEntry(file, contentHash, extractor)) return false;
                AtomicFile.Write(file, s => Serialize(entry, s), overwrite: true);
                Interlocked.Increment(ref stored);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Interlocked.Increment(ref writeFailures);
                Volatile.Write(ref lastWriteError, $"{file}: {ex.Message}");
                return false;
            }
        }

        private static bool IsValidEntry(string file, string contentHash, FeatureModelInfo extractor)
        {
            try { return Decode(File.ReadAllBytes(file), "x", contentHash, extractor) != null; }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException) { return false; }
        }

        private static IReadOnlyList<ImageFeature> Decode(byte[] bytes, string path, string contentHash, FeatureModelInfo extractor)
        {
            CacheEntry e;
            try
            {
                using (var reader = JsonReaderWriterFactory.CreateJsonReader(bytes, XmlDictionaryReaderQuotas.Max))
                    e = (CacheEntry)new DataContractJsonSerializer(typeof(CacheEntry)).ReadObject(reader);
            }
            catch (Exception ex) when (ex is SerializationException || ex is XmlException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
            {
                return null;
            }
            if (e == null || e.CacheVersion != CacheFormatVersion || e.Pages == null || e.Pages.Length == 0 || e.PageCount < e.Pages.Length
                || !string.Equals(e.ContentHash, contentHash, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(e.ModelFingerprint, extractor.Fingerprint, StringComparison.Ordinal))
                return null;
            var result = new ImageFeature[e.Pages.Length];
            for (int i = 0; i < result.Length; i++)
            {
                var p = e.Pages[i];
                if (p == null || p.Vector == null || p.Page < 1 || p.Page > e.PageCount) return null;
                float[] v;
                try { v = FromBase64(p.Vector); } catch (FormatException) { return null; }
                if (v == null || v.Length == 0 || v.Length != p.Dimension || (extractor.Dimension > 0 && v.Length != extractor.Dimension)) return null;
                result[i] = new ImageFeature(path, p.Page, e.PageCount, p.Width, p.Height, extractor.Name, extractor.Fingerprint, v) { ContentHash = e.ContentHash };
            }
            return result;
        }

        private static void Serialize(CacheEntry entry, Stream stream)
        {
            using (var writer = JsonReaderWriterFactory.CreateJsonWriter(stream, new UTF8Encoding(false), false))
            {
                new DataContractJsonSerializer(typeof(CacheEntry)).WriteObject(writer, entry);
                writer.Flush();
            }
        }

        private static string ToBase64(float[] v)
        {
            var bytes = new byte[v.Length * 4];
            Buffer.BlockCopy(v, 0, bytes, 0, bytes.Length);
            if (!BitConverter.IsLittleEndian) for (int i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
            return Convert.ToBase64String(bytes);
        }

        private static float[] FromBase64(string s)
        {
            var bytes = Convert.FromBase64String(s);
            if (bytes.Length % 4 != 0) return null;
            if (!BitConverter.IsLittleEndian) for (int i = 0; i < bytes.Length; i += 4) Array.Reverse(bytes, i, 4);
            var v = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, v, 0, bytes.Length);
            return v;
        }

        private static void CheckHash(string contentHash)
        {
            if (contentHash == null || contentHash.Length != 64) throw new ArgumentException("A SHA-256 content hash (64 hex digits) is required.", nameof(contentHash));
            foreach (var ch in contentHash)
                if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')))
                    throw new ArgumentException("The content hash must be hexadecimal.", nameof(contentHash));
        }

        [DataContract(Name = "FeatureCacheEntry", Namespace = "")]
        internal sealed class CacheEntry
        {
            [DataMember(Order = 0)] public int CacheVersion { get; set; }
            [DataMember(Order = 1)] public string ContentHash { get; set; }
            [DataMember(Order = 2)] public string Model { get; set; }
            [DataMember(Order = 3)] public string ModelFingerprint { get; set; }
            [DataMember(Order = 4)] public int PageCount { get; set; }
            [DataMember(Order = 5)] public CachePage[] Pages { get; set; }
        }

        [DataContract(Name = "Page", Namespace = "")]
        internal sealed class CachePage
        {
            [DataMember(Order = 0)] public int Page { get; set; }
            [DataMember(Order = 1)] public int Width { get; set; }
            [DataMember(Order = 2)] public int Height { get; set; }
            [DataMember(Order = 3)] public int Dimension { get; set; }
            /// <summary>Little-endian float32 values, base64.</summary>
            [DataMember(Order = 4)] public string Vector { get; set; }
        }
    }
}
