#requires -Version 7.0
# The zip `build.ps1 Package` writes, checked against Azure Automation's rule for importing a module: the zip's name,
# the module folder inside it and the manifest's name are the same (Mautic.zip holding Mautic/Mautic.psd1), for both
# its 5.1 and 7.x runtimes. Runs build.ps1 in a child pwsh (it builds first), then reads the zip it wrote.

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Out = Join-Path $Root 'out'
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) "mautic-package-$([guid]::NewGuid())"
    New-Item -ItemType Directory -Path $Work | Out-Null
    # No stale zip can pass for the one this run writes.
    Get-ChildItem -LiteralPath $Out -Filter 'Mautic*.zip' -ErrorAction SilentlyContinue | Remove-Item
    $pwsh = (Get-Process -Id $PID).Path
    $script:Log = & $pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'build.ps1') Package 2>&1
    $script:ExitCode = $LASTEXITCODE
    $script:Zip = Join-Path $Out 'Mautic.zip'
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $script:Entries = @()
    if (Test-Path -LiteralPath $Zip) {
        $archive = [System.IO.Compression.ZipFile]::OpenRead($Zip)
        try { $script:Entries = @($archive.Entries | ForEach-Object FullName) } finally { $archive.Dispose() }
        Expand-Archive -LiteralPath $Zip -DestinationPath (Join-Path $Work 'unzipped')
    }
    $script:Unpacked = Join-Path $Work 'unzipped/Mautic'
}

AfterAll { Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue }

Describe 'The Azure Automation package' {
    It 'is written as out/Mautic.zip, and only that zip' {
        $ExitCode | Should -Be 0 -Because ($Log -join "`n")
        ($Log -join "`n") | Should -Match ([regex]::Escape("Package: $Zip"))
        Test-Path -LiteralPath $Zip | Should -BeTrue
        @(Get-ChildItem -LiteralPath $Out -Filter 'Mautic*.zip').Name | Should -Be @('Mautic.zip')
    }

    It 'holds everything in one top folder named like the zip, with / in every entry name' {
        $Entries.Count | Should -BeGreaterThan 0
        $Entries | Where-Object { -not $_.StartsWith('Mautic/') } | Should -BeNullOrEmpty
        $Entries | Where-Object { $_.Contains('\') } | Should -BeNullOrEmpty
        $Entries | Should -Contain 'Mautic/Mautic.psd1'
        $Entries | Should -Contain 'Mautic/Mautic.dll'
        $Entries | Should -Contain 'Mautic/Mautic.Format.ps1xml'
        $Entries | Should -Contain 'Mautic/en-US/Mautic.dll-Help.xml'
        $Entries | Should -Contain 'Mautic/en-US/about_Mautic.help.txt'
        $Entries | Should -Contain 'Mautic/en-US/about_Mautic_Authentication.help.txt'
    }

    It 'holds exactly the files of the built module folder' {
        $built = (Get-Item -LiteralPath (Join-Path $Out 'Mautic')).FullName
        $expected = Get-ChildItem -LiteralPath $built -File -Recurse |
            ForEach-Object { 'Mautic/' + $_.FullName.Substring($built.Length + 1).Replace('\', '/') }
        ($Entries | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'ships only the allowed assemblies: the cmdlets and the loader beside the manifest, the client and its two dependencies in dependencies/' {
        ($Entries | Where-Object { $_ -like '*.dll' } | Sort-Object) |
            Should -Be @('Mautic/dependencies/Mautic.Client.dll', 'Mautic/dependencies/Newtonsoft.Json.dll', 'Mautic/dependencies/Polly.dll', 'Mautic/Mautic.dll', 'Mautic/Mautic.Loader.dll')
    }

    It 'has a manifest that Test-ModuleManifest accepts after extraction, named like the folder' {
        $manifest = Test-ModuleManifest -Path (Join-Path $Unpacked 'Mautic.psd1') -ErrorAction Stop
        $manifest.Name | Should -Be 'Mautic'
        $manifest.RootModule | Should -Be 'Mautic.dll'
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')   # Azure Automation's 5.1 and 7.x runtimes
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.ExportedCmdlets.Keys | Should -Contain 'Connect-Mautic'
        $manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
    }

    It 'imports from the extracted folder and exports the manifest''s cmdlets' {
        # A child pwsh: this session may already hold the module from out/Mautic.
        $pwsh = (Get-Process -Id $PID).Path
        $manifest = Join-Path $Unpacked 'Mautic.psd1'
        $count = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$manifest' -ErrorAction Stop; (Get-Command -Module Mautic).Count"
        $LASTEXITCODE | Should -Be 0
        [int]$count | Should -Be (Import-PowerShellDataFile $manifest).CmdletsToExport.Count
    }

    It 'stays far below Azure Automation''s 100 MB limit for a module zip' {
        (Get-Item -LiteralPath $Zip).Length | Should -BeLessThan 100MB
    }
}
