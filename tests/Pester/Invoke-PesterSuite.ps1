#requires -Version 7.0
<#
.SYNOPSIS
    Runs the Pester suite in this (child) process; build.ps1 calls it so the module's DLLs are never loaded,
    and so never locked, in the caller's session. Exits with the number of failed tests.
#>
param([ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release')

$ErrorActionPreference = 'Stop'
$pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge ([version]'5.0.0') |
    Sort-Object Version -Descending | Select-Object -First 1
if (-not $pester) {
    Write-Error 'The Pester suite needs Pester 5: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser'
    exit 1
}
Import-Module $pester -Force
$env:MAUTICPS_CONFIGURATION = $Configuration
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path $root 'out/pester-results.xml'
$result = Invoke-Pester -Configuration $config
if ($result.Result -ne 'Passed' -and $result.FailedCount -eq 0) { exit 1 }   # e.g. a failed BeforeAll
exit $result.FailedCount
