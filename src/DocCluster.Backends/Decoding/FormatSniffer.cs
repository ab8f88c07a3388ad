using System;
using System.IO;

namespace DocCluster.Backends.Decoding
{
    internal enum ImageContainer { Unknown, Jpeg, Png, Gif, Bmp, WebP, Tiff, Heif, Avif, Jpeg2000 }

    /// <summary>Identifies the format from the first bytes, never from the file extension.</summary>
    internal static class FormatSniffer
    {
        public static ImageContainer Sniff(byte[] h, int n)
        {
            bool At(int offset, params byte[] sig)
            {
                if (n < offset + sig.Length) return false;
                for (int i = 0; i < sig.Length; i++) if (h[offset + i] != sig[i]) return false;
                return true;
            }
            bool Ascii(int offset, string s)
            {
                if (n < offset + s.Length) return false;
                for (int i = 0; i < s.Length; i++) if (h[offset + i] != s[i]) return false;
                return true;
            }

            if (At(0, 0xFF, 0xD8, 0xFF)) return ImageContainer.Jpeg;
            if (At(0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) return ImageContainer.Png;
            if (Ascii(0, "GIF87a") || Ascii(0, "GIF89a")) return ImageContainer.Gif;
            if (Ascii(0, "BM")) return ImageContainer.Bmp;
            if (Ascii(0, "RIFF") && Ascii(8, "WEBP")) return ImageContainer.WebP;
            if (At(0, 0x49, 0x49, 0x2A, 0x00) || At(0, 0x4D, 0x4D, 0x00, 0x2A) || At(0, 0x49, 0x49, 0x2B, 0x00) || At(0, 0x4D, 0x4D, 0x00, 0x2B)) return ImageContainer.Tiff;
            if (At(0, 0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20) || At(0, 0xFF, 0x4F, 0xFF, 0x51)) return ImageContainer.Jpeg2000;
            if (Ascii(4, "ftyp"))
            {
                if (Ascii(8, "avif") || Ascii(8, "avis")) return ImageContainer.Avif;
                foreach (var brand in new[] { "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" })
                    if (Ascii(8, brand)) return ImageContainer.Heif;
            }
            return ImageContainer.Unknown;
        }

        public static ImageContainer Sniff(string path)
        {
            var header = new byte[32];
            int n;
            using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                n = fs.Read(header, 0, header.Length);
            return Sniff(header, n);
        }
    }
}
