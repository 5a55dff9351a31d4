#requires -Version 7.0
<#
    Import-MauticContact, Export-MauticContact and -ModifiedSince/-CreatedSince against the four targets: an import
    with bad rows writes them with their reasons to -ErrorPath, the fixed error file imports again; an export writes
    the chosen fields of exactly the run's contacts; after a change, a delta export (and Get-MauticContact/
    Get-MauticCompany -ModifiedSince) returns exactly what changed, also on 5.1.0 where a contact never edited has no
    dateModified; on 7.0.0, where an API edit does not move dateModified, only what was created, with a warning. Contacts live under the run id's e-mail domain, companies under its name; both are deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the file scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Import- and Export-MauticContact on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'f'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) "mautic-files-$Run"
        New-Item -ItemType Directory -Path $Dir -Force | Out-Null
        # Whole seconds in UTC: Mautic compares dates to the second.
        function script:Get-UtcSecond { $n = [datetime]::UtcNow; [datetime]::new($n.Ticks - $n.Ticks % [timespan]::TicksPerSecond, 'Utc') }
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            $companies = @(Get-MauticCompany -Search $Run -ErrorAction Stop | Where-Object companyname -like "$Run *")
            if ($companies) { $companies | Remove-MauticCompany -Force -ErrorAction Stop }
        }
        Remove-Item $Dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'writes the bad rows of an import with their reasons to -ErrorPath, and the fixed error file imports again' {
        $in = Join-Path $Dir 'hr.csv'
        @(
            'Mail;Given;Office'
            "i1@$Domain;Ada;""Lyon; FR"""
            ';NoKey;Paris'
            'not-an-address;Bad;Paris'
            "i2@$Domain;""Bo """"B"""""";Paris"
        ) | Set-Content $in -Encoding utf8BOM
        $map = @{ Mail = 'email'; Given = 'firstname'; Office = 'city' }
        $out = @(Import-MauticContact $in -Delimiter ';' -FieldMap $map -ErrorPath (Join-Path $Dir 'errors.csv') -ErrorVariable bad -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 2
        @($out | Where-Object Action -ne 'Created').Count | Should -Be 0
        $bad.Count | Should -Be 2
        $bad[0].TargetObject.Given | Should -Be 'NoKey'
        (Get-MauticContact -Email "i2@$Domain" -ErrorAction Stop).firstname | Should -Be 'Bo "B"'
        (Get-MauticContact -Email "i1@$Domain" -ErrorAction Stop).city | Should -Be 'Lyon; FR'

        $errors = @(Import-Csv (Join-Path $Dir 'errors.csv') -Delimiter ';')
        $errors.Count | Should -Be 2
        $errors[0].Given | Should -Be 'NoKey'
        $errors[0].MauticError | Should -BeLike 'Line 3: Row * has no value for email*'
        $errors[1].Mail | Should -Be 'not-an-address'
        $errors[1].MauticError | Should -BeLike 'Line 4: *'

        $errors[0].Mail = "i3@$Domain"
        $errors[1].Mail = "i4@$Domain"
        $errors | Export-Csv (Join-Path $Dir 'errors.csv') -Delimiter ';' -Encoding utf8BOM
        $again = @(Import-MauticContact (Join-Path $Dir 'errors.csv') -Delimiter ';' -FieldMap $map -ErrorPath (Join-Path $Dir 'errors-2.csv') -WarningVariable warned -ErrorAction Stop)
        @($again | Where-Object Action -eq 'Created').Count | Should -Be 2
        $warned | Should -BeNullOrEmpty
        @(Import-Csv (Join-Path $Dir 'errors-2.csv') -Delimiter ';').Count | Should -Be 0
        (Get-MauticContact -Email "i3@$Domain" -ErrorAction Stop).firstname | Should -Be 'NoKey'
    }

    It 'exports the chosen fields of exactly the run''s contacts, and what it wrote imports back unchanged' {
        1..12 | ForEach-Object { [pscustomobject]@{ email = "e$_@$Domain"; firstname = "E, $_"; city = 'Paris' } } | Sync-MauticContact -ErrorAction Stop | Out-Null
        $file = Join-Path $Dir 'export.csv'
        Export-MauticContact $file -Property email, firstname, city, dateAdded -Search "email:e%@$Domain" -PageSize 5 -ErrorAction Stop
        $rows = @(Import-Csv $file)
        $rows.Count | Should -Be 12
        ($rows | Sort-Object { [int]($_.email -replace '^e(\d+)@.*', '$1') } | Select-Object -First 1).firstname | Should -Be 'E, 1'
        $rows[0].dateAdded | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
        (Get-Content $file -TotalCount 1) | Should -Be '"email","firstname","city","dateAdded"'
        $back = @(Import-MauticContact $file -FieldMap @{ email = 'email'; firstname = 'firstname'; city = 'city' } -ErrorAction Stop)
        @($back | Where-Object Action -ne 'Unchanged').Count | Should -Be 0
        Export-MauticContact $file -Property email -Search "email:e%@$Domain" -NoClobber -ErrorVariable clobber -ErrorAction SilentlyContinue
        $clobber[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'returns exactly the changed contact and companies after a change, in a delta export and in Get- -ModifiedSince' {
        [pscustomobject]@{ email = "d1@$Domain"; city = 'Paris' }, [pscustomobject]@{ email = "d2@$Domain"; city = 'Paris' } | Sync-MauticContact -ErrorAction Stop | Out-Null
        $old = New-MauticCompany -Name "$Run old" -ErrorAction Stop
        Start-Sleep -Seconds 2
        $since = Get-UtcSecond
        Start-Sleep -Seconds 1
        [pscustomobject]@{ email = "d2@$Domain"; city = 'Lyon' } | Sync-MauticContact -ErrorAction Stop | ForEach-Object Action | Should -Be 'Updated'
        [pscustomobject]@{ email = "d3@$Domain"; city = 'Nice' } | Sync-MauticContact -ErrorAction Stop | ForEach-Object Action | Should -Be 'Created'
        Set-MauticCompany $old.id -Property @{ companycity = 'Lyon' } -ErrorAction Stop | Out-Null
        $new = New-MauticCompany -Name "$Run new" -ErrorAction Stop

        # Mautic 7.0.0 leaves date_modified at the creation time when a record is edited through the API (measured):
        # there the edited d2 and the edited company are not found, and each call warns that it cannot see them.
        $v7 = $Target -in 'Live7', 'Fake7'
        $changed = if ($v7) { @("d3@$Domain Nice") } else { @("d2@$Domain Lyon", "d3@$Domain Nice") }
        $file = Join-Path $Dir 'delta.csv'
        Export-MauticContact $file -Property email, city -Search "email:%@$Domain" -ModifiedSince $since -WarningVariable warned -ErrorAction Stop
        @(Import-Csv $file | ForEach-Object { "$($_.email) $($_.city)" }) | Should -Be $changed
        @($warned | Where-Object { $_.Message -like '*does not move the date_modified of contacts*' }).Count | Should -Be ([int]$v7)
        @(Get-MauticContact -Search "email:%@$Domain" -ModifiedSince $since -ErrorAction Stop -WarningAction SilentlyContinue | ForEach-Object { "$($_.email) $($_.city)" }) | Should -Be $changed
        @(Get-MauticContact -Search "email:%@$Domain" -CreatedSince $since -ErrorAction Stop).email | Should -Be @("d3@$Domain")
        @(Get-MauticCompany -Search $Run -ModifiedSince $since -ErrorAction Stop -WarningAction SilentlyContinue).id | Should -Be $(if ($v7) { @($new.id) } else { @($old.id, $new.id) })
        @(Get-MauticCompany -Search $Run -CreatedSince $since -ErrorAction Stop).id | Should -Be @($new.id)
        # A watermark after the last change returns nothing.
        Start-Sleep -Seconds 1
        @(Get-MauticContact -Search "email:%@$Domain" -ModifiedSince (Get-UtcSecond) -ErrorAction Stop -WarningAction SilentlyContinue).Count | Should -Be 0
    }
}
