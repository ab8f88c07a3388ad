using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DocCluster.Clustering;
using DocCluster.Evaluation;

namespace DocCluster.PowerShell.Cmdlets
{
    /// <summary>Compares a clustering with a grouping made by a person: ARI, NMI, purity per kind, confusion table.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ImageCluster")]
    [OutputType(typeof(ClusterEvaluation))]
    [OutputType(typeof(PSObject))]
    public sealed class MeasureImageClusterCommand : PSCmdlet
    {
        private readonly List<ClusterAssignment> assignments = new List<ClusterAssignment>();

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public ClusterAssignment[] InputObject { get; set; }

        /// <summary>A folder sorted by hand (one sub-folder per kind) or a CSV with file and kind columns.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Reference { get; set; }

        /// <summary>Emit the confusion table (one row per reference kind, one column per cluster) instead of the summary.</summary>
        [Parameter]
        public SwitchParameter Confusion { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject != null) assignments.AddRange(InputObject.Where(a => a != null));
        }

        protected override void EndProcessing()
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Reference);
            ReferenceLabels labels;
            try
            {
                labels = ReferenceLabels.Load(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidDataException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ex is FileNotFoundException ? "ReferenceNotFound" : "ReferenceUnreadable",
                    ex is FileNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData, Reference));
                return;
            }

            var reference = new List<KeyValuePair<string, string>>();
            var clusters = new List<KeyValuePair<string, string>>();
            foreach (var a in assignments)
            {
                var key = a.Path + "#" + a.Page;
                clusters.Add(new KeyValuePair<string, string>(key, a.ClusterName ?? ClusterModel.DefaultName(a.Cluster)));
                if (labels.TryGetKind(a.Path, out var kind)) reference.Add(new KeyValuePair<string, string>(key, kind));
            }
            if (reference.Count == 0)
                ThrowTerminatingError(new ErrorRecord(new InvalidDataException($"None of the {assignments.Count} clustered image(s) is in the reference {path}."),
                    "NoReferenceMatch", ErrorCategory.InvalidData, Reference));

            var evaluation = new ClusterEvaluation(reference, clusters, ReferenceLabels.PathComparer);
            if (evaluation.Unmatched > 0)
                WriteWarning($"{evaluation.OnlyInClusters.Length} clustered image(s) have no reference kind and are left out of the scores.");
            if (!Confusion)
            {
                WriteObject(evaluation);
                return;
            }
            foreach (var row in evaluation.Confusion)
            {
                var obj = new PSObject();
                obj.Properties.Add(new PSNoteProperty("Kind", row.Kind));
                obj.Properties.Add(new PSNoteProperty("Total", row.Total));
                for (int i = 0; i < row.Clusters.Length; i++) obj.Properties.Add(new PSNoteProperty(row.Clusters[i], row.Counts[i]));
                WriteObject(obj);
            }
        }
    }
}
