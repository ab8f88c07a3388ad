using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace DocCluster
{
    /// <summary>SHA-256 of file content, lower-case hex: journal entries, model weights, feature-cache keys.</summary>
    public static class FileHash
    {
        public static string Sha256(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.SequentialScan))
            using (var sha = SHA256.Create())
                return ToHex(sha.ComputeHash(stream));
        }

        internal static string ToHex(byte[] hash)
        {
            var sb = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) sb.Append(b.ToString("x2"));
            return sb.ToString();
        }

        public static bool Equal(string a, string b) =>
            a != null && b != null && string.Equals(a.Trim(), b.Trim(), System.StringComparison.OrdinalIgnoreCase);
    }
}
