using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using DocCluster.Features;

namespace DocCluster.Persistence
{
    /// <summary>The envelope of a saved model: what it is, which DocCluster wrote it, and which features it expects.</summary>
    [DataContract(Name = "ModelFile", Namespace = "")]
    public class ModelFileHeader
    {
        [DataMember(Order = 0)] public string Format { get; set; }
        [DataMember(Order = 1)] public int? FormatVersion { get; set; }
        /// <summary>Registered model kind, e.g. "ClusterModel" (see <see cref="ModelFileKinds"/>).</summary>
        [DataMember(Order = 2)] public string Kind { get; set; }
        /// <summary>ISO 8601 UTC time of saving, e.g. 2025-01-31T12:00:00.0000000Z.</summary>
        [DataMember(Order = 3)] public string CreatedUtc { get; set; }
        /// <summary>"DocCluster &lt;version&gt;" of the module that wrote the file.</summary>
        [DataMember(Order = 4)] public string CreatedBy { get; set; }
        /// <summary>Feature extractor name, e.g. "DocLayout".</summary>
        [DataMember(Order = 5)] public string FeatureModel { get; set; }
        /// <summary>Fingerprint of the extractor and all its settings; new features must have the same.</summary>
        [DataMember(Order = 6)] public string FeatureFingerprint { get; set; }
        [DataMember(Order = 7)] public int Dimension { get; set; }

        public override string ToString() => $"{Kind} ({FeatureModel} {FeatureFingerprint}, {Dimension}-d), format {FormatVersion}, {CreatedBy}, {CreatedUtc}";
    }

    [DataContract(Name = "ModelFile", Namespace = "")]
    internal sealed class ModelFileEnvelope<T> : ModelFileHeader
    {
        [DataMember(Order = 8)] public T Payload { get; set; }
    }

    /// <summary>
    /// Saves and loads fitted models (any type registered in <see cref="ModelFileKinds"/>) as one UTF-8 JSON file:
    /// <c>{ "Format": "DocCluster.Model", "FormatVersion": 1, "Kind": ..., "CreatedUtc": ..., "CreatedBy": ...,
    /// "FeatureModel": ..., "FeatureFingerprint": ..., "Dimension": ..., "Payload": { the model's properties } }</c>.
    /// Files are written atomically (temporary file, then rename).
    /// </summary>
    public static class ModelFile
    {
        public const string FormatName = "DocCluster.Model";
        public const int CurrentFormatVersion = 1;

        /// <summary>"DocCluster 0.1.0": written into CreatedBy.</summary>
        public static string CreatedByThisVersion
        {
            get
            {
                var asm = typeof(ModelFile).GetTypeInfo().Assembly;
                var info = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
                if (info != null && info.IndexOf('+') > 0) info = info.Substring(0, info.IndexOf('+'));
                return "DocCluster " + (info ?? asm.GetName().Version?.ToString() ?? "?");
            }
        }

        // ------------------------------------------------------------------ save

        /// <summary>Saves <paramref name="model"/> to <paramref name="path"/> (atomically). Throws <see cref="ModelFileException"/>:
        /// AlreadyExists when the file exists and <paramref name="overwrite"/> is false, UnsupportedModelType, Unreadable on I/O errors.</summary>
        public static ModelFileHeader Save(object model, string path, bool overwrite = false)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            var kind = KindOf(model, path);
            var header = HeaderFor(model, kind);
            bool written;
            try
            {
                written = AtomicFile.Write(path, s => Serialize(model, kind, header, s), overwrite);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ModelFileException(ex is DirectoryNotFoundException ? ModelFileError.NotFound : ModelFileError.Unreadable, path,
                    $"Cannot write the model file {path}: {ex.Message}", ex);
            }
            if (!written)
                throw new ModelFileException(ModelFileError.AlreadyExists, path, $"The model file {path} already exists. Choose another name or allow overwriting (-Force).");
            return header;
        }

