using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>Fonts: DejaVu from the usual Linux location when present, else Skia's default typeface.</summary>
    internal static class Fonts
    {
        private const string Dir = "/usr/share/fonts/truetype/dejavu";

        public static readonly SKTypeface Sans = Load("DejaVuSans.ttf");
        public static readonly SKTypeface SansBold = Load("DejaVuSans-Bold.ttf");
        public static readonly SKTypeface SansOblique = Load("DejaVuSans-Oblique.ttf");
        public static readonly SKTypeface Cond = Load("DejaVuSansCondensed.ttf");
        public static readonly SKTypeface CondBold = Load("DejaVuSansCondensed-Bold.ttf");
        public static readonly SKTypeface Serif = Load("DejaVuSerif.ttf");
        public static readonly SKTypeface SerifBold = Load("DejaVuSerif-Bold.ttf");
        public static readonly SKTypeface SerifItalic = Load("DejaVuSerif-Italic.ttf");
        public static readonly SKTypeface Mono = Load("DejaVuSansMono.ttf");
        public static readonly SKTypeface MonoBold = Load("DejaVuSansMono-Bold.ttf");

        public static bool AnyMissing { get; private set; }

        private static SKTypeface Load(string file)
        {
            string path = Path.Combine(Dir, file);
            if (File.Exists(path))
            {
                SKTypeface t = SKTypeface.FromFile(path);
                if (t != null) return t;
            }
            AnyMissing = true;
            return SKTypeface.Default;
        }
    }

    internal static class Gfx
    {
        public static SKPaint Fill(SKColor c) => new SKPaint { Color = c, IsAntialias = true, Style = SKPaintStyle.Fill };

        public static SKPaint Stroke(SKColor c, float w) => new SKPaint { Color = c, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = w };

        public static SKFont Font(SKTypeface tf, float size) => new SKFont(tf, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

        public static void Text(SKCanvas c, string s, float x, float y, SKTypeface tf, float size, SKColor col, SKTextAlign align = SKTextAlign.Left)
        {
            using SKFont f = Font(tf, size);
            using SKPaint p = Fill(col);
            c.DrawText(s, x, y, align, f, p);
        }

        public static float Measure(string s, SKTypeface tf, float size)
        {
            using SKFont f = Font(tf, size);
            return f.MeasureText(s);
        }

        /// <summary>Font size at which <paramref name="s"/> is exactly <paramref name="width"/> wide.</summary>
        public static float FitSize(string s, SKTypeface tf, float width)
        {
            float w100 = Measure(s, tf, 100f);
            return w100 <= 0 ? 20f : 100f * width / w100;
        }

        /// <summary>Breaks words into lines of at most <paramref name="width"/>.</summary>
        public static List<List<string>> Wrap(IList<string> words, SKFont f, float width)
        {
            var lines = new List<List<string>>();
            var cur = new List<string>();
            float space = f.MeasureText(" ");
            float w = 0;
            foreach (string word in words)
            {
                float ww = f.MeasureText(word);
                if (cur.Count > 0 && w + space + ww > width)
                {
                    lines.Add(cur);
                    cur = new List<string>();
                    w = 0;
                }
                w += (cur.Count > 0 ? space : 0) + ww;
                cur.Add(word);
            }
            if (cur.Count > 0) lines.Add(cur);
            return lines;
        }

        /// <summary>Draws a justified paragraph (last line ragged); returns the baseline after the last line.</summary>
        public static float Justified(SKCanvas c, string text, float x, float y, float width, SKTypeface tf, float size, float lineHeight, SKColor col)
        {
            using SKFont f = Font(tf, size);
            using SKPaint p = Fill(col);
            var lines = Wrap(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), f, width);
            for (int i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                float total = 0;
                foreach (string w in line) total += f.MeasureText(w);
                bool last = i == lines.Count - 1;
                float gap = (!last && line.Count > 1) ? (width - total) / (line.Count - 1) : f.MeasureText(" ");
                float cx = x;
                foreach (string w in line)
                {
                    c.DrawText(w, cx, y, SKTextAlign.Left, f, p);
                    cx += f.MeasureText(w) + gap;
                }
                y += lineHeight;
            }
            return y;
        }

        /// <summary>A hand-written looking signature stroke inside the given box.</summary>
        public static void Signature(SKCanvas c, Random r, SKRect box, SKColor col, float width)
        {
            using var path = new SKPath();
            float x = box.Left, mid = box.MidY;
            path.MoveTo(x, mid + (float)(r.NextDouble() - 0.5) * box.Height * 0.4f);
            int loops = 4 + r.Next(4);
            float step = box.Width / loops;
            for (int i = 0; i < loops; i++)
            {
                float up = mid - box.Height * (0.25f + 0.25f * (float)r.NextDouble());
                float dn = mid + box.Height * (0.15f + 0.3f * (float)r.NextDouble());
                path.CubicTo(x + step * 0.2f, up, x + step * 1.1f, up - box.Height * 0.1f, x + step * 0.6f, dn);
                x += step;
                path.QuadTo(x - step * 0.3f, mid + box.Height * 0.4f, x, mid + (float)(r.NextDouble() - 0.5) * box.Height * 0.3f);
            }
            // the final flourish underneath
            path.MoveTo(box.Left + box.Width * 0.1f, box.Bottom - box.Height * 0.1f);
            path.QuadTo(box.MidX, box.Bottom + box.Height * 0.05f, box.Right, box.Bottom - box.Height * 0.3f);
            using SKPaint p = Stroke(col, width);
            p.StrokeCap = SKStrokeCap.Round;
            p.StrokeJoin = SKStrokeJoin.Round;
            c.DrawPath(path, p);
        }

        /// <summary>A stylised head-and-shoulders portrait on a coloured background.</summary>
        public static void Portrait(SKCanvas c, Random r, SKRect box, SKColor bg, bool grey)
        {
            c.Save();
            c.ClipRect(box);
            using (var bgp = new SKPaint { IsAntialias = true })
            {
                bgp.Shader = SKShader.CreateLinearGradient(new SKPoint(box.Left, box.Top), new SKPoint(box.Left, box.Bottom),
                    new[] { bg, Shade(bg, 0.85f) }, SKShaderTileMode.Clamp);
                c.DrawRect(box, bgp);
            }
            SKColor[] skins = { new SKColor(233, 196, 170), new SKColor(198, 148, 110), new SKColor(141, 96, 66), new SKColor(242, 212, 190), new SKColor(176, 126, 90) };
            SKColor[] hairs = { new SKColor(40, 30, 25), new SKColor(90, 60, 35), new SKColor(150, 110, 60), new SKColor(60, 60, 60), new SKColor(20, 20, 20) };
            SKColor[] cloth = { new SKColor(40, 55, 90), new SKColor(70, 70, 75), new SKColor(110, 40, 45), new SKColor(30, 80, 70), new SKColor(200, 200, 205) };
            SKColor skin = skins[r.Next(skins.Length)], hair = hairs[r.Next(hairs.Length)], shirt = cloth[r.Next(cloth.Length)];
            if (grey) { skin = Grey(skin); hair = Grey(hair); shirt = Grey(shirt); }
            float w = box.Width, h = box.Height, cx = box.MidX + (float)(r.NextDouble() - 0.5) * w * 0.06f;
            float headW = w * (0.40f + 0.06f * (float)r.NextDouble()), headH = headW * 1.3f;
            float headTop = box.Top + h * 0.14f;
            var head = new SKRect(cx - headW / 2, headTop, cx + headW / 2, headTop + headH);
            // shoulders
            using (var sh = new SKPath())
            {
                float sy = head.Bottom + h * 0.04f;
                sh.MoveTo(box.Left - 5, box.Bottom + 5);
                sh.CubicTo(box.Left + w * 0.02f, sy + h * 0.06f, cx - w * 0.3f, sy, cx, sy);
                sh.CubicTo(cx + w * 0.3f, sy, box.Right - w * 0.02f, sy + h * 0.06f, box.Right + 5, box.Bottom + 5);
                sh.Close();
                using SKPaint p = Fill(shirt);
                c.DrawPath(sh, p);
            }
            using (SKPaint p = Fill(skin))
            {
                c.DrawRect(new SKRect(cx - headW * 0.2f, head.Bottom - headH * 0.15f, cx + headW * 0.2f, head.Bottom + h * 0.07f), p);
                c.DrawOval(head, p);
                // ears
                c.DrawOval(new SKRect(head.Left - headW * 0.06f, head.MidY - headH * 0.08f, head.Left + headW * 0.08f, head.MidY + headH * 0.1f), p);
                c.DrawOval(new SKRect(head.Right - headW * 0.08f, head.MidY - headH * 0.08f, head.Right + headW * 0.06f, head.MidY + headH * 0.1f), p);
            }
            using (SKPaint p = Fill(hair))
            using (var hp = new SKPath())
            {
                float hairLen = 0.35f + 0.35f * (float)r.NextDouble();
                hp.MoveTo(head.Left - headW * 0.03f, head.Top + headH * hairLen);
                hp.CubicTo(head.Left - headW * 0.08f, head.Top - headH * 0.35f, head.Right + headW * 0.08f, head.Top - headH * 0.35f, head.Right + headW * 0.03f, head.Top + headH * hairLen);
                hp.QuadTo(head.MidX + headW * 0.2f, head.Top + headH * 0.12f, head.MidX - headW * 0.1f, head.Top + headH * 0.2f);
                hp.Close();
                c.DrawPath(hp, p);
            }
            SKColor feat = Shade(skin, 0.45f);
            using (SKPaint p = Fill(feat))
            {
                float ey = head.Top + headH * 0.47f, ew = headW * 0.1f;
                c.DrawOval(new SKRect(cx - headW * 0.22f - ew / 2, ey - ew * 0.3f, cx - headW * 0.22f + ew / 2, ey + ew * 0.3f), p);
                c.DrawOval(new SKRect(cx + headW * 0.22f - ew / 2, ey - ew * 0.3f, cx + headW * 0.22f + ew / 2, ey + ew * 0.3f), p);
            }
            using (SKPaint p = Stroke(feat, Math.Max(1.5f, headW * 0.025f)))
            {
                float ny = head.Top + headH * 0.62f, my = head.Top + headH * 0.77f;
                c.DrawLine(cx, head.Top + headH * 0.5f, cx - headW * 0.03f, ny, p);
                c.DrawLine(cx - headW * 0.14f, my, cx + headW * 0.14f, my, p);
            }
            c.Restore();
        }

        public static SKColor Shade(SKColor c, float k) =>
            new SKColor((byte)Math.Clamp(c.Red * k, 0, 255), (byte)Math.Clamp(c.Green * k, 0, 255), (byte)Math.Clamp(c.Blue * k, 0, 255), c.Alpha);

        public static SKColor Mix(SKColor a, SKColor b, float t) =>
            new SKColor((byte)(a.Red + (b.Red - a.Red) * t), (byte)(a.Green + (b.Green - a.Green) * t), (byte)(a.Blue + (b.Blue - a.Blue) * t), 255);

        public static SKColor Grey(SKColor c)
        {
            byte g = (byte)(0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue);
            return new SKColor(g, g, g, c.Alpha);
        }

        // SKColor.FromHsv takes saturation and value in 0..100.
        public static SKColor Hsv(float h, float s, float v) => SKColor.FromHsv(((h % 360) + 360) % 360, s * 100f, v * 100f);

        /// <summary>Guilloche-like security pattern: interleaved sine bands plus spirograph rosettes.</summary>
        public static void Guilloche(SKCanvas c, Random r, SKRect area, SKColor a, SKColor b, int bands, int rosettes, float alpha)
        {
            byte al = (byte)(255 * alpha);
            using SKPaint pa = Stroke(a.WithAlpha(al), 1.1f);
            using SKPaint pb = Stroke(b.WithAlpha(al), 1.1f);
            float amp = area.Height / bands * (1.2f + (float)r.NextDouble());
            float freq = (float)(2 * Math.PI / (area.Width / (2 + r.Next(4))));
            double ph = r.NextDouble() * 6;
            for (int i = 0; i < bands * 2; i++)
            {
                float y0 = area.Top + (i - 1) * area.Height / (bands * 2 - 2);
                using var path = new SKPath();
                for (float x = area.Left; x <= area.Right; x += 4)
                {
                    float y = y0 + amp * (float)Math.Sin(x * freq + ph + i * 0.35) * (float)Math.Cos(x * freq * 0.31 + i * 0.2);
                    if (x == area.Left) path.MoveTo(x, y); else path.LineTo(x, y);
                }
                c.DrawPath(path, (i % 2 == 0) ? pa : pb);
            }
            for (int k = 0; k < rosettes; k++)
            {
                float cx = area.Left + area.Width * (0.2f + 0.6f * (float)r.NextDouble());
                float cy = area.Top + area.Height * (0.25f + 0.5f * (float)r.NextDouble());
                float R = area.Height * (0.25f + 0.2f * (float)r.NextDouble());
                int n = 7 + r.Next(9);
                float rr = R / n, d = rr * (2 + (float)r.NextDouble() * 4);
                using var path = new SKPath();
                for (int s = 0; s <= 1600; s++)
                {
                    double t = s * 2 * Math.PI / 1600;
                    double x = (R - rr) * Math.Cos(t) + d * Math.Cos((R - rr) / rr * t);
                    double y = (R - rr) * Math.Sin(t) - d * Math.Sin((R - rr) / rr * t);
                    if (s == 0) path.MoveTo(cx + (float)x * 0.6f, cy + (float)y * 0.6f); else path.LineTo(cx + (float)x * 0.6f, cy + (float)y * 0.6f);
                }
                c.DrawPath(path, (k % 2 == 0) ? pb : pa);
            }
        }

        public static void Specimen(SKCanvas c, SKRect area, float angle, SKColor col, float relSize = 0.14f)
        {
            c.Save();
            c.RotateDegrees(angle, area.MidX, area.MidY);
            float size = Math.Min(Math.Min(area.Width, area.Height) * relSize * 2, FitSize("SPECIMEN", Fonts.SansBold, area.Width * 0.8f));
            using SKFont f = Font(Fonts.SansBold, size);
            using SKPaint p = Fill(col);
            c.DrawText("SPECIMEN", area.MidX, area.MidY + size * 0.35f, SKTextAlign.Center, f, p);
            c.Restore();
        }

        /// <summary>Luminance noise (same offset on all channels) of roughly the given sigma.</summary>
        public static void Noise(SKBitmap bmp, Random r, float sigma)
        {
            int n = bmp.Width * bmp.Height * 4;
            byte[] px = new byte[n];
            Marshal.Copy(bmp.GetPixels(), px, 0, n);
            for (int i = 0; i < n; i += 4)
            {
                // Irwin–Hall approximation of a normal deviate
                double g = r.NextDouble() + r.NextDouble() + r.NextDouble() + r.NextDouble() - 2.0;
                int d = (int)Math.Round(g * sigma * 1.73);
                px[i] = Clamp(px[i] + d);
                px[i + 1] = Clamp(px[i + 1] + d);
                px[i + 2] = Clamp(px[i + 2] + d);
            }
            Marshal.Copy(px, 0, bmp.GetPixels(), n);
        }

        private static byte Clamp(int v) => (byte)(v < 0 ? 0 : v > 255 ? 255 : v);

        public static SKBitmap NewBitmap(int w, int h) => new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));

        /// <summary>Draws an off-screen document image into the scene, rotated about its centre, optionally with a soft shadow.</summary>
        public static void Place(SKCanvas scene, SKImage doc, float cx, float cy, float angle, float scale, float shadow, float cornerRadius = 0)
        {
            float w = doc.Width * scale, h = doc.Height * scale;
            var rect = new SKRect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
            scene.Save();
            scene.RotateDegrees(angle, cx, cy);
            if (shadow > 0)
            {
                using var sp = new SKPaint { Color = new SKColor(0, 0, 0, 110), IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, shadow) };
                var sr = rect; sr.Offset(shadow * 0.6f, shadow * 0.9f);
                scene.DrawRoundRect(sr, cornerRadius * scale, cornerRadius * scale, sp);
            }
            using (var ip = new SKPaint { IsAntialias = true })
            {
                if (cornerRadius > 0)
                {
                    scene.ClipRoundRect(new SKRoundRect(rect, cornerRadius * scale), SKClipOperation.Intersect, true);
                }
                scene.DrawImage(doc, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), ip);
            }
            scene.Restore();
        }

        /// <summary>Uneven lighting: a soft bright spot and darker corners, as in a phone photo.</summary>
        public static void Lighting(SKCanvas c, Random r, int w, int h, float strength)
        {
            var centre = new SKPoint(w * (0.3f + 0.4f * (float)r.NextDouble()), h * (0.3f + 0.4f * (float)r.NextDouble()));
            using var p = new SKPaint { IsAntialias = true };
            p.Shader = SKShader.CreateRadialGradient(centre, Math.Max(w, h) * 0.85f,
                new[] { new SKColor(255, 255, 240, (byte)(40 * strength)), new SKColor(0, 0, 0, 0), new SKColor(0, 0, 0, (byte)(90 * strength)) },
                new[] { 0f, 0.55f, 1f }, SKShaderTileMode.Clamp);
            c.DrawRect(new SKRect(0, 0, w, h), p);
        }

        public static byte[] Jpeg(SKBitmap bmp, int quality = 85)
        {
            using SKPixmap pm = bmp.PeekPixels();
            using SKData d = pm.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
            return d.ToArray();
        }

        public static byte[] PngRgb(SKBitmap bmp)
        {
            // Drop alpha (the scene is opaque) so the PNG is RGB, not RGBA.
            using var opaque = new SKBitmap(new SKImageInfo(bmp.Width, bmp.Height, SKColorType.Rgb888x, SKAlphaType.Opaque));
            using SKPixmap src = bmp.PeekPixels();
            using SKPixmap pm = opaque.PeekPixels();
            src.ReadPixels(pm);
            using SKData d = pm.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
            return d.ToArray();
        }

        public static byte[] PngGrey(SKBitmap bmp)
        {
            int w = bmp.Width, h = bmp.Height, n = w * h;
            byte[] px = new byte[n * 4];
            Marshal.Copy(bmp.GetPixels(), px, 0, n * 4);
            byte[] g = new byte[n];
            for (int i = 0; i < n; i++)
                g[i] = (byte)((px[4 * i] * 299 + px[4 * i + 1] * 587 + px[4 * i + 2] * 114 + 500) / 1000);
            using var grey = new SKBitmap(new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque));
            Marshal.Copy(g, 0, grey.GetPixels(), n);
            using SKPixmap pm = grey.PeekPixels();
            using SKData d = pm.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
            return d.ToArray();
        }
    }
}
