using System;

namespace DocCluster.Persistence
{
    /// <summary>Why a model file could not be saved or loaded.</summary>
    public enum ModelFileError
    {
        /// <summary>The file does not exist.</summary>
        NotFound,
        /// <summary>The file exists but could not be read or written (permissions, sharing, disk).</summary>
        Unreadable,
        /// <summary>Not valid JSON, truncated, fields missing, or the payload contradicts the envelope.</summary>
        Corrupt,
        /// <summary>Valid JSON, but not a DocCluster model file (Format is not "DocCluster.Model").</summary>
        NotAModelFile,
        /// <summary>Written by a newer DocCluster (FormatVersion above <see cref="ModelFile.CurrentFormatVersion"/>).</summary>
        NewerFormat,
        /// <summary>A FormatVersion this DocCluster cannot read (0 or negative).</summary>
        UnsupportedFormat,
        /// <summary>The file's Kind is not one this DocCluster knows.</summary>
        UnknownKind,
        /// <summary>The file holds another kind of model than the one asked for.</summary>
        KindMismatch,
        /// <summary>The model was built on features of another extractor, other settings or another dimension.</summary>
        FeatureMismatch,
        /// <summary>Saving: the object is not a model type that can be saved.</summary>
        UnsupportedModelType,
        /// <summary>Saving without overwrite: the file already exists.</summary>
        AlreadyExists,
    }

    /// <summary>A model file could not be saved or loaded; <see cref="Reason"/> says why.</summary>
    public sealed class ModelFileException : Exception
    {
        public ModelFileException(ModelFileError reason, string path, string message, Exception inner = null)
            : base(message, inner)
        {
            Reason = reason;
            Path = path;
        }

        public ModelFileError Reason { get; }
        /// <summary>The model file concerned; null for streams.</summary>
        public string Path { get; }
    }
}
