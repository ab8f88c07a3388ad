using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DocCluster.Features;
using DocCluster.Features.Models;
using DocCluster.Imaging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DocCluster.Backends.Onnx
{
    /// <summary>Settings of the ONNX Runtime session (not of the features: they never change the vector).</summary>
    public sealed class OnnxExtractorOptions
    {
        /// <summary>Intra-op threads per inference; 0 = min(4, processor count).</summary>
        public int IntraOpThreads { get; set; }
        /// <summary>Further tensors to make available to <see cref="OnnxFeatureExtractor.RunOutputs"/> (intermediate tensors are exposed as graph outputs).</summary>
        public IList<string> ExtraOutputs { get; set; } = new List<string>();
    }

    /// <summary>One output tensor of a run: its shape and data.</summary>
    public sealed class OnnxOutput
    {
        public OnnxOutput(int[] dimensions, float[] data) { Dimensions = dimensions; Data = data; }
        public int[] Dimensions { get; }
        public float[] Data { get; }
    }

    /// <summary>
    /// Feature extractor running an ONNX image model with ONNX Runtime (CPU): managed preprocessing from
    /// <see cref="RasterImage"/> per the <see cref="OnnxModelSpec"/>, the spec's feature tensor (an intermediate tensor is
    /// exposed as an extra graph output), global average pooling of spatial outputs, optional L2 normalisation.
    /// Thread-safe: <see cref="Extract"/> may be called concurrently.
    /// </summary>
    public sealed class OnnxFeatureExtractor : IFeatureExtractor
    {
        private readonly InferenceSession _session;
        private readonly OnnxModelSpec _spec;
        private readonly string _inputName;
        private readonly int[] _inputShape;
        private readonly string _featureOutput;

        /// <param name="spec">The model and its preprocessing (copied).</param>
        /// <param name="modelPath">Verified weights (see <see cref="ModelStore"/>).</param>
        public OnnxFeatureExtractor(OnnxModelSpec spec, string modelPath, OnnxExtractorOptions options = null)
        {
            if (spec == null) throw new ArgumentNullException(nameof(spec));
            if (modelPath == null) throw new ArgumentNullException(nameof(modelPath));
            _spec = spec.Clone();
            _spec.Validate();
            if (_spec.Layout != TensorLayout.Nchw) throw new NotSupportedException("Only NCHW input layout is supported.");
            options = options ?? new OnnxExtractorOptions();

            var model = OnnxModelFile.Load(modelPath);
            _featureOutput = _spec.FeatureOutput ?? (model.Outputs.Count > 0 ? model.Outputs[0].Name : throw new InvalidDataException($"Model '{modelPath}' has no outputs."));
            var wanted = new List<string> { _featureOutput };
            if (_spec.ClassifierOutput != null && (model.IsOutput(_spec.ClassifierOutput) || model.IsNodeOutput(_spec.ClassifierOutput))) wanted.Add(_spec.ClassifierOutput);
            wanted.AddRange(options.ExtraOutputs ?? Enumerable.Empty<string>());
            byte[] bytes;
            try { bytes = model.WithExtraOutputs(wanted); }
            catch (ArgumentException e) { throw new ArgumentException($"Model '{_spec.Name}' ({modelPath}): {e.Message}", e); }

            int threads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Math.Max(1, Math.Min(4, Environment.ProcessorCount));
            using (var so = new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            })
            {
                _session = new InferenceSession(bytes, so);
            }

            try
            {
                _inputName = _spec.InputName ?? _session.InputMetadata.Keys.First();
                if (!_session.InputMetadata.TryGetValue(_inputName, out var inMeta))
                    throw new ArgumentException($"Model '{_spec.Name}' has no input '{_inputName}'. Inputs: {string.Join(", ", _session.InputMetadata.Keys)}.");
                if (inMeta.ElementType != typeof(float))
                    throw new NotSupportedException($"Model '{_spec.Name}': input '{_inputName}' is {inMeta.ElementType?.Name}; only float32 inputs are supported.");
                var d = inMeta.Dimensions;
                if (d.Length != 4 || (d[1] > 0 && d[1] != 3))
                    throw new NotSupportedException($"Model '{_spec.Name}': input '{_inputName}' has shape [{string.Join(",", d)}]; an NCHW 3-channel input is required.");
                if ((d[2] > 0 && d[2] != _spec.InputHeight) || (d[3] > 0 && d[3] != _spec.InputWidth))
                    throw new ArgumentException($"Model '{_spec.Name}': input '{_inputName}' is fixed at {d[3]}x{d[2]}, the spec says {_spec.InputWidth}x{_spec.InputHeight}.");
                _inputShape = new[] { 1, 3, _spec.InputHeight, _spec.InputWidth };

                // One run on a grey page gives the feature dimension (and checks the output really exists and is float).
                var probe = new RasterImage(8, 8, Enumerable.Repeat((byte)128, 8 * 8 * 3).ToArray());
                int dim = Extract(probe).Length;
                Info = new FeatureModelInfo(_spec.Name, _spec.Fingerprint, dim, _spec.Description ?? _spec.Name);
            }
            catch
            {
                _session.Dispose();
                throw;
            }
        }

        /// <summary>Locates (and if need be downloads) the preset's weights with <paramref name="store"/> and opens it.</summary>
        public static OnnxFeatureExtractor FromPreset(string name, ModelStore store = null, string modelPath = null, Action<ModelDownloadProgress> progress = null, OnnxExtractorOptions options = null)
        {
            var spec = FeatureModelRegistry.Resolve(name);
            var path = (store ?? ModelStore.CreateDefault()).Resolve(spec, modelPath, progress);
            return new OnnxFeatureExtractor(spec, path, options);
        }

        public FeatureModelInfo Info { get; }

        /// <summary>A copy of the spec in use.</summary>
        public OnnxModelSpec Spec => _spec.Clone();

        /// <summary>Twice the input's long side: enough detail for the antialiased resize, no wasted decoding.</summary>
        public int PreferredLongSide => 2 * Math.Max(_spec.InputWidth, _spec.InputHeight);

        public float[] Extract(RasterImage image)
        {
            var output = RunOutputs(image, _featureOutput)[_featureOutput];
            return ToVector(output, _spec.Pooling, _spec.L2Normalize);
        }

        /// <summary>Runs the model and returns the named outputs (feature, classifier, or <see cref="OnnxExtractorOptions.ExtraOutputs"/>).</summary>
        internal IReadOnlyDictionary<string, OnnxOutput> RunOutputs(RasterImage image, params string[] outputNames)
        {
            if (image == null) throw new ArgumentNullException(nameof(image));
            var data = ImagePreprocessor.ToTensor(image, _spec);
            var tensor = new DenseTensor<float>(data, _inputShape);
            var inputs = new[] { NamedOnnxValue.CreateFromTensor(_inputName, tensor) };
            var result = new Dictionary<string, OnnxOutput>(StringComparer.Ordinal);
            using (var outputs = _session.Run(inputs, outputNames))
            {
                foreach (var v in outputs)
                {
                    if (!(v.Value is Tensor<float> t))
                        throw new NotSupportedException($"Model '{_spec.Name}': output '{v.Name}' is not a float32 tensor.");
                    result[v.Name] = new OnnxOutput(t.Dimensions.ToArray(), t.ToArray());
                }
            }
            return result;
        }

        /// <summary>Pools (rank-4 GlobalAverage) or flattens a batch-1 output, then optionally L2-normalises it.</summary>
        internal static float[] ToVector(OnnxOutput output, PoolingMode pooling, bool l2)
        {
            float[] v;
            var d = output.Dimensions;
            if (pooling == PoolingMode.GlobalAverage && d.Length == 4)
            {
                int c = d[1], hw = d[2] * d[3];
                v = new float[c];
                for (int i = 0; i < c; i++)
                {
                    double s = 0;
                    for (int k = 0; k < hw; k++) s += output.Data[i * hw + k];
                    v[i] = (float)(s / hw);
                }
            }
            else v = (float[])output.Data.Clone();

            if (l2)
            {
                double n = 0;
                foreach (var x in v) n += (double)x * x;
                if (n > 0)
                {
                    float inv = (float)(1.0 / Math.Sqrt(n));
                    for (int i = 0; i < v.Length; i++) v[i] *= inv;
                }
            }
            return v;
        }

        public void Dispose() => _session.Dispose();
    }
}
