#requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages the Mautic module.
.DESCRIPTION
    Build   : dotnet build MauticPS.sln -> out/Mautic/ (manifest, DLLs, format file, MAML help)
    Test    : the xunit suites (core, fake-server integration, module metadata), then the Pester suite
    Pester  : builds, then only the Pester suite (needs Pester 5)
    Package : builds, then zips out/Mautic/ for Azure Automation (out/Mautic-<version>.zip)
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
        $version = (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'out/Mautic/Mautic.psd1')).ModuleVersion
        $zip = Join-Path $PSScriptRoot "out/Mautic-$version.zip"
        # Azure Automation wants a zip whose top folder is the module name.
        Compress-Archive -Path (Join-Path $PSScriptRoot 'out/Mautic') -DestinationPath $zip -Force
        Write-Output "Package: $zip"
    }
}
