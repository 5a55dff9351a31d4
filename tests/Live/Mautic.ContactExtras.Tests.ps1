#requires -Version 7.0
<#
    Contact sub-resources (do-not-contact, UTM tags, points and point-group scores, devices, companies, activity,
    several contacts by id, contacts' PUT) against the fake Mautic and against a real one: run as a Pester container
    with Data @{ Target = 'Fake' } and @{ Target = 'Live' } (tests/Live/Invoke-LiveSuite.ps1 does both). Everything
    is created under a run id and removed at the end.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the contact sub-resource scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Contact sub-resources on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'x'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Missing = 987654321
        $script:C1 = New-MauticContact -Email "one@$Domain" -FirstName One -LastName First -Tag "t-$Run"
        $script:C2 = New-MauticContact -Email "two@$Domain" -FirstName Two
        $script:Group = New-MauticPointGroup -Name "pg-$Run"
        $script:Company = $null
    }

    AfterAll {
        Exit-ScenarioRun $T {
            Remove-MauticContact -Id $C1.id, $C2.id -Force -ErrorAction SilentlyContinue
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            if ($Group) { Remove-MauticPointGroup -Id $Group.id -Force -ErrorAction Stop }
            if ($Company) { Remove-MauticCompany -Id $Company.id -Force -ErrorAction Stop }
            foreach ($tag in Get-ScenarioTag "%$Run%") { Invoke-MauticRequest -Method DELETE -Path "tags/$($tag.id)/delete" -ErrorAction Stop | Out-Null }
        }
    }

    Context 'Do not contact' {
        It 'adds an entry with a reason by name, keeps the first reason on a second add, and removes it' {
            $c = Add-MauticContactDoNotContact -Id $C1.id -Reason Unsubscribed -Comments "run $Run" -PassThru
            $c.PSObject.TypeNames[0] | Should -Be 'Mautic.Contact'
            $c.email | Should -Be "one@$Domain"
            $entry = @($c.doNotContact | Where-Object channel -eq 'email')
            $entry.Count | Should -Be 1
            $entry[0].reason | Should -Be 1
            $entry[0].comments | Should -Be "run $Run"
            $again = Add-MauticContactDoNotContact -Id $C1.id -Reason Bounced -PassThru
            @($again.doNotContact | Where-Object channel -eq 'email')[0].reason | Should -Be 1
            $gone = Remove-MauticContactDoNotContact -Id $C1.id -Force -PassThru
            @($gone.doNotContact | Where-Object channel -eq 'email').Count | Should -Be 0
            $none = Remove-MauticContactDoNotContact -Id $C1.id -Force -Verbose 4>&1
            @($none | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'no do-not-contact entry' }).Count | Should -Be 1
        }

        It 'reports a missing contact as ObjectNotFound carrying its id, and sms works too' {
            $out = @($C2.id, $Missing | Add-MauticContactDoNotContact -Channel sms -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue)
            $out.Count | Should -Be 1
            $errs.Count | Should -Be 1
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].TargetObject | Should -Be $Missing
            @($out[0].doNotContact | Where-Object channel -eq 'sms').Count | Should -Be 1
            Remove-MauticContactDoNotContact -Id $C2.id -Channel sms -Force
        }
    }

    Context 'UTM tags and devices' {
        It 'records UTM values, the user agent as a device, and removes an entry by id' {
            $ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Mobile/15E148 Safari/604.1'
            $c = Add-MauticContactUtm -Id $C1.id -Campaign "camp-$Run" -Source news -Medium email -UserAgent $ua -Query @{ gclid = 'g1' } -PassThru
            $utm = @($c.utmtags | Where-Object utmCampaign -eq "camp-$Run")
            $utm.Count | Should -Be 1
            $utm[0].utmSource | Should -Be 'news'
            $utm[0].query.gclid | Should -Be 'g1'
            @(Get-MauticContactDevice -Id $C1.id).Count | Should -Be 1
            (Get-MauticContactDevice -Id $C1.id).ContactId | Should -Be $C1.id
            $after = Remove-MauticContactUtm -ContactId $C1.id -UtmId $utm[0].id -Force -PassThru
            @($after.utmtags | Where-Object id -eq $utm[0].id).Count | Should -Be 0
            { Remove-MauticContactUtm -ContactId $C1.id -UtmId $utm[0].id -Force -ErrorAction Stop } | Should -Throw -ExpectedMessage '*has no UTM tag*'
        }
    }

    Context 'Points' {
        It 'adds, subtracts with a negative Add, multiplies, and divides rounding like PHP' {
            Set-MauticContactPoint -Id $C1.id -Points 0
            (Add-MauticContactPoint -Id $C1.id -Points 10 -PassThru).points | Should -Be 10
            (Add-MauticContactPoint -Id $C1.id -Points -3 -PassThru).points | Should -Be 7
            (Add-MauticContactPoint -Id $C1.id -Points 2 -Operator '*' -PassThru).points | Should -Be 14
            (Add-MauticContactPoint -Id $C1.id -Points 4 -Operator Divide -PassThru).points | Should -Be 4   # 3.5, rounded as PHP's round()
            (Add-MauticContactPoint -Id $C1.id -Points 3 -Operator Divide -PassThru).points | Should -Be 1
            (Set-MauticContactPoint -Id $C1.id -Points 42 -PassThru).points | Should -Be 42
            { Add-MauticContactPoint -Id $C1.id -Points 0 -Operator / } | Should -Throw -ExpectedMessage '*divided by 0*'
        }

        It 'sets and changes a point-group score, and an uneven division fails without changing it' {
            (Set-MauticContactPoint -Id $C1.id -Points 9 -PointGroupId $Group.id -PassThru).score | Should -Be 9
            $s = Add-MauticContactPoint -Id $C1.id -Points 3 -PointGroupId $Group.id -PassThru
            $s.score | Should -Be 12
            $s.PointGroupName | Should -Be "pg-$Run"
            (Add-MauticContactPoint -Id $C1.id -Points 2 -Operator / -PointGroupId $Group.id -PassThru).score | Should -Be 6
            $null = Add-MauticContactPoint -Id $C1.id -Points 4 -Operator / -PointGroupId $Group.id -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -Match 'does not come out whole'
            (Get-MauticContactPointGroup -Id $C1.id -PointGroupId $Group.id).score | Should -Be 6
            @(Get-MauticContactPointGroup -Id $C1.id | Where-Object PointGroupId -eq $Group.id).Count | Should -Be 1
            (Get-MauticContactPointGroup -Id $C2.id -PointGroupId $Group.id).score | Should -Be 0
        }
    }

    Context 'Activity' {
        It 'streams a contact''s events filtered by type and date' {
            $events = @(Get-MauticContactActivity -Id $C1.id -Type point.gained -PageSize 2)
            $events.Count | Should -BeGreaterOrEqual 7
            $events | ForEach-Object { $_.event | Should -Be 'point.gained'; $_.contactId | Should -Be $C1.id }
            @(Get-MauticContactActivity -Id $C1.id -Since ([datetime]::UtcNow.AddDays(1))).Count | Should -Be 0
            @(Get-MauticContactActivity -Id $C1.id -Type lead.donotcontact, lead.utmtagsadded).Count | Should -Be 0   # both were removed
            @(Get-MauticContactActivity -First 3).Count | Should -Be 3
        }
    }

    Context 'Lists and reads' {
        It 'lists a contact''s companies' {
            $script:Company = New-MauticCompany -Name "co-$Run"
            Add-MauticCompanyMember -CompanyId $Company.id -ContactId $C2.id
            $rows = @(Get-MauticContactCompany -Id $C2.id)
            $rows.Count | Should -Be 1
            [long]$rows[0].company_id | Should -Be $Company.id
            $rows[0].ContactId | Should -Be $C2.id
        }

        It 'lists the segments available to the user' {
            $segments = @(Get-MauticSegment -Available)
            $segments | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'Mautic.Segment'; $_.id | Should -BeGreaterThan 0 }
        }

        It 'reads several contacts in one request and reports the missing one' {
            $out = @(Get-MauticContact -Id $C2.id, $Missing, $C1.id -ErrorVariable errs -ErrorAction SilentlyContinue)
            $out.id | Should -Be @($C2.id, $C1.id)
            $errs.Count | Should -Be 1
            $errs[0].TargetObject | Should -Be $Missing
        }

        It 'replaces a contact with PUT: fields not sent are emptied, points reset, tags kept' {
            $c = Set-MauticContact -Id $C1.id -Email "one@$Domain" -FirstName Uno -Replace -PassThru
            $c.firstname | Should -Be 'Uno'
            $c.lastname | Should -BeNullOrEmpty
            $c.points | Should -Be 0
            $c.tags | Should -Contain "t-$Run"
        }
    }
}
