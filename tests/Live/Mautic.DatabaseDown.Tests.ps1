#requires -Version 7.0
# Live suite: run last (it stops the MariaDB every real server here shares; Invoke-LiveSuite.ps1 orders files with this line after the rest)
<#
    Mautic without its database (issue 19, item 4), on the real 5.1.0: MariaDB is stopped while Mautic serves, and
    started again 15 s later. Measured: while its database is unreachable Mautic (5.1.0 and 7.0.0 alike) answers every
    request (the API with a Bearer token, the token endpoint, HTTP Basic) with HTTP 500 "The site is currently offline
    due to encountering an error." (JSON errors when the request accepts JSON, as the module's do; else the "Site is
    offline" HTML page), having handled nothing. The module waits that out as it waits out an unreachable server (up to -UnreachableTimeoutSec, 60 s by
    default), for every method, and the job goes on once the database is back: every row created once.

    It stops a service every instance uses, so it runs only on the Live target, only when MAUTICPS_OUTAGE_SRV names the
    5.1.0 server's folder (.ci/run sets it; the outage scenario uses it too) and `service mariadb` works, and last of the
    live suite. Whatever happens, MariaDB is started again.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if (-not $SkipReason -and $Target -ne 'Live') {
        $script:SkipReason = 'the database scenario stops the MariaDB the real servers share, under the Live target (the fake''s offline page is tested in xunit, DatabaseDownTests)'
    }
    elseif (-not $SkipReason -and -not $env:MAUTICPS_OUTAGE_SRV) {
        $script:SkipReason = 'MAUTICPS_OUTAGE_SRV is not set, so this run may not stop shared services (.ci/run sets it)'
    }
    elseif (-not $SkipReason -and -not (Get-Command service -ErrorAction SilentlyContinue)) {
        $script:SkipReason = 'there is no service command to stop and start MariaDB with'
    }
    if ($SkipReason -and $Target -eq 'Live') { Write-Warning "Live suite: the database scenario did NOT run: $SkipReason." }
}

Describe 'Mautic''s database stopped while a job runs, on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'd'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        function script:Wait-Database {
            foreach ($i in 1..60) { & mariadb-admin -uroot --silent ping *> $null; if ($LASTEXITCODE -eq 0) { return $true }; Start-Sleep -Seconds 1 }
            $false
        }
    }

    AfterAll {
        & service mariadb start *> $null
        Wait-Database | Out-Null
        Exit-ScenarioRun $T {
            $left = @(Get-MauticContact -Search "email:%@$Domain" -Select email)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    It 'answers its offline page while the database is down, and a job waits it out and creates every row once' {
        # What Mautic answers without its database, raw.
        & service mariadb stop *> $null
        try {
            $raw = Invoke-WebRequest "$($T.BaseUrl)/api/contacts?limit=1" -SkipHttpErrorCheck -Headers @{ Authorization = 'Bearer not-checked-before-the-database' }
            $raw.StatusCode | Should -Be 500
            $raw.Content | Should -Match '<title>Site is offline</title>'
            $json = Invoke-WebRequest "$($T.BaseUrl)/api/contacts?limit=1" -SkipHttpErrorCheck -Headers @{ Accept = 'application/json'; Authorization = 'Bearer not-checked-before-the-database' }
            $json.StatusCode | Should -Be 500
            ($json.Content | ConvertFrom-Json).errors[0].message | Should -BeLike 'The site is currently offline due to encountering an error.*'
            $token = Invoke-WebRequest "$($T.BaseUrl)/oauth/v2/token" -Method Post -SkipHttpErrorCheck -Body @{ grant_type = 'client_credentials'; client_id = 'x'; client_secret = 'y' }
            $token.StatusCode | Should -Be 500
            $token.Content | Should -Match '<title>Site is offline</title>'
            # The job starts while the database is down; it comes back 15 s later.
            $script = Join-Path $TestDrive 'db.sh'
            Set-Content $script 'sleep 15; service mariadb start'
            $back = Start-Process bash -ArgumentList $script -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'db.log')
            $started = Get-Date
            $made = @(1..250 | ForEach-Object { "d$_@$Domain" } | New-MauticContact -ThrottleLimit 1 -ErrorVariable lost -ErrorAction SilentlyContinue -Verbose 4>(Join-Path $TestDrive 'verbose.log'))
            $took = ((Get-Date) - $started).TotalSeconds
            $back.WaitForExit(60000) | Should -BeTrue
        }
        finally { & service mariadb start *> $null; Wait-Database | Out-Null }
        $verbose = Get-Content (Join-Path $TestDrive 'verbose.log') -Raw
        $lost | Should -BeNullOrEmpty
        $made.Count | Should -Be 250
        $verbose | Should -Match 'Mautic is offline \(HTTP 500, ''The site is currently offline'''
        $took | Should -BeGreaterThan 12
        # The server holds each row once.
        $emails = @(Get-MauticContact -Search "email:%@$Domain" -Select email | ForEach-Object email)
        $emails.Count | Should -Be 250
        @($emails | Sort-Object -Unique).Count | Should -Be 250
        Write-Information "database down: 250 contacts created in $([int]$took) s across a 15 s database stop" -InformationAction Continue
    }
}
