using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// Page shape: receipts are long strips, cards and passport pages are landscape near ID-1/ID-3 ratios,
    /// letters/forms/articles are A4/Letter portrait. The content box's shape and share of the frame tell a
    /// tight scan from a phone photo with desk around the document; the document blob (<see cref="DocumentRegion"/>)
    /// gives the physical format even when the document lies rotated on a desk.
    /// </summary>
    internal static class GeometryFeatures
    {
        public const int Length = 6;

        public static void Write(PageAnalysis a, DocumentRegion d, FeatureWriter f)
        {
            f.Add(Math.Log((double)a.Page.Height / a.Page.Width));
            f.Add(Math.Log(Math.Max(1.0, a.ContentHeight) / Math.Max(1.0, a.ContentWidth)));
            f.Add((double)a.ContentWidth * a.ContentHeight / ((double)a.Page.Width * a.Page.Height));
            f.Add(d.Elongation);
            f.Add(Math.Sqrt(d.AreaShare));
            f.Add(d.Rectangularity);
        }
    }
}
