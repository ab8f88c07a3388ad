using System;
using System.Text;

namespace DocCluster.Sorting
{
    /// <summary>Turns a cluster name into a folder name that is safe on Windows, macOS and Linux.</summary>
    public static class FolderName
    {
        /// <summary>What an empty or all-invalid name becomes.</summary>
        public const string Fallback = "unnamed";
        /// <summary>Longest folder name produced (characters).</summary>
        public const int MaxLength = 120;

        private static readonly string[] Reserved =
        {
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
        };

        /// <summary>
        /// Replaces characters invalid in a Windows file name (and path separators, control characters) with '_',
        /// trims spaces and trailing dots, renames Windows reserved device names (CON, NUL, COM1…, also "CON.txt")
        /// by appending '_', and never returns "", "." or "..".
        /// </summary>
        public static string Sanitize(string name)
        {
            if (name == null) return Fallback;
            var sb = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (c < 32 || c == 127 || c == '<' || c == '>' || c == ':' || c == '"' || c == '/' || c == '\\' || c == '|' || c == '?' || c == '*')
                    sb.Append('_');
                else
                    sb.Append(c);
            }
            var s = sb.ToString().Trim();
            if (s.Length > MaxLength) s = s.Substring(0, MaxLength);
            s = s.TrimEnd('.', ' ');
            if (s.Length == 0) return Fallback;

            var dot = s.IndexOf('.');
            var stem = (dot < 0 ? s : s.Substring(0, dot)).TrimEnd(' ');
            foreach (var r in Reserved)
            {
                if (string.Equals(stem, r, StringComparison.OrdinalIgnoreCase))
                {
                    s = stem + "_" + (dot < 0 ? "" : s.Substring(dot));
                    break;
                }
            }
            return s;
        }
    }
}
