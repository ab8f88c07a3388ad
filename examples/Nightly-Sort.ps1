<#
.SYNOPSIS
    Nightly sort: moves new scans from an inbox into one folder per kind, using a model saved earlier.
.DESCRIPTION
    The model is a file written by Export-ImageModel: either a fitted clustering (Invoke-ImageCluster -ModelVariable)
    or a classifier (New-ImageClassifier; train it with -Context <the archive's features> so that a small night's batch
    is classified inside the archive's neighbourhood). New images are assigned to the saved clusters or kinds without refitting;
    images far from every cluster go to 'outliers', images of a kind nobody labelled to 'Unknown'.
    Features are cached by file content (-CachePath), so an image is only analysed once even if it stays in the inbox.
    Every run appends to a log; bad files are logged and left in the inbox; every move is journaled in the destination
    (doccluster-journal.csv) and can be undone with Restore-MovedImage.

    Schedule it (see README.md, "Nightly sorting"):
      Windows: Register-ScheduledTask with an action running
               pwsh -NoProfile -File C:\DocCluster\examples\Nightly-Sort.ps1 -Inbox D:\Scans\Inbox -Destination D:\Scans\Sorted -ModelPath D:\Scans\kinds.model.json
      Linux/macOS (cron): 0 2 * * * pwsh -NoProfile -File /opt/doccluster/examples/Nightly-Sort.ps1 -Inbox /srv/scans/inbox -Destination /srv/scans/sorted -ModelPath /srv/scans/kinds.model.json
.EXAMPLE
    ./examples/Nightly-Sort.ps1 -Inbox ./inbox -Destination ./sorted -ModelPath ./kinds.model.json -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Inbox,
    [Parameter(Mandatory)] [string] $Destination,
    [Parameter(Mandatory)] [string] $ModelPath,
    # ONNX weights, when the model was built on an ONNX extractor (e.g. DocLayout+MobileNetV1) not in the model cache.
    [string] $FeatureModelPath,
    [string] $CachePath,
    [string] $LogPath,
    [double] $MinConfidence = -1
)
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, '..', 'module', 'DocCluster.psd1'))

$dest = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Destination)
if (-not $CachePath) { $CachePath = [System.IO.Path]::Combine($dest, '.doccluster-cache') }
if (-not $LogPath) { $LogPath = [System.IO.Path]::Combine($dest, 'doccluster-nightly.log') }
$LogPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($LogPath)
if (-not $WhatIfPreference) { [void][System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($LogPath)) }
function Write-Log([string] $Message) {
    $line = '{0:yyyy-MM-ddTHH:mm:ssZ} {1}' -f [datetime]::UtcNow, $Message
    $PSCmdlet.WriteVerbose($line)
    if (-not $WhatIfPreference) { [System.IO.File]::AppendAllText($LogPath, $line + [Environment]::NewLine) }
}

$model = Import-ImageModel -LiteralPath $ModelPath
Write-Log "Start: inbox $Inbox, model $ModelPath ($($model.GetType().Name) on $($model.Model))"

$featureArgs = @{ Model = $model.Model; CachePath = $CachePath }
if ($FeatureModelPath) { $featureArgs.ModelPath = $FeatureModelPath }
$features = @(Get-ChildItem $Inbox -Recurse -File |
    Get-ImageFeature @featureArgs -ErrorAction SilentlyContinue -ErrorVariable extractErrors)
foreach ($e in $extractErrors) { Write-Log "SKIPPED $($e.TargetObject): $($e.FullyQualifiedErrorId.Split(',')[0]): $($e.Exception.Message)" }

if ($features.Count -eq 0) { Write-Log 'Nothing to sort.'; return }
if ($model -is [DocCluster.Classification.ImageClassifier]) {
    $classifyArgs = @{ Classifier = $model }
    if ($MinConfidence -ge 0) { $classifyArgs.MinConfidence = $MinConfidence }
    $sorted = @($features | Invoke-ImageClassification @classifyArgs)
} else {
    $sorted = @($features | Invoke-ImageCluster -Model $model)
}

$moved = @($sorted | Move-ImageToCluster -Destination $dest -PassThru -ErrorAction SilentlyContinue -ErrorVariable moveErrors)
foreach ($m in $moved) { Write-Log "MOVED $($m.Source) -> $($m.Destination)" }
foreach ($e in $moveErrors) { Write-Log "FAILED $($e.TargetObject): $($e.FullyQualifiedErrorId.Split(',')[0]): $($e.Exception.Message)" }
Write-Log ("Done: {0} image page(s), {1} moved, {2} skipped, {3} failed" -f $features.Count, $moved.Count, $extractErrors.Count, $moveErrors.Count)
$moved
