#requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages the Mautic module.
.DESCRIPTION
    Build   : dotnet build MauticPS.sln -> out/Mautic/ (manifest, DLLs, format file, MAML help)
    Test    : the xunit suites (core, fake-server integration, module metadata), then the Pester suite
    Pester  : builds, then only the Pester suite (needs Pester 5)
    Package : builds, then zips out/Mautic/ as out/Mautic.zip: top folder Mautic/, manifest Mautic/Mautic.psd1, the
              layout Azure Automation (5.1 and 7.x runtimes) and Expand-Archive into a PSModulePath folder expect
.EXAMPLE
    pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Pester', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Dotnet build MauticPS.sln -c $Configuration
}

function Invoke-PesterSuite {
    # A child pwsh, so the module is not loaded (and its DLLs not locked) in this session.
    $pwsh = (Get-Process -Id $PID).Path
    & $pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'tests/Pester/Invoke-PesterSuite.ps1') -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) { throw "Pester: the suite failed (exit code $LASTEXITCODE)" }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' {
        Invoke-Dotnet test MauticPS.sln -c $Configuration
        Invoke-PesterSuite
    }
    'Pester' {
        Invoke-Build
        Invoke-PesterSuite
    }
    'Package' {
        Invoke-Build
        # Azure Automation imports a zip only when its name, the module folder inside and the manifest agree:
        # Mautic.zip holding Mautic/Mautic.psd1. Written entry by entry so every name uses '/' (Windows PowerShell
        # 5.1's Compress-Archive writes '\', which other unzippers take as part of a file name).
        $source = (Get-Item -LiteralPath (Join-Path $PSScriptRoot 'out/Mautic')).FullName
        $zip = Join-Path $PSScriptRoot 'out/Mautic.zip'
        if (Test-Path -LiteralPath $zip) { Remove-Item -LiteralPath $zip }
        Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::Open($zip, [System.IO.Compression.ZipArchiveMode]::Create)
        try {
            foreach ($file in Get-ChildItem -LiteralPath $source -File -Recurse) {
                $entry = 'Mautic/' + $file.FullName.Substring($source.Length).TrimStart('\', '/').Replace('\', '/')
                [void][System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($archive, $file.FullName, $entry, [System.IO.Compression.CompressionLevel]::Optimal)
            }
        }
        finally { $archive.Dispose() }
        Write-Output "Package: $zip"
    }
}
