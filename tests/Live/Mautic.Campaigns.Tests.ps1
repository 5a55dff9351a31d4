#requires -Version 7.0
<#
    Campaign scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } / @{ Target = 'Live' };
    tests/Live/Invoke-LiveSuite.ps1 runs both). Everything is created under a run id (campaign and segment names,
    contact e-mail domain) and removed at the end.
    Not exercised for real: event logs written by the campaign cron (mautic:campaigns:trigger does not run here). On
    5.1.0 the read routes did not show logs written through the API, so the log read-back is asserted as measured.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live campaign suite SKIPPED, it did not run against a real Mautic: $SkipReason." }
}

Describe 'Mautic campaigns on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'c'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Missing = 987654321
        $script:Segment = New-MauticSegment -Name "seg-$Run"
        $script:Contacts = @("a@$Domain", "b@$Domain", "c@$Domain") | New-MauticContact
        $script:PointsEvent = @{ id = 'new1'; name = "points-$Run"; type = 'lead.changepoints'; eventType = 'action'; order = 1; properties = @{ points = 5 }; triggerMode = 'immediate' }
        $script:Campaign = $null
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticCampaign -Search $Run -ErrorAction Stop)
            if ($left) { $left | Remove-MauticCampaign -Force -ErrorAction Stop }
            $people = @(Get-MauticContact -Search "email:*@$Domain" -ErrorAction Stop)
            if ($people) { $people | Remove-MauticContact -Force -ErrorAction Stop }
            if ($Segment) { Remove-MauticSegment -Id $Segment.id -Force -ErrorAction Stop }
        }
    }

    It 'refuses a single create without events, and creates one with an event and a segment' {
        $err = $null
        New-MauticCampaign -Name "bare-$Run" -SegmentId $Segment.id -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -Match 'At least one event is required'

        $script:Campaign = New-MauticCampaign -Name "main-$Run" -Description 'live' -SegmentId $Segment.id -Event $PointsEvent -IsPublished:$false
        $Campaign.PSObject.TypeNames[0] | Should -Be 'Mautic.Campaign'
        $Campaign.isPublished | Should -BeFalse
        @($Campaign.events).Count | Should -Be 1
        $Campaign.events[0].id | Should -BeOfType [long]
        $Campaign.lists[0].id | Should -Be $Segment.id
    }

    It 'reads, searches, patches and publishes the campaign' {
        (Get-MauticCampaign -Id $Campaign.id).name | Should -Be "main-$Run"
        (Get-MauticCampaign -Search "main-$Run").id | Should -Be $Campaign.id
        $changed = Set-MauticCampaign $Campaign.id -Description 'patched' -IsPublished -PassThru
        $changed.description | Should -Be 'patched'
        $changed.isPublished | Should -BeTrue
        @($changed.events).Count | Should -Be 1
        # By name: on PowerShell 7 the client's types live in the module's own load context, out of PowerShell's type lookup.
        $thrown = { Get-MauticCampaign -Id $Missing -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.Exception.GetType().FullName | Should -Be 'Mautic.Client.MauticApiException'
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'lists the campaign event and reads it by id' {
        $ev = Get-MauticCampaignEvent -Id $Campaign.events[0].id
        $ev.PSObject.TypeNames[0] | Should -Be 'Mautic.CampaignEvent'
        $ev.type | Should -Be 'lead.changepoints'
        $ev.campaign.id | Should -Be $Campaign.id
        (Get-MauticCampaignEvent | Where-Object id -eq $ev.id) | Should -Not -BeNullOrEmpty
    }

    It 'adds contacts one request each, lists them, and shows the campaign on the contact' {
        $m = $Contacts[0..1] | Add-MauticCampaignMember -CampaignId $Campaign.id -PassThru
        $m.Count | Should -Be 2
        $m[0].PSObject.TypeNames[0] | Should -Be 'Mautic.CampaignMembership'
        $members = @(Get-MauticCampaignMember -CampaignId $Campaign.id)
        ($members.ContactId | Sort-Object) | Should -Be ($Contacts[0..1].id | Sort-Object)
        $members[0].ManuallyAdded | Should -BeTrue
        $mine = Get-MauticContactCampaign -Id $Contacts[0].id
        $mine.id | Should -Be $Campaign.id
        $mine.listMembership | Should -Contain $Segment.id
        $err = $null
        Add-MauticCampaignMember -CampaignId $Campaign.id -ContactId $Missing -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $Missing
    }

    It "reads a member's event log in the campaign and refuses a contact outside it" {
        $log = Get-MauticCampaignContactEvent -Id $Contacts[0].id -CampaignId $Campaign.id
        $log.PSObject.TypeNames[0] | Should -Be 'Mautic.CampaignContactEvent'
        $log.id | Should -Be $Campaign.events[0].id
        $log.ContactId | Should -Be $Contacts[0].id
        $log.CampaignId | Should -Be $Campaign.id
        $err = $null
        Get-MauticCampaignContactEvent -Id $Contacts[2].id -CampaignId $Campaign.id -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        # Across campaigns: no error (5.1.0 listed nothing for logs written through the API, see the header).
        { Get-MauticCampaignContactEvent -Id $Contacts[0].id -ErrorAction Stop } | Should -Not -Throw
    }

    It 'reschedules one contact event, then several in one batch with an error per bad row' {
        $eventId = $Campaign.events[0].id
        $when = [datetime]::SpecifyKind([datetime]'2031-01-02 10:00:00', 'Utc')
        $one = Set-MauticCampaignContactEvent -EventId $eventId -ContactId $Contacts[0].id -TriggerDate $when -PassThru
        $one.ContactId | Should -Be $Contacts[0].id
        $one.contactLog[0].triggerDate | Should -Be $when
        $one.contactLog[0].isScheduled | Should -BeTrue

        $rows = @(
            [pscustomobject]@{ EventId = $eventId; ContactId = $Contacts[0].id; TriggerDate = '2031-02-01 10:00' }
            [pscustomobject]@{ EventId = $Missing; ContactId = $Contacts[0].id; TriggerDate = '2031-02-01 10:00' }
            [pscustomobject]@{ EventId = $eventId; ContactId = $Contacts[1].id; TriggerDate = '2031-02-02 10:00' }
        )
        $err = $null
        $out = $rows | Set-MauticCampaignContactEvent -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 2
        ($out.ContactId) | Should -Be @($Contacts[0].id, $Contacts[1].id)
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject.EventId | Should -Be $Missing
    }

    It 'removes a member, who then is no longer listed' {
        $r = Remove-MauticCampaignMember -CampaignId $Campaign.id -ContactId $Contacts[1].id -PassThru
        $r.IsMember | Should -BeFalse
        (Get-MauticCampaignMember -CampaignId $Campaign.id).ContactId | Should -Be @($Contacts[0].id)
    }

    It 'names the campaign instead of its id, in any case' {
        $out = Add-MauticCampaignMember -CampaignName $Campaign.name.ToUpperInvariant() -ContactId $Contacts[2].id -PassThru
        $out.CampaignId | Should -Be $Campaign.id
        (Get-MauticCampaignMember -CampaignId $Campaign.id).ContactId | Should -Contain $Contacts[2].id
        Remove-MauticCampaignMember -CampaignName $Campaign.name -ContactId $Contacts[2].id
        (Get-MauticCampaignMember -CampaignId $Campaign.id).ContactId | Should -Not -Contain $Contacts[2].id
    }

    It 'clones the campaign into an unpublished copy without events' {
        $copy = Copy-MauticCampaign -CampaignId $Campaign.id
        $copy.id | Should -Not -Be $Campaign.id
        $copy.name | Should -Be "main-$Run"
        $copy.isPublished | Should -BeFalse
        @($copy.events).Count | Should -Be 0
        Remove-MauticCampaign -Id $copy.id -Force -PassThru | Select-Object -ExpandProperty name | Should -Be "main-$Run"
    }

    It 'creates campaigns from rows in one batch (no events needed there) and deletes them in one batch' {
        $made = 1..2 | ForEach-Object { [pscustomobject]@{ name = "row$_-$Run" } } | New-MauticCampaign
        $made.Count | Should -Be 2
        @($made[0].events).Count | Should -Be 0
        $gone = $made | Remove-MauticCampaign -Force -PassThru
        ($gone.id | Sort-Object) | Should -Be ($made.id | Sort-Object)
        $err = $null
        Remove-MauticCampaign -Id $Missing -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
