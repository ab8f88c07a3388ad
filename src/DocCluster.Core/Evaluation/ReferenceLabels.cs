using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocCluster.Sorting;

namespace DocCluster.Evaluation
{
    /// <summary>
    /// The kind a person gave each file: a folder sorted by hand (kind = first sub-folder under it) or a CSV with a
    /// file column (file/path/filename) and a kind column (class/kind/label/category). Files are matched by full path,
    /// else by file name when that name is unique in the reference (hand-sorted copies of the same scans).
    /// </summary>
    public sealed class ReferenceLabels
    {
        private static readonly string[] FileColumns = { "path", "file", "filename", "fullname" };
        private static readonly string[] KindColumns = { "kind", "class", "label", "category" };
        private readonly Dictionary<string, string> byPath;
        private readonly Dictionary<string, string> byName;

        private ReferenceLabels(IEnumerable<KeyValuePair<string, string>> pathToKind)
        {
            byPath = new Dictionary<string, string>(PathComparer);
            foreach (var kv in pathToKind) byPath[Path.GetFullPath(kv.Key)] = kv.Value;
            byName = byPath.GroupBy(kv => Path.GetFileName(kv.Key), PathComparer)
                .Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.First().Value, PathComparer);
        }

        public static StringComparer PathComparer { get; } =
            Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        public int Count => byPath.Count;
        public IEnumerable<string> Kinds => byPath.Values.Distinct().OrderBy(k => k, StringComparer.Ordinal);

        public static ReferenceLabels Load(string path)
        {
            if (Directory.Exists(path)) return FromFolder(path);
            if (File.Exists(path)) return FromCsv(path);
            throw new FileNotFoundException($"Reference not found (a folder with one sub-folder per kind, or a CSV file): {path}", path);
        }

        public static ReferenceLabels FromFolder(string folder)
        {
            var root = Path.GetFullPath(folder);
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var kindDir in Directory.GetDirectories(root))
            {
                var kind = Path.GetFileName(kindDir);
                foreach (var file in Directory.EnumerateFiles(kindDir, "*", SearchOption.AllDirectories))
                    pairs.Add(new KeyValuePair<string, string>(file, kind));
            }
            if (pairs.Count == 0) throw new InvalidDataException($"The reference folder has no files in sub-folders (one sub-folder per kind expected): {folder}");
            return new ReferenceLabels(pairs);
        }

        public static ReferenceLabels FromCsv(string csvPath)
        {
            var text = File.ReadAllText(csvPath);
            if (!text.EndsWith("\n", StringComparison.Ordinal)) text += "\n";
            var rows = Csv.Parse(text.TrimStart('\uFEFF'));
            if (rows.Count < 2) throw new InvalidDataException($"The reference CSV has no data rows: {csvPath}");
            var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
            int fileCol = FileColumns.Select(c => header.IndexOf(c)).Where(i => i >= 0).DefaultIfEmpty(-1).First();
            int kindCol = KindColumns.Select(c => header.IndexOf(c)).Where(i => i >= 0).DefaultIfEmpty(-1).First();
            if (fileCol < 0 || kindCol < 0)
                throw new InvalidDataException($"The reference CSV needs a file column ({string.Join("/", FileColumns)}) and a kind column ({string.Join("/", KindColumns)}): {csvPath}");
            var baseDir = Path.GetDirectoryName(Path.GetFullPath(csvPath));
            var pairs = rows.Skip(1)
                .Where(r => r.Count > Math.Max(fileCol, kindCol) && r[fileCol].Length > 0 && r[kindCol].Length > 0)
                .Select(r => new KeyValuePair<string, string>(Path.Combine(baseDir, r[fileCol]), r[kindCol]));
            return new ReferenceLabels(pairs);
        }

        /// <summary>The reference kind of a file, by full path, else by unique file name.</summary>
        public bool TryGetKind(string path, out string kind)
        {
            if (byPath.TryGetValue(Path.GetFullPath(path), out kind)) return true;
            return byName.TryGetValue(Path.GetFileName(path), out kind);
        }
    }
}
