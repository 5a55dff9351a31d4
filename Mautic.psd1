@{
    RootModule             = 'Mautic.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d3c9b1e-7f42-4c8a-9a61-2e0f6b8d4c17'
    Author                 = 'MauticPS contributors'
    CompanyName            = 'MauticPS'
    Copyright              = '(c) MauticPS contributors. MIT License.'
    Description            = 'The whole Mautic REST API from PowerShell: Basic and OAuth2 (client credentials, refresh token) auth, streamed auto-paging, 200-per-request batching with per-record errors, retries that honour Retry-After, and pipeline-friendly objects.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('Mautic.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Mautic'
        'Disconnect-Mautic'
        'Get-MauticConnection'
        'Get-MauticContact'
        'New-MauticContact'
        'Set-MauticContact'
        'Remove-MauticContact'
        'Get-MauticContactSegment'
        'Get-MauticSegment'
        'Add-MauticSegmentMember'
        'Remove-MauticSegmentMember'
        'Send-MauticEmail'
        'Invoke-MauticRequest'
        'Get-MauticCompany'
        'New-MauticCompany'
        'Set-MauticCompany'
        'Remove-MauticCompany'
        'Get-MauticTag'
        'New-MauticTag'
        'Set-MauticTag'
        'Remove-MauticTag'
        'Get-MauticStage'
        'New-MauticStage'
        'Set-MauticStage'
        'Remove-MauticStage'
        'Get-MauticCategory'
        'New-MauticCategory'
        'Set-MauticCategory'
        'Remove-MauticCategory'
        'Get-MauticRole'
        'New-MauticRole'
        'Set-MauticRole'
        'Remove-MauticRole'
        'Get-MauticPointAction'
        'New-MauticPointAction'
        'Set-MauticPointAction'
        'Remove-MauticPointAction'
        'Get-MauticPointTrigger'
        'New-MauticPointTrigger'
        'Set-MauticPointTrigger'
        'Remove-MauticPointTrigger'
        'Get-MauticPointGroup'
        'New-MauticPointGroup'
        'Set-MauticPointGroup'
        'Remove-MauticPointGroup'
        'New-MauticSegment'
        'Set-MauticSegment'
        'Remove-MauticSegment'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Mautic', 'MarketingAutomation', 'CRM', 'REST', 'API', 'OAuth2', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/MauticPS/MauticPS/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/MauticPS/MauticPS'
            ReleaseNotes = '0.1.0: first slice, then companies, tags, stages, categories, roles, point actions, triggers and groups, and segments (Get/New/Set/Remove from one resource table); refused connections retried for a time budget (-UnreachableTimeoutSec); bulk input sent even when the pipeline stops early. Earlier: Connect-Mautic (Basic, OAuth2 client credentials, refresh token, access token), contacts (get, new, set, remove; batched), segments and membership, sending e-mails, Invoke-MauticRequest for every other route.'
        }
    }
}
