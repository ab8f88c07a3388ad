using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Document shape: receipts are long strips, cards and passport pages are landscape near ID-1/ID-3 ratios,
    /// letters/forms/articles are A4/Letter portrait. Measured on the text's content box and on the document
    /// blob (<see cref="DocumentRegion"/>: elongation from second moments, so rotation does not matter, and
    /// rectangularity), not on the frame, whose shape follows the scanner or camera (see <see cref="FramingFeatures"/>).
    /// </summary>
    internal static class GeometryFeatures
    {
        public const int Length = 3;

        public static void Write(PageAnalysis a, DocumentRegion d, FeatureWriter f)
        {
            f.Add(Math.Log(Math.Max(1.0, a.ContentHeight) / Math.Max(1.0, a.ContentWidth)));
            f.Add(d.Elongation);
            f.Add(d.Rectangularity);
        }
    }
}
