#requires -Version 7.0
<#
    Dynamic content, marketing messages and devices, the same scenarios against the fake Mautic and a real one (Data
    @{ Target = 'Fake' } and @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). Everything is named
    with the run id and deleted in AfterAll (a device goes with its contact).
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the dynamic content, message and device scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Dynamic content, marketing messages and devices on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'r'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Missing = 987654321
        $script:Ann = New-MauticContact -Email "ann@$Domain" -FirstName Ann -ErrorAction Stop
        $script:Bob = New-MauticContact -Email "bob@$Domain" -FirstName Bob -ErrorAction Stop
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $dc = @(Get-MauticDynamicContent -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($dc) { $dc | Remove-MauticDynamicContent -Force -ErrorAction Stop }
            $messages = @(Get-MauticMessage -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($messages) { $messages | Remove-MauticMessage -Force -ErrorAction Stop }
            # A contact's devices are deleted with it.
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    Context 'Dynamic content' {
        It 'creates a campaign-based item from its name, without the content''s HTML tags' {
            $dc = New-MauticDynamicContent -Name "$Run banner" -Content '<b>Spring</b> offer' -ErrorAction Stop
            $dc.PSObject.TypeNames[0] | Should -Be 'Mautic.DynamicContent'
            $dc.isCampaignBased | Should -BeTrue
            $dc.slotName | Should -Be ''
            $dc.content | Should -Be 'Spring offer'
            @($dc.filters).Count | Should -Be 0
            $script:Dc = $dc
        }

        It 'needs a slot name and filters for a filter-based item' {
            $null = New-MauticDynamicContent -Name "$Run filtered" -IsCampaignBased:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e[0].Exception.Message | Should -Match 'slotName'
            $e[0].Exception.Message | Should -Match 'filters'
            $f = New-MauticDynamicContent -Name "$Run filtered" -IsCampaignBased:$false -SlotName hero -Content 'Hi' -ErrorAction Stop `
                -Filter @{ glue = 'and'; field = 'email'; object = 'lead'; type = 'email'; operator = '='; filter = "ann@$Domain"; display = $null }
            $f.isCampaignBased | Should -BeFalse
            $f.slotName | Should -Be 'hero'
            @($f.filters)[0].filter | Should -Be "ann@$Domain"
            @(Get-MauticDynamicContent -Search $Run).Count | Should -Be 2
        }

        It 'replaces with PUT only with the language, and a PUT without -IsCampaignBased needs slot and filters' {
            $null = Set-MauticDynamicContent -Id $Dc.id -Name "$Run put" -IsCampaignBased -Replace -ErrorVariable e1 -ErrorAction SilentlyContinue
            $e1[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            # 7.0 has a type (html) that a PUT must send too: without it, as without the language, its generic 500.
            $type = if ($T.Version.Major -ge 7) { @{ type = 'html' } } else { @{} }
            $null = Set-MauticDynamicContent -Id $Dc.id -Name "$Run put" -Language en -Property $type -Replace -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
            (Get-MauticDynamicContent -Id $Dc.id).name | Should -Be "$Run banner"
            $p = Set-MauticDynamicContent -Id $Dc.id -Name "$Run put" -Language en -IsCampaignBased -Property $type -Replace -PassThru -ErrorAction Stop
            $p.name | Should -Be "$Run put"
            $p.content | Should -BeNullOrEmpty
            $p.isPublished | Should -BeFalse
        }

        It 'patches one field and deletes the run''s items' {
            (Set-MauticDynamicContent -Id $Dc.id -Content 'Summer' -PassThru -ErrorAction Stop).content | Should -Be 'Summer'
            Get-MauticDynamicContent -Search $Run | Remove-MauticDynamicContent -Force -ErrorAction Stop
            @(Get-MauticDynamicContent -Search $Run).Count | Should -Be 0
            $null = Get-MauticDynamicContent -Id $Dc.id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    Context 'Marketing messages' {
        It 'creates a message whose email channel starts disabled, and one that sends an item' {
            $bare = New-MauticMessage -Name "$Run bare" -Description 'd' -ErrorAction Stop
            $bare.PSObject.TypeNames[0] | Should -Be 'Mautic.Message'
            $email = @($bare.channels) | Where-Object channel -eq 'email'
            $email.isEnabled | Should -BeFalse
            $email.channelId | Should -BeNullOrEmpty
            $m = New-MauticMessage -Name "$Run sends" -Channel @{ email = $Missing } -ErrorAction Stop
            $row = @($m.channels) | Where-Object channel -eq 'email'
            $row.channelId | Should -Be $Missing
            $row.channelName | Should -BeNullOrEmpty          # no such e-mail: Mautic keeps the id, names nothing
            $row.isEnabled | Should -BeTrue
            $script:Msg = $m
        }

        It 'refuses a channel the server does not offer, and an enabled channel without its item' {
            $null = New-MauticMessage -Name "$Run bad" -Channel @{ nochannel = 3 } -ErrorVariable e1 -ErrorAction SilentlyContinue
            $e1[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e1[0].Exception.Message | Should -Match 'nochannel'
            $null = New-MauticMessage -Name "$Run bad" -Channel @{ email = @{ channelId = $null; isEnabled = $true } } -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e2[0].Exception.Message | Should -Match 'channelId'
            @(Get-MauticMessage -Search $Run).Count | Should -Be 2
        }

        It 'disables a channel with PATCH keeping its item, and PUT clears it' {
            $p = Set-MauticMessage -Id $Msg.id -Channel @{ email = $null } -PassThru -ErrorAction Stop
            $row = @($p.channels) | Where-Object channel -eq 'email'
            $row.isEnabled | Should -BeFalse
            $row.channelId | Should -Be $Missing
            $r = Set-MauticMessage -Id $Msg.id -Name "$Run put" -Replace -PassThru -ErrorAction Stop
            $row = @($r.channels) | Where-Object channel -eq 'email'
            $row.channelId | Should -BeNullOrEmpty
            $r.isPublished | Should -BeFalse
        }

        It 'deletes the run''s messages' {
            Get-MauticMessage -Search $Run | Remove-MauticMessage -Force -ErrorAction Stop
            @(Get-MauticMessage -Search $Run).Count | Should -Be 0
            $null = Remove-MauticMessage -Id $Missing -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    Context 'Devices' {
        It 'records a device of a contact, shown with the contact''s id' {
            $d = New-MauticDevice "$Run-phone" -ContactId $Ann.id -DeviceBrand Acme -DeviceModel X1 -DeviceOsName Linux -ErrorAction Stop
            $d.PSObject.TypeNames[0] | Should -Be 'Mautic.Device'
            $d.lead | Should -Be $Ann.id
            $d.deviceBrand | Should -Be 'Acme'
            $script:Dev = $d
            (Get-MauticContactDevice -Id $Ann.id | Where-Object id -eq $d.id) | Should -Not -BeNullOrEmpty
        }

        It 'reports a missing and an unknown contact, and screens a batch' {
            $null = New-MauticDevice "$Run-x" -Property @{} -ErrorVariable e1 -ErrorAction SilentlyContinue
            $e1[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e1[0].Exception.Message | Should -Match 'contact ID is mandatory'
            $null = New-MauticDevice "$Run-x" -ContactId $Missing -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $rows = [pscustomobject]@{ device = "$Run-b1"; lead = $Bob.id }, [pscustomobject]@{ device = "$Run-b2"; lead = $Missing }, [pscustomobject]@{ device = "$Run-b3"; lead = $Bob.id }
            $made = @($rows | New-MauticDevice -ErrorVariable e3 -ErrorAction SilentlyContinue)
            $made.device | Sort-Object | Should -Be @("$Run-b1", "$Run-b3")
            $e3.Count | Should -Be 1
            $e3[0].TargetObject.device | Should -Be "$Run-b2"
        }

        It 'finds the run''s devices by device type (Mautic ignores a plain search)' {
            @(Get-MauticDevice -Search $Run).Count | Should -Be 3
        }

        It 'moves a device with PATCH, and PUT keeps the contact but empties the rest' {
            $m = Set-MauticDevice -Id $Dev.id -ContactId $Bob.id -DeviceModel X2 -PassThru -ErrorAction Stop
            $m.lead | Should -Be $Bob.id
            $m.deviceBrand | Should -Be 'Acme'
            $p = Set-MauticDevice -Id $Dev.id -Device "$Run-desktop" -Replace -PassThru -ErrorAction Stop
            $p.lead | Should -Be $Bob.id
            $p.deviceBrand | Should -BeNullOrEmpty
            $p.device | Should -Be "$Run-desktop"
        }

        It 'deletes devices, and a contact''s devices go with it' {
            Remove-MauticDevice -Id $Dev.id -Force -ErrorAction Stop
            $null = Get-MauticDevice -Id $Dev.id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            Remove-MauticContact -Id $Bob.id -Force -ErrorAction Stop
            @(Get-MauticDevice -Search $Run).Count | Should -Be 0
        }
    }
}
