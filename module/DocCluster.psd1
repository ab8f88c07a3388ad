@{
    RootModule           = 'DocCluster.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1e5c3a-2b7d-4c8e-9a41-d0c5b7e2f913'
    Author               = 'DocCluster'
    CompanyName          = 'DocCluster'
    Copyright            = '(c) DocCluster. MIT licence.'
    Description          = 'Sorts document images (ID cards, passports, bills, invoices, receipts, forms, letters) by kind without labels: features, clustering, few-shot classification and safe file sorting.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    RequiredAssemblies   = @('DocCluster.Core.dll')
    FormatsToProcess     = @('DocCluster.format.ps1xml')
    CmdletsToExport      = @(
        'Export-ImageModel'
        'Get-ImageFeature'
        'Get-ImageFeatureModel'
        'Import-ImageModel'
        'Invoke-ImageCluster'
        'Measure-ImageCluster'
        'Move-ImageToCluster'
        'Restore-MovedImage'
        'New-ImageClassifier'
        'Invoke-ImageClassification'
        'Get-ImageLabelSuggestion'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('document', 'image', 'clustering', 'classification', 'onnx', 'scan', 'sort')
        }
    }
}
