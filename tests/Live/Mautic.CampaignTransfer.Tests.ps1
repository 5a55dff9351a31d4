#requires -Version 7.0
<#
    Campaign export and import (Mautic 7.0's GET campaigns/export/{id} and POST campaigns/import) and a campaign's
    events through the pipeline, on every target (Data @{ Target = 'Fake' | 'Fake7' | 'Live' | 'Live7' }). On 7.x a
    campaign is exported to JSON and to a zip and imported back, as copies and in place; before 7.0 both cmdlets must
    refuse at once, naming the versions. Everything is created under a run id and removed at the end.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live campaign transfer suite SKIPPED, it did not run against a real Mautic: $SkipReason." }
    # The target's Mautic major version, needed at discovery (-Skip is evaluated then, before BeforeAll sets $T):
    # the fake's from the target table, a real server's from its Mautic-Version header (one call, cached).
    $script:Major = if ($SkipReason) { 0 } elseif ($ScenarioTargets[$Target].Fake) { ([version]$ScenarioTargets[$Target].Fake).Major } else {
        $prefix = $ScenarioTargets[$Target].Prefix
        $var = { param($name) [Environment]::GetEnvironmentVariable($prefix + $name) }
        (Get-ServerVersion (& $var URL).TrimEnd('/') (ConvertTo-ScenarioCredential (& $var USER) (& $var PASSWORD))).Major
    }
}

Describe 'Mautic campaign export, import and events on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'x'
        $script:Run = $T.Run
        $script:Missing = 987654321
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) "mautic-transfer-$Run"
        $null = New-Item -ItemType Directory -Path $Dir
        $script:Segment = New-MauticSegment -Name "seg-$Run"
        $events = @(
            @{ id = 'new1'; name = "p1-$Run"; type = 'lead.changepoints'; eventType = 'action'; order = 1; properties = @{ points = 5 }; triggerMode = 'immediate' }
            @{ id = 'new2'; name = "p2-$Run"; type = 'lead.changepoints'; eventType = 'action'; order = 2; properties = @{ points = 3 }; triggerMode = 'immediate' }
        )
        $script:Campaign = New-MauticCampaign -Name "main-$Run" -Description 'transfer' -SegmentId $Segment.id -Event $events -IsPublished:$false
        $script:EventNames = @($Campaign.events.name | Sort-Object)
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticCampaign -Search $Run -ErrorAction Stop)
            if ($left) { $left | Remove-MauticCampaign -Force -ErrorAction Stop }
            if ($Segment) { Remove-MauticSegment -Id $Segment.id -Force -ErrorAction Stop }
        }
        if ($Dir) { Remove-Item -LiteralPath $Dir -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It "lists a campaign's events by -CampaignId and from a piped campaign" {
        $byId = @(Get-MauticCampaignEvent -CampaignId $Campaign.id)
        @($byId.name | Sort-Object) | Should -Be $EventNames
        $byId | ForEach-Object { $_.campaign.id | Should -Be $Campaign.id }
        $byId[0].PSObject.TypeNames[0] | Should -Be 'Mautic.CampaignEvent'
        $piped = @(Get-MauticCampaign -Id $Campaign.id | Get-MauticCampaignEvent)
        @($piped.id | Sort-Object) | Should -Be @($byId.id | Sort-Object)
        $err = $null
        Get-MauticCampaignEvent -CampaignId $Missing -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $Missing
        (Get-MauticCampaignEvent -Id $byId[0].id).id | Should -Be $byId[0].id   # by id as before
    }

    It 'refuses export and import before Mautic 7.0, naming both versions, and writes nothing' -Skip:($Major -ge 7) {
        $err = $null
        Export-MauticCampaign -Id $Campaign.id -Path $Dir -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $err[0].Exception.Message | Should -Be "Exporting a campaign needs Mautic 7.0 or later; this server is $($T.Version)."
        $err[0].TargetObject | Should -Be $Campaign.id
        Get-ChildItem -LiteralPath $Dir | Should -BeNullOrEmpty
        Set-Content -LiteralPath (Join-Path $Dir 'c.json') -Value '[]'
        $err = $null
        Import-MauticCampaign -LiteralPath (Join-Path $Dir 'c.json') -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $err[0].Exception.Message | Should -Be "Importing a campaign needs Mautic 7.0 or later; this server is $($T.Version)."
    }

    It 'exports the campaign to JSON and to a zip holding that JSON' -Skip:($Major -lt 7) {
        $json = Export-MauticCampaign -Id $Campaign.id -Path $Dir -PassThru
        $json.Name | Should -Be "campaign-$($Campaign.id).json"
        $data = Get-Content -LiteralPath $json.FullName -Raw | ConvertFrom-Json -NoEnumerate
        $data[0].campaign[0].name | Should -Be "main-$Run"
        $data[0].campaign[0].uuid | Should -Not -BeNullOrEmpty
        @($data[0].campaign_event.name | Sort-Object) | Should -Be $EventNames

        $zip = Get-MauticCampaign -Id $Campaign.id | Export-MauticCampaign -Path (Join-Path $Dir 'main.zip') -PassThru
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip.FullName)
        try { @($archive.Entries.FullName) | Should -Be @('entity_data.json') } finally { $archive.Dispose() }

        $err = $null
        Export-MauticCampaign -Id $Campaign.id -Path $Dir -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Export-MauticCampaign -Id $Campaign.id -Path $Dir -Force
        $err = $null
        Export-MauticCampaign -Id $Missing -Path $Dir -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $Missing
    }

    It 'imports the JSON and the zip as copies with the same name and events' -Skip:($Major -lt 7) {
        $copies = @(Get-ChildItem -LiteralPath $Dir -Include *.json, *.zip -Recurse | Sort-Object Name | Import-MauticCampaign -AsCopy)
        $copies.Count | Should -Be 2
        foreach ($copy in $copies) {
            $copy.PSObject.TypeNames[0] | Should -Be 'Mautic.Campaign'
            $copy.id | Should -Not -Be $Campaign.id
            $copy.name | Should -Be "main-$Run"
            $copy.isPublished | Should -BeFalse
            @($copy.events.name | Sort-Object) | Should -Be $EventNames
            @(Compare-Object @($copy.events.id) @($Campaign.events.id) -IncludeEqual -ExcludeDifferent) | Should -BeNullOrEmpty
            @(Get-MauticCampaignEvent -CampaignId $copy.id).Count | Should -Be $EventNames.Count
        }
        $copies[0].id | Should -Not -Be $copies[1].id
    }

    It 'imports the JSON in place: the same campaign, unpublished' -Skip:($Major -lt 7) {
        Set-MauticCampaign -Id $Campaign.id -IsPublished | Out-Null
        $back = Import-MauticCampaign -LiteralPath (Join-Path $Dir "campaign-$($Campaign.id).json")
        $back.id | Should -Be $Campaign.id
        $back.isPublished | Should -BeFalse
        @($back.events.id | Sort-Object) | Should -Be @($Campaign.events.id | Sort-Object)
        @(Get-MauticCampaign -Search "main-$Run").Count | Should -Be 3
    }

    It 'refuses a file that is not a campaign export before sending' -Skip:($Major -lt 7) {
        $bad = Join-Path $Dir 'bad.json'
        Set-Content -LiteralPath $bad -Value '[{"campaign":[]}]'
        $err = $null
        Import-MauticCampaign -LiteralPath $bad -ErrorVariable err -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'campaigns/import' } | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -Match "'bad.json' is not a Mautic campaign export"
        Remove-Item -LiteralPath $bad
    }
}
