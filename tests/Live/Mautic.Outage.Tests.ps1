#requires -Version 7.0
<#
    A real outage while contacts are being created (issue 17, nothing in doubt): 600 contacts piped into
    New-MauticContact, one batch of 200 at a time, while the real Mautic 5.1.0's PHP server is stopped in the middle of
    the first batch and started again 10 s later. Batches sent while it is down never arrive and are sent again once it
    answers; the batch it was working on when it died is settled row by row by reading the contacts back by e-mail. At
    the end every row is a contact or an error, no error is left in doubt, each error's contact truly does not exist,
    each output's does, no e-mail is there twice, and sending the errors' rows again completes the 600.

    It restarts a server, so it runs only on the Live target and only when MAUTICPS_OUTAGE_SRV names the folder of that
    server's stop.sh and start.sh (../shared/tools/mautic/setup.sh writes them; .ci/run sets the variable).
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if (-not $SkipReason -and $Target -ne 'Live') {
        $script:SkipReason = 'the outage scenario stops and starts a real server, the Live target''s (the fake''s outages are tested in xunit, InDoubtTests)'
    }
    elseif (-not $SkipReason) {
        $srv = $env:MAUTICPS_OUTAGE_SRV
        if (-not $srv -or -not (Test-Path (Join-Path $srv 'stop.sh')) -or -not (Test-Path (Join-Path $srv 'start.sh'))) {
            $script:SkipReason = 'MAUTICPS_OUTAGE_SRV does not name the folder of the real server''s stop.sh and start.sh (.ci/run sets it to ~/.cache/mautic-5.1)'
        }
    }
    if ($SkipReason -and $Target -eq 'Live') { Write-Warning "Live suite: the outage scenario did NOT run: $SkipReason." }
}

Describe 'A real outage while creating contacts on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'o'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Srv = $env:MAUTICPS_OUTAGE_SRV
        function script:Get-RunContact { @(Get-MauticContact -Search "email:%@$Domain" -Select email -ErrorAction Stop) }
    }

    AfterAll {
        # Whatever happened, the server must be up again for the rest of the suite.
        & bash (Join-Path $Srv 'start.sh') | Out-Null
        Exit-ScenarioRun $T {
            $left = Get-RunContact
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    It 'accounts for every row, leaves none in doubt, and completes on a second pass' {
        $emails = 1..600 | ForEach-Object { "o$_@$Domain" }
        # Stop the PHP server 2 s into the first batch (a batch of 200 takes ~3.8 s), start it 10 s later.
        $script = Join-Path $TestDrive 'outage.sh'
        Set-Content $script "sleep 2; bash '$Srv/stop.sh'; sleep 10; bash '$Srv/start.sh'"
        $outage = Start-Process bash -ArgumentList $script -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'outage.log')
        $made = @($emails | New-MauticContact -ThrottleLimit 1 -ErrorVariable lost -ErrorAction SilentlyContinue -Verbose 4>(Join-Path $TestDrive 'verbose.log'))
        $outage.WaitForExit(120000) | Should -BeTrue
        $verbose = Get-Content (Join-Path $TestDrive 'verbose.log') -Raw

        # The outage really cut a batch off: the read-back ran.
        $verbose | Should -Match 'A contact request was cut off after it was sent; read back once Mautic answered'
        # What this outage did, for the log: how many rows of the cut-off batch Mautic had saved when it died.
        $verbose -split "`n" | Where-Object { $_ -match 'cut off after it was sent' } | ForEach-Object { Write-Information "    outage: $($_.Trim())" -InformationAction Continue }
        ($made.Count + $lost.Count) | Should -Be 600
        @($lost | Where-Object { $_.Exception.Message -match 'stays in doubt|may have (processed|saved) it' }) | Should -BeNullOrEmpty
        @($lost | Where-Object { $_.Exception.Message -notmatch 'Sending it again is safe' }) | Should -BeNullOrEmpty

        $there = Get-RunContact
        $byEmail = $there | Group-Object email
        @($byEmail | Where-Object Count -gt 1) | Should -BeNullOrEmpty
        @($made.email | Where-Object { $_ -notin $there.email }) | Should -BeNullOrEmpty
        @($lost.TargetObject | Where-Object { $_ -in $there.email }) | Should -BeNullOrEmpty

        $again = @($lost.TargetObject | New-MauticContact -ErrorAction Stop)
        $again.Count | Should -Be $lost.Count
        $final = Get-RunContact
        $final.Count | Should -Be 600
        @($final | Group-Object email | Where-Object Count -gt 1) | Should -BeNullOrEmpty
    }
}
