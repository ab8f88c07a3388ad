using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DocCluster.Backends;
using DocCluster.Backends.Onnx;
using DocCluster.Features;
using DocCluster.Imaging;

namespace DocCluster.Bench.Classification
{
    /// <summary>Extracts docs-dev once per feature model and caches the vectors (path, kind, model, fingerprint, vector) in a TSV.</summary>
    internal static class Extract
    {
        public static List<(ImageFeature feature, string kind)> Load(string docsDev, string model, string modelPath, string cacheDir)
        {
            Directory.CreateDirectory(cacheDir);
            // A combined model's cache is named after the DocLayout version it holds.
            var cache = Path.Combine(cacheDir, model.Replace('+', '_')
                + (model.Contains("+") ? "_" + BuiltInFeatureModels.CurrentFingerprint("DocLayout") : "") + ".tsv");
            if (!File.Exists(cache) || Stale(cache, model)) Build(docsDev, model, modelPath, cache);
            var res = new List<(ImageFeature, string)>();
            foreach (var line in File.ReadLines(cache))
            {
                var p = line.Split('\t');
                var v = p[5].Split(' ').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                res.Add((new ImageFeature(p[0], int.Parse(p[1], CultureInfo.InvariantCulture), 1, 0, 0, p[3], p[4], v), p[2]));
            }
            return res;
        }

        /// <summary>True when the cached DocLayout features were made by another version of the extractor (fingerprint differs).</summary>
        private static bool Stale(string cache, string model)
        {
            if (model != "DocLayout") return false;
            var first = File.ReadLines(cache).FirstOrDefault()?.Split('\t');
            bool stale = first == null || first.Length < 6 || first[4] != BuiltInFeatureModels.CurrentFingerprint(model);
            if (stale) Console.Error.WriteLine($"{cache}: extracted by another DocLayout version ({first?[4]}); extracting again.");
            return stale;
        }

        private static void Build(string docsDev, string model, string modelPath, string cache)
        {
            IFeatureExtractor extractor = model == "DocLayout" || model.Contains("+")
                ? BackendServices.CreateExtractor(new FeatureExtractorRequest { Model = model, ModelPath = model == "DocLayout" ? null : modelPath })
                : OnnxFeatureExtractor.FromPreset(model, null, modelPath);
            var files = Directory.GetDirectories(docsDev).OrderBy(d => d, StringComparer.Ordinal)
                .SelectMany(d => Directory.GetFiles(d).OrderBy(f => f, StringComparer.Ordinal)).ToList();
            var kindOf = files.ToDictionary(f => f, f => Path.GetFileName(Path.GetDirectoryName(f)));
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var lines = new List<string>();
            using (var q = new FeatureExtractionQueue(BackendServices.CreateDecoder(), extractor,
                new DecodeOptions { MaxLongSide = extractor.PreferredLongSide }, Math.Max(1, Environment.ProcessorCount)))
            {
                foreach (var f in files) q.Add(f);
                q.Complete();
                foreach (var r in q.TakeRemaining())
                {
                    if (r?.Feature == null) { if (r != null) Console.Error.WriteLine($"failed: {r.Path}: {r.Error?.Message}"); continue; }
                    var f = r.Feature;
                    lines.Add(string.Join("\t", f.Path, f.Page.ToString(CultureInfo.InvariantCulture), kindOf[f.Path], f.Model, f.ModelFingerprint,
                        string.Join(" ", f.Vector.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))));
                }
            }
            extractor.Dispose();
            lines.Sort(StringComparer.Ordinal);
            File.WriteAllLines(cache, lines);
            Console.Error.WriteLine($"{model}: {lines.Count} feature(s) in {sw.Elapsed.TotalSeconds:F0} s -> {cache}");
        }
    }
}
