using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace DocCluster.PowerShell.Support
{
    /// <summary>-Path / -LiteralPath resolution for cmdlets that read files (Get-ImageFeature, Import-ImageModel).</summary>
    internal static class PathResolver
    {
        /// <summary>File-system paths of the files named; writes a non-terminating error for each name that is not one.</summary>
        public static IEnumerable<string> ResolveFiles(PSCmdlet cmdlet, string[] paths, bool literal)
        {
            if (paths == null) yield break;
            foreach (var path in paths)
            {
                List<string> resolved = new List<string>();
                ProviderInfo provider = null;
                try
                {
                    // Without wildcards -Path means one file, exactly as -LiteralPath: a missing file is then reported by
                    // whoever opens it, with that cmdlet's specific error (ImageNotFound, ModelFileNotFound).
                    if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                        resolved.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _));
                    else
                        resolved.AddRange(cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider));
                }
                catch (ItemNotFoundException ex)
                {
                    cmdlet.WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, path));
                    continue;
                }
                catch (System.Exception ex) when (ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is PSArgumentException || ex is System.ArgumentException)
                {
                    cmdlet.WriteError(new ErrorRecord(ex, "InvalidPath", ErrorCategory.InvalidArgument, path));
                    continue;
                }

                if (provider == null || provider.ImplementingType != typeof(FileSystemProvider))
                {
                    cmdlet.WriteError(new ErrorRecord(new PSArgumentException($"'{path}' is not a file-system path."),
                        "NotFileSystemPath", ErrorCategory.InvalidArgument, path));
                    continue;
                }

                foreach (var file in resolved)
                {
                    if (Directory.Exists(file))
                    {
                        // A wildcard that also matches folders is normal; a folder named on purpose is a mistake worth saying.
                        if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
                            cmdlet.WriteError(new ErrorRecord(new IOException($"'{file}' is a folder. Pipe its files instead: Get-ChildItem '{file}' -Recurse -File | ..."),
                                "PathIsFolder", ErrorCategory.InvalidArgument, file));
                        continue;
                    }
                    yield return file;
                }
            }
        }
    }
}
