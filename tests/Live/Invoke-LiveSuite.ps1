#requires -Version 7.0
<#
.SYNOPSIS
    Runs the live suite: the scenarios of every tests/Live/Mautic.*.Tests.ps1 against the fake Mautic (as 5.1.0: Fake,
    and as 7.0.0: Fake7) and against the real Mautic servers named by MAUTIC_URL (Live, 5.1.0 here) and MAUTIC7_URL
    (Live7, 7.0.0 here), one Pester container per file and target. Exits with the number of failed tests.
.DESCRIPTION
    Build first (dotnet build MauticPS.sln -c Release). For the real servers (.ci/run does this):
        bash ../shared/tools/mautic/setup.sh; set -a; . ~/.cache/mautic-5.1/env; set +a
        MAUTIC_VERSION=7.0 bash ../shared/tools/mautic/setup.sh
        eval "$(sed -n 's/^MAUTIC_/export MAUTIC7_/p' ~/.cache/mautic-7.0/env)"
    A real target whose variables are not set has its tests reported as skipped, with the reason. -Target picks targets.
    Prints "Live suite: Tests Passed: N, Failed: N, Skipped: N" last, for .ci/run.
.EXAMPLE
    pwsh tests/Live/Invoke-LiveSuite.ps1
.EXAMPLE
    pwsh tests/Live/Invoke-LiveSuite.ps1 -Target Live
#>
param(
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')] [string[]] $Target = @('Fake', 'Fake7', 'Live', 'Live7')
)

$ErrorActionPreference = 'Stop'
$pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge ([version]'5.0.0') |
    Sort-Object Version -Descending | Select-Object -First 1
if (-not $pester) {
    Write-Error 'The live suite needs Pester 5: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser'
    exit 1
}
Import-Module $pester -Force
. (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')

$env:MAUTICPS_CONFIGURATION = $Configuration
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
# Every scenario file: Mautic.Scenarios.Tests.ps1 and one per area (Mautic.<Area>.Tests.ps1), each a container per target,
# by name, except that a file whose header has the line "# Live suite: run last" (it stops a service every real server
# shares) runs after the rest.
$files = @(Get-ChildItem -Path $PSScriptRoot -Filter 'Mautic.*.Tests.ps1' |
        Sort-Object { [bool](Select-String -LiteralPath $_.FullName -Pattern '^# Live suite: run last' -Quiet) }, Name | ForEach-Object FullName)
foreach ($live in @($Target -like 'Live*')) {
    $reason = Get-LiveSkipReason $live
    if ($reason) { Write-Output "Live suite: the $live scenarios are SKIPPED (they did not run): $reason." }
    else { Write-Output "Live suite: running the $live scenarios against the real Mautic at $([Environment]::GetEnvironmentVariable($ScenarioTargets[$live].Prefix + 'URL'))." }
}

$config = New-PesterConfiguration
$config.Run.Container = @(foreach ($file in $files) { foreach ($t in $Target) { New-PesterContainer -Path $file -Data @{ Target = $t } } })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = Join-Path $root 'out/live-results.xml'
$started = Get-Date
$result = Invoke-Pester -Configuration $config
$seconds = [int]((Get-Date) - $started).TotalSeconds
foreach ($c in $result.Containers) {
    $name = '{0}, {1}' -f $c.Data.Target, ((Split-Path $c.Item -Leaf) -replace '^Mautic\.|\.Tests\.ps1$')
    $tests = @($c.Blocks.Tests; $c.Blocks.Blocks.Tests)
    $took = [int]$c.Duration.TotalSeconds
    Write-Output ("Live suite, {0}: {1} passed, {2} failed, {3} skipped in {4} s ({5})" -f $name,
        @($tests | Where-Object Result -eq 'Passed').Count, @($tests | Where-Object Result -eq 'Failed').Count,
        @($tests | Where-Object Result -eq 'Skipped').Count, $took, $c.Result)
}
Write-Output "Live suite: Tests Passed: $($result.PassedCount), Failed: $($result.FailedCount), Skipped: $($result.SkippedCount) ($seconds s)"
if ($result.Result -ne 'Passed' -and $result.FailedCount -eq 0) { exit 1 }   # e.g. a failed BeforeAll
exit $result.FailedCount
