using System.Management.Automation;
using DocCluster.Classification;
using DocCluster.Clustering;

namespace DocCluster.PowerShell.Support
{
    /// <summary>
    /// Lets Move-ImageToCluster take Invoke-ImageClassification output as well as cluster assignments: a
    /// classification becomes an assignment named after its kind ("Unknown" included, so those land in their own folder).
    /// </summary>
    internal sealed class SortableInputAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is ClassificationResult c && c.Feature != null)
                return new ClusterAssignment(c.Feature, 0, c.Kind, c.Distance, c.Confidence, isOutlier: false);
            return inputData;
        }
    }
}