        /// <summary>Writes <paramref name="model"/> to a stream (not atomic: the caller owns the stream).</summary>
        public static ModelFileHeader Save(object model, Stream stream)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            var kind = KindOf(model, null);
            var header = HeaderFor(model, kind);
            Serialize(model, kind, header, stream);
            return header;
        }

        private static ModelFileKind KindOf(object model, string path)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            var kind = ModelFileKinds.ForType(model.GetType());
            if (kind == null)
                throw new ModelFileException(ModelFileError.UnsupportedModelType, path,
                    $"A {model.GetType().FullName} cannot be saved as a model. Supported: {string.Join(", ", System.Linq.Enumerable.Select(ModelFileKinds.All, k => k.Kind))}.");
            return kind;
        }

        private static ModelFileHeader HeaderFor(object model, ModelFileKind kind)
        {
            var id = kind.Identity(model);
            return new ModelFileHeader
            {
                Format = FormatName,
                FormatVersion = CurrentFormatVersion,
                Kind = kind.Kind,
                CreatedUtc = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                CreatedBy = CreatedByThisVersion,
                FeatureModel = id.Model,
                FeatureFingerprint = id.Fingerprint,
                Dimension = id.Dimension,
            };
        }

        private static void Serialize(object model, ModelFileKind kind, ModelFileHeader header, Stream stream)
        {
            var envType = typeof(ModelFileEnvelope<>).MakeGenericType(kind.Type);
            var env = (ModelFileHeader)Activator.CreateInstance(envType);
            env.Format = header.Format; env.FormatVersion = header.FormatVersion; env.Kind = header.Kind;
            env.CreatedUtc = header.CreatedUtc; env.CreatedBy = header.CreatedBy; env.FeatureModel = header.FeatureModel;
            env.FeatureFingerprint = header.FeatureFingerprint; env.Dimension = header.Dimension;
            envType.GetProperty("Payload").SetValue(env, model);
            var buffer = new MemoryStream();
            using (var writer = JsonReaderWriterFactory.CreateJsonWriter(buffer, new UTF8Encoding(false), false, true, "  "))
            {
                new DataContractJsonSerializer(envType).WriteObject(writer, env);
                writer.Flush();
            }
            var json = QuoteNonFiniteNumbers(buffer.ToArray());
            stream.Write(json, 0, json.Length);
        }

        /// <summary>DataContractJsonSerializer writes infinities and NaN as bare INF, -INF, NaN, which is not JSON; it reads
        /// them back just as well from strings ("INF"), so they are quoted to keep the file valid JSON for other tools.
        /// Byte-wise scan of UTF-8: quotes and backslashes never occur inside multi-byte sequences.</summary>
        internal static byte[] QuoteNonFiniteNumbers(byte[] json)
        {
            var output = new MemoryStream(json.Length + 64);
            bool inString = false;
            for (int i = 0; i < json.Length; i++)
            {
                byte b = json[i];
                if (inString)
                {
                    output.WriteByte(b);
                    if (b == (byte)'\\' && i + 1 < json.Length) output.WriteByte(json[++i]);
                    else if (b == (byte)'"') inString = false;
                    continue;
                }
                if (b == (byte)'"') { inString = true; output.WriteByte(b); continue; }
                int len = TokenAt(json, i, "-INF") ? 4 : TokenAt(json, i, "INF") || TokenAt(json, i, "NaN") ? 3 : 0;
                if (len > 0)
                {
                    output.WriteByte((byte)'"');
                    output.Write(json, i, len);
                    output.WriteByte((byte)'"');
                    i += len - 1;
                    continue;
                }
                output.WriteByte(b);
            }
            return output.ToArray();
        }

        private static bool TokenAt(byte[] json, int i, string token)
        {
            if (i + token.Length > json.Length) return false;
            for (int t = 0; t < token.Length; t++) if (json[i + t] != (byte)token[t]) return false;
            return true;
        }

        // ------------------------------------------------------------------ load

        /// <summary>Reads and checks only the envelope (Format, FormatVersion, Kind known).</summary>
        public static ModelFileHeader ReadHeader(string path) => CheckHeader(Deserialize<ModelFileHeader>(ReadAll(path), path), path);

        /// <summary>Loads a model of any registered kind.</summary>
        public static object Load(string path) => Load(path, out _);

        public static object Load(string path, out ModelFileHeader header)
        {
            var bytes = ReadAll(path);
            return LoadFrom(bytes, path, null, out header);
        }

        /// <summary>Loads a model that must be of type <typeparamref name="T"/> (else KindMismatch).</summary>
        public static T Load<T>(string path) where T : class
        {
            var bytes = ReadAll(path);
            return (T)LoadFrom(bytes, path, typeof(T), out _);
        }

        public static object Load(Stream stream, out ModelFileHeader header)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            var ms = new MemoryStream();
            stream.CopyTo(ms);
            return LoadFrom(ms.ToArray(), null, null, out header);
        }

        /// <summary>Throws FeatureMismatch unless features of <paramref name="extractor"/> fit a model with this header.</summary>
        public static void EnsureCompatible(ModelFileHeader header, FeatureModelInfo extractor, string path = null)
        {
            if (header == null) throw new ArgumentNullException(nameof(header));
            if (extractor == null) throw new ArgumentNullException(nameof(extractor));
            if (!string.Equals(header.FeatureFingerprint, extractor.Fingerprint, StringComparison.Ordinal) || header.Dimension != extractor.Dimension)
                throw new ModelFileException(ModelFileError.FeatureMismatch, path,
                    $"The {header.Kind} in {path ?? "the model file"} was built on {header.FeatureModel} features ({header.FeatureFingerprint}, {header.Dimension}-d), " +
                    $"not on {extractor.Name} ({extractor.Fingerprint}, {extractor.Dimension}-d). Extract features with the model's extractor and settings, or build a new model.");
        }

        private static object LoadFrom(byte[] bytes, string path, Type expected, out ModelFileHeader header)
        {
            string where = path ?? "the model stream";
            header = CheckHeader(Deserialize<ModelFileHeader>(bytes, path), path);
            var kind = ModelFileKinds.ForKind(header.Kind);
            if (expected != null && kind.Type != expected)
            {
                var wanted = ModelFileKinds.ForType(expected)?.Kind ?? expected.Name;
                throw new ModelFileException(ModelFileError.KindMismatch, path, $"{where} holds a {header.Kind}, not a {wanted}.");
            }
            var envType = typeof(ModelFileEnvelope<>).MakeGenericType(kind.Type);
            var env = Deserialize(bytes, path, envType);
            var payload = envType.GetProperty("Payload").GetValue(env);
            if (payload == null) throw new ModelFileException(ModelFileError.Corrupt, path, $"{where} has no model (Payload is missing).");
            var id = kind.Identity(payload);
            if (!string.Equals(id.Fingerprint, header.FeatureFingerprint, StringComparison.Ordinal) || id.Dimension != header.Dimension)
                throw new ModelFileException(ModelFileError.Corrupt, path,
                    $"{where} is inconsistent: the envelope says {header.FeatureModel} ({header.FeatureFingerprint}, {header.Dimension}-d) but the model inside was built on {id}.");
            var problem = kind.Validate?.Invoke(payload);
            if (problem != null) throw new ModelFileException(ModelFileError.Corrupt, path, $"{where} holds a damaged {header.Kind}: {problem}");
            return payload;
        }

        private static ModelFileHeader CheckHeader(ModelFileHeader h, string path)
        {
            string where = path ?? "the model stream";
            if (h == null || !string.Equals(h.Format, FormatName, StringComparison.Ordinal))
                throw new ModelFileException(ModelFileError.NotAModelFile, path, $"{where} is not a DocCluster model file (Format is '{h?.Format}', expected '{FormatName}').");
            if (!h.FormatVersion.HasValue)
                throw new ModelFileException(ModelFileError.Corrupt, path, $"{where} has no FormatVersion.");
            if (h.FormatVersion.Value > CurrentFormatVersion)
                throw new ModelFileException(ModelFileError.NewerFormat, path,
                    $"{where} was made by a newer DocCluster ({h.CreatedBy}, model format {h.FormatVersion}); this is {CreatedByThisVersion}, which reads format {CurrentFormatVersion}. Upgrade DocCluster to load it.");
            if (h.FormatVersion.Value < 1)
                throw new ModelFileException(ModelFileError.UnsupportedFormat, path, $"{where} has model format {h.FormatVersion}, which this DocCluster cannot read (it reads format {CurrentFormatVersion}).");
            if (string.IsNullOrEmpty(h.Kind))
                throw new ModelFileException(ModelFileError.Corrupt, path, $"{where} does not say which kind of model it holds (Kind is missing).");
            if (ModelFileKinds.ForKind(h.Kind) == null)
                throw new ModelFileException(ModelFileError.UnknownKind, path,
                    $"{where} holds a '{h.Kind}', which this DocCluster ({CreatedByThisVersion}) cannot load. Known kinds: {string.Join(", ", System.Linq.Enumerable.Select(ModelFileKinds.All, k => k.Kind))}.");
            if (string.IsNullOrEmpty(h.FeatureFingerprint) || h.Dimension <= 0)
                throw new ModelFileException(ModelFileError.Corrupt, path, $"{where} does not say which features the model needs (FeatureFingerprint/Dimension missing).");
            return h;
        }

        private static byte[] ReadAll(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new ModelFileException(ModelFileError.NotFound, path, $"Model file not found: {path}", ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ModelFileException(ModelFileError.Unreadable, path, $"Cannot read the model file {path}: {ex.Message}", ex);
            }
        }

        private static T Deserialize<T>(byte[] bytes, string path) => (T)Deserialize(bytes, path, typeof(T));

        private static object Deserialize(byte[] bytes, string path, Type type)
        {
            try
            {
                using (var reader = JsonReaderWriterFactory.CreateJsonReader(bytes, XmlDictionaryReaderQuotas.Max))
                    return new DataContractJsonSerializer(type).ReadObject(reader);
            }
            catch (Exception ex) when (ex is SerializationException || ex is XmlException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
            {
                throw new ModelFileException(ModelFileError.Corrupt, path, $"{path ?? "The model stream"} is damaged or not a model file: {ex.Message}", ex);
            }
        }
    }
}
