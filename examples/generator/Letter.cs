using System;
using System.Collections.Generic;
using System.Text;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>A4 business letter: sender, date, recipient, subject, justified paragraphs, signature. No tables.</summary>
    internal static class Letter
    {
        private static readonly string[] Senders =
        {
            "Fennimore & Vale Solicitors", "Halden Property Management", "Kestrel Mutual Insurance", "Brightmoor Housing Association",
            "Ostwick Borough Council", "Lindenmoor Veterinary Practice",
        };

        private static readonly string[] Subjects =
        {
            "Your tenancy agreement", "Policy renewal", "Confirmation of your appointment", "Change to your account terms",
            "Planning application", "Annual statement", "Your recent enquiry",
        };

        private static readonly string[] Sentences =
        {
            "Thank you for your letter of last month regarding the matter referenced above.",
            "We have now had the opportunity to review the documents you provided in full.",
            "Please accept our apologies for the delay in responding to your enquiry.",
            "Our records show that the account has been in good standing for several years.",
            "As discussed on the telephone, we are happy to confirm the arrangements set out below.",
            "The revised terms will take effect from the first day of the next calendar month.",
            "You do not need to take any action if you are content with these changes.",
            "Should you wish to discuss any aspect of this letter, our office is open on weekdays between nine and five.",
            "We would be grateful if you could return the enclosed form at your earliest convenience.",
            "A copy of this correspondence has been placed on file for future reference.",
            "In the meantime, we have asked our colleagues in the regional office to look into the question you raised.",
            "It remains our aim to resolve matters of this kind quickly and fairly.",
            "Any further information you can provide will help us to reach a decision sooner.",
            "The inspection is expected to take no longer than one hour and will be carried out by a qualified member of staff.",
            "We understand that this may cause some inconvenience and we appreciate your patience.",
            "Please keep this letter in a safe place, as you may need it when contacting us again.",
            "The enclosed leaflet explains the process in more detail and answers the most common questions.",
            "If we do not hear from you within twenty-eight days, we will assume that you agree with the proposal.",
            "We have also updated the contact details we hold for you, as requested.",
            "Payments already made will be credited to your account and shown on your next statement.",
        };

        /// <param name="n">1-based file number; alternates the scene type so every kind shows both.</param>
        public static byte[] Make(Random r, int n)
        {
            var fake = new Fake(r);
            const int W = 919, H = 1300;
            bool serif = r.Next(3) > 0;
            SKTypeface body = serif ? Fonts.Serif : Fonts.Sans, bold = serif ? Fonts.SerifBold : Fonts.SansBold;
            SKColor ink = new SKColor(20, 20, 20), grey = new SKColor(90, 90, 90);
            float margin = 80 + r.Next(30);
            float size = 14.5f + (float)r.NextDouble() * 2, lh = size * (1.45f + 0.15f * (float)r.NextDouble());

            using var surf = SKSurface.Create(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Premul));
            SKCanvas c = surf.Canvas;
            c.Clear(SKColors.White);

            // sender block, right-aligned or centred letterhead
            string sender = Senders[r.Next(Senders.Length)];
            string sStreet = fake.Street(), sTown = fake.Postcode() + " " + fake.Town();
            float y = 90;
            if (r.Next(2) == 0)
            {
                Gfx.Text(c, sender, W - margin, y, bold, 20, ink, SKTextAlign.Right);
                Gfx.Text(c, sStreet, W - margin, y + 24, body, 13, grey, SKTextAlign.Right);
                Gfx.Text(c, sTown, W - margin, y + 42, body, 13, grey, SKTextAlign.Right);
                Gfx.Text(c, "Tel. 0100 " + fake.Digits(6), W - margin, y + 60, body, 13, grey, SKTextAlign.Right);
                y += 110;
            }
            else
            {
                Gfx.Text(c, sender.ToUpperInvariant(), W / 2f, y, bold, 22, ink, SKTextAlign.Center);
                Gfx.Text(c, sStreet + " · " + sTown + " · Tel. 0100 " + fake.Digits(6), W / 2f, y + 26, body, 12, grey, SKTextAlign.Center);
                using (SKPaint p = Gfx.Stroke(grey, 1)) c.DrawLine(margin, y + 40, W - margin, y + 40, p);
                y += 100;
            }

            // recipient
            string title = r.Next(2) == 0 ? "Ms" : "Mr";
            string surname = fake.Surname();
            string[] to = { title + " " + fake.GivenName() + " " + surname, fake.Street(), fake.Town(), fake.Postcode() };
            for (int i = 0; i < to.Length; i++) Gfx.Text(c, to[i], margin, y + i * lh, body, size, ink);
            y += to.Length * lh + lh;
            Gfx.Text(c, "Our ref. " + fake.Alnum(2) + "/" + fake.Digits(4), margin, y, body, size * 0.9f, grey);
            Gfx.Text(c, Fake.LetterDate(fake.Date(2022, 2025)), W - margin, y, body, size, ink, SKTextAlign.Right);
            y += 2 * lh;

            Gfx.Text(c, Subjects[r.Next(Subjects.Length)], margin, y, bold, size + 1, ink);
            y += 2 * lh;
            Gfx.Text(c, "Dear " + title + " " + surname + ",", margin, y, body, size, ink);
            y += 1.6f * lh;

            int paras = 3 + r.Next(3);
            var used = new List<int>();
            float bottomLimit = H - 260;
            for (int p = 0; p < paras && y < bottomLimit - 3 * lh; p++)
            {
                int count = 2 + r.Next(4);
                var sb = new StringBuilder();
                for (int k = 0; k < count; k++)
                {
                    if (used.Count == Sentences.Length) used.Clear();
                    int s; do s = r.Next(Sentences.Length); while (used.Contains(s));
                    used.Add(s);
                    sb.Append(Sentences[s]).Append(' ');
                }
                y = Gfx.Justified(c, sb.ToString(), margin, y, W - 2 * margin, body, size, lh, ink);
                y += lh * 0.6f;
            }
            y += lh * 0.5f;
            Gfx.Text(c, r.Next(2) == 0 ? "Yours sincerely," : "Kind regards,", margin, y, body, size, ink);
            Gfx.Signature(c, r, new SKRect(margin + 5, y + 14, margin + 180 + r.Next(60), y + 70), new SKColor(20, 30, 100), 2.2f);
            y += 100;
            Gfx.Text(c, fake.GivenName() + " " + fake.Surname(), margin, y, body, size, ink);
            Gfx.Text(c, r.Next(2) == 0 ? "Customer Relations" : "Senior Caseworker", margin, y + lh, body, size * 0.9f, grey);

            Gfx.Text(c, "SPECIMEN — synthetic example letter. All names and addresses are invented.", W / 2f, H - 50, body, 11, grey, SKTextAlign.Center);
            Gfx.Specimen(c, new SKRect(0, 0, W, H), -35, new SKColor(0, 0, 0, 18), 0.12f);

            using SKImage page = surf.Snapshot();
            using SKBitmap scene = Gfx.NewBitmap(W, H);
            using (var sc = new SKCanvas(scene))
            {
                sc.Clear(SKColors.White);
                Gfx.Place(sc, page, W / 2f + r.Next(-6, 6), H / 2f + r.Next(-6, 6), (float)(r.NextDouble() * 1.2 - 0.6), 1f, 0);
            }
            // 16 grey levels, 4 bits per pixel
            return PngIndexed.Encode(scene, PngIndexed.Ramps(15, SKColors.Black));
        }
    }
}
