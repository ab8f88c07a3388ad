#Requires -Version 5.1
<#
.SYNOPSIS
    Builds DocCluster, assembles the module folder (module/), and runs the tests.
.DESCRIPTION
    Needs the .NET SDK (10 or later) on PATH. The module folder module/ is then ready to import
    (Import-Module ./module/DocCluster.psd1) or to copy into a folder on $env:PSModulePath as 'DocCluster'.
.PARAMETER Configuration
    Debug or Release (default).
.PARAMETER SkipTests
    Only build and assemble the module.
.PARAMETER Install
    Also copy the assembled module to the current user's module folder as DocCluster.
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -SkipTests -Install
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    [switch] $SkipTests,
    [switch] $Install
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    throw 'The .NET SDK (dotnet) is required: https://dot.net'
}

dotnet build DocCluster.PowerShell.sln -c $Configuration
if ($LASTEXITCODE) { throw "Build failed ($LASTEXITCODE)." }
Write-Host "Module assembled in $(Join-Path $PSScriptRoot 'module')"

if (-not $SkipTests) {
    dotnet test DocCluster.PowerShell.sln -c $Configuration --no-build
    if ($LASTEXITCODE) { throw "Tests failed ($LASTEXITCODE)." }
}

if ($Install) {
    $root = if ($IsCoreCLR) {
        if ($IsWindows) { Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'PowerShell/Modules' }
        else { Join-Path $HOME '.local/share/powershell/Modules' }
    } else { Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'WindowsPowerShell/Modules' }
    $target = Join-Path $root 'DocCluster'
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    Copy-Item (Join-Path $PSScriptRoot 'module') $target -Recurse
    Write-Host "Installed to $target"
}
