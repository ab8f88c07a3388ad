using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Features;

namespace DocCluster.Core.Tests
{
    /// <summary>Synthetic feature vectors of "kinds" for classifier tests.</summary>
    internal static class SyntheticKindPages
    {
        /// <summary>A page of kind c: a bump of 3 on dimensions 3c..3c+2 plus small deterministic noise.</summary>
        public static ImageFeature Bump(int c, int i, int dimension)
        {
            var r = new Random(c * 1000 + i);
            var v = new float[dimension];
            for (int j = 0; j < dimension; j++) v[j] = (float)(r.NextDouble() * 0.3);
            for (int j = 3 * c; j < 3 * c + 3; j++) v[j] += 3;
            return new ImageFeature($"/x/c{c}-{i:00}.png", 1, 1, 10, 10, "Test", "fp", v);
        }

        /// <summary>Five labelled pages (0..4) of each of the first <paramref name="kinds"/> kinds, named "kind0", "kind1", ...</summary>
        public static List<(ImageFeature, string)> Examples(int kinds, int dimension) =>
            Enumerable.Range(0, kinds).SelectMany(c => Enumerable.Range(0, 5).Select(i => (Bump(c, i, dimension), "kind" + c))).ToList();
    }
}
