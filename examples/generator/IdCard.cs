using System;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>ID-1 (85.6 × 54 mm) identity card, photographed on a desk or scanned on a flat bed.</summary>
    internal static class IdCard
    {
        /// <param name="n">1-based file number; alternates the scene type so every kind shows both.</param>
        public static byte[] Make(Random r, int n)
        {
            var fake = new Fake(r);
            const int W = 1000, H = 631; // 85.6 : 54
            float hue = (float)(r.NextDouble() * 360);
            SKColor baseCol = Gfx.Hsv(hue, 0.10f + 0.08f * (float)r.NextDouble(), 0.97f);
            SKColor ink1 = Gfx.Hsv(hue + 20, 0.45f, 0.75f), ink2 = Gfx.Hsv(hue + 160, 0.35f, 0.80f);
            SKColor accent = Gfx.Hsv(hue + 200 + r.Next(-20, 20), 0.65f, 0.55f);

            using var surf = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
            SKCanvas c = surf.Canvas;
            using (var bg = new SKPaint())
            {
                bg.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(W, H),
                    new[] { baseCol, Gfx.Hsv(hue + 40, 0.18f, 0.95f), baseCol }, SKShaderTileMode.Clamp);
                c.DrawRect(new SKRect(0, 0, W, H), bg);
            }
            Gfx.Guilloche(c, r, new SKRect(0, 0, W, H), ink1, ink2, 14 + r.Next(10), 2 + r.Next(2), 0.35f);

            // header band
            float band = 86 + r.Next(20);
            using (SKPaint p = Gfx.Fill(accent.WithAlpha(225))) c.DrawRect(new SKRect(0, 0, W, band), p);
            bool bilingual = r.Next(2) == 0;
            Gfx.Text(c, "REPUBLIC OF UTOPIA", 40, band * 0.45f, Fonts.SansBold, 30, SKColors.White);
            Gfx.Text(c, bilingual ? "IDENTITY CARD  /  CARTE D'IDENTITÉ" : "NATIONAL IDENTITY CARD", 40, band * 0.82f, Fonts.Sans, 21, SKColors.White);
            // emblem: concentric rings at the right of the band
            float ex = W - 70, ey = band / 2;
            using (SKPaint p = Gfx.Stroke(SKColors.White.WithAlpha(220), 3)) { c.DrawCircle(ex, ey, band * 0.36f, p); c.DrawCircle(ex, ey, band * 0.22f, p); }
            Gfx.Text(c, "UTO", ex, ey + 7, Fonts.SansBold, 18, SKColors.White, SKTextAlign.Center);

            // portrait on the left (position varies a little)
            float px = 34 + r.Next(16), py = band + 26 + r.Next(12);
            float pw = 250 + r.Next(30), ph = pw * 1.28f;
            if (py + ph > H - 70) ph = H - 70 - py;
            var photo = new SKRect(px, py, px + pw, py + ph);
            SKColor photoBg = Gfx.Hsv(hue + r.Next(120, 240), 0.25f, 0.90f);
            Gfx.Portrait(c, r, photo, photoBg, false);
            using (SKPaint p = Gfx.Stroke(Gfx.Shade(accent, 0.8f), 2)) c.DrawRect(photo, p);
            Gfx.Signature(c, r, new SKRect(px + 10, photo.Bottom + 8, px + pw - 20, H - 14), new SKColor(20, 30, 90), 2.6f);

            // fields
            string surname = fake.Surname().ToUpperInvariant();
            string given = fake.GivenName() + (r.Next(2) == 0 ? " " + fake.GivenName() : "");
            DateTime dob = fake.Date(1950, 2004);
            DateTime exp = fake.Date(2027, 2035);
            float fx = photo.Right + 40, fy = band + 50;
            float lineH = 66 + r.Next(8);
            SKColor label = Gfx.Shade(accent, 0.9f), value = new SKColor(25, 25, 30);
            void Field(string l, string v, float x, float y, float size = 30)
            {
                Gfx.Text(c, l, x, y, Fonts.Cond, 17, label);
                Gfx.Text(c, v, x, y + 34, Fonts.SansBold, size, value);
            }
            Field("Surname / Nom", surname, fx, fy, 34);
            Field("Given names / Prénoms", given.ToUpperInvariant(), fx, fy + lineH);
            Field("Date of birth", Fake.CardDate(dob), fx, fy + 2 * lineH);
            Field("Sex", r.Next(2) == 0 ? "F" : "M", fx + 270, fy + 2 * lineH);
            Field("Nationality", "UTO", fx + 370, fy + 2 * lineH);
            Field("Date of expiry", Fake.CardDate(exp), fx, fy + 3 * lineH);
            Field("Place of birth", fake.Town().ToUpperInvariant(), fx + 270, fy + 3 * lineH, 26);

            // card number, top right under the band or at the bottom right
            string number = fake.Alnum(3) + fake.Digits(6);
            bool chip = r.Next(2) == 0;
            bool numTop = !chip && r.Next(2) == 0; // the chip sits where a top number would go
            Gfx.Text(c, number, W - 36, numTop ? band + 44 : H - 30, Fonts.MonoBold, 34, new SKColor(170, 30, 40), SKTextAlign.Right);

            // ghost portrait (small faded copy) or contact chip
            if (!chip)
            {
                var ghost = new SKRect(W - 160, H - 230, W - 60, H - 100);
                c.SaveLayer(new SKPaint { Color = SKColors.White.WithAlpha(80) });
                Gfx.Portrait(c, new Random(r.Next()), ghost, Gfx.Hsv(hue, 0.1f, 0.95f), true);
                c.Restore();
            }
            else
            {
                var chipRect = new SKRect(fx + 330, fy - 40, fx + 420, fy + 28);
                using (SKPaint p = Gfx.Fill(new SKColor(212, 175, 90))) c.DrawRoundRect(chipRect, 10, 10, p);
                using (SKPaint p = Gfx.Stroke(new SKColor(150, 115, 50), 2))
                {
                    c.DrawLine(chipRect.Left, chipRect.MidY, chipRect.Right, chipRect.MidY, p);
                    c.DrawLine(chipRect.MidX, chipRect.Top, chipRect.MidX, chipRect.Bottom, p);
                    c.DrawRoundRect(new SKRect(chipRect.MidX - 18, chipRect.MidY - 14, chipRect.MidX + 18, chipRect.MidY + 14), 5, 5, p);
                }
            }
            Gfx.Specimen(c, new SKRect(fx - 40, band, W, H), -14 + r.Next(-4, 5), new SKColor(200, 20, 30, 95), 0.16f);

            using SKImage card = surf.Snapshot();

            // the scene: either a phone photo on a desk, or a flat-bed scan
            bool desk = n % 2 == 1;
            int SW = desk ? 1280 : 1200, SH = desk ? 900 : 820;
            using SKBitmap scene = Gfx.NewBitmap(SW, SH);
            using (var sc = new SKCanvas(scene))
            {
                if (desk)
                {
                    SKColor[] desks = { new SKColor(120, 84, 52), new SKColor(70, 72, 78), new SKColor(176, 150, 118), new SKColor(46, 58, 52) };
                    SKColor d = desks[r.Next(desks.Length)];
                    sc.Clear(d);
                    // wood grain / fabric streaks
                    for (int i = 0; i < 60; i++)
                    {
                        float y = (float)r.NextDouble() * SH;
                        using SKPaint p = Gfx.Stroke(Gfx.Shade(d, 0.8f + 0.4f * (float)r.NextDouble()).WithAlpha(90), 1 + r.Next(4));
                        using var path = new SKPath();
                        path.MoveTo(0, y);
                        path.CubicTo(SW * 0.3f, y + r.Next(-25, 25), SW * 0.6f, y + r.Next(-25, 25), SW, y + r.Next(-25, 25));
                        sc.DrawPath(path, p);
                    }
                    float angle = (float)(r.NextDouble() * 12 - 6);
                    float scale = 0.78f + 0.12f * (float)r.NextDouble();
                    Gfx.Place(sc, card, SW / 2f + r.Next(-60, 60), SH / 2f + r.Next(-40, 40), angle, scale, 14, 38);
                    Gfx.Lighting(sc, r, SW, SH, 1f);
                }
                else
                {
                    sc.Clear(new SKColor(236, 236, 232));
                    float scale = 0.95f;
                    float angle = (float)(r.NextDouble() * 2 - 1);
                    Gfx.Place(sc, card, 40 + W * scale / 2 + r.Next(0, 40), 40 + H * scale / 2 + r.Next(0, 40), angle, scale, 3, 38);
                }
            }
            Gfx.Noise(scene, r, desk ? 3f : 1.5f);
            return Gfx.Jpeg(scene);
        }
    }
}
