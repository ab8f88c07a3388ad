using System.Security.Cryptography;
using System.Text;

namespace DocCluster.Features
{
    public static class Fingerprint
    {
        /// <summary>Short, stable hex digest of a settings description (first 12 hex digits of its SHA-256).</summary>
        public static string Of(string settings)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(settings));
                var sb = new StringBuilder(12);
                for (int i = 0; i < 6; i++) sb.Append(hash[i].ToString("x2"));
                return sb.ToString();
            }
        }
    }
}
