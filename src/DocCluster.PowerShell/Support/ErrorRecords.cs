using System;
using System.Management.Automation;
using DocCluster.Imaging;

namespace DocCluster.PowerShell.Support
{
    /// <summary>Stable ErrorIds and categories, so scripts can filter on FullyQualifiedErrorId.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord ForImageFailure(Exception error, string path)
        {
            if (error is ImageDecodeException decode)
            {
                switch (decode.Failure)
                {
                    case DecodeFailure.NotFound: return new ErrorRecord(decode, "ImageNotFound", ErrorCategory.ObjectNotFound, path);
                    case DecodeFailure.Unreadable: return new ErrorRecord(decode, "ImageUnreadable", ErrorCategory.ReadError, path);
                    case DecodeFailure.NotAnImage: return new ErrorRecord(decode, "NotAnImage", ErrorCategory.InvalidData, path);
                    case DecodeFailure.UnsupportedFormat: return new ErrorRecord(decode, "UnsupportedImageFormat", ErrorCategory.NotImplemented, path);
                    case DecodeFailure.Corrupt: return new ErrorRecord(decode, "CorruptImage", ErrorCategory.InvalidData, path);
                    case DecodeFailure.TooLarge: return new ErrorRecord(decode, "ImageTooLarge", ErrorCategory.LimitsExceeded, path);
                }
            }
            if (error is UnauthorizedAccessException)
                return new ErrorRecord(error, "ImageUnreadable", ErrorCategory.PermissionDenied, path);
            return new ErrorRecord(new InvalidOperationException($"Feature extraction failed for {path}: {error.Message}", error),
                "FeatureExtractionFailed", ErrorCategory.InvalidOperation, path);
        }

        public static ErrorRecord ModelUnavailable(Exception error, string model) =>
            new ErrorRecord(error, "FeatureModelUnavailable", ErrorCategory.InvalidArgument, model);
    }
}
