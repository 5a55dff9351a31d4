#requires -Version 7.0
<#
    Mautic 5.1's own API rate limiter (issue 19, item 2), on an extra 5.1.0 instance with api_rate_limiter_limit = 25
    calls per hour (.ci/run makes it with ../shared/tools/mautic/setup.sh on port 8090 and names it as MAUTICRL_URL,
    _USER, _PASSWORD, _CLIENT_ID, _CLIENT_SECRET). Measured there: every answer carries X-RateLimit-Limit, -Remaining and
    -Reset (epoch seconds, the end of a fixed hour); over the limit Mautic answers 429 with a JSON message and no
    Retry-After; an OAuth2 token has a budget of its own, HTTP Basic one per user. On the Live7 target (7.0.0, which
    has no limiter) the same job shows no budget.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    $script:Limited = $Target -eq 'Live'
    if (-not $SkipReason -and $Target -like 'Fake*') { $script:SkipReason = 'the rate limiter scenarios run against the real servers (the fake''s limiter is tested in xunit, RateLimitTests)' }
    elseif (-not $SkipReason -and $Limited -and -not $env:MAUTICRL_URL) {
        $script:SkipReason = 'MAUTICRL_URL does not name a Mautic 5.1.0 with api_rate_limiter_limit = 25 (.ci/run makes one on port 8090 with ../shared/tools/mautic/setup.sh)'
    }
    if ($SkipReason -and $Target -like 'Live*') { Write-Warning "Live suite: the rate limiter scenarios did NOT run on $Target`: $SkipReason." }
}

Describe 'Mautic''s API rate limit on the <Target> server' -ForEach @{ Target = $Target; Limited = $Limited } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'l'
        if ($Limited) {
            $script:Url = $env:MAUTICRL_URL
            $script:Client = ConvertTo-ScenarioCredential $env:MAUTICRL_CLIENT_ID $env:MAUTICRL_CLIENT_SECRET
            $script:Basic = ConvertTo-ScenarioCredential $env:MAUTICRL_USER $env:MAUTICRL_PASSWORD
        }
        else {
            $script:Url = $T.BaseUrl
            $script:Client = $T.ClientCredential
        }
        function script:Get-VerboseLine($records) { @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) }
    }

    AfterAll { Exit-ScenarioRun $T { } }

    It 'shows the budget with each request, and stops at once naming the reset when it is used up (Live: 25 calls per hour)' -Skip:(-not $Limited) {
        # A fresh OAuth2 token: a fresh budget of 25.
        $conn = Connect-Mautic $Url -ClientCredential $Client -PassThru
        $first = Get-VerboseLine (Get-MauticSegment -Connection $conn -First 1 -Verbose 4>&1)
        ($first -match '-> 200 in \d+ ms \(rate limit: \d+ of 25 calls left until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)') | Should -Not -BeNullOrEmpty
        # Spend the rest; the module then refuses to send rather than spend calls on 429s.
        $lines = @()
        $stopped = $null
        foreach ($n in 1..30) {
            try { $lines += Get-VerboseLine (Get-MauticContact -Connection $conn -First 1 -Verbose -ErrorAction Stop 4>&1) }
            catch { $stopped = $_; break }
        }
        $stopped | Should -Not -BeNullOrEmpty
        $stopped.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $stopped.Exception.Message | Should -Match "was not sent: Mautic's API rate limit of 25 calls per hour is used up until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ min from now\), longer than the client waits"
        # No 429 was spent: every request the module sent was answered 200.
        @($lines -match '-> 429 ') | Should -BeNullOrEmpty
        ($lines -match 'rate limit: 0 of 25 calls left') | Should -Not -BeNullOrEmpty
    }

    It 'gives up on a 429 at once, naming the reset, instead of retrying into the limit (Live: HTTP Basic, one budget per user)' -Skip:(-not $Limited) {
        # Use up the user's hourly budget if it is not yet (each Basic call also costs ~0.45 s of server CPU).
        $pair = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Basic.UserName + ':' + $Basic.GetNetworkCredential().Password))
        foreach ($n in 1..26) {
            $r = Invoke-WebRequest "$Url/api/contacts?limit=1" -Headers @{ Authorization = "Basic $pair" } -SkipHttpErrorCheck
            if ($r.StatusCode -eq 429) { break }
        }
        $r.StatusCode | Should -Be 429
        [string]$r.Headers['X-RateLimit-Remaining'] | Should -Be '0'
        $r.Headers.ContainsKey('Retry-After') | Should -BeFalse
        # Connect-Mautic stops (a terminating error): nothing can go on without a connection.
        $verbose = Join-Path $TestDrive 'connect.log'
        $stopped = $null
        try { Connect-Mautic $Url -Credential $Basic -Verbose 4>$verbose | Out-Null }
        catch { $stopped = $_ }
        $stopped.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $stopped.Exception.Message | Should -Match 'You exceeded the rate limit of 25 API calls per hour\..*is used up until .* UTC \(\d+ min from now\), longer than the client waits'
        @(Get-Content $verbose | Where-Object { $_ -match '-> 429 ' }).Count | Should -Be 1
    }

    It 'needs no pacing on Mautic 7.0, which has no limiter' -Skip:($Limited) {
        $conn = Connect-Mautic $Url -ClientCredential $Client -PassThru
        $lines = Get-VerboseLine (Get-MauticSegment -Connection $conn -First 1 -Verbose 4>&1)
        ($lines -match '-> 200 in ') | Should -Not -BeNullOrEmpty
        ($lines -match 'rate limit:') | Should -BeNullOrEmpty
    }
}
