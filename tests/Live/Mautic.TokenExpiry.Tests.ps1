#requires -Version 7.0
<#
    Real token expiry (issue 19, item 3), on the extra 5.1.0 instance .ci/run makes on port 8091 (MAUTIC_DOCTOR_SRV)
    with api_oauth2_access_token_lifetime = 1 (minute). The refresh token comes from Mautic's own authorization_code
    consent flow, scripted over loopback as a browser would go through it: the OAuth login form, the consent form's
    Accept, the code exchange. Measured there: an access token lives 60 s (expires_in 60), and a refresh token is single
    use (a second refresh with it answers 400 invalid_grant).

    - A job of over two minutes under a refresh token (read a page of contacts, update each, wait past an expiry) goes
      on across two expiries: the module renews before each expiry, so Mautic never answers 401, and each renewal spends
      the refresh token in force and keeps the new one.
    - Two runspaces of one process connected with one refresh token renew it once between them, and the chain's newest
      token still works afterwards (the per-process token chain: without it the second connection spends a token the
      first already spent and fails with invalid_grant).

    Live target only: the fake's tokens are tested in xunit (AuthTests), and one extra 5.1.0 serves this.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if (-not $SkipReason -and $Target -ne 'Live') {
        $script:SkipReason = 'the token expiry scenarios run on one extra real 5.1.0 whose tokens live 1 minute, under the Live target (the fake''s token handling is tested in xunit, AuthTests)'
    }
    elseif (-not $SkipReason) {
        $srv = if ($env:MAUTIC_DOCTOR_SRV) { $env:MAUTIC_DOCTOR_SRV } else { Join-Path $HOME '.cache/mautic-doctor' }
        if (-not (Test-Path (Join-Path $srv 'env'))) {
            $script:SkipReason = "there is no extra 5.1.0 at $srv (.ci/run makes it on port 8091 with api_oauth2_access_token_lifetime = 1)"
        }
    }
    if ($SkipReason -and $Target -eq 'Live') { Write-Warning "Live suite: the token expiry scenarios did NOT run: $SkipReason." }
}

