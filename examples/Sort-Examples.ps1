<#
.SYNOPSIS
    The main job on the bundled examples: extract features, cluster into kinds, copy each kind into its own folder.
.DESCRIPTION
    Copies (never moves) examples/scans into one folder per cluster under -Destination, shows what went where,
    and prints how the clusters compare with the true kinds (the file names start with the kind).
.EXAMPLE
    ./examples/Sort-Examples.ps1
.EXAMPLE
    ./examples/Sort-Examples.ps1 -Destination ./sorted -K Auto
#>
[CmdletBinding()]
param(
    [string] $Destination = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'doccluster-examples-' + [datetime]::Now.ToString('yyyyMMdd-HHmmss')),
    [string] $K = '5'
)
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, '..', 'module', 'DocCluster.psd1'))

$scans = [System.IO.Path]::Combine($PSScriptRoot, 'scans')
$assignments = Get-ChildItem $scans -Recurse -File | Get-ImageFeature | Invoke-ImageCluster -K $K -Seed 1
$results = $assignments | Move-ImageToCluster -Destination $Destination -Copy -PassThru

foreach ($r in $results) { '{0,-18} -> {1}' -f [System.IO.Path]::GetFileName($r.Source), $r.Destination }

$truth = [System.IO.Path]::Combine($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Destination), 'true-kinds.csv')
[System.IO.File]::WriteAllLines($truth, [string[]](@('path,kind') + ($assignments | ForEach-Object { '"{0}",{1}' -f $_.Path, ($_.Name -split '-')[0] })))
$score = $assignments | Measure-ImageCluster -Reference $truth
'{0} images in {1} clusters; agreement with the true kinds: ARI {2:N3}, NMI {3:N3}' -f $score.Count, $score.Clusters.Count, $score.Ari, $score.Nmi
"Sorted copies and the journal are in $Destination"
