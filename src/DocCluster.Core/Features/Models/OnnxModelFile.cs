using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DocCluster.Features.Models
{
    /// <summary>A graph input, output or value-info entry of an ONNX model: name, element type and shape (null when not declared).</summary>
    public sealed class OnnxTensorInfo
    {
        internal OnnxTensorInfo(string name, int elementType, long[] shape)
        {
            Name = name;
            ElementType = elementType;
            Shape = shape;
        }

        public string Name { get; }
        /// <summary>ONNX TensorProto.DataType (1 = float, 10 = float16); 0 when not declared.</summary>
        public int ElementType { get; }
        /// <summary>Dimensions; -1 for a symbolic or unknown dimension; null when the shape is not declared.</summary>
        public long[] Shape { get; }

        public override string ToString() => Shape == null ? Name : $"{Name} [{string.Join(",", Shape)}]";
    }

    /// <summary>
    /// Minimal reader/editor of the ONNX ModelProto protobuf (no dependency on the onnx package): lists the graph's
    /// inputs, outputs and node outputs, and can expose an intermediate tensor as an extra graph output, which is how a
    /// pre-classifier activation of a published classification model is made available to ONNX Runtime.
    /// </summary>
    public sealed class OnnxModelFile
    {
        private const int ModelGraphField = 7;
        private const int GraphNodeField = 1, GraphInitializerField = 5, GraphInputField = 11, GraphOutputField = 12, GraphValueInfoField = 13;

        private OnnxModelFile(byte[] bytes)
        {
            Bytes = bytes;
        }

        /// <summary>The model file's bytes.</summary>
        public byte[] Bytes { get; }
        /// <summary>Graph inputs that are not initializers (the tensors the caller must feed).</summary>
        public IReadOnlyList<OnnxTensorInfo> Inputs { get; private set; }
        public IReadOnlyList<OnnxTensorInfo> Outputs { get; private set; }
        /// <summary>Declared intermediate value infos (often empty).</summary>
        public IReadOnlyList<OnnxTensorInfo> ValueInfos { get; private set; }
        /// <summary>Every tensor produced by a node, in graph order.</summary>
        public IReadOnlyList<string> NodeOutputs { get; private set; }

        public static OnnxModelFile Load(string path) => Parse(File.ReadAllBytes(path));

        public static OnnxModelFile Parse(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            var model = new OnnxModelFile(bytes);
            var inputs = new List<OnnxTensorInfo>();
            var outputs = new List<OnnxTensorInfo>();
            var valueInfos = new List<OnnxTensorInfo>();
            var nodeOutputs = new List<string>();
            var initializers = new HashSet<string>(StringComparer.Ordinal);
            bool sawGraph = false;
            try
            {
                var r = new Reader(bytes, 0, bytes.Length);
                while (r.More)
                {
                    r.Tag(out int field, out int wire);
                    if (field == ModelGraphField && wire == 2)
                    {
                        sawGraph = true;
                        var g = r.Sub();
                        while (g.More)
                        {
                            g.Tag(out int gf, out int gw);
                            if (gw != 2) { g.Skip(gw); continue; }
                            var sub = g.Sub();
                            switch (gf)
                            {
                                case GraphNodeField: ReadNodeOutputs(sub, nodeOutputs); break;
                                case GraphInitializerField: { var n = ReadTensorName(sub); if (n != null) initializers.Add(n); break; }
                                case GraphInputField: inputs.Add(ReadValueInfo(sub)); break;
                                case GraphOutputField: outputs.Add(ReadValueInfo(sub)); break;
                                case GraphValueInfoField: valueInfos.Add(ReadValueInfo(sub)); break;
                            }
                        }
                    }
                    else r.Skip(wire);
                }
            }
            catch (Exception e) when (e is IndexOutOfRangeException || e is ArgumentException || e is OverflowException || e is InvalidDataException)
            {
                throw new InvalidDataException("Not a valid ONNX model (protobuf could not be parsed): " + e.Message, e);
            }
            if (!sawGraph) throw new InvalidDataException("Not a valid ONNX model: no graph found.");
            model.Inputs = inputs.FindAll(i => !initializers.Contains(i.Name));
            model.Outputs = outputs;
            model.ValueInfos = valueInfos;
            model.NodeOutputs = nodeOutputs;
            return model;
        }

        /// <summary>Whether <paramref name="name"/> is a graph output.</summary>
        public bool IsOutput(string name) => ((List<OnnxTensorInfo>)Outputs).Exists(o => o.Name == name);

        /// <summary>Whether a node produces <paramref name="name"/>.</summary>
        public bool IsNodeOutput(string name) => ((List<string>)NodeOutputs).Contains(name);

        /// <summary>
        /// Returns the model's bytes with each named tensor (produced by some node) appended to GraphProto.output
        /// (field 12) as a ValueInfoProto carrying only its name; ONNX Runtime infers type and shape. Names that
        /// already are outputs are left alone. Throws when a name is neither an output nor a node output.
        /// </summary>
        public byte[] WithExtraOutputs(IEnumerable<string> names)
        {
            var add = new List<string>();
            foreach (var n in names)
            {
                if (string.IsNullOrEmpty(n) || IsOutput(n) || add.Contains(n)) continue;
                if (!IsNodeOutput(n))
                    throw new ArgumentException($"The model has no tensor named '{n}' (not a graph output and not produced by any node).", nameof(names));
                add.Add(n);
            }
            if (add.Count == 0) return Bytes;

            var extra = new MemoryStream();
            foreach (var n in add)
            {
                var nameBytes = Encoding.UTF8.GetBytes(n);
                var vi = new MemoryStream();
                WriteTag(vi, 1, 2);
                WriteVarint(vi, (ulong)nameBytes.Length);
                vi.Write(nameBytes, 0, nameBytes.Length);
                WriteTag(extra, GraphOutputField, 2);
                WriteVarint(extra, (ulong)vi.Length);
                vi.WriteTo(extra);
            }

            var result = new MemoryStream(Bytes.Length + (int)extra.Length + 16);
            var r = new Reader(Bytes, 0, Bytes.Length);
            while (r.More)
            {
                int start = r.Pos;
                r.Tag(out int field, out int wire);
                if (field == ModelGraphField && wire == 2)
                {
                    var g = r.Sub();
                    WriteTag(result, ModelGraphField, 2);
                    WriteVarint(result, (ulong)(g.End - g.Pos + extra.Length));
                    result.Write(Bytes, g.Pos, g.End - g.Pos);
                    extra.WriteTo(result);
                }
                else
                {
                    r.Skip(wire);
                    result.Write(Bytes, start, r.Pos - start);
                }
            }
            return result.ToArray();
        }

        private static void ReadNodeOutputs(Reader r, List<string> into)
        {
            while (r.More)
            {
                r.Tag(out int f, out int w);
                if (f == 2 && w == 2) into.Add(r.String());
                else r.Skip(w);
            }
        }

        private static string ReadTensorName(Reader r)
        {
            string name = null;
            while (r.More)
            {
                r.Tag(out int f, out int w);
                if (f == 8 && w == 2) name = r.String();
                else r.Skip(w);
            }
            return name;
        }

        private static OnnxTensorInfo ReadValueInfo(Reader r)
        {
            string name = null; int elem = 0; long[] shape = null;
            while (r.More)
            {
                r.Tag(out int f, out int w);
                if (f == 1 && w == 2) name = r.String();
                else if (f == 2 && w == 2)
                {
                    var type = r.Sub();
                    while (type.More)
                    {
                        type.Tag(out int tf, out int tw);
                        if (tf == 1 && tw == 2)
                        {
                            var tensor = type.Sub();
                            while (tensor.More)
                            {
                                tensor.Tag(out int xf, out int xw);
                                if (xf == 1 && xw == 0) elem = (int)tensor.Varint();
                                else if (xf == 2 && xw == 2) shape = ReadShape(tensor.Sub());
                                else tensor.Skip(xw);
                            }
                        }
                        else type.Skip(tw);
                    }
                }
                else r.Skip(w);
            }
            return new OnnxTensorInfo(name ?? "", elem, shape);
        }

        private static long[] ReadShape(Reader r)
        {
            var dims = new List<long>();
            while (r.More)
            {
                r.Tag(out int f, out int w);
                if (f == 1 && w == 2)
                {
                    var d = r.Sub();
                    long v = -1;
                    while (d.More)
                    {
                        d.Tag(out int df, out int dw);
                        if (df == 1 && dw == 0) { long x = (long)d.Varint(); v = x > 0 ? x : -1; }
                        else d.Skip(dw);
                    }
                    dims.Add(v);
                }
                else r.Skip(w);
            }
            return dims.ToArray();
        }

        private static void WriteTag(Stream s, int field, int wire) => WriteVarint(s, (ulong)((field << 3) | wire));

        private static void WriteVarint(Stream s, ulong v)
        {
            while (v >= 0x80) { s.WriteByte((byte)(v | 0x80)); v >>= 7; }
            s.WriteByte((byte)v);
        }

        private sealed class Reader
        {
            private readonly byte[] _b;
            public int Pos;
            public readonly int End;

            public Reader(byte[] b, int pos, int end) { _b = b; Pos = pos; End = end; }

            public bool More => Pos < End;

            public ulong Varint()
            {
                ulong v = 0; int shift = 0;
                while (true)
                {
                    if (Pos >= End) throw new InvalidDataException("Truncated varint.");
                    byte x = _b[Pos++];
                    v |= (ulong)(x & 0x7F) << shift;
                    if ((x & 0x80) == 0) return v;
                    shift += 7;
                    if (shift > 63) throw new InvalidDataException("Varint too long.");
                }
            }

            public void Tag(out int field, out int wire)
            {
                ulong t = Varint();
                field = (int)(t >> 3);
                wire = (int)(t & 7);
            }

            public Reader Sub()
            {
                ulong len = Varint();
                if (len > (ulong)(End - Pos)) throw new InvalidDataException("Length-delimited field runs past its message.");
                var sub = new Reader(_b, Pos, Pos + (int)len);
                Pos += (int)len;
                return sub;
            }

            public string String()
            {
                var s = Sub();
                return Encoding.UTF8.GetString(_b, s.Pos, s.End - s.Pos);
            }

            public void Skip(int wire)
            {
                switch (wire)
                {
                    case 0: Varint(); break;
                    case 1: Advance(8); break;
                    case 2: Sub(); break;
                    case 5: Advance(4); break;
                    default: throw new InvalidDataException("Unsupported protobuf wire type " + wire + ".");
                }
            }

            private void Advance(int n)
            {
                if (Pos + n > End) throw new InvalidDataException("Truncated field.");
                Pos += n;
            }
        }
    }
}
