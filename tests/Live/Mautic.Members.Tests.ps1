#requires -Version 7.0
<#
    Reading memberships (Get-MauticSegmentMember, Get-MauticCompanyMember, Get-MauticStageMember, Get-MauticTagMember) and errors that say
    what to do (a membership 404 names the missing record; a refused password names Basic auth), the same scenarios
    against the fake Mautic and a real one. Everything is named after a run id and deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the membership scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Memberships on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'm'
        $script:Run = $T.Run
        $script:Missing = 987654321
        $script:People = @("$Run-a@example.com", "$Run-b@example.com") | New-MauticContact -ErrorAction Stop
        $script:Ids = @($People.id | Sort-Object)
    }

    AfterAll {
        Exit-ScenarioRun $T {
            Get-MauticContact -Search "email:$Run*" -ErrorAction Stop | Remove-MauticContact -Force -ErrorAction Stop
            Get-MauticSegment -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*" | Remove-MauticSegment -Force -ErrorAction Stop
            Get-MauticCompany -Search $Run -ErrorAction Stop | Where-Object companyname -like "*$Run*" | Remove-MauticCompany -Force -ErrorAction Stop
            Get-MauticStage -ErrorAction Stop | Where-Object name -like "*$Run*" | Remove-MauticStage -Force -ErrorAction Stop
            Get-MauticTag -Search "tg $Run" -ErrorAction Stop | Where-Object tag -like "tg $Run*" | Remove-MauticTag -Force -ErrorAction Stop
        }
    }

    It 'lists a segment''s contacts by its name, its alias and the segment itself' {
        $script:Segment = New-MauticSegment -Name "Seg $Run" -ErrorAction Stop
        $People | Add-MauticSegmentMember -Segment $Segment.id -ErrorAction Stop
        @(Get-MauticSegmentMember -Segment "seg $Run" -ErrorAction Stop).id | Sort-Object | Should -Be $Ids
        @(Get-MauticSegmentMember -Segment $Segment.alias -ErrorAction Stop).id | Sort-Object | Should -Be $Ids
        $first = @($Segment | Get-MauticSegmentMember -First 1 -ErrorAction Stop)
        $first.Count | Should -Be 1
        $first[0].PSObject.TypeNames[0] | Should -Be 'Mautic.Contact'
    }

    It 'lists a company''s and a stage''s contacts' {
        $company = New-MauticCompany -Name "Co $Run" -ErrorAction Stop
        $People[0] | Add-MauticCompanyMember -Company $company.id -ErrorAction Stop
        @(Get-MauticCompanyMember -Company "Co $Run" -ErrorAction Stop).id | Should -Be @($People[0].id)
        $stage = New-MauticStage -Name "St $Run" -ErrorAction Stop
        $People | Set-MauticContactStage -Stage $stage.id -ErrorAction Stop
        @(Get-MauticStageMember -Stage $stage -ErrorAction Stop).id | Sort-Object | Should -Be $Ids
    }

    It 'lists exactly the contacts of a tag with spaces in its name, not those of a longer tag' {
        $People[0] | Set-MauticContact -AddTag "tg $Run x" -ErrorAction Stop | Out-Null
        $People[1] | Set-MauticContact -AddTag "tg $Run xl" -ErrorAction Stop | Out-Null
        @(Get-MauticTagMember -Tag "TG $Run X" -ErrorAction Stop).id | Should -Be @($People[0].id)
        $tag = Get-MauticTag -Search "tg $Run xl" -ErrorAction Stop | Where-Object tag -eq "tg $Run xl"
        @($tag | Get-MauticTagMember -ErrorAction Stop).id | Should -Be @($People[1].id)
    }

    It 'says which record a membership 404 is about' {
        Add-MauticSegmentMember -Segment $Segment.id -ContactId $Missing -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e[0].Exception.Message | Should -BeLike "Contact $Missing was not found (segment $($Segment.id) exists).*"
        Add-MauticSegmentMember -Segment $Missing -ContactId $Ids[0] -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].Exception.Message | Should -BeLike "Segment $Missing was not found.*"
        Get-MauticSegmentMember -Segment $Missing -ErrorVariable e3 -ErrorAction SilentlyContinue
        $e3[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'says, when a password is refused, that Basic auth may be off and the cache must be cleared' {
        $bad = [pscredential]::new('nobody-' + $Run, [System.Net.NetworkCredential]::new('', 'wrong-password').SecurePassword)
        $message = try { Connect-Mautic $T.BaseUrl -Credential $bad -PassThru -ErrorAction Stop | Out-Null; '' } catch { $_.Exception.Message }
        $message | Should -BeLike "*Enable HTTP basic auth*"
        $message | Should -BeLike "*cache*"
        Connect-Mautic $T.BaseUrl -ClientCredential $T.ClientCredential
    }
}
