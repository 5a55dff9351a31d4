#requires -Version 7.0
<#
    Sync-MauticContact against the four targets: 300 rows synced twice (the second run all Unchanged, with no write
    request in the module's -Verbose request lines and no contact's dateModified moved on the server), a changed
    field, -WhatIf, -ClearEmpty and the rows that are errors. Contacts live under the run id's e-mail domain and are
    deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the sync scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Sync-MauticContact on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'y'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        function script:New-SyncRow { 1..300 | ForEach-Object { [pscustomobject]@{ Email = "p$_@$Domain"; FirstName = "P$_"; City = 'Paris'; Points = 3 } } }
        # The requests a run sent that change something, from the module's own -Verbose request lines.
        function script:Get-WriteRequest($records) { @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^(POST|PUT|PATCH|DELETE) \S+ -> \d+ in ' }) }
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    It 'creates 300 rows in two batch requests, and a second run is all Unchanged and writes nothing' {
        $first = @(New-SyncRow | Sync-MauticContact -Verbose -ErrorAction Stop 4>&1)
        $results = @($first | Where-Object { $_.PSObject.TypeNames[0] -eq 'Mautic.SyncResult' })
        $results.Count | Should -Be 300
        @($results | Where-Object Action -ne 'Created').Count | Should -Be 0
        (Get-WriteRequest $first).Count | Should -Be 2
        $before = @(Get-MauticContact -Search "email:%@$Domain" -Select email, dateModified -ErrorAction Stop)
        $before.Count | Should -Be 300

        $second = @(New-SyncRow | Sync-MauticContact -Verbose -ErrorAction Stop 4>&1)
        $again = @($second | Where-Object { $_.PSObject.TypeNames[0] -eq 'Mautic.SyncResult' })
        $again.Count | Should -Be 300
        @($again | Where-Object Action -ne 'Unchanged').Count | Should -Be 0
        Get-WriteRequest $second | Should -BeNullOrEmpty
        ($second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Sync-MauticContact: 0 created, 0 updated, 300 unchanged, 0 failed;*' }) | Should -Not -BeNullOrEmpty
        $after = @(Get-MauticContact -Search "email:%@$Domain" -Select email, dateModified -ErrorAction Stop)
        ($after | ForEach-Object { "$($_.id) $($_.dateModified)" }) | Should -Be ($before | ForEach-Object { "$($_.id) $($_.dateModified)" })
    }

    It 'writes only a changed field, shows it under -WhatIf without writing, and reports old to new' {
        $rows = New-SyncRow
        $rows[7].City = 'Lyon'
        $preview = @($rows | Sync-MauticContact -WhatIf -Verbose -ErrorAction Stop 4>&1)
        Get-WriteRequest $preview | Should -BeNullOrEmpty
        $done = @($rows | Sync-MauticContact -ErrorAction Stop | Where-Object Action -eq 'Updated')
        $done.Count | Should -Be 1
        @($done[0].Changed) | Should -Be @("city: Paris $([char]0x2192) Lyon")
        (Get-MauticContact -Email "p8@$Domain" -ErrorAction Stop).city | Should -Be 'Lyon'
    }

    It 'leaves a field alone for an empty value, and clears it with -ClearEmpty' {
        [pscustomobject]@{ Email = "p9@$Domain"; City = '' } | Sync-MauticContact -ErrorAction Stop | ForEach-Object Action | Should -Be 'Unchanged'
        (Get-MauticContact -Email "p9@$Domain").city | Should -Be 'Paris'
        [pscustomobject]@{ Email = "p9@$Domain"; City = '' } | Sync-MauticContact -ClearEmpty -ErrorAction Stop | ForEach-Object Action | Should -Be 'Updated'
        (Get-MauticContact -Email "p9@$Domain").city | Should -BeNullOrEmpty
    }

    It 'gives each bad row an error carrying it and syncs the others' {
        $rows = [pscustomobject]@{ Email = "dup@$Domain" }, [pscustomobject]@{ FirstName = 'NoKey' }, [pscustomobject]@{ Email = "DUP@$Domain" }, [pscustomobject]@{ Email = "ok@$Domain" }
        $out = @($rows | Sync-MauticContact -ErrorVariable bad -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 2
        $bad.Count | Should -Be 2
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $bad[0].TargetObject.FirstName | Should -Be 'NoKey'
        $bad[1].Exception.Message | Should -BeLike "Rows 1 and 3 both have email 'DUP@$Domain'*"
    }
}
