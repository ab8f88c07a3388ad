using System;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>ID-3 (125 × 88 mm) passport data page with a TD3 machine readable zone, scanned.</summary>
    internal static class Passport
    {
        /// <param name="n">1-based file number; alternates the scene type so every kind shows both.</param>
        public static byte[] Make(Random r, int n)
        {
            var fake = new Fake(r);
            const int W = 1136, H = 800; // 125 : 88
            float hue = (float)(r.NextDouble() * 360);
            SKColor paper = Gfx.Hsv(hue, 0.06f + 0.05f * (float)r.NextDouble(), 0.98f);
            SKColor ink1 = Gfx.Hsv(hue + 30, 0.30f, 0.80f), ink2 = Gfx.Hsv(hue - 50, 0.25f, 0.85f);
            SKColor dark = Gfx.Hsv(hue + 180, 0.55f, 0.40f);

            using var surf = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
            SKCanvas c = surf.Canvas;
            c.Clear(paper);
            float mrzTop = H - 170;
            Gfx.Guilloche(c, r, new SKRect(0, 0, W, mrzTop), ink1, ink2, 22 + r.Next(8), 1 + r.Next(2), 0.22f);

            // header
            Gfx.Text(c, "UTOPIA", 44, 58, Fonts.SerifBold, 38, dark);
            Gfx.Text(c, "PASSPORT  ·  PASSEPORT", W / 2f + r.Next(-40, 40), 58, Fonts.Sans, 26, dark, SKTextAlign.Center);
            using (SKPaint p = Gfx.Stroke(dark.WithAlpha(160), 1.5f)) c.DrawLine(40, 76, W - 40, 76, p);

            // portrait (greyscale for older issues, colour otherwise)
            float pw = 300 + r.Next(40), ph = pw * 1.3f;
            var photo = new SKRect(44, 100, 44 + pw, 100 + ph);
            if (photo.Bottom > mrzTop - 20) photo.Bottom = mrzTop - 20;
            Gfx.Portrait(c, r, photo, Gfx.Hsv(hue + 200, 0.12f, 0.92f), r.Next(3) == 0);

            string surname = fake.Surname().ToUpperInvariant();
            string given = fake.GivenName().ToUpperInvariant() + (r.Next(2) == 0 ? " " + fake.GivenName().ToUpperInvariant() : "");
            char sex = r.Next(2) == 0 ? 'F' : 'M';
            DateTime dob = fake.Date(1950, 2005);
            DateTime issue = fake.Date(2018, 2025);
            DateTime expiry = issue.AddYears(10).AddDays(-1);
            string number = fake.Alnum(2) + fake.Digits(7);
            string personal = r.Next(2) == 0 ? fake.Alnum(2) + fake.Digits(7) : "";

            float fx = photo.Right + 36, fy = 112, lh = 74;
            float col2 = fx + 300 + r.Next(0, 30);
            SKColor lab = Gfx.Shade(dark, 1.1f), val = new SKColor(20, 20, 28);
            void Field(string l, string v, float x, float y)
            {
                Gfx.Text(c, l, x, y, Fonts.SansOblique, 15, lab);
                Gfx.Text(c, v, x, y + 30, Fonts.SansBold, 25, val);
            }
            Field("Type / Type", "P", fx, fy);
            Field("Code / Code", "UTO", fx + 150, fy);
            Field("Passport No. / Passeport n°", number, col2, fy);
            Field("Surname / Nom", surname, fx, fy + lh);
            Field("Given names / Prénoms", given, fx, fy + 2 * lh);
            Field("Nationality / Nationalité", "UTOPIAN", fx, fy + 3 * lh);
            Field("Date of birth / Date de naissance", Fake.PassportDate(dob), fx, fy + 4 * lh);
            Field("Sex / Sexe", sex.ToString(), col2, fy + 3 * lh);
            Field("Place of birth / Lieu de naissance", fake.Town().ToUpperInvariant(), col2, fy + 4 * lh);
            Field("Date of issue / Date de délivrance", Fake.PassportDate(issue), fx, fy + 5 * lh);
            Field("Date of expiry / Date d'expiration", Fake.PassportDate(expiry), col2, fy + 5 * lh);
            Gfx.Signature(c, r, new SKRect(col2 + 20, fy + 6 * lh - 34, col2 + 220, fy + 6 * lh + 6), new SKColor(25, 25, 60), 2.2f);
            Gfx.Specimen(c, new SKRect(0, 80, W, mrzTop), -12 + r.Next(-5, 6), new SKColor(200, 20, 30, 80), 0.15f);

            // MRZ: clear band, two lines of 44 characters in a monospace face
            string[] mrz = Mrz.Td3("UTO", surname, given, number, "UTO", dob, sex, expiry, personal);
            using (SKPaint p = Gfx.Fill(Gfx.Mix(paper, SKColors.White, 0.7f))) c.DrawRect(new SKRect(0, mrzTop, W, H), p);
            float mrzWidth = W * 0.90f;
            float size = Gfx.FitSize(mrz[0], Fonts.MonoBold, mrzWidth);
            float mx = (W - mrzWidth) / 2 + r.Next(-6, 6);
            Gfx.Text(c, mrz[0], mx, mrzTop + 70, Fonts.MonoBold, size, new SKColor(15, 15, 20));
            Gfx.Text(c, mrz[1], mx, mrzTop + 132, Fonts.MonoBold, size, new SKColor(15, 15, 20));

            using SKImage page = surf.Snapshot();
            const int SW = 1260, SH = 920;
            using SKBitmap scene = Gfx.NewBitmap(SW, SH);
            using (var sc = new SKCanvas(scene))
            {
                sc.Clear(n % 2 == 0 ? new SKColor(245, 245, 243) : new SKColor(60, 62, 66)); // scanner lid open or closed
                // the booklet cover edge shows around the page
                SKColor cover = Gfx.Hsv(r.Next(2) == 0 ? 350 : 220, 0.6f, 0.30f);
                float angle = (float)(r.NextDouble() * 3 - 1.5);
                float cx = SW / 2f + r.Next(-30, 30), cy = SH / 2f + r.Next(-20, 20);
                sc.Save();
                sc.RotateDegrees(angle, cx, cy);
                using (SKPaint p = Gfx.Fill(cover)) sc.DrawRoundRect(new SKRect(cx - W / 2f - 14, cy - H / 2f - 14, cx + W / 2f + 14, cy + H / 2f + 14), 16, 16, p);
                sc.Restore();
                Gfx.Place(sc, page, cx, cy, angle, 1f, 0, 6);
            }
            Gfx.Noise(scene, r, 2.5f);
            return Gfx.Jpeg(scene);
        }
    }
}
