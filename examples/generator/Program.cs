using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace DocCluster.ExampleGenerator
{
    /// <summary>
    /// Writes synthetic document "scans" for DocCluster's examples and tests.
    /// Usage: dotnet run --project examples/generator -- [outputDir] [--seed N] [--count N]
    /// Same seed, same SkiaSharp version and platform → byte-identical files.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            string outDir = "examples/scans";
            int seed = 20251124;
            int? count = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--seed" && i + 1 < args.Length) seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                else if (args[i] == "--count" && i + 1 < args.Length) count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                else if (args[i] == "-h" || args[i] == "--help")
                {
                    Console.WriteLine("usage: doccluster-examples [outputDir=examples/scans] [--seed N] [--count N (files per kind; default 4-5)]");
                    return 0;
                }
                else outDir = args[i];
            }

            SelfTest();
            if (Fonts.AnyMissing) Console.Error.WriteLine("warning: some DejaVu fonts were not found; using SkiaSharp's default typeface instead.");
            Directory.CreateDirectory(outDir);

            var kinds = new List<(string Kind, int Count, string Ext, Func<Random, int, byte[]> Make)>
            {
                ("idcard", 5, "jpg", IdCard.Make),
                ("passport", 5, "jpg", Passport.Make),
                ("bill", 5, "png", Bill.Make),
                ("receipt", 4, "jpg", Receipt.Make),
                ("letter", 4, "png", Letter.Make),
            };
            long total = 0;
            for (int k = 0; k < kinds.Count; k++)
            {
                var kind = kinds[k];
                for (int n = 1; n <= (count ?? kind.Count); n++)
                {
                    // One independent stream per file, so changing one kind never shifts another.
                    var r = new Random(FileSeed(seed, k, n));
                    byte[] data = kind.Make(r, n);
                    string path = Path.Combine(outDir, kind.Kind + "-" + n.ToString("00", CultureInfo.InvariantCulture) + "." + kind.Ext);
                    File.WriteAllBytes(path, data);
                    total += data.Length;
                    Console.WriteLine($"{path}  {data.Length / 1024.0:0.0} KiB");
                }
            }
            Console.WriteLine($"total {total / 1024.0 / 1024.0:0.00} MiB");
            return 0;
        }

        /// <summary>
        /// Scrambles (seed, kind, number) with the SplitMix64 finaliser: System.Random's first outputs for
        /// neighbouring seeds are almost equal, which would give every file of a kind the same colours.
        /// </summary>
        private static int FileSeed(int seed, int kind, int n)
        {
            ulong z = unchecked((ulong)(uint)seed << 32 | (ulong)(uint)(kind * 1000 + n));
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }

        /// <summary>The ICAO 9303 specimen (Anna Maria Eriksson, Utopia) must come out exactly as printed in the standard.</summary>
        private static void SelfTest()
        {
            string[] mrz = Mrz.Td3("UTO", "Eriksson", "Anna Maria", "L898902C3", "UTO", new DateTime(1974, 8, 12), 'F', new DateTime(2012, 4, 15), "ZE184226B");
            const string l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
            const string l2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
            if (mrz[0] != l1 || mrz[1] != l2)
                throw new InvalidOperationException("MRZ self-test failed:\n" + mrz[0] + "\n" + mrz[1]);
        }
    }
}
