#requires -Version 7.0
<#
    Media files and themes, the same scenarios against the fake Mautic and a real one (Invoke-LiveSuite.ps1 runs both).
    Uploads go to the images and media folders and are deleted; a copy of the built-in blank theme is installed under
    the run id and removed. Built-in themes are only read (Mautic would hide a deleted one). Local files live in a
    temporary folder of the run, removed in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the files and themes scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Files and themes on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'f'
        $script:Run = $T.Run
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) $Run
        New-Item -ItemType Directory $Dir | Out-Null
        $script:Uploaded = [System.Collections.Generic.List[object]]::new()
        # A 1x1 PNG, so that Mautic's content sniffing names it .png.
        $script:Png = Join-Path $Dir "$Run.png"
        [System.IO.File]::WriteAllBytes($Png, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'))
    }

    AfterAll {
        Exit-ScenarioRun $T {
            foreach ($f in $Uploaded) { Remove-MauticFile -Directory $f.Directory -Name $f.File -Force -ErrorAction SilentlyContinue }
            Get-MauticTheme "*$Run*" | Remove-MauticTheme -Force -ErrorAction Stop
        }
        if ($Dir -and (Test-Path -LiteralPath $Dir)) { Remove-Item -LiteralPath $Dir -Recurse -Force }
    }

    It 'uploads an image, lists it and deletes it' {
        $f = Add-MauticFile -Directory images -Path $Png -ErrorAction Stop
        $Uploaded.Add($f)
        $f.PSObject.TypeNames[0] | Should -Be 'Mautic.File'
        $f.File | Should -Match '^[0-9a-f]{32}\.png$'
        $f.Directory | Should -Be 'images'
        $f.Link | Should -Be "$($T.BaseUrl)/media/images/$($f.File)"
        $f.Length | Should -Be (Get-Item -LiteralPath $Png).Length
        (Get-MauticFile images -Name $f.File).File | Should -Be $f.File
        $f | Remove-MauticFile -Force -PassThru | Select-Object -ExpandProperty File | Should -Be $f.File
        Get-MauticFile images -Name $f.File | Should -BeNullOrEmpty
        Remove-MauticFile -Directory images -Name $f.File -Force -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'uploads files piped from Get-ChildItem to the assets folder (media) without a link' {
        Set-Content -LiteralPath (Join-Path $Dir "$Run-notes.txt") -Value 'notes'
        $files = @(Get-ChildItem -LiteralPath $Dir -Filter '*.txt' | Add-MauticFile -Directory assets -ErrorAction Stop)
        $files | ForEach-Object { $Uploaded.Add($_) }
        $files.Count | Should -Be 1
        $files[0].Directory | Should -Be 'media'
        $files[0].File | Should -Match '\.txt$'
        $files[0].Link | Should -BeNullOrEmpty
        (Get-MauticFile media).File | Should -Contain $files[0].File
        $files | Remove-MauticFile -Force -ErrorAction Stop
    }

    It 'reports a folder Mautic does not have' {
        Get-MauticFile "images/nofolder$Run" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-MauticFile videos -ErrorAction Stop } | Should -Throw '*images or media*'
    }

    It 'lists the built-in themes' {
        $blank = Get-MauticTheme blank -ErrorAction Stop
        $blank.PSObject.TypeNames[0] | Should -Be 'Mautic.Theme'
        $blank.Title | Should -Be 'Blank'
        $blank.BuiltIn | Should -BeTrue
        $blank.Features | Should -Contain 'email'
        (Get-MauticTheme).Count | Should -BeGreaterThan 5
    }

    It 'downloads a theme zip into a folder and refuses to overwrite without -Force' {
        $zip = Save-MauticTheme blank -Path $Dir -ErrorAction Stop
        $zip.FullName | Should -Be (Join-Path $Dir 'blank.zip')
        $zip.Length | Should -BeGreaterThan 1000
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip.FullName)
        try { $archive.Entries.FullName | Should -Contain 'config.json' } finally { $archive.Dispose() }
        Save-MauticTheme blank -Path $Dir -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Save-MauticTheme blank -LiteralPath (Join-Path $Dir 'blank.zip') -Force -ErrorAction Stop | Should -Not -BeNullOrEmpty
        Save-MauticTheme "nosuch$Run" -Path $Dir -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-ChildItem -LiteralPath $Dir -Force -Filter '*.zip*').Name | Should -Be @('blank.zip')
    }

    It 'installs a copy of a theme under the run id and removes it' {
        $name = "copy-$Run"
        $t = Get-Item -LiteralPath (Join-Path $Dir 'blank.zip') | Add-MauticTheme -Name $name -ErrorAction Stop
        $t.Name | Should -Be $name
        $t.BuiltIn | Should -BeFalse
        (Get-MauticTheme $name).Title | Should -Be 'Blank'
        Add-MauticTheme -LiteralPath (Join-Path $Dir 'blank.zip') -Name $name -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -BeLike '*-Force*'
        Add-MauticTheme -LiteralPath (Join-Path $Dir 'blank.zip') -Name $name -Force -ErrorAction Stop | Should -Not -BeNullOrEmpty
        Remove-MauticTheme blank -Force -ErrorVariable b -ErrorAction SilentlyContinue
        $b[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $t | Remove-MauticTheme -Force -ErrorAction Stop
        Get-MauticTheme $name -ErrorVariable g -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $g[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
