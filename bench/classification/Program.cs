using System;
using System.IO;

namespace DocCluster.Bench.Classification
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            string shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared"));
            // DOCCLUSTER_CLASSIFY_DATA: another labelled folder of the same layout (KIND/FILE), e.g. a degraded copy of docs-dev
            // made by bench/DocCluster.Bench's `degrade`; give it its own DOCCLUSTER_CLASSIFY_CACHE.
            string docsDev = Environment.GetEnvironmentVariable("DOCCLUSTER_CLASSIFY_DATA") ?? Path.Combine(shared, "data", "docs-dev");
            string mobilenet = Path.Combine(shared, "models", "mobilenet_v1_0.75_224_features.onnx");
            if (args.Length > 0 && args[0] == "large") { LargeBatches.Run(); return 0; }
            string cacheDir = Environment.GetEnvironmentVariable("DOCCLUSTER_CLASSIFY_CACHE") ?? Path.Combine(Path.GetTempPath(), "doccluster-classify-bench");
            if (!Directory.Exists(docsDev)) { Console.Error.WriteLine("docs-dev not found at " + docsDev); return 2; }
            if (args.Length > 0 && args[0] == "extract")
            {
                Extract.Load(docsDev, "DocLayout", null, cacheDir);
                Extract.Load(docsDev, "MobileNetV1", mobilenet, cacheDir);
                return 0;
            }
            return Evaluate.Run(docsDev, mobilenet, cacheDir, args);
        }
    }
}
