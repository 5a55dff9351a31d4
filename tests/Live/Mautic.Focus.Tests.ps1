#requires -Version 7.0
<#
    Focus items, the same scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } and
    @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). Every item is named after a run id and deleted
    in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the focus scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Focus items on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'r'
        $script:Run = $T.Run
        $script:Missing = 987654321
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticFocus -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($left) { $left | Remove-MauticFocus -Force -ErrorAction Stop }
        }
    }

    It 'creates a notice bar with the named parameters' {
        $script:Bar = New-MauticFocus -Name "bar-$Run" -Type notice -Style bar -Website 'https://example.com' -Description 'live' -ErrorAction Stop
        $Bar.PSObject.TypeNames[0] | Should -Be 'Mautic.Focus'
        $Bar.id | Should -BeGreaterThan 0
        $Bar.name | Should -Be "bar-$Run"
        $Bar.type | Should -Be 'notice'
        $Bar.style | Should -Be 'bar'
        $Bar.isPublished | Should -BeTrue
        # 5.1 keeps the generated script in the record; 7.0 leaves cache null (Get-MauticFocusScript reads it on both).
        if ($T.Version.Major -ge 7) { $Bar.cache | Should -BeNullOrEmpty } else { $Bar.cache | Should -Match "MauticFocus$($Bar.id)" }
    }

    It 'refuses an item without type and style with Mautic''s messages, as one InvalidData error carrying it' {
        $r = New-MauticFocus -Name "nostyle-$Run" -ErrorAction SilentlyContinue -ErrorVariable err
        $r | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -Match 'Use the builder to select what the focus should be'
        $err[0].Exception.Message | Should -Match 'style'
    }

    It 'refuses an unknown style before sending' {
        { New-MauticFocus -Name "bad-$Run" -Type notice -Style banner } | Should -Throw '*banner*'
        @(Get-MauticFocus -Search "bad-$Run") | Should -HaveCount 0
    }

    It 'creates rows in one batch, lists them by search and reads one by id' {
        $rows = 'a', 'b' | ForEach-Object { [pscustomobject]@{ name = "row-$_-$Run"; type = 'link'; style = 'modal' } } | New-MauticFocus -ErrorAction Stop
        $rows | Should -HaveCount 2
        $found = @(Get-MauticFocus -Search $Run | Where-Object name -like "row-*-$Run")
        $found | Should -HaveCount 2
        (Get-MauticFocus -Id $rows[0].id).style | Should -Be 'modal'
        Get-MauticFocus -Id $Missing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'changes the style with PATCH and keeps the rest' {
        $changed = Set-MauticFocus -Id $Bar.id -Style notification -PassThru -ErrorAction Stop
        $changed.style | Should -Be 'notification'
        $changed.type | Should -Be 'notice'
        $changed.website | Should -Be $Bar.website
    }

    It 'gets the generated script of a piped item as JavaScript text, and an unknown id as ObjectNotFound' {
        $js = Get-MauticFocus -Id $Bar.id | Get-MauticFocusScript -ErrorAction Stop
        $js | Should -BeOfType [string]
        $js | Should -BeLike '(function(window){*'
        $js | Should -Match "MauticFocus$($Bar.id)"
        Get-MauticFocusScript -Id $Missing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $Missing
    }

    It 'deletes the run''s items, and a second delete is ObjectNotFound' {
        $mine = @(Get-MauticFocus -Search $Run | Where-Object name -like "*$Run*")
        $mine.Count | Should -BeGreaterOrEqual 3
        $gone = $mine | Remove-MauticFocus -Force -PassThru -ErrorAction Stop
        $gone | Should -HaveCount $mine.Count
        Remove-MauticFocus -Id $Bar.id -Force -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-MauticFocus -Search $Run | Where-Object name -like "*$Run*") | Should -HaveCount 0
    }
}
