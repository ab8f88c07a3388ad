using System;
using System.Collections.Generic;
using System.IO;

namespace DocCluster.Features.Models
{
    /// <summary>A weights file does not have the pinned size or SHA-256: wrong file, truncated download or corrupted cache.</summary>
    public sealed class ModelIntegrityException : IOException
    {
        public ModelIntegrityException(string modelName, string path, string expectedSha256, string actualSha256, long expectedSize, long actualSize)
            : base(BuildMessage(modelName, path, expectedSha256, actualSha256, expectedSize, actualSize))
        {
            ModelName = modelName;
            Path = path;
            ExpectedSha256 = expectedSha256;
            ActualSha256 = actualSha256;
            ExpectedSize = expectedSize;
            ActualSize = actualSize;
        }

        public string ModelName { get; }
        /// <summary>The file checked (for a refused download, the address it came from).</summary>
        public string Path { get; }
        public string ExpectedSha256 { get; }
        /// <summary>Null when the size already differed and the hash was not computed.</summary>
        public string ActualSha256 { get; }
        public long ExpectedSize { get; }
        public long ActualSize { get; }

        private static string BuildMessage(string name, string path, string expSha, string actSha, long expSize, long actSize)
        {
            var what = expSize > 0 && actSize != expSize
                ? $"size {actSize} bytes, expected {expSize}"
                : $"SHA-256 {actSha ?? "(not computed)"}, expected {expSha}";
            return $"'{path}' is not the weights of model '{name}': {what}. The file is refused; delete it or give the right file.";
        }
    }

    /// <summary>The weights of a model were found neither at the given path nor in the search path or cache, and cannot be downloaded.</summary>
    public sealed class ModelNotFoundException : FileNotFoundException
    {
        public ModelNotFoundException(string modelName, string fileName, IReadOnlyList<string> searched, string hint)
            : base($"Weights '{fileName}' of model '{modelName}' not found. Searched: {string.Join("; ", searched)}. {hint}", fileName)
        {
            ModelName = modelName;
            Searched = searched;
        }

        public string ModelName { get; }
        public IReadOnlyList<string> Searched { get; }
    }

    /// <summary>Downloading a model's weights failed (HTTP error status, network failure).</summary>
    public sealed class ModelDownloadException : IOException
    {
        public ModelDownloadException(string modelName, string url, int? statusCode, string message, Exception inner = null)
            : base(message, inner)
        {
            ModelName = modelName;
            Url = url;
            StatusCode = statusCode;
        }

        public string ModelName { get; }
        public string Url { get; }
        /// <summary>HTTP status code when the server answered with an error; null for a network failure.</summary>
        public int? StatusCode { get; }
    }
}
