using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using DocCluster.Classification;
using DocCluster.Features.Document.Glyphs;
using SkiaSharp;

// Usage: dotnet run -c Release --project tools/glyph-trainer -- [font folder] [output file]
// Renders every class of GlyphClassifier.Classes in every font of the folder (regular, bold, oblique, condensed, mono,
// serif) at random sizes, sub-pixel offsets, blurs, binarisation thresholds and noise, describes each glyph as the
// extractor does, fits the softmax regression and writes the weights. Deterministic for a given font set and SkiaSharp.
string fontDir = args.Length > 0 ? args[0] : "/usr/share/fonts/truetype/dejavu";
string output = args.Length > 1 ? args[1] : Path.Combine("src", "DocCluster.Core", "Features", "Document", "Glyphs", "GlyphClassifier.weights");
var fonts = Directory.GetFiles(fontDir, "*.ttf").Where(f => !f.Contains("Math") && !f.Contains("ExtraLight")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
if (fonts.Length == 0) { Console.Error.WriteLine($"No .ttf fonts in {fontDir}."); return 1; }
Console.WriteLine($"{fonts.Length} fonts: {string.Join(", ", fonts.Select(Path.GetFileNameWithoutExtension))}");

var sw = Stopwatch.StartNew();
var (x, y) = Render(fonts, perClassAndFont: 12, seed: 1);
int K = GlyphClassifier.Classes.Length;
var targets = y.Select(c => { var t = new double[K]; t[c] = 1; return t; }).ToArray();
var weights = SoftmaxRegression.Fit(x, targets, null, K, 1e-4, maxIterations: 600);
var classifier = new GlyphClassifier(weights);

var (xt, yt) = Render(fonts, perClassAndFont: 3, seed: 2);
int exact = 0, figures = 0, figuresFound = 0, lettersAsFigures = 0;
var scratch = new double[K];
for (int i = 0; i < xt.Length; i++)
{
    var p = classifier.Probabilities(xt[i]);
    if (Array.IndexOf(p, p.Max()) == yt[i]) exact++;
    bool figure = classifier.FigureProbability(xt[i], scratch) > 0.5;
    if (yt[i] < GlyphClassifier.FigureClasses) { figures++; if (figure) figuresFound++; }
    else if (figure) lettersAsFigures++;
}
Console.WriteLine($"{x.Length} training glyphs, {sw.Elapsed.TotalSeconds:F0} s. Held-out renders ({xt.Length}): class {100.0 * exact / xt.Length:F1} %, " +
    $"figures found {100.0 * figuresFound / figures:F1} %, letters taken for figures {100.0 * lettersAsFigures / (xt.Length - figures):F1} %");
using (var s = File.Create(output)) classifier.Save(s);
Console.WriteLine($"Wrote {output}");
return 0;

static (double[][] x, int[] y) Render(string[] fonts, int perClassAndFont, int seed)
{
    var rnd = new Random(seed);
    var xs = new List<double[]>();
    var ys = new List<int>();
    string classes = GlyphClassifier.Classes;
    foreach (var file in fonts)
    {
        using var typeface = SKTypeface.FromFile(file);
        for (int c = 0; c < classes.Length; c++)
            for (int r = 0; r < perClassAndFont; r++)
            {
                float size = 9 + (float)rnd.NextDouble() * 26; // capitals about 6-26 px tall
                int side = (int)(size * 2) + 8;
                using var bitmap = new SKBitmap(side, side, SKColorType.Gray8, SKAlphaType.Opaque);
                using (var canvas = new SKCanvas(bitmap))
                using (var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias })
                using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
                {
                    canvas.Clear(SKColors.White);
                    if (rnd.NextDouble() < 0.5) paint.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, (float)(rnd.NextDouble() * 0.8 + 0.1));
                    canvas.DrawText(classes[c].ToString(), 4 + (float)rnd.NextDouble(), size * 1.4f + (float)rnd.NextDouble(), SKTextAlign.Left, font, paint);
                }
                var pixels = bitmap.Bytes;
                var dark = new float[side * side];
                for (int i = 0; i < dark.Length; i++) dark[i] = (255 - pixels[i]) / 255f;
                double threshold = 0.35 + rnd.NextDouble() * 0.3;
                int x0 = side, y0 = side, x1 = -1, y1 = -1;
                for (int py = 0; py < side; py++)
                    for (int px = 0; px < side; px++)
                        if (dark[py * side + px] > threshold) { x0 = Math.Min(x0, px); x1 = Math.Max(x1, px); y0 = Math.Min(y0, py); y1 = Math.Max(y1, py); }
                if (x1 < 0) continue;
                for (int i = 0; i < dark.Length; i++) dark[i] = Math.Clamp(dark[i] + (float)((rnd.NextDouble() - 0.5) * 0.15), 0, 1);
                var d = new double[GlyphClassifier.Dimension];
                GlyphClassifier.Describe(dark, side, x0, y0, x1, y1, d);
                xs.Add(d);
                ys.Add(c);
            }
    }
    return (xs.ToArray(), ys.ToArray());
}
