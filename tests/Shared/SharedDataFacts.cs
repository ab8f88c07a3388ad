using System;
using System.IO;
using System.Linq;
using Xunit;

namespace DocCluster.Tests
{
    /// <summary>A fact that needs ../shared (real models and images); skipped with a clear message when it is absent.</summary>
    public sealed class SharedModelsFactAttribute : FactAttribute
    {
        public SharedModelsFactAttribute()
        {
            if (!TestPaths.HasShared) Skip = $"Needs the shared models at {TestPaths.SharedModels} (../shared beside the checkout), which is absent.";
        }
    }

    /// <summary>A theory that needs ../shared; skipped with a clear message when it is absent.</summary>
    public sealed class SharedModelsTheoryAttribute : TheoryAttribute
    {
        public SharedModelsTheoryAttribute()
        {
            if (!TestPaths.HasShared) Skip = $"Needs the shared models at {TestPaths.SharedModels} (../shared beside the checkout), which is absent.";
        }
    }
}
