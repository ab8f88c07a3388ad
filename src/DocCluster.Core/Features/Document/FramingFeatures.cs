using System;

namespace DocCluster.Features.Document
{
    /// <summary>
    /// How the document sits in the frame: the frame's aspect ratio, the share of the frame taken by the text
    /// and by the document blob, and the four margins around the text. Scanned pages have page-shaped frames
    /// with classic margins; a receipt scanned on a larger sheet or a card photographed on a desk is a small
    /// area in a large frame. This describes the capture as much as the kind, hence its own, lighter block.
    /// </summary>
    internal static class FramingFeatures
    {
        public const int Length = 7;

        public static void Write(PageAnalysis a, DocumentRegion d, FeatureWriter f)
        {
            int w = a.Page.Width, h = a.Page.Height;
            f.Add(Math.Log((double)h / w));
            f.Add((double)a.ContentWidth * a.ContentHeight / ((double)w * h));
            f.Add(Math.Sqrt(d.AreaShare));
            f.Add((double)a.ContentX0 / w);
            f.Add((double)(w - a.ContentX1) / w);
            f.Add((double)a.ContentY0 / h);
            f.Add((double)(h - a.ContentY1) / h);
        }
    }
}
