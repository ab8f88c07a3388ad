using System.Management.Automation;
using DocCluster.Features;
using DocCluster.Features.Models;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Lists the feature extractors -Model accepts, with each ONNX model's settings and whether its weights are on disk.</summary>
    [Cmdlet(VerbsCommon.Get, "ImageFeatureModel")]
    [OutputType(typeof(FeatureModelEntry))]
    public sealed class GetImageFeatureModelCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string Name { get; set; } = "*";

        protected override void EndProcessing()
        {
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var store = ModelStore.CreateDefault();
            var entries = new System.Collections.Generic.List<FeatureModelEntry>
            {
                FeatureModelEntry.Layout(),
                FeatureModelEntry.BuiltIn(ThumbnailExtractor.ModelName, new ThumbnailExtractor().Info.Description),
            };
            foreach (var spec in FeatureModelRegistry.All) entries.Add(FeatureModelEntry.For(spec, store));
            foreach (var entry in entries)
                if (pattern.IsMatch(entry.Name)) WriteObject(entry);
        }
    }
}
