using System;

namespace DocCluster.Features.Document
{
    /// <summary>Appends values to a feature vector, replacing anything non-finite so the vector is always usable.</summary>
    internal sealed class FeatureWriter
    {
        private readonly float[] _values;
        private int _position;

        public FeatureWriter(int dimension) => _values = new float[dimension];

        public int Position => _position;

        public void Add(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) value = 0;
            if (value > 1e6) value = 1e6;
            if (value < -1e6) value = -1e6;
            _values[_position++] = (float)value;
        }

        public void AddRange(double[] values)
        {
            foreach (var v in values) Add(v);
        }

        public float[] Finish()
        {
            if (_position != _values.Length)
                throw new InvalidOperationException($"Feature blocks wrote {_position} values, expected {_values.Length}.");
            return _values;
        }
    }
}
