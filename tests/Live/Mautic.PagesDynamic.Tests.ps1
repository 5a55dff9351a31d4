#requires -Version 7.0
<#
    Landing pages, the same scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } and
    @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). Every page is titled with the run id and
    deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the page scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Landing pages on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'r'
        $script:Run = $T.Run
        $script:Missing = 987654321
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticPage -Search $Run -ErrorAction Stop | Where-Object title -like "*$Run*")
            if ($left) { $left | Remove-MauticPage -Force -ErrorAction Stop }
        }
    }

    Context 'Pages' {
        It 'creates a page from its title alone, with an alias made from it' {
            $page = New-MauticPage -Title "$Run Spring" -Html '<h1>Spring</h1>' -Description 'meta' -ErrorAction Stop
            $page.PSObject.TypeNames[0] | Should -Be 'Mautic.Page'
            $page.alias | Should -Be "$Run-spring"
            $page.language | Should -Be 'en'
            $page.customHtml | Should -Be '<h1>Spring</h1>'
            $page.metaDescription | Should -Be 'meta'
            $page.revision | Should -Be 1
            $script:Page = $page
            (New-MauticPage -Title "$Run Spring" -ErrorAction Stop).alias | Should -Be "$Run-spring1"
        }

        It 'refuses a page without a title and an unknown language as InvalidData' {
            $null = New-MauticPage -Property @{ template = 'blank' } -ErrorVariable e1 -ErrorAction SilentlyContinue
            $e1[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $null = New-MauticPage -Title "$Run bad" -Language zz -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e2[0].Exception.Message | Should -Match 'language'
        }

        It 'finds the run''s pages by search and by id' {
            @(Get-MauticPage -Search $Run).Count | Should -Be 2
            (Get-MauticPage -Id $Page.id).title | Should -Be "$Run Spring"
            $null = Get-MauticPage -Id $Missing -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'renames with PATCH keeping the alias, and every save raises the revision' {
            $p = Set-MauticPage -Id $Page.id -Title "$Run Summer" -PassThru -ErrorAction Stop
            $p.title | Should -Be "$Run Summer"
            $p.alias | Should -Be "$Run-spring"
            $p.revision | Should -Be 2
            $p.customHtml | Should -Be '<h1>Spring</h1>'
        }

        It 'replaces with PUT, which needs the language and makes the alias again' {
            $null = Set-MauticPage -Id $Page.id -Title "$Run Put" -Replace -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            (Get-MauticPage -Id $Page.id).title | Should -Be "$Run Summer"
            $p = Set-MauticPage -Id $Page.id -Title "$Run Put" -Language en -Replace -PassThru -ErrorAction Stop
            $p.alias | Should -Be "$Run-put"
            $p.customHtml | Should -BeNullOrEmpty
            $p.isPublished | Should -BeFalse
        }

        It 'deletes the run''s pages, and a missing id is ObjectNotFound' {
            Get-MauticPage -Search $Run | Remove-MauticPage -Force -ErrorAction Stop
            @(Get-MauticPage -Search $Run).Count | Should -Be 0
            $null = Remove-MauticPage -Id $Missing -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }
}
