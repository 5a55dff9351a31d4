#requires -Version 7.0
# What the scenario files run against: the in-repo fake Mautic (started here on a free loopback port, as 5.1.0 for
# the Fake target and as 7.0.0 for Fake7) or a real Mautic: Live is named by MAUTIC_URL, MAUTIC_USER, MAUTIC_PASSWORD,
# MAUTIC_CLIENT_ID and MAUTIC_CLIENT_SECRET (../shared/tools/mautic/setup.sh writes them to ~/.cache/mautic-5.1/env),
# Live7 by the same names with MAUTIC7_ (from ~/.cache/mautic-7.0/env). Every target says its Mautic version
# ($T.Version), so a scenario can hold only where it applies. Dot-sourced by the scenarios.

function ConvertTo-ScenarioCredential([string] $UserName, [string] $Secret) {
    # NetworkCredential builds the SecureString without ConvertTo-SecureString -AsPlainText.
    [pscredential]::new($UserName, [System.Net.NetworkCredential]::new('', $Secret).SecurePassword)
}

# The four targets: the fake as Mautic 5.1.0 and as 7.0.0, and the real servers named by MAUTIC_* (5.1.0 here) and
# MAUTIC7_* (7.0.0 here). ../shared/tools/mautic/setup.sh writes their env files; .ci/run names the 7.0 one MAUTIC7_*.
$script:ScenarioTargets = @{
    Fake  = @{ Fake = '5.1.0' }
    Fake7 = @{ Fake = '7.0.0' }
    Live  = @{ Prefix = 'MAUTIC_'; EnvFile = '~/.cache/mautic-5.1/env' }
    Live7 = @{ Prefix = 'MAUTIC7_'; EnvFile = '~/.cache/mautic-7.0/env' }
}

function Get-LiveSkipReason {
    # Why a real-server target cannot run here, or $null when it can (always $null for the fakes).
    param([string] $Target = 'Live')
    $t = $ScenarioTargets[$Target]
    if ($t.Fake) { return $null }
    $names = 'URL', 'USER', 'PASSWORD', 'CLIENT_ID', 'CLIENT_SECRET' | ForEach-Object { $t.Prefix + $_ }
    $missing = @($names | Where-Object { -not [Environment]::GetEnvironmentVariable($_) })
    if (-not [Environment]::GetEnvironmentVariable($names[0])) {
        return "$($names[0]) is not set, so no real Mautic was named for $Target (name one with $($names -join ', '), as README.md, Test, says; this project's CI loads them from $($t.EnvFile), which ../shared/tools/mautic/setup.sh writes)"
    }
    if ($missing) { return "$($names[0]) is set but $($missing -join ', ') is not" }
    $null
}

function Get-ServerVersion([string] $BaseUrl, [pscredential] $Credential) {
    # The Mautic-Version a real server reports (one Basic call, remembered for the session: every file asks).
    # Kept in the AppDomain: every scenario file dot-sources this file in a scope of its own.
    $key = "MauticScenarioVersion:$BaseUrl"
    if (-not [AppDomain]::CurrentDomain.GetData($key)) {
        $pair = $Credential.UserName + ':' + $Credential.GetNetworkCredential().Password
        $basic = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($pair)) }
        $answer = Invoke-WebRequest "$BaseUrl/api/users/self" -Headers $basic -TimeoutSec 60
        [AppDomain]::CurrentDomain.SetData($key, [string]$answer.Headers['Mautic-Version'])
    }
    [version][AppDomain]::CurrentDomain.GetData($key)
}

