using System;
using System.Collections.Generic;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>A4 utility bill / invoice: letterhead, address window, ruled item table, totals, footer.</summary>
    internal static class Bill
    {
        private sealed record Firm(string Name, string Tagline, string Title, string Unit, string[] Items);

        // Utility firms bill metered quantities (Unit != null); the others sell goods by the piece.
        private static readonly Firm[] Firms =
        {
            new("Utopia Municipal Water", "Water & wastewater services", "Water bill", "m³",
                new[] { "Standing charge", "Fresh water supply", "Wastewater treatment", "Surface water drainage", "Meter rental", "Environmental levy" }),
            new("Oakhollow Office Supplies", "Stationery and furniture", "INVOICE", null,
                new[] { "A4 copy paper, 80 g/m², box of 5 reams", "Ballpoint pens, blue, pack of 50", "Lever arch files, assorted", "Desk lamp, LED",
                        "Toner cartridge, black", "Sticky notes 76x76", "Ergonomic office chair", "Whiteboard markers, set of 8", "Document trays, stackable",
                        "Envelopes C5, window, box of 500" }),
            new("Aurelian Power & Light", "Electricity for every home", "Electricity bill", "kWh",
                new[] { "Standing charge", "Consumption day rate", "Consumption night rate", "Meter rental", "Network levy", "Green energy surcharge", "Service fee" }),
            new("Brightmoor Print Works", "Design, print, finishing", "INVOICE", null,
                new[] { "Business cards, 500 pcs", "Flyers A5, 2,000 pcs", "Poster A2, matt", "Binding, per copy", "Artwork and design, per hour",
                        "Brochure A4, 16 pages, 250 pcs", "Letterheads, 1,000 pcs", "Proof prints", "Delivery" }),
            new("Marrowick Gas Supply", "Natural gas and heating", "Gas bill", "kWh",
                new[] { "Standing charge", "Gas consumption", "Boiler cover", "Meter rental", "Network levy", "Carbon levy" }),
            new("Quillfeather Telecom", "Broadband · Mobile · Landline", "Your monthly bill", "min",
                new[] { "Line rental", "Broadband 500 Mbit/s", "Calls to landlines", "Calls to mobiles", "International calls", "Router rental", "Service fee" }),
        };

        public static byte[] Make(Random r, int n)
        {
            var fake = new Fake(r);
            const int W = 919, H = 1300;
            var firm = Firms[(n - 1) % Firms.Length]; // one firm per file: utilities and invoices alternate
            bool utility = firm.Unit != null;
            float hue = (float)(r.NextDouble() * 360);
            SKColor accent = Gfx.Hsv(hue, 0.70f, 0.55f + 0.2f * (float)r.NextDouble());
            SKColor ink = new SKColor(25, 25, 25), grey = new SKColor(100, 100, 100);
            float margin = 60 + r.Next(20);

            using var surf = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
            SKCanvas c = surf.Canvas;
            c.Clear(SKColors.White);

            // letterhead: logo block + firm name; logo left or right
            bool logoLeft = r.Next(2) == 0;
            float logo = 70;
            float lx = logoLeft ? margin : W - margin - logo;
            string initials = string.Concat(Array.ConvertAll(firm.Name.Split(' '), w => w.Length > 0 && char.IsUpper(w[0]) ? w[0].ToString() : "")).Substring(0, 2);
            using (SKPaint p = Gfx.Fill(accent))
            {
                if (r.Next(2) == 0) c.DrawRoundRect(new SKRect(lx, 44, lx + logo, 44 + logo), 12, 12, p);
                else c.DrawCircle(lx + logo / 2, 44 + logo / 2, logo / 2, p);
            }
            Gfx.Text(c, initials, lx + logo / 2, 44 + logo / 2 + 12, Fonts.SansBold, 32, SKColors.White, SKTextAlign.Center);
            float nx = logoLeft ? lx + logo + 18 : margin;
            Gfx.Text(c, firm.Name, nx, 78, Fonts.SansBold, 26, ink);
            Gfx.Text(c, firm.Tagline, nx, 104, Fonts.Sans, 14, accent);
            using (SKPaint p = Gfx.Fill(accent)) c.DrawRect(new SKRect(margin, 132, W - margin, 135), p);

            // sender line + address window
            string street = fake.Street(), town = fake.Town();
            Gfx.Text(c, firm.Name + " · " + street + " · " + town, margin, 180, Fonts.Sans, 10, grey);
            using (SKPaint p = Gfx.Stroke(new SKColor(190, 190, 190), 0.8f)) c.DrawLine(margin, 184, margin + 330, 184, p);
            string cust = (r.Next(2) == 0 ? "Ms " : "Mr ") + fake.GivenName() + " " + fake.Surname();
            string[] addr = { cust, fake.Street(), fake.Postcode() + "  " + fake.Town().ToUpperInvariant(), "UTOPIA" };
            for (int i = 0; i < addr.Length; i++) Gfx.Text(c, addr[i], margin, 212 + i * 22, Fonts.Sans, 16, ink);

            // info box right
            DateTime date = fake.Date(2023, 2025);
            string[,] info =
            {
                { utility ? "Account no." : "Customer no.", fake.Digits(8) },
                { "Invoice no.", fake.Alnum(3) + "-" + fake.Digits(6) },
                { "Invoice date", Fake.CardDate(date) },
                { "Due date", Fake.CardDate(date.AddDays(14 + 7 * r.Next(3))) },
                { utility ? "Billing period" : "Order ref.", utility ? Fake.CardDate(date.AddMonths(-1)) + " – " + Fake.CardDate(date.AddDays(-1)) : fake.Alnum(6) },
            };
            float ix = W - margin - 290;
            for (int i = 0; i < info.GetLength(0); i++)
            {
                Gfx.Text(c, info[i, 0], ix, 212 + i * 21, Fonts.Sans, 13, grey);
                Gfx.Text(c, info[i, 1], W - margin, 212 + i * 21, Fonts.SansBold, 13, ink, SKTextAlign.Right);
            }

            float y = 350 + r.Next(0, 20);
            Gfx.Text(c, firm.Title, margin, y, Fonts.SansBold, 30, accent);
            y += 30;
            Gfx.Text(c, utility ? "Thank you for being our customer. Here is a summary of your charges for the period." : "We thank you for your order and invoice the following items:", margin, y, Fonts.Sans, 13, ink);
            y += 30;

            // item table with ruled lines
            float[] colX = { margin, W - margin - 380, W - margin - 250, W - margin - 120, W - margin };
            string[] heads = { "Description", "Qty", "Unit price", "Amount" };
            bool fullGrid = r.Next(2) == 0, zebra = !fullGrid && r.Next(2) == 0;
            float rowH = 30 + r.Next(6);
            using (SKPaint p = Gfx.Fill(accent)) c.DrawRect(new SKRect(colX[0], y, colX[4], y + rowH), p);
            for (int k = 0; k < 4; k++)
                Gfx.Text(c, heads[k], k == 0 ? colX[0] + 8 : colX[k + 1] - 8, y + rowH * 0.68f, Fonts.SansBold, 14, SKColors.White, k == 0 ? SKTextAlign.Left : SKTextAlign.Right);
            float tableTop = y;
            y += rowH;
            string[] pool = firm.Items;
            int rows = Math.Min(pool.Length, 4 + r.Next(utility ? 4 : 7));
            var used = new List<int>();
            decimal subtotal = 0;
            using SKPaint rule = Gfx.Stroke(new SKColor(150, 150, 150), 1);
            for (int i = 0; i < rows; i++)
            {
                int idx;
                do idx = r.Next(pool.Length); while (used.Contains(idx));
                used.Add(idx);
                decimal qty = utility ? Math.Round((decimal)(r.NextDouble() * 400), 1) : 1 + r.Next(12);
                decimal unit = utility ? Math.Round((decimal)(0.05 + r.NextDouble() * 0.4), 3) : Math.Round((decimal)(2 + r.NextDouble() * 180), 2);
                if (utility && (pool[idx].Contains("charge") || pool[idx].Contains("rental") || pool[idx].Contains("fee") || pool[idx].Contains("levy") || pool[idx].Contains("cover") || pool[idx].Contains("Broadband"))) { qty = 1; unit = Math.Round((decimal)(5 + r.NextDouble() * 30), 2); }
                decimal amount = Math.Round(qty * unit, 2);
                subtotal += amount;
                if (zebra && i % 2 == 1) using (SKPaint p = Gfx.Fill(Gfx.Mix(accent, SKColors.White, 0.9f))) c.DrawRect(new SKRect(colX[0], y, colX[4], y + rowH), p);
                Gfx.Text(c, pool[idx], colX[0] + 8, y + rowH * 0.66f, Fonts.Sans, 14, ink);
                Gfx.Text(c, qty.ToString(System.Globalization.CultureInfo.InvariantCulture) + (utility && qty != 1 ? " " + firm.Unit : ""), colX[2] - 8, y + rowH * 0.66f, Fonts.Sans, 14, ink, SKTextAlign.Right);
                Gfx.Text(c, unit.ToString(System.Globalization.CultureInfo.InvariantCulture), colX[3] - 8, y + rowH * 0.66f, Fonts.Sans, 14, ink, SKTextAlign.Right);
                Gfx.Text(c, Fake.Money(amount), colX[4] - 8, y + rowH * 0.66f, Fonts.Sans, 14, ink, SKTextAlign.Right);
                y += rowH;
                c.DrawLine(colX[0], y, colX[4], y, rule);
            }
            if (fullGrid)
            {
                c.DrawRect(new SKRect(colX[0], tableTop, colX[4], y), rule);
                for (int k = 2; k < 4; k++) c.DrawLine(colX[k], tableTop, colX[k], y, rule);
                c.DrawLine(colX[1] + 10, tableTop, colX[1] + 10, y, rule);
            }

            // totals
            decimal vat = Math.Round(subtotal * (utility ? 0.05m : 0.20m), 2);
            y += 34;
            float tx = W - margin - 300;
            Gfx.Text(c, "Subtotal", tx, y, Fonts.Sans, 15, ink); Gfx.Text(c, Fake.Money(subtotal), W - margin - 8, y, Fonts.Sans, 15, ink, SKTextAlign.Right);
            y += 26;
            Gfx.Text(c, utility ? "VAT 5 %" : "VAT 20 %", tx, y, Fonts.Sans, 15, ink); Gfx.Text(c, Fake.Money(vat), W - margin - 8, y, Fonts.Sans, 15, ink, SKTextAlign.Right);
            y += 14;
            using (SKPaint p = Gfx.Fill(Gfx.Mix(accent, SKColors.White, 0.82f))) c.DrawRect(new SKRect(tx - 10, y, W - margin, y + 40), p);
            Gfx.Text(c, "Total due (UTD)", tx, y + 27, Fonts.SansBold, 17, ink);
            Gfx.Text(c, Fake.Money(subtotal + vat), W - margin - 8, y + 27, Fonts.SansBold, 17, ink, SKTextAlign.Right);
            y += 80;

            // a consumption chart on some utility bills, otherwise payment terms text
            if (utility && r.Next(2) == 0 && y < H - 330)
            {
                Gfx.Text(c, "Your consumption, last 12 months", margin, y, Fonts.SansBold, 14, ink);
                float baseY = y + 130, bw = 26;
                using SKPaint bar = Gfx.Fill(Gfx.Mix(accent, SKColors.White, 0.35f));
                for (int m = 0; m < 12; m++)
                {
                    float bh = 30 + (float)r.NextDouble() * 85;
                    c.DrawRect(new SKRect(margin + m * (bw + 8), baseY - bh, margin + m * (bw + 8) + bw, baseY), bar);
                }
                c.DrawLine(margin, baseY, margin + 12 * (bw + 8), baseY, rule);
                y = baseY + 40;
            }
            string terms = "Please pay the total amount by the due date quoting your " + (utility ? "account" : "invoice") +
                " number. Payments received after the due date may incur a late fee. If you have questions about this " +
                (utility ? "bill, call our customer service line on 0800 000 000 (free of charge)." : "invoice, contact our accounts team.");
            Gfx.Justified(c, terms, margin, y, W - 2 * margin, Fonts.Sans, 13, 19, grey);

            // footer
            float fy = H - 70;
            using (SKPaint p = Gfx.Stroke(accent, 1.5f)) c.DrawLine(margin, fy, W - margin, fy, p);
            Gfx.Text(c, firm.Name + " · " + street + " · " + town + " · Reg. no. UT-" + fake.Digits(6), margin, fy + 20, Fonts.Sans, 11, grey);
            Gfx.Text(c, "IBAN UT00 SPEC IMEN 0000 " + fake.Digits(4) + " · SPECIMEN — synthetic example, not a real bill", margin, fy + 38, Fonts.Sans, 11, grey);
            Gfx.Text(c, "Page 1 of 1", W - margin, fy + 20, Fonts.Sans, 11, grey, SKTextAlign.Right);
            Gfx.Specimen(c, new SKRect(0, 0, W, H), -35, new SKColor(210, 30, 30, 30), 0.12f);

            using SKImage page = surf.Snapshot();
            using SKBitmap scene = Gfx.NewBitmap(W, H);
            using (var sc = new SKCanvas(scene))
            {
                sc.Clear(SKColors.White);
                Gfx.Place(sc, page, W / 2f + r.Next(-6, 6), H / 2f + r.Next(-6, 6), (float)(r.NextDouble() - 0.5), 1f, 0);
            }
            // ink, accent, the faint red SPECIMEN stamp and the accent-on-ink mixes of the header row
            SKColor[] pal = PngIndexed.Ramps(12, new SKColor(20, 20, 20), accent, new SKColor(210, 30, 30), Gfx.Shade(accent, 0.5f));
            return PngIndexed.Encode(scene, pal);
        }
    }
}
