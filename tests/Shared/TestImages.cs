using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace DocCluster.Tests
{
    /// <summary>Tiny image files written byte by byte, for tests that need precise control of the header.</summary>
    public static class TestImages
    {
        /// <summary>A valid PNG header declaring width x height, with a tiny (incomplete) image body: a decompression-bomb shape.</summary>
        public static byte[] PngDeclaring(int width, int height)
        {
            using (var ms = new MemoryStream())
            {
                ms.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 0, 8);
                var ihdr = new byte[13];
                WriteBigEndian(ihdr, 0, width);
                WriteBigEndian(ihdr, 4, height);
                ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
                WriteChunk(ms, "IHDR", ihdr);
                WriteChunk(ms, "IDAT", Deflate(new byte[64]));
                WriteChunk(ms, "IEND", new byte[0]);
                return ms.ToArray();
            }
        }

        /// <summary>A plain, valid PNG: a white page of the given size with a black block.</summary>
        public static byte[] Png(int width, int height)
        {
            var raw = new byte[height * (1 + width * 3)];
            for (int y = 0; y < height; y++)
            {
                int row = y * (1 + width * 3);
                for (int x = 0; x < width; x++)
                {
                    byte v = (x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2) ? (byte)0 : (byte)255;
                    raw[row + 1 + x * 3] = v; raw[row + 2 + x * 3] = v; raw[row + 3 + x * 3] = v;
                }
            }
            using (var ms = new MemoryStream())
            {
                ms.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 0, 8);
                var ihdr = new byte[13];
                WriteBigEndian(ihdr, 0, width);
                WriteBigEndian(ihdr, 4, height);
                ihdr[8] = 8; ihdr[9] = 2;
                WriteChunk(ms, "IHDR", ihdr);
                WriteChunk(ms, "IDAT", Deflate(raw));
                WriteChunk(ms, "IEND", new byte[0]);
                return ms.ToArray();
            }
        }

        /// <summary>Inserts an EXIF APP1 segment carrying only the Orientation tag (1-8) right after the JPEG's SOI marker.</summary>
        public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
        {
            var tiff = new byte[]
            {
                0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,             // little-endian TIFF header, IFD at 8
                0x01, 0x00,                                                 // one entry
                0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,             // tag 0x0112 Orientation, SHORT, count 1
                (byte)orientation, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00,                                     // no next IFD
            };
            var payload = new byte[6 + tiff.Length];
            Encoding.ASCII.GetBytes("Exif").CopyTo(payload, 0);
            tiff.CopyTo(payload, 6);
            int segmentLength = payload.Length + 2;
            using (var ms = new MemoryStream())
            {
                ms.Write(jpeg, 0, 2); // SOI
                ms.Write(new byte[] { 0xFF, 0xE1, (byte)(segmentLength >> 8), (byte)segmentLength }, 0, 4);
                ms.Write(payload, 0, payload.Length);
                ms.Write(jpeg, 2, jpeg.Length - 2);
                return ms.ToArray();
            }
        }

        private static byte[] Deflate(byte[] data)
        {
            using (var ms = new MemoryStream())
            {
                using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data, 0, data.Length);
                return ms.ToArray();
            }
        }

        private static void WriteChunk(Stream s, string type, byte[] data)
        {
            var len = new byte[4];
            WriteBigEndian(len, 0, data.Length);
            s.Write(len, 0, 4);
            var typeBytes = Encoding.ASCII.GetBytes(type);
            s.Write(typeBytes, 0, 4);
            s.Write(data, 0, data.Length);
            var crcInput = new byte[4 + data.Length];
            Buffer.BlockCopy(typeBytes, 0, crcInput, 0, 4);
            Buffer.BlockCopy(data, 0, crcInput, 4, data.Length);
            var crc = new byte[4];
            WriteBigEndian(crc, 0, (int)Crc32(crcInput));
            s.Write(crc, 0, 4);
        }

        private static uint Crc32(byte[] data)
        {
            uint crc = 0xFFFFFFFF;
            foreach (var b in data)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
            return ~crc;
        }

        private static void WriteBigEndian(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 24); buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8); buffer[offset + 3] = (byte)value;
        }
    }
}
