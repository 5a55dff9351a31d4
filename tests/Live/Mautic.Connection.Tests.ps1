#requires -Version 7.0
<#
    Proxies and Test-MauticConnection against the four targets.
    - Through a real proxy that requires authentication (tinyproxy, started here on a free loopback port with a temp
      configuration, stopped in AfterAll): with -ProxyCredential every call goes through it (its access log shows them),
      without it the 407 error names the proxy and -ProxyCredential. Skipped, saying so, when tinyproxy is not installed.
    - Test-MauticConnection on the target as it is: every check Passed or Skipped, for Basic and OAuth2.
    - Through nginx with a certificate made here by openssl (self-signed), in front of the target: a sub-folder install
      (https://127.0.0.1:PORT/mautic/) and an http URL that redirects to https. Without -SkipCertificateCheck the TLS
      check fails naming the certificate; with it every other check passes and Connect-Mautic works; the http URL fails
      TLS naming the https address. Skipped, saying so, when nginx or openssl is not installed.
    - A second real instance set up wrong on purpose (MAUTIC_DOCTOR_SRV, default ~/.cache/mautic-doctor, made by
      ../shared/tools/mautic/setup.sh with MAUTIC_SRV/MAUTIC_PORT/MAUTIC_DB_NAME): API off, Basic auth off (its
      config/local.php changed and the cache cleared), wrong password, then restored. Live target only; skipped,
      saying so, when that instance is not there.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the connection scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Proxies and Test-MauticConnection on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'x'
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) "mautic-conn-$($T.Run)"
        New-Item -ItemType Directory $Work | Out-Null
        $script:Started = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()

        function script:Get-FreePort {
            $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $l.Start(); $p = $l.LocalEndpoint.Port; $l.Stop(); $p
        }
        function script:Wait-Port([int] $Port) {
            foreach ($i in 1..100) {
                try { [System.Net.Sockets.TcpClient]::new('127.0.0.1', $Port).Dispose(); return } catch { Start-Sleep -Milliseconds 100 }
            }
            throw "Nothing listens on 127.0.0.1:$Port."
        }
        function script:Start-Daemon([string] $File, [string] $Arguments, [int] $Port) {
            # one argument string: Start-Process joins a list with spaces, unquoted ('daemon off;' would split)
            $p = Start-Process $File -ArgumentList $Arguments -PassThru -RedirectStandardError (Join-Path $Work "$(Split-Path -Leaf $File)-$Port.err") -RedirectStandardOutput (Join-Path $Work "$(Split-Path -Leaf $File)-$Port.out")
            $Started.Add($p)
            Wait-Port $Port
        }
        function script:Checks($Result) {
            $h = @{}
            foreach ($c in $Result) { $h[$c.Check] = $c }
            $h
        }

        # the proxy
        $script:Tinyproxy = (Get-Command tinyproxy -ErrorAction SilentlyContinue).Source
        if ($Tinyproxy) {
            $script:ProxyPort = Get-FreePort
            $script:ProxyLog = Join-Path $Work 'tinyproxy.log'
            $script:ProxyPassword = "Px-$($T.Run)"
            @(
                "Port $ProxyPort", 'Listen 127.0.0.1', 'Timeout 120', "LogFile `"$ProxyLog`"", 'LogLevel Info', 'MaxClients 50',
                'Allow 127.0.0.1', "BasicAuth proxyuser $ProxyPassword", 'DisableViaHeader Yes'
            ) | Set-Content (Join-Path $Work 'tinyproxy.conf')
            Start-Daemon $Tinyproxy "-d -c `"$(Join-Path $Work 'tinyproxy.conf')`"" $ProxyPort
            $script:ProxyUrl = "http://127.0.0.1:$ProxyPort"
            $script:ProxyCred = ConvertTo-ScenarioCredential proxyuser $ProxyPassword
        }

        # nginx with a self-signed certificate in front of the target: /mautic/ on https, and http redirecting to https
        $script:Nginx = (Get-Command nginx -ErrorAction SilentlyContinue).Source
        $script:Openssl = (Get-Command openssl -ErrorAction SilentlyContinue).Source
        if ($Nginx -and $Openssl) {
            $script:HttpsPort = Get-FreePort
            $script:HttpPort = Get-FreePort
            $key = Join-Path $Work 'server.key'; $crt = Join-Path $Work 'server.crt'
            & $Openssl req -x509 -newkey rsa:2048 -nodes -keyout $key -out $crt -days 2 -subj '/CN=127.0.0.1' -addext 'subjectAltName=IP:127.0.0.1' 2>$null
            $upstream = [uri]$T.BaseUrl
            foreach ($d in 'body', 'proxy', 'fastcgi', 'uwsgi', 'scgi') { New-Item -ItemType Directory (Join-Path $Work "nginx-$d") | Out-Null }
            @"
worker_processes 1;
pid $Work/nginx.pid;
error_log $Work/nginx-error.log;
events { worker_connections 64; }
http {
    access_log $Work/nginx-access.log;
    client_body_temp_path $Work/nginx-body; proxy_temp_path $Work/nginx-proxy; fastcgi_temp_path $Work/nginx-fastcgi;
    uwsgi_temp_path $Work/nginx-uwsgi; scgi_temp_path $Work/nginx-scgi;
    client_max_body_size 64m;
    server {
        listen 127.0.0.1:$HttpsPort ssl;
        ssl_certificate $crt; ssl_certificate_key $key;
        location /mautic/ {
            proxy_pass http://$($upstream.Authority)/;
            proxy_set_header Host $($upstream.Authority);
            proxy_set_header Authorization `$http_authorization;
            proxy_read_timeout 300s;
        }
    }
    server {
        listen 127.0.0.1:$HttpPort;
        return 301 https://127.0.0.1:$HttpsPort`$request_uri;
    }
}
"@ | Set-Content (Join-Path $Work 'nginx.conf')
            Start-Daemon $Nginx "-p `"$Work`" -c `"$(Join-Path $Work 'nginx.conf')`" -g `"daemon off;`"" $HttpsPort
            $script:NginxArgs = @('-p', $Work, '-c', (Join-Path $Work 'nginx.conf'))
            $script:HttpsUrl = "https://127.0.0.1:$HttpsPort/mautic"
            $script:RedirectUrl = "http://127.0.0.1:$HttpPort/mautic"
        }
    }

    AfterAll {
        # nginx's master stops its workers on -s stop; a killed master would leave them holding the ports
        if ($NginxArgs) { & $Nginx @NginxArgs -s stop 2>$null; Start-Sleep -Milliseconds 500 }
        foreach ($p in $Started) { if (-not $p.HasExited) { Stop-Process -Id $p.Id -Force -ErrorAction SilentlyContinue; $p.WaitForExit(5000) | Out-Null } }
        Exit-ScenarioRun $T { }
        Remove-Item $Work -Recurse -Force -ErrorAction SilentlyContinue
    }

    Context 'through an authenticating proxy' {
        It 'goes through the proxy with -ProxyCredential, and the proxy log shows every call' {
            if (-not $Tinyproxy) { Set-ItResult -Skipped -Because 'tinyproxy is not installed (apt-get install tinyproxy)'; return }
            $c = Connect-Mautic $T.BaseUrl -Credential $T.Credential -Proxy $ProxyUrl -ProxyCredential $ProxyCred -PassThru -Verbose 4>&1 | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
            $c.Proxy | Should -Be "$ProxyUrl/"
            $c.ProxyUserName | Should -Be 'proxyuser'
            Get-MauticContact -First 1 -ErrorAction Stop | Out-Null
            $authority = ([uri]$T.BaseUrl).Authority
            $log = Get-Content $ProxyLog -Raw
            $log | Should -Match ([regex]::Escape("GET http://$authority/api/users/self"))
            $log | Should -Match ([regex]::Escape("GET http://$authority/api/contacts?"))
            $log | Should -Match 'Established connection to host'
            ($c | ConvertTo-Json -Depth 4) | Should -Not -Match ([regex]::Escape($ProxyPassword))
            Connect-Mautic $T.BaseUrl -ClientCredential $T.ClientCredential -Proxy $ProxyUrl -ProxyCredential $ProxyCred
            Get-MauticSegment -First 1 -ErrorAction Stop | Out-Null
            Get-Content $ProxyLog -Raw | Should -Match ([regex]::Escape("POST http://$authority/oauth/v2/token"))
        }

        It 'without the proxy credentials fails with a 407 that names the proxy and -ProxyCredential' {
            if (-not $Tinyproxy) { Set-ItResult -Skipped -Because 'tinyproxy is not installed (apt-get install tinyproxy)'; return }
            $err = { Connect-Mautic $T.BaseUrl -Credential $T.Credential -Proxy $ProxyUrl } | Should -Throw -PassThru
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.Message | Should -Match '407 \(Proxy Authentication Required\)'
            $err.Exception.Message | Should -Match ([regex]::Escape($ProxyUrl))
            $err.Exception.Message | Should -Match '-ProxyCredential'
        }

        It 'Test-MauticConnection checks through the proxy' {
            if (-not $Tinyproxy) { Set-ItResult -Skipped -Because 'tinyproxy is not installed (apt-get install tinyproxy)'; return }
            $r = Checks (Test-MauticConnection -Url $T.BaseUrl -Credential $T.Credential -Proxy $ProxyUrl -ProxyCredential $ProxyCred)
            $r['Reachable'].Detail | Should -Match "the proxy 127.0.0.1:$ProxyPort"
            $r['Credentials'].Status | Should -Be 'Passed'
        }
    }

    Context 'Test-MauticConnection on the target as it is' {
        It 'passes every check with <How>' -ForEach @(@{ How = 'Basic' }, @{ How = 'OAuth2' }) {
            $r = if ($How -eq 'Basic') { Test-MauticConnection -Url $T.BaseUrl -Credential $T.Credential } else { Test-MauticConnection -Url $T.BaseUrl -ClientCredential $T.ClientCredential }
            $r.Check | Should -Be 'Reachable', 'TLS', 'API enabled', 'Basic auth enabled', 'Credentials', 'Role and permissions', 'Server version', 'Clock skew'
            $r | Where-Object Status -eq 'Failed' | Should -BeNullOrEmpty
            (Checks $r)['Server version'].Detail | Should -Match ([regex]::Escape("Mautic $($T.Version)"))
            (Checks $r)['Credentials'].Status | Should -Be 'Passed'
        }
    }

    Context 'through nginx with a self-signed certificate' {
        It 'reports the certificate problem of the sub-folder install, and passes with -SkipCertificateCheck' {
            if (-not $Nginx -or -not $Openssl) { Set-ItResult -Skipped -Because 'nginx or openssl is not installed (apt-get install nginx-light openssl)'; return }
            $bad = Checks (Test-MauticConnection -Url $HttpsUrl -Credential $T.Credential)
            $bad['Reachable'].Status | Should -Be 'Passed'
            $bad['TLS'].Status | Should -Be 'Failed'
            $bad['TLS'].Detail | Should -Match 'certificate'
            $bad['TLS'].Fix | Should -Match 'SkipCertificateCheck'
            $ok = Test-MauticConnection -Url $HttpsUrl -Credential $T.Credential -SkipCertificateCheck
            (Checks $ok)['TLS'].Status | Should -Be 'Skipped'
            (Checks $ok)['TLS'].Detail | Should -Match 'SkipCertificateCheck'
            $ok | Where-Object Status -eq 'Failed' | Should -BeNullOrEmpty
            (Checks $ok)['API enabled'].Detail | Should -Match ([regex]::Escape("$HttpsUrl/api/"))
            Connect-Mautic $HttpsUrl -Credential $T.Credential -SkipCertificateCheck -WarningAction SilentlyContinue
            (Get-MauticConnection).BaseUrl | Should -Be $HttpsUrl
            Get-MauticContact -First 1 -ErrorAction Stop | Out-Null
        }

        It 'names the https address when the http URL redirects' {
            if (-not $Nginx -or -not $Openssl) { Set-ItResult -Skipped -Because 'nginx or openssl is not installed (apt-get install nginx-light openssl)'; return }
            $r = Checks (Test-MauticConnection -Url $RedirectUrl -Credential $T.Credential)
            $r['TLS'].Status | Should -Be 'Failed'
            $r['TLS'].Detail | Should -Match 'redirects to https'
            $r['TLS'].Fix | Should -Match ([regex]::Escape("https://127.0.0.1:$HttpsPort/mautic"))
        }
    }

    Context 'a second real instance set up wrong on purpose' {
        BeforeAll {
            $script:Srv = if ($env:MAUTIC_DOCTOR_SRV) { $env:MAUTIC_DOCTOR_SRV } else { Join-Path $HOME '.cache/mautic-doctor' }
            $script:SecondReason = if ($Target -ne 'Live') { "it runs on the Live target only" }
                elseif (-not (Test-Path (Join-Path $Srv 'env'))) { "there is no second instance at $Srv (MAUTIC_SRV=$Srv MAUTIC_PORT=8090 MAUTIC_DB_NAME=mauticdoctor bash ../shared/tools/mautic/setup.sh makes one)" }
            if (-not $SecondReason) {
                $script:E = @{}
                foreach ($line in Get-Content (Join-Path $Srv 'env')) { if ($line -match '^(\w+)=(.*)$') { $E[$Matches[1]] = $Matches[2] } }
                try { Invoke-WebRequest "$($E.MAUTIC_URL)/api/users/self" -SkipHttpErrorCheck -TimeoutSec 30 | Out-Null }
                catch { $script:SecondReason = "the second instance at $($E.MAUTIC_URL) does not answer ($_)" }
            }
            if ($SecondReason) { Write-Warning "Live suite SKIPPED, the wrong-setup scenarios did not run: $SecondReason." }
            $script:LocalPhp = Join-Path $Srv 'mautic/config/local.php'
            function script:Set-ApiSetting([int] $Api, [int] $Basic) {
                $text = Get-Content $LocalPhp -Raw
                $text = $text -replace "'api_enabled' => [01]", "'api_enabled' => $Api" -replace "'api_enable_basic_auth' => [01]", "'api_enable_basic_auth' => $Basic"
                Set-Content $LocalPhp $text -NoNewline
                Push-Location (Join-Path $Srv 'mautic')
                try { php bin/console cache:clear *> $null } finally { Pop-Location }
            }
        }
        AfterAll {
            if (-not $SecondReason) { Set-ApiSetting 1 1 }
        }

        It 'API disabled: fails "API enabled" with the settings and the cache as the fix' {
            if ($SecondReason) { Set-ItResult -Skipped -Because $SecondReason; return }
            Set-ApiSetting 0 1
            $cred = ConvertTo-ScenarioCredential $E.MAUTIC_USER $E.MAUTIC_PASSWORD
            $r = Checks (Test-MauticConnection -Url $E.MAUTIC_URL -Credential $cred)
            $r['API enabled'].Status | Should -Be 'Failed'
            $r['API enabled'].Detail | Should -Match 'API disabled'
            $r['API enabled'].Fix | Should -Match 'cache:clear'
            $r['Credentials'].Status | Should -Be 'Skipped'
        }

        It 'Basic auth disabled: fails its check, and OAuth2 still passes' {
            if ($SecondReason) { Set-ItResult -Skipped -Because $SecondReason; return }
            Set-ApiSetting 1 0
            $cred = ConvertTo-ScenarioCredential $E.MAUTIC_USER $E.MAUTIC_PASSWORD
            $r = Checks (Test-MauticConnection -Url $E.MAUTIC_URL -Credential $cred)
            $r['API enabled'].Status | Should -Be 'Passed'
            $r['Basic auth enabled'].Status | Should -Be 'Failed'
            $r['Basic auth enabled'].Fix | Should -Match 'Enable HTTP basic auth'
            $client = ConvertTo-ScenarioCredential $E.MAUTIC_CLIENT_ID $E.MAUTIC_CLIENT_SECRET
            $o = Checks (Test-MauticConnection -Url $E.MAUTIC_URL -ClientCredential $client)
            $o['Credentials'].Status | Should -Be 'Passed'
        }

        It 'a wrong password fails Credentials with the 401 hint' {
            if ($SecondReason) { Set-ItResult -Skipped -Because $SecondReason; return }
            Set-ApiSetting 1 1
            $r = Checks (Test-MauticConnection -Url $E.MAUTIC_URL -Credential (ConvertTo-ScenarioCredential $E.MAUTIC_USER 'Wrong-Password-123'))
            $r['Basic auth enabled'].Status | Should -Be 'Passed'
            $r['Credentials'].Status | Should -Be 'Failed'
            $r['Credentials'].Detail | Should -Match 'invalid credentials'
            $r['Credentials'].Fix | Should -Match 'Check the user name and password'
        }
    }
}
