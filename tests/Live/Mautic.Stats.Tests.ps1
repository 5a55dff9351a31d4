#requires -Version 7.0
<#
    The stats tables, the same scenarios against the fake Mautic and a real one (Invoke-LiveSuite.ps1 runs both).
    Two contacts under the run id's e-mail domain join a segment named after the run; both are deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the stats scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Stats tables on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'r'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Segment = New-MauticSegment -Name "Stats $Run" -ErrorAction Stop
        $script:Members = @("ann@$Domain", "bob@$Domain" | New-MauticContact -ErrorAction Stop)
        $Members | Add-MauticSegmentMember -SegmentId $Segment.id -ErrorAction Stop
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            if ($Segment) { Remove-MauticSegment -Id $Segment.id -Force -ErrorAction Stop }
        }
    }

    It 'lists the tables with their columns and reports an unknown name' {
        $tables = @(Get-MauticStatTable)
        $tables.Name | Should -Contain 'lead_lists_leads'
        ($tables | Where-Object Name -eq 'lead_lists_leads').Columns | Should -Contain 'leadlist_id'
        Get-MauticStatTable "nope$Run" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reads the segment''s rows filtered and ordered on the server, paged' {
        $rows = @(Get-MauticStat lead_lists_leads -Where @{ col = 'leadlist_id'; val = $Segment.id } -OrderBy lead_id -Descending -PageSize 1)
        $rows.Count | Should -Be 2
        $rows[0].PSObject.TypeNames[0] | Should -Be 'Mautic.StatRow'
        $rows[0].Table | Should -Be 'lead_lists_leads'
        $rows.lead_id | Should -Be @($Members.id | Sort-Object -Descending)
        $rows[0].manually_added | Should -Be '1'
    }

    It 'names an unknown table or column in the error' {
        { Get-MauticStat "nope$Run" -ErrorAction Stop } | Should -Throw "*nope$Run*"
        { Get-MauticStat lead_lists_leads -Where @{ col = "no$Run"; val = 1 } -ErrorAction Stop } | Should -Throw "*no$Run*"
    }
}
