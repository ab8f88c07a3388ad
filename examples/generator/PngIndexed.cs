using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace DocCluster.ExampleGenerator
{
    /// <summary>
    /// Minimal palettised PNG writer (Skia only writes RGB/RGBA/grey PNGs). Pixels are mapped to the nearest
    /// palette entry; documents that are mostly paper, ink and one accent colour lose nothing visible and
    /// shrink to a fraction of an RGB PNG.
    /// </summary>
    internal static class PngIndexed
    {
        /// <summary>Palette of ramps from white to each key colour (<paramref name="steps"/> entries per ramp).</summary>
        public static SKColor[] Ramps(int steps, params SKColor[] keys)
        {
            var list = new List<SKColor> { SKColors.White };
            foreach (SKColor k in keys)
                for (int i = 1; i <= steps; i++)
                {
                    SKColor c = Gfx.Mix(SKColors.White, k, i / (float)steps);
                    if (!list.Contains(c)) list.Add(c);
                }
            if (list.Count > 256) throw new ArgumentException("palette larger than 256 entries");
            return list.ToArray();
        }

        public static byte[] Encode(SKBitmap bmp, SKColor[] palette)
        {
            int w = bmp.Width, h = bmp.Height;
            byte[] px = new byte[w * h * 4];
            Marshal.Copy(bmp.GetPixels(), px, 0, px.Length);
            int depth = palette.Length <= 16 ? 4 : 8;
            int stride = depth == 8 ? w : (w + 1) / 2;
            byte[] raw = new byte[(stride + 1) * h];
            var cache = new Dictionary<int, byte>();
            for (int y = 0; y < h; y++)
            {
                int row = y * (stride + 1);
                raw[row] = 0; // filter: none (recommended for palette images)
                for (int x = 0; x < w; x++)
                {
                    int o = (y * w + x) * 4;
                    int key = px[o] << 16 | px[o + 1] << 8 | px[o + 2];
                    if (!cache.TryGetValue(key, out byte idx)) cache[key] = idx = Nearest(palette, px[o], px[o + 1], px[o + 2]);
                    if (depth == 8) raw[row + 1 + x] = idx;
                    else raw[row + 1 + x / 2] |= (byte)((x % 2 == 0) ? idx << 4 : idx);
                }
            }

            using var ms = new MemoryStream();
            ms.Write(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });
            byte[] ihdr = new byte[13];
            BE(ihdr, 0, w); BE(ihdr, 4, h);
            ihdr[8] = (byte)depth; ihdr[9] = 3; // colour type 3: indexed
            Chunk(ms, "IHDR", ihdr);
            byte[] plte = new byte[palette.Length * 3];
            for (int i = 0; i < palette.Length; i++) { plte[3 * i] = palette[i].Red; plte[3 * i + 1] = palette[i].Green; plte[3 * i + 2] = palette[i].Blue; }
            Chunk(ms, "PLTE", plte);
            using (var z = new MemoryStream())
            {
                using (var zs = new ZLibStream(z, CompressionLevel.SmallestSize, true)) zs.Write(raw);
                Chunk(ms, "IDAT", z.ToArray());
            }
            Chunk(ms, "IEND", Array.Empty<byte>());
            return ms.ToArray();
        }

        private static byte Nearest(SKColor[] pal, int r, int g, int b)
        {
            int best = 0, bestD = int.MaxValue;
            for (int i = 0; i < pal.Length; i++)
            {
                int dr = pal[i].Red - r, dg = pal[i].Green - g, db = pal[i].Blue - b;
                int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
                if (d < bestD) { bestD = d; best = i; }
            }
            return (byte)best;
        }

        private static void BE(byte[] b, int o, int v) { b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v; }

        private static void Chunk(Stream s, string type, byte[] data)
        {
            byte[] len = new byte[4]; BE(len, 0, data.Length);
            s.Write(len);
            byte[] t = System.Text.Encoding.ASCII.GetBytes(type);
            s.Write(t);
            s.Write(data);
            uint crc = Crc(Crc(0xFFFFFFFFu, t), data) ^ 0xFFFFFFFFu;
            byte[] c = new byte[4]; BE(c, 0, (int)crc);
            s.Write(c);
        }

        private static readonly uint[] Table = MakeTable();

        private static uint[] MakeTable()
        {
            var t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            return t;
        }

        private static uint Crc(uint crc, byte[] data)
        {
            foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            return crc;
        }
    }
}
