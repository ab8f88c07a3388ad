using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace DocCluster.Sorting
{
    internal static class PathUtil
    {
        internal static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        private static readonly bool CaseInsensitive = IsWindows || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

        /// <summary>Path comparison as the platform's usual file system does it.</summary>
        internal static readonly StringComparer Comparer = CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        internal static bool SamePath(string a, string b) =>
            Comparer.Equals(TrimSeparators(Path.GetFullPath(a)), TrimSeparators(Path.GetFullPath(b)));

        private static string TrimSeparators(string p)
        {
            var root = Path.GetPathRoot(p) ?? "";
            return p.Length > root.Length ? p.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : p;
        }

        /// <summary>
        /// The volume a full path lives on: the drive/UNC root on Windows, the longest mount point that contains it elsewhere.
        /// Null when it cannot be told (then callers take the copy-and-verify path).
        /// </summary>
        internal static string VolumeOf(string fullPath, string[] mountPoints)
        {
            if (IsWindows) return Path.GetPathRoot(fullPath)?.TrimEnd('\\', '/').ToUpperInvariant();
            if (mountPoints == null || mountPoints.Length == 0) return null;
            string best = null;
            foreach (var m in mountPoints)
            {
                if (!IsUnder(fullPath, m)) continue;
                if (best == null || m.Length > best.Length) best = m;
            }
            return best;
        }

        internal static string[] MountPoints()
        {
            if (IsWindows) return Array.Empty<string>();
            try
            {
                return DriveInfo.GetDrives().Select(d => d.Name).Where(n => !string.IsNullOrEmpty(n)).ToArray();
            }
            catch (Exception)
            {
                return null;
            }
        }

        private static bool IsUnder(string path, string mount)
        {
            var m = mount.Length > 1 ? mount.TrimEnd('/') : mount;
            if (m == "/") return path.StartsWith("/", StringComparison.Ordinal);
            return string.Equals(path, m, StringComparison.Ordinal) || path.StartsWith(m + "/", StringComparison.Ordinal);
        }
    }
}
