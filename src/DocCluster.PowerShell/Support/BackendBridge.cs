using System.Runtime.CompilerServices;
using DocCluster.Features;
using DocCluster.Imaging;

namespace DocCluster.PowerShell.Support
{
    /// <summary>
    /// The only place cmdlets touch DocCluster.Backends. NoInlining keeps the Backends assembly from being
    /// resolved before the module initializer has installed the dependency loader.
    /// </summary>
    internal static class BackendBridge
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IImageDecoder CreateDecoder() => DocCluster.Backends.BackendServices.CreateDecoder();

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IFeatureExtractor CreateExtractor(FeatureExtractorRequest request) => DocCluster.Backends.BackendServices.CreateExtractor(request);
    }
}
