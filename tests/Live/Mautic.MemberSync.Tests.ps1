#requires -Version 7.0
<#
    Sync-Mautic*Member against the four targets: for a segment, a tag, a company and a campaign, contacts given as ids,
    e-mails and records are added, a second run is all Unchanged and sends no write (from the module's -Verbose request
    lines), -Exact removes the others, and the membership read back equals the list. A company's contacts are read
    through every company link, so a contact whose primary company is another one still counts. Everything is named
    after the run id and deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the membership sync scenarios did not run against a real Mautic: $SkipReason." }
    $script:Kinds = @(
        @{ Kind = 'Segment' }
        @{ Kind = 'Tag' }
        @{ Kind = 'Company' }
        @{ Kind = 'Campaign' }
    )
}

Describe 'Sync-Mautic*Member on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'm'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:People = @(1..5 | ForEach-Object { [pscustomobject]@{ email = "m$_@$Domain"; firstname = "M$_" } } | Sync-MauticContact -ErrorAction Stop)
        $script:Segment = New-MauticSegment -Name "seg-$Run" -ErrorAction Stop
        $script:Tag = New-MauticTag -Name "tag-$Run" -ErrorAction Stop
        $script:Company = New-MauticCompany -Name "co-$Run" -ErrorAction Stop
        $script:Other = New-MauticCompany -Name "other-$Run" -ErrorAction Stop
        $points = @{ id = 'new1'; name = "points-$Run"; type = 'lead.changepoints'; eventType = 'action'; order = 1; properties = @{ points = 1 }; triggerMode = 'immediate' }
        $script:Campaign = New-MauticCampaign -Name "camp-$Run" -SegmentId $Segment.id -Event $points -IsPublished:$false -ErrorAction Stop
        $script:Targets = @{ Segment = $Segment; Tag = $Tag; Company = $Company; Campaign = $Campaign }
        function script:Get-WriteRequest($records) { @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^(POST|PUT|PATCH|DELETE) \S+ -> \d+ in ' }) }
        function script:Get-Result($records) { @($records | Where-Object { $_.PSObject.TypeNames[0] -eq 'Mautic.MemberSyncResult' }) }
        function script:Get-MemberId($kind) {
            $members = @(& "Get-Mautic${kind}Member" $Targets[$kind] -ErrorAction Stop)
            @($members | ForEach-Object { if ($kind -eq 'Campaign') { $_.ContactId } else { $_.id } } | Sort-Object)
        }
    }

    AfterAll {
        Exit-ScenarioRun $T {
            if ($Campaign) { Remove-MauticCampaign -Id $Campaign.id -Force -ErrorAction Stop }
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            foreach ($c in $Company, $Other) { if ($c) { Remove-MauticCompany -Id $c.id -Force -ErrorAction Stop } }
            if ($Segment) { Remove-MauticSegment -Id $Segment.id -Force -ErrorAction Stop }
            if ($Tag) { Remove-MauticTag -Id $Tag.id -Force -ErrorAction Stop }
        }
    }

    It '<Kind>: adds ids, e-mails and records, a second run writes nothing, and -Exact removes the others' -ForEach $Kinds {
        $cmd = "Sync-Mautic${Kind}Member"
        $target = $Targets[$Kind]
        $given = @($People[0].Id, "M2@$Domain", $People[2])
        $first = @($given | & $cmd $target -Verbose -ErrorAction Stop 4>&1)
        @(Get-Result $first | ForEach-Object Action) | Should -Be @('Added', 'Added', 'Added')
        @(Get-Result $first | ForEach-Object ContactId) | Should -Be @($People[0..2].Id)
        Get-MemberId $Kind | Should -Be @($People[0..2].Id | Sort-Object)

        $second = @($given | & $cmd $target -Verbose -ErrorAction Stop 4>&1)
        @(Get-Result $second | ForEach-Object Action) | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        Get-WriteRequest $second | Should -BeNullOrEmpty

        $exact = @(@($People[1].Id, "m4@$Domain") | & $cmd $target -Exact -Force -ErrorAction Stop)
        @($exact | ForEach-Object { "$($_.Action) $($_.ContactId)" }) | Should -Be @("Unchanged $($People[1].Id)", "Added $($People[3].Id)", "Removed $($People[0].Id)", "Removed $($People[2].Id)")
        Get-MemberId $Kind | Should -Be @($People[1].Id, $People[3].Id | Sort-Object)

        $preview = @(@($People[4].Id) | & $cmd $target -Exact -WhatIf -Verbose -ErrorAction Stop 4>&1)
        Get-WriteRequest $preview | Should -BeNullOrEmpty
        ($preview | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*-WhatIf: 1 to add, 2 to remove*' }) | Should -Not -BeNullOrEmpty
        Get-MemberId $Kind | Should -Be @($People[1].Id, $People[3].Id | Sort-Object)
    }

    It 'Company: a contact linked to the company stays a member when another company becomes its primary one' {
        $p = $People[1]
        Add-MauticCompanyMember -Company $Other -ContactId $p.Id -ErrorAction Stop
        (Get-MauticContactCompany -Id $p.Id -ErrorAction Stop).id | Should -Contain $Other.id
        $r = @($p.Id, $People[3].Id | Sync-MauticCompanyMember $Company -Exact -Force -ErrorAction Stop)
        @($r | ForEach-Object Action) | Should -Be @('Unchanged', 'Unchanged')
    }

    It 'gives each input it cannot use an error carrying it, and a bad input keeps -Exact from removing anyone' {
        $out = @("nobody@$Domain", 'no-at-sign', 0, $Segment | Sync-MauticSegmentMember $Segment -ErrorVariable bad -ErrorAction SilentlyContinue)
        $out | Should -BeNullOrEmpty
        $bad.Count | Should -Be 4
        ($bad | Where-Object { $_.TargetObject -eq "nobody@$Domain" }).CategoryInfo.Category | Should -Be 'ObjectNotFound'
        ($bad | Where-Object { $_.TargetObject -eq 'no-at-sign' }).CategoryInfo.Category | Should -Be 'InvalidArgument'
        $kept = @($People[1].Id, 'garbage' | Sync-MauticSegmentMember $Segment -Exact -Force -ErrorVariable bad2 -ErrorAction SilentlyContinue)
        @($kept | ForEach-Object Action) | Should -Be @('Unchanged')
        ($bad2 | Where-Object FullyQualifiedErrorId -like 'MauticExactRemovalSkipped*') | Should -Not -BeNullOrEmpty
        Get-MemberId 'Segment' | Should -Be @($People[1].Id, $People[3].Id | Sort-Object)
    }
}
