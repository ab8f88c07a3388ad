namespace DocCluster.Features.Document
{
    /// <summary>
    /// A named, contiguous group of dimensions in a <see cref="DocumentLayoutExtractor"/> vector.
    /// <see cref="Weight"/> is the block's share of the distance after per-dimension standardisation;
    /// <see cref="DimensionWeight"/> (= Weight / sqrt(Length)) is what each standardised dimension of the
    /// block is multiplied by so a block's influence does not grow with its number of dimensions.
    /// </summary>
    public sealed class FeatureBlock
    {
        public FeatureBlock(string name, int offset, int length, double weight, string description)
        {
            Name = name;
            Offset = offset;
            Length = length;
            Weight = weight;
            Description = description;
        }

        public string Name { get; }
        public int Offset { get; }
        public int Length { get; }
        public double Weight { get; }
        public string Description { get; }
        public double DimensionWeight => Length > 0 ? Weight / System.Math.Sqrt(Length) : 0;

        public override string ToString() => $"{Name} [{Offset}..{Offset + Length - 1}] x{Weight}";
    }
}
