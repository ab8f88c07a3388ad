using System;
using System.Collections.Generic;
using System.Linq;
using DocCluster.Clustering;

namespace DocCluster.Persistence
{
    /// <summary>What a saved model was built on: the feature extractor's name, fingerprint and vector length.</summary>
    public sealed class FeatureIdentity
    {
        public FeatureIdentity(string model, string fingerprint, int dimension)
        {
            Model = model;
            Fingerprint = fingerprint;
            Dimension = dimension;
        }

        public string Model { get; }
        public string Fingerprint { get; }
        public int Dimension { get; }

        public override string ToString() => $"{Model} ({Fingerprint}, {Dimension}-d)";
    }

    /// <summary>One model type that <see cref="ModelFile"/> can save: the Kind written in the file and how to read the
    /// feature identity off an instance.</summary>
    public sealed class ModelFileKind
    {
        internal ModelFileKind(string kind, Type type, Func<object, FeatureIdentity> identity, Func<object, string> validate)
        {
            Kind = kind;
            Type = type;
            Identity = identity;
            Validate = validate;
        }

        public string Kind { get; }
        public Type Type { get; }
        internal Func<object, FeatureIdentity> Identity { get; }
        /// <summary>Returns null when a loaded payload is consistent, else what is wrong with it.</summary>
        internal Func<object, string> Validate { get; }
    }

    /// <summary>
    /// The model types <see cref="ModelFile"/> knows, Kind ↔ Type. The payload is serialised with
    /// DataContractJsonSerializer, so a registered type needs only public get/set properties (or data-contract attributes).
    /// </summary>
    public static class ModelFileKinds
    {
        private static readonly object Gate = new object();
        private static readonly List<ModelFileKind> Kinds = new List<ModelFileKind>();

        static ModelFileKinds()
        {
            // One line per saveable model type.
            Register<ClusterModel>("ClusterModel", m => new FeatureIdentity(m.Model, m.ModelFingerprint, m.Dimension), ValidateClusterModel);
            Register<DocCluster.Classification.ImageClassifier>("ImageClassifier", m => new FeatureIdentity(m.Model, m.ModelFingerprint, m.Dimension), ValidateImageClassifier);
        }

        /// <summary>Makes <typeparamref name="T"/> saveable under <paramref name="kind"/>. Re-registering the same pair is a no-op.</summary>
        /// <param name="kind">Name written into the file's Kind field; never change it once files exist.</param>
        /// <param name="identity">Reads the feature extractor name, fingerprint and dimension off an instance.</param>
        /// <param name="validate">Optional: returns null when a loaded instance is usable, otherwise what is wrong with it.</param>
        public static void Register<T>(string kind, Func<T, FeatureIdentity> identity, Func<T, string> validate = null) where T : class
        {
            if (string.IsNullOrWhiteSpace(kind)) throw new ArgumentException("A model kind name is required.", nameof(kind));
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            lock (Gate)
            {
                var existing = Kinds.FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.Ordinal) || k.Type == typeof(T));
                if (existing != null)
                {
                    if (existing.Type == typeof(T) && existing.Kind == kind) return;
                    throw new InvalidOperationException($"Model kind '{kind}' / type {typeof(T).FullName} conflicts with the registered '{existing.Kind}' ({existing.Type.FullName}).");
                }
                Kinds.Add(new ModelFileKind(kind, typeof(T), o => identity((T)o), validate == null ? (Func<object, string>)null : o => validate((T)o)));
            }
        }

        public static IReadOnlyList<ModelFileKind> All { get { lock (Gate) return Kinds.ToArray(); } }

        public static ModelFileKind ForKind(string kind)
        {
            lock (Gate) return Kinds.FirstOrDefault(k => string.Equals(k.Kind, kind, StringComparison.Ordinal));
        }

        public static ModelFileKind ForType(Type type)
        {
            lock (Gate) return Kinds.FirstOrDefault(k => k.Type == type);
        }
    
        /// <summary>Checks only what format 3 added (the logistic-regression coefficients); older files have none.</summary>
        private static string ValidateImageClassifier(DocCluster.Classification.ImageClassifier m)
        {
            if (m.Coefficients == null) return null;
            int k = m.Kinds?.Length ?? 0;
            if (m.Coefficients.Length != k) return $"Coefficients has {m.Coefficients.Length} rows for {k} kinds.";
            for (int c = 0; c < k; c++)
            {
                var row = m.Coefficients[c];
                if (row == null || row.Length != m.Dimension + 1) return $"coefficient row {c + 1} does not have {m.Dimension + 1} values.";
                foreach (var v in row) if (double.IsNaN(v) || double.IsInfinity(v)) return $"coefficient row {c + 1} holds a non-finite value.";
            }
            return null;
        }

        private static string ValidateClusterModel(ClusterModel m)
        {
            int d = m.Dimension;
            if (d <= 0) return $"Dimension is {d}.";
            if (m.Centroids == null || m.Centroids.Length == 0) return "the model has no centroids.";
            int k = m.Centroids.Length;
            for (int c = 0; c < k; c++)
                if (m.Centroids[c] == null || m.Centroids[c].Length != d) return $"centroid {c + 1} does not have {d} values.";
            if (m.Mean != null && m.Mean.Length != d) return $"Mean has {m.Mean.Length} values, expected {d}.";
            if (m.Scale != null && m.Scale.Length != d) return $"Scale has {m.Scale.Length} values, expected {d}.";
            if ((m.Mean == null) != (m.Scale == null)) return "Mean and Scale must both be present or both absent.";
            if (m.Weights != null && m.Weights.Length != d) return $"Weights has {m.Weights.Length} values, expected {d}.";
            if (m.ClusterNames != null && m.ClusterNames.Length != k) return $"ClusterNames has {m.ClusterNames.Length} names for {k} clusters.";
            if (m.OutlierDistance != null && m.OutlierDistance.Length != k) return $"OutlierDistance has {m.OutlierDistance.Length} values for {k} clusters.";
            return null;
        }
    }
}