Describe 'Access tokens that expire every minute, on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'k'
        $script:Run = $T.Run
        $srv = if ($env:MAUTIC_DOCTOR_SRV) { $env:MAUTIC_DOCTOR_SRV } else { Join-Path $HOME '.cache/mautic-doctor' }
        $script:E = @{}
        foreach ($line in Get-Content (Join-Path $srv 'env')) { if ($line -match '^(\w+)=(.*)$') { $E[$Matches[1]] = $Matches[2].Trim("'", '"') } }
        $script:Url = $E.MAUTIC_URL
        $script:Client = ConvertTo-ScenarioCredential $E.MAUTIC_CLIENT_ID $E.MAUTIC_CLIENT_SECRET

        function script:Get-ScenarioRefreshToken {
            # Mautic's authorization_code flow as a browser goes through it; returns the token endpoint's answer. A
            # redirect not followed (-MaximumRedirection 0) is also written as an error: the status and Location say it all.
            $s = New-Object Microsoft.PowerShell.Commands.WebRequestSession
            $query = "client_id=$([uri]::EscapeDataString($E.MAUTIC_CLIENT_ID))&response_type=code&redirect_uri=$([uri]::EscapeDataString($Url))&state=$Run"
            $first = Invoke-WebRequest "$Url/oauth/v2/authorize?$query" -WebSession $s -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
            [string]$first.Headers.Location | Should -Match '/oauth/v2/authorize_login$'
            $login = Invoke-WebRequest "$Url/oauth/v2/authorize_login_check" -Method Post -WebSession $s -MaximumRedirection 0 -SkipHttpErrorCheck `
                -Body @{ _username = $E.MAUTIC_USER; _password = $E.MAUTIC_PASSWORD } -ErrorAction SilentlyContinue
            [string]$login.Headers.Location | Should -Match '/oauth/v2/authorize\?'
            $consent = Invoke-WebRequest "$Url/oauth/v2/authorize?$query" -WebSession $s -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
            $consent.StatusCode | Should -Be 200
            $form = @{ accepted = 'Accept' }
            foreach ($m in [regex]::Matches($consent.Content, 'name="(fos_oauth_server_authorize_form\[[^\]]*\])"[^>]*?value="([^"]*)"')) {
                $form[$m.Groups[1].Value] = [System.Net.WebUtility]::HtmlDecode($m.Groups[2].Value)
            }
            $accepted = Invoke-WebRequest "$Url/oauth/v2/authorize" -Method Post -WebSession $s -MaximumRedirection 0 -SkipHttpErrorCheck -Body $form -ErrorAction SilentlyContinue
            $code = [regex]::Match([string]$accepted.Headers.Location, '[?&]code=([^&]+)').Groups[1].Value
            $code | Should -Not -BeNullOrEmpty
            Invoke-RestMethod "$Url/oauth/v2/token" -Method Post -Body @{
                grant_type = 'authorization_code'; client_id = $E.MAUTIC_CLIENT_ID; client_secret = $E.MAUTIC_CLIENT_SECRET; redirect_uri = $Url; code = $code
            } -ErrorAction Stop
        }
        function script:ConvertTo-SecureText([string] $Text) {
            $secure = New-Object System.Security.SecureString
            foreach ($c in $Text.ToCharArray()) { $secure.AppendChar($c) }
            $secure.MakeReadOnly()
            $secure
        }
        function script:Get-TokenCall($Records) {
            @($Records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^POST \S+/oauth/v2/token -> ' } | ForEach-Object Message)
        }

        # Contacts the job works on (under client credentials: the refresh tokens are for the scenarios).
        $script:Admin = Connect-Mautic $Url -ClientCredential $Client -PassThru
        $script:Seeded = @(1..6 | ForEach-Object { "k$_@$Run.example" } | New-MauticContact -Connection $Admin -ErrorAction Stop)
    }

    AfterAll {
        if ($Admin) { Get-MauticContact -Connection $Admin -Search "email:%@$Run.example" | Remove-MauticContact -Connection $Admin -Force -ErrorAction SilentlyContinue }
        Exit-ScenarioRun $T { }
    }

    It 'hands out 60-second access tokens and single-use refresh tokens (what the scenarios rely on)' {
        $answer = Get-ScenarioRefreshToken
        $answer.expires_in | Should -Be 60
        $once = Invoke-RestMethod "$Url/oauth/v2/token" -Method Post -Body @{
            grant_type = 'refresh_token'; client_id = $E.MAUTIC_CLIENT_ID; client_secret = $E.MAUTIC_CLIENT_SECRET; refresh_token = $answer.refresh_token }
        $once.refresh_token | Should -Not -Be $answer.refresh_token
        $again = Invoke-WebRequest "$Url/oauth/v2/token" -Method Post -SkipHttpErrorCheck -Body @{
            grant_type = 'refresh_token'; client_id = $E.MAUTIC_CLIENT_ID; client_secret = $E.MAUTIC_CLIENT_SECRET; refresh_token = $answer.refresh_token }
        $again.StatusCode | Should -Be 400
        $again.Content | Should -Match 'invalid_grant'
    }

    It 'keeps a job of over two minutes going across two expiries under a refresh token, renewing before Mautic says 401' {
        $issued = Get-ScenarioRefreshToken
        $conn = Connect-Mautic $Url -ClientCredential $Client -RefreshToken (ConvertTo-SecureText $issued.refresh_token) -PassThru
        $started = Get-Date
        # The job: page through the run's contacts two at a time, update each, and wait past an access token's life
        # after each page (so the next page's and the next updates' requests need a new token).
        $records = @(Get-MauticContact -Connection $conn -Search "email:%@$Run.example" -PageSize 2 -Verbose 4>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.VerboseRecord]) { $_; return }
                Set-MauticContact -Connection $conn -Id $_.id -Property @{ city = "Renewed $Run" } -Verbose 4>&1
                if ($_.email -match '^k[24]@') { Start-Sleep -Seconds 62 }
            })
        $took = ((Get-Date) - $started).TotalSeconds
        $took | Should -BeGreaterThan 120
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty
        # Two renewals (at most three: one more if a page read fell just past a renewal point), no 401.
        $calls = Get-TokenCall $records
        $calls.Count | Should -BeGreaterOrEqual 2
        $calls.Count | Should -BeLessOrEqual 3
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match ' -> 401 ' }) | Should -BeNullOrEmpty
        # Every contact was updated, and the token in force is a new one that still works.
        @(Get-MauticContact -Connection $Admin -Search "email:%@$Run.example" | Where-Object city -eq "Renewed $Run").Count | Should -Be 6
        $now = [System.Net.NetworkCredential]::new('', $conn.GetRefreshToken()).Password
        $now | Should -Not -Be $issued.refresh_token
        $fresh = Connect-Mautic $Url -ClientCredential $Client -RefreshToken (ConvertTo-SecureText $now) -PassThru
        @(Get-MauticContact -Connection $fresh -First 1).Count | Should -Be 1
        Write-Information "token expiry: a $([int]$took) s job, $($calls.Count) renewals, no 401" -InformationAction Continue
    }

    It 'shares one refresh token between two runspaces of one process: one renewal per expiry, none spent twice' {
        $issued = Get-ScenarioRefreshToken
        $module = Join-Path $T.Root 'out/Mautic/Mautic.psd1'
        $job = {
            param($Module, $Url, $Client, $Refresh, $Run)
            Import-Module $Module
            $connected = @(Connect-Mautic $Url -ClientCredential $Client -RefreshToken $Refresh -PassThru -Verbose 4>&1)
            $connected | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $conn = $connected | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
            Get-MauticContact -Search "email:%@$Run.example" -First 1 -Verbose 4>&1
            Start-Sleep -Seconds 62
            Get-MauticContact -Search "email:%@$Run.example" -First 1 -Verbose 4>&1
            [System.Net.NetworkCredential]::new('', $conn.GetRefreshToken()).Password
        }
        $shells = foreach ($n in 1..2) {
            $ps = [powershell]::Create()
            $null = $ps.AddScript($job).AddArgument($module).AddArgument($Url).AddArgument($Client).AddArgument((ConvertTo-SecureText $issued.refresh_token)).AddArgument($Run)
            [pscustomobject]@{ Shell = $ps; Async = $ps.BeginInvoke() }
        }
        $outputs = foreach ($s in $shells) {
            $out = @($s.Shell.EndInvoke($s.Async))
            [pscustomobject]@{ Output = $out; Errors = @($s.Shell.Streams.Error) }
            $s.Shell.Dispose()
        }
        foreach ($o in $outputs) {
            $o.Errors | Should -BeNullOrEmpty
            @($o.Output | Where-Object { $_.PSObject.TypeNames -contains 'Mautic.Contact' }).Count | Should -Be 2
        }
        # Between them: the first token, then one renewal after the expiry (the two connections share one chain).
        $calls = @(foreach ($o in $outputs) { Get-TokenCall $o.Output })
        $calls.Count | Should -Be 2
        $last = @($outputs | ForEach-Object { $_.Output[-1] } | Sort-Object -Unique)
        $last.Count | Should -Be 1
        $last[0] | Should -Not -Be $issued.refresh_token
        # The chain's newest token was never spent: it still renews.
        $after = Invoke-RestMethod "$Url/oauth/v2/token" -Method Post -Body @{
            grant_type = 'refresh_token'; client_id = $E.MAUTIC_CLIENT_ID; client_secret = $E.MAUTIC_CLIENT_SECRET; refresh_token = $last[0] }
        $after.access_token | Should -Not -BeNullOrEmpty
    }
}
