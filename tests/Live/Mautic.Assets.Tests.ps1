#requires -Version 7.0
<#
    Assets, the same scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } and
    @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). The assets are remote ones whose URL is the
    target's own index.php (loopback only: a real Mautic asks that URL for its type), titled with the run id and
    deleted in AfterAll. Local assets need an upload (the files API), which this file does not do.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the asset scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Assets on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'a'
        $script:Run = $T.Run
        $script:Missing = 987654321
        $script:Url = "$($T.BaseUrl)/index.php"
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticAsset -Search $Run -ErrorAction Stop | Where-Object { $_.title -like "*$Run*" -or $_.alias -like "*$Run*" })
            if ($left) { $left | Remove-MauticAsset -Force -ErrorAction Stop }
        }
    }

    Context 'Assets' {
        It 'creates a remote asset from a URL, with its file facts and download counts' {
            $a = New-MauticAsset -Title "$Run Price list" -File $Url -Description 'prices' -ErrorAction Stop
            $a.PSObject.TypeNames[0] | Should -Be 'Mautic.Asset'
            $a.storageLocation | Should -Be 'remote'
            $a.alias | Should -Be "$Run-price-list"
            $a.extension | Should -Be 'php'
            $a.mime | Should -Be 'text/html; charset=UTF-8'
            $a.size | Should -Be -1
            $a.downloadCount | Should -Be 0
            $a.uniqueDownloadCount | Should -Be 0
            $a.revision | Should -Be 1
            $a.language | Should -Be 'en'
            $a.description | Should -Be 'prices'
            $a.downloadUrl | Should -Match "/asset/$($a.id):$Run-price-list$"
            $script:Asset = $a
        }

        It 'shows the download counts in the table view (a real download of a published asset counts on the real server)' {
            if ($Target -like 'Live*') {
                $r = Invoke-WebRequest -Uri $Asset.downloadUrl -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
                $r.StatusCode | Should -Be 302
                $counted = Get-MauticAsset -Id $Asset.id -ErrorAction Stop
                $counted.downloadCount | Should -Be 1
                $counted.uniqueDownloadCount | Should -Be 1
            }
            $table = Get-MauticAsset -Id $Asset.id | Format-Table | Out-String -Width 250
            $table | Should -Match 'downloadCount\s+downloadUrl'
            $table | Should -Match "$Run Price list"
        }

        It 'refuses a missing file before sending, a local file not uploaded, a bad URL and language as Mautic does' {
            $null = New-MauticAsset -Title "$Run no file" -ErrorVariable e1 -ErrorAction SilentlyContinue
            $e1[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $e1[0].Exception.Message | Should -Match "'file'"
            $null = New-MauticAsset -Title "$Run local" -File "$Run-never-uploaded.pdf" -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e2[0].Exception.Message | Should -Match 'was not found in the asset directory'
            $null = New-MauticAsset -Title "$Run ftp" -File 'ftp://127.0.0.1/x.pdf' -StorageLocation Remote -ErrorVariable e3 -ErrorAction SilentlyContinue
            $e3[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e3[0].Exception.Message | Should -Match 'remotePath'
            $null = New-MauticAsset -Title "$Run lang" -File $Url -Language zz -ErrorVariable e4 -ErrorAction SilentlyContinue
            $e4[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e4[0].Exception.Message | Should -Match 'language'
            @(Get-MauticAsset -Search $Run).Count | Should -Be 1
        }

        It 'creates piped rows in one batch and finds them by search and id' {
            $rows = 1..3 | ForEach-Object { [pscustomobject]@{ title = "$Run row $_"; FileName = $Url; language = 'de' } }
            $made = @($rows | New-MauticAsset -ErrorAction Stop)
            $made.Count | Should -Be 3
            $made.language | Sort-Object -Unique | Should -Be 'de'
            @(Get-MauticAsset -Search $Run).Count | Should -Be 4
            (Get-MauticAsset -Id $Asset.id).title | Should -Be "$Run Price list"
            $null = Get-MauticAsset -Id $Missing -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'edits: PATCH keeps the rest, a new URL without a title renames the asset, PUT needs the language' {
            $p = Set-MauticAsset -Id $Asset.id -Description 'patched' -PassThru -ErrorAction Stop
            $p.description | Should -Be 'patched'
            $p.revision | Should -Be 2
            $renamed = Set-MauticAsset -Id $Asset.id -File "$Url`?v=$Run" -PassThru -ErrorAction Stop
            $renamed.title | Should -Be "index.php?v=$Run"
            $renamed.alias | Should -Be "$Run-price-list"
            $titled = Set-MauticAsset -Id $Asset.id -File $Url -Title "$Run Price list" -PassThru -ErrorAction Stop
            $titled.title | Should -Be "$Run Price list"
            $null = Set-MauticAsset -Id $Asset.id -Title "$Run gone" -Replace -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e[0].Exception.Message | Should -Match 'language'
            $put = Set-MauticAsset -Id $Asset.id -Title "$Run Price list" -Language en -Replace -PassThru -ErrorAction Stop
            $put.storageLocation | Should -BeNullOrEmpty
            $put.extension | Should -Be 'php'
            $put.isPublished | Should -BeFalse
            $null = Set-MauticAsset -Id $Missing -Description x -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'deletes one asset and the rest by pipeline; a missing id is ObjectNotFound' {
            $gone = Remove-MauticAsset -Id $Asset.id -Force -PassThru -ErrorAction Stop
            $gone.title | Should -Be "$Run Price list"
            Get-MauticAsset -Search $Run | Remove-MauticAsset -Force -ErrorAction Stop
            @(Get-MauticAsset -Search $Run).Count | Should -Be 0
            $null = Remove-MauticAsset -Id $Missing -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }
}
