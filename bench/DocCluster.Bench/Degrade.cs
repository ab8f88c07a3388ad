using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SkiaSharp;

namespace DocCluster.Bench
{
    /// <summary>
    /// degrade: writes a copy of a labelled folder (a labels.csv, or a folder per kind) with every image changed in one way,
    /// and its labels.csv, so that `quality --data` can measure how much the grouping depends on how the pages were captured:
    /// grey (colour removed), scale:F (resolution × F, e.g. a 150-dpi scan instead of 300), jpeg:Q (re-encoded as JPEG quality Q),
    /// rot90 (every other page turned a quarter clockwise, as a sheet fed sideways into a scanner), rot180 (every other page
    /// upside down, as a sheet fed the wrong way round), rot270 (every other page turned a quarter anticlockwise, as a card
    /// photographed in portrait the other way), skew:D (every page turned by D degrees, alternately each way, as a sheet fed askew),
    /// pad:F (every other page laid in the top-left corner of a white A4-portrait flatbed F times its size, as a receipt or a
    /// card scanned on a page-sized scanner without cropping).
    /// </summary>
    internal static class Degrade
    {
        /// <summary>The changes --how accepts, for the usage lines.</summary>
        public const string Changes = "grey|scale:F|jpeg:Q|rot90|rot180|rot270|skew:D|pad:F";

        public static int Run(Options o)
        {
            if (o.To == null || o.How == null) { Console.Error.WriteLine("degrade needs --to DIR and --how " + Changes); return 2; }
            var how = o.How.Split(':');
            string header;
            string[][] rows; // relative path, then the rest of its labels.csv row (the kind first)
            if (Directory.Exists(o.Labels))
            {
                // a folder per kind
                header = "file,class";
                rows = Directory.GetDirectories(o.Labels).OrderBy(d => d, StringComparer.Ordinal)
                    .SelectMany(d => Directory.GetFiles(d).Where(IsImage).OrderBy(f => f, StringComparer.Ordinal)
                        .Select(f => new[] { Path.GetFileName(d) + "/" + Path.GetFileName(f), Path.GetFileName(d) }))
                    .ToArray();
            }
            else
            {
                var lines = File.ReadAllLines(o.Labels);
                header = lines[0];
                rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(new[] { ',' }, 2)).ToArray();
            }
            var outNames = new string[rows.Length];
            Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var rel = rows[i][0];
                var name = how[0] == "jpeg" ? Path.ChangeExtension(rel, ".jpg") : rel;
                outNames[i] = name;
                var target = Path.Combine(o.To, name);
                Directory.CreateDirectory(Path.GetDirectoryName(target));
                using (var source = SKBitmap.Decode(Path.Combine(o.Data, rel)))
                using (var changed = EveryOther(how[0]) && i % 2 == 0 ? source.Copy() : Apply(source, how, i))
                using (var image = SKImage.FromBitmap(changed))
                using (var data = Encode(image, name, how))
                using (var stream = File.Create(target))
                    data.SaveTo(stream);
            });
            File.WriteAllLines(Path.Combine(o.To, "labels.csv"), new[] { header }.Concat(rows.Select((r, i) => outNames[i] + "," + r[1])));
            Console.WriteLine($"{rows.Length} images written to {o.To} ({o.How}).");
            return 0;
        }

        private static bool IsImage(string path) =>
            new[] { ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp" }.Contains(Path.GetExtension(path).ToLowerInvariant());

        private static bool EveryOther(string how) => how.StartsWith("rot", StringComparison.Ordinal) || how == "pad";

        private static SKBitmap Apply(SKBitmap source, string[] how, int index)
        {
            switch (how[0])
            {
                case "grey":
                    var grey = new SKBitmap(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
                    using (var canvas = new SKCanvas(grey))
                    using (var paint = new SKPaint())
                    {
                        // Rec. 601 luma, as DocLayout's own grey conversion
                        paint.ColorFilter = SKColorFilter.CreateColorMatrix(new float[]
                        {
                            0.299f, 0.587f, 0.114f, 0, 0,
                            0.299f, 0.587f, 0.114f, 0, 0,
                            0.299f, 0.587f, 0.114f, 0, 0,
                            0, 0, 0, 1, 0,
                        });
                        using (var img = SKImage.FromBitmap(source)) canvas.DrawImage(img, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
                    }
                    return grey;
                case "scale":
                    double f = double.Parse(how[1], CultureInfo.InvariantCulture);
                    int w = Math.Max(1, (int)Math.Round(source.Width * f)), h = Math.Max(1, (int)Math.Round(source.Height * f));
                    return source.Resize(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque), new SKSamplingOptions(SKCubicResampler.Mitchell));
                case "jpeg":
                    return source.Copy();
                case "skew":
                    // turned by the given angle about the centre, alternately clockwise and anticlockwise, on white
                    float angle = float.Parse(how[1], CultureInfo.InvariantCulture) * (index % 2 == 0 ? 1 : -1);
                    var skewed = new SKBitmap(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
                    using (var canvas = new SKCanvas(skewed))
                    using (var img = SKImage.FromBitmap(source))
                    {
                        canvas.Clear(SKColors.White);
                        canvas.RotateDegrees(angle, source.Width / 2f, source.Height / 2f);
                        canvas.DrawImage(img, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
                    }
                    return skewed;
                case "rot90":
                case "rot180":
                case "rot270":
                    int degrees = int.Parse(how[0].Substring(3), CultureInfo.InvariantCulture);
                    bool quarter = degrees != 180;
                    var rotated = new SKBitmap(quarter ? source.Height : source.Width, quarter ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
                    using (var canvas = new SKCanvas(rotated))
                    {
                        // about the new canvas' centre, so the turned page fills it exactly
                        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
                        canvas.RotateDegrees(degrees);
                        canvas.DrawBitmap(source, -source.Width / 2f, -source.Height / 2f);
                    }
                    return rotated;
                case "pad":
                    // a flatbed of A4 proportions (1 : √2, portrait) at least F times the page on each side; the page lies
                    // 2 % of the bed's width from its top-left corner; the lid is an even off-white
                    double pf = double.Parse(how[1], CultureInfo.InvariantCulture);
                    double bedW = Math.Max(source.Width * pf, source.Height * pf / Math.Sqrt(2));
                    var bed = new SKBitmap((int)Math.Round(bedW), (int)Math.Round(bedW * Math.Sqrt(2)), SKColorType.Rgba8888, SKAlphaType.Opaque);
                    using (var canvas = new SKCanvas(bed))
                    {
                        canvas.Clear(new SKColor(246, 246, 244));
                        float inset = (float)(0.02 * bedW);
                        canvas.DrawBitmap(source, inset, inset);
                    }
                    return bed;
                default:
                    throw new ArgumentException("unknown --how " + string.Join(":", how));
            }
        }

        private static SKData Encode(SKImage image, string name, string[] how)
        {
            if (how[0] == "jpeg") return image.Encode(SKEncodedImageFormat.Jpeg, int.Parse(how[1], CultureInfo.InvariantCulture));
            return name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 88);
        }
    }
}
