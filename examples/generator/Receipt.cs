using System;
using System.Collections.Generic;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>Narrow thermal shop receipt (80 mm roll), on a dark surface or cropped tight.</summary>
    internal static class Receipt
    {
        private static readonly string[] Shops = { "CORNER MART", "FRESHWAY GROCER", "HALDEN HARDWARE", "CAFE SPECIMEN", "OSTWICK PHARMACY", "PAGE & QUILL BOOKS" };

        private static readonly string[] Items =
        {
            "MILK 1L", "BREAD WHOLEMEAL", "APPLES 1KG", "COFFEE BEANS 250G", "EGGS FREE RANGE 6", "PASTA 500G", "TOMATOES TIN",
            "CHEDDAR 200G", "BANANAS", "ORANGE JUICE", "SCREWS 4X30 100PC", "WOOD GLUE", "LATTE LARGE", "CROISSANT", "PAPER TOWELS",
            "TOOTHPASTE", "NOTEBOOK A5", "BATTERIES AA 4PK", "RICE 1KG", "OLIVE OIL 500ML", "DISH SOAP", "TEA 80 BAGS",
        };

        /// <param name="n">1-based file number; alternates the scene type so every kind shows both.</param>
        public static byte[] Make(Random r, int n)
        {
            var fake = new Fake(r);
            const int W = 400; // 80 mm at ~127 dpi
            const int cols = 32; // characters per line
            int items = 6 + r.Next(9);
            float fs = Gfx.FitSize(new string('0', cols), Fonts.Mono, W - 40);
            float lh = fs * 1.35f;
            int H = 2000; // cut to length once the content is drawn
            SKColor paper = new SKColor((byte)(236 + r.Next(8)), (byte)(235 + r.Next(8)), (byte)(228 + r.Next(8)));
            SKColor ink = new SKColor(45, 45, (byte)(50 + r.Next(20)), (byte)(215 + r.Next(40))); // thermal print is never quite black

            using var surf = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
            SKCanvas c = surf.Canvas;
            using (var p = new SKPaint())
            {
                p.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(W, 0),
                    new[] { Gfx.Shade(paper, 0.93f), paper, paper, Gfx.Shade(paper, 0.95f) }, new[] { 0f, 0.15f, 0.85f, 1f }, SKShaderTileMode.Clamp);
                c.DrawRect(new SKRect(0, 0, W, H), p);
            }
            float x0 = 20, x1 = W - 20, y = 50;
            void Line(string s, SKTextAlign a = SKTextAlign.Left, bool b = false, float scale = 1f)
            {
                float x = a == SKTextAlign.Left ? x0 : a == SKTextAlign.Right ? x1 : W / 2f;
                Gfx.Text(c, s, x, y, b ? Fonts.MonoBold : Fonts.Mono, fs * scale, ink, a);
                y += lh * scale;
            }
            void LR(string left, string right, bool b = false)
            {
                Gfx.Text(c, left, x0, y, b ? Fonts.MonoBold : Fonts.Mono, fs, ink);
                Gfx.Text(c, right, x1, y, b ? Fonts.MonoBold : Fonts.Mono, fs, ink, SKTextAlign.Right);
                y += lh;
            }
            void Dashes(char ch = '-') => Line(new string(ch, cols));

            string shop = Shops[r.Next(Shops.Length)];
            y += 8;
            Line(shop, SKTextAlign.Center, true, 1.5f);
            Line(fake.Street().ToUpperInvariant(), SKTextAlign.Center);
            Line(fake.Town().ToUpperInvariant(), SKTextAlign.Center);
            Line("TEL 0100 " + fake.Digits(6) + "  VAT UT" + fake.Digits(5), SKTextAlign.Center);
            Dashes(r.Next(2) == 0 ? '-' : '=');
            DateTime d = fake.Date(2023, 2025).AddMinutes(8 * 60 + r.Next(12 * 60));
            LR(d.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), "TILL " + (1 + r.Next(6)));
            LR("CASHIER " + fake.GivenName().ToUpperInvariant(), "#" + fake.Digits(5));
            Dashes();
            decimal total = 0;
            var used = new List<int>();
            for (int i = 0; i < items; i++)
            {
                int k; do k = r.Next(Items.Length); while (used.Contains(k));
                used.Add(k);
                decimal price = Math.Round((decimal)(0.4 + r.NextDouble() * 9), 2);
                int q = r.Next(5) == 0 ? 2 + r.Next(3) : 1;
                string name = q > 1 ? q + " X " + Items[k] : Items[k];
                total += price * q;
                LR(name.Length > 22 ? name.Substring(0, 22) : name, Fake.Money(price * q));
            }
            Dashes();
            LR("SUBTOTAL", Fake.Money(total));
            decimal vat = Math.Round(total / 6m, 2);
            LR("INCL. VAT 20%", Fake.Money(vat));
            y += 6;
            Gfx.Text(c, "TOTAL", x0, y + lh * 0.4f, Fonts.MonoBold, fs * 1.6f, ink);
            Gfx.Text(c, Fake.Money(total), x1, y + lh * 0.4f, Fonts.MonoBold, fs * 1.6f, ink, SKTextAlign.Right);
            y += lh * 1.9f;
            bool cash = r.Next(2) == 0;
            if (cash)
            {
                decimal given = Math.Ceiling(total / 10m) * 10m;
                LR("CASH", Fake.Money(given));
                LR("CHANGE", Fake.Money(given - total));
            }
            else
            {
                LR("CARD  **** **** **** " + fake.Digits(4), Fake.Money(total));
                LR("AUTH CODE", fake.Alnum(6));
                Line("CONTACTLESS - APPROVED");
            }
            Dashes('=');
            Line("THANK YOU FOR SHOPPING!", SKTextAlign.Center, true);
            Line("SPECIMEN - NOT A VALID RECEIPT", SKTextAlign.Center);
            y += 10;

            // barcode-like block
            float bx = 50, bw = W - 100, bh = 70;
            using (SKPaint p = Gfx.Fill(ink))
            {
                float x = bx;
                while (x < bx + bw)
                {
                    float w = 1.5f + r.Next(4) * 1.5f;
                    c.DrawRect(new SKRect(x, y, Math.Min(x + w, bx + bw), y + bh), p);
                    x += w + 1.5f + r.Next(3) * 1.5f;
                }
            }
            y += bh + lh;
            Line(fake.Digits(13), SKTextAlign.Center);

            H = (int)(y + 20);
            // thermal fade streak
            using (SKPaint p = Gfx.Fill(paper.WithAlpha(70))) c.DrawRect(new SKRect(W * (0.2f + 0.5f * (float)r.NextDouble()), 0, W * 0.8f, H), p);
            // torn bottom edge
            using (var tear = new SKPath())
            {
                tear.MoveTo(0, H);
                for (int x = 0; x <= W; x += 8) tear.LineTo(x, H - 4 - r.Next(6));
                tear.LineTo(W, H);
                tear.Close();
                using SKPaint clear = new SKPaint { BlendMode = SKBlendMode.Clear, IsAntialias = true };
                c.DrawPath(tear, clear);
            }

            using SKImage slip = surf.Snapshot(new SKRectI(0, 0, W, H));
            bool tight = n % 2 == 0;
            int SW, SH;
            float scale = 1f;
            if (tight) { SW = W + 16; SH = H + 16; }
            else { SW = W + 200; SH = H + 120; }
            // keep the long side within 1100–1400 px whatever the number of items
            int target = Math.Clamp(SH, 1100, 1400);
            if (target != SH) { scale = (float)target / SH; SW = (int)(SW * scale); SH = target; }
            using SKBitmap scene = Gfx.NewBitmap(SW, SH);
            using (var sc = new SKCanvas(scene))
            {
                if (tight)
                {
                    sc.Clear(Gfx.Shade(paper, 0.85f));
                    Gfx.Place(sc, slip, SW / 2f, SH / 2f, (float)(r.NextDouble() * 0.8 - 0.4), scale, 0);
                }
                else
                {
                    SKColor[] surfaces = { new SKColor(52, 40, 32), new SKColor(35, 38, 44), new SKColor(70, 50, 40) };
                    sc.Clear(surfaces[r.Next(surfaces.Length)]);
                    Gfx.Place(sc, slip, SW / 2f + r.Next(-20, 20), SH / 2f, (float)(r.NextDouble() * 5 - 2.5), scale * 0.96f, 10);
                    Gfx.Lighting(sc, r, SW, SH, 0.8f);
                }
            }
            Gfx.Noise(scene, r, 3f);
            return Gfx.Jpeg(scene);
        }
    }
}