function Initialize-ScenarioTarget {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')] [string] $Target)

    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $t = $ScenarioTargets[$Target]
    if (-not $t.Fake) {
        $reason = Get-LiveSkipReason $Target
        if ($reason) { throw "The live scenarios cannot run: $reason." }
        $var = { param($name) [Environment]::GetEnvironmentVariable($t.Prefix + $name) }
        $baseUrl = (& $var URL).TrimEnd('/')
        $credential = ConvertTo-ScenarioCredential (& $var USER) (& $var PASSWORD)
        return [pscustomobject]@{
            Target           = $Target
            Version          = Get-ServerVersion $baseUrl $credential
            Root             = $root
            BaseUrl          = $baseUrl
            Credential       = $credential
            ClientCredential = ConvertTo-ScenarioCredential (& $var CLIENT_ID) (& $var CLIENT_SECRET)
            Server           = $null
            ServerLog        = $null
        }
    }

    $configuration = if ($env:MAUTICPS_CONFIGURATION) { $env:MAUTICPS_CONFIGURATION } else { 'Release' }
    $fakeDll = Join-Path $root "tests/Mautic.FakeServer/bin/$configuration/net10.0/Mautic.FakeServer.dll"
    if (-not (Test-Path $fakeDll)) { throw "Build first (dotnet build MauticPS.sln -c $configuration): $fakeDll is missing." }
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $baseUrl = "http://127.0.0.1:$port"
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "fake-mautic-scenarios-$port.log"
    $server = Start-Process -FilePath dotnet -ArgumentList @($fakeDll, '--urls', $baseUrl, '--mautic-version', $t.Fake) -PassThru -NoNewWindow -RedirectStandardOutput $log
    $deadline = (Get-Date).AddSeconds(30)
    $up = $false
    while (-not $up -and (Get-Date) -lt $deadline) {
        Start-Sleep -Milliseconds 250
        try { $null = Invoke-RestMethod "$baseUrl/__fake/requests" -TimeoutSec 2; $up = $true } catch { $up = $false }
    }
    if (-not $up) {
        if (-not $server.HasExited) { Stop-Process -Id $server.Id -Force }
        throw "The fake Mautic did not start on $baseUrl; see $log"
    }
    [pscustomobject]@{
        Target           = $Target
        Version          = [version]$t.Fake
        Root             = $root
        BaseUrl          = $baseUrl
        Credential       = ConvertTo-ScenarioCredential 'admin' 'Sup3r-Secret-Pw!'
        ClientCredential = ConvertTo-ScenarioCredential '1_fakeclientid' 'fake-client-secret-7c41'
        Server           = $server
        ServerLog        = $log
    }
}

function Close-ScenarioTarget {
    [CmdletBinding()]
    param($Info)
    if ($Info -and $Info.Server -and -not $Info.Server.HasExited) { Stop-Process -Id $Info.Server.Id -Force }
    if ($Info -and $Info.ServerLog) { Remove-Item $Info.ServerLog -ErrorAction SilentlyContinue }
}

function Enter-ScenarioRun {
    # What every area's scenario file opens with: the target, the built module, a fresh run id (target.Run, the prefix
    # and ten hex digits, which names everything the run creates) and an OAuth2 connection.
    [CmdletBinding()]
    param([string] $Target, [string] $Prefix = 'r')
    $info = Initialize-ScenarioTarget -Target $Target
    Import-Module (Join-Path $info.Root 'out/Mautic/Mautic.psd1') -Force -Global
    Connect-Mautic $info.BaseUrl -ClientCredential $info.ClientCredential
    $info | Add-Member -NotePropertyName Run -NotePropertyValue ($Prefix + [guid]::NewGuid().ToString('N').Substring(0, 10)) -PassThru
}

function Exit-ScenarioRun {
    # What every area's scenario file closes with: reconnect, run the file's own cleanup (a failure is a warning, so
    # the run's results stand), unload the module and stop the fake server.
    [CmdletBinding()]
    param($Info, [scriptblock] $Cleanup)
    if (Get-Module Mautic) {
        try {
            Connect-Mautic $Info.BaseUrl -ClientCredential $Info.ClientCredential
            & $Cleanup
        }
        catch { Write-Warning "Cleanup of run $($Info.Run) on $($Info.BaseUrl) failed: $_" }
        Remove-Module Mautic -ErrorAction SilentlyContinue
    }
    Close-ScenarioTarget $Info
}

function Get-HttpCall {
    # The HTTP calls a cmdlet made, from its -Verbose lines ("POST http://host/api/contacts/batch/new -> 201 in 812 ms").
    param([object[]] $Stream, [string] $Method, [string] $PathPattern)
    @($Stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
        Where-Object { $_.Message -match "^$Method \S*/api/$PathPattern(\?\S*)? -> " })
}

function Get-ScenarioTag([string] $Like) {
    # Tags whose name is LIKE the pattern. Mautic's tag list ignores ?search=, but where[] works; the answer is
    # keyed by id (an object), or [] when empty.
    $answer = Invoke-MauticRequest tags -Query @{ 'where[0][col]' = 'tag'; 'where[0][expr]' = 'like'; 'where[0][val]' = $Like; limit = 100 } -ErrorAction Stop
    if ($null -eq $answer.tags) { return }
    if ($answer.tags -is [System.Collections.IList]) { $answer.tags } else { $answer.tags.PSObject.Properties.Value }
}
