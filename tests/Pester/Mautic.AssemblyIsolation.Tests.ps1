#requires -Version 7.0
# Issue 18 item 2, no assembly clashes: the module's Polly 7 and Newtonsoft.Json live in the module's own assembly
# load context, so a module that needs Polly 8 works in the same session whichever is imported first, and PowerShell's
# own Newtonsoft.Json is left alone. Each scenario runs in a fresh pwsh (assemblies cannot be unloaded from a session)
# against the fake Mautic, whose fault injection makes a call retry (Polly at work), and prints its findings as JSON.
# Polly 8.5.2 comes from the NuGet packages folder: `dotnet build MauticPS.sln` restores it there (a PackageDownload of
# tests/Mautic.PowerShell.Tests), so no network is needed here.

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $Root 'tests/Live/ScenarioTarget.ps1')
    $script:Target = Initialize-ScenarioTarget -Target Fake
    $script:Pwsh = (Get-Process -Id $PID).Path
    $script:ModuleDir = Join-Path $Root 'out/Mautic'

    # Polly 8.5.2's two assemblies for this runtime: Polly.Core (the v8 engine) and Polly (v8's classic API, assembly
    # name Polly like the module's Polly 7, which is what used to clash).
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
        ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    }
    $script:Polly8 = @(
        Join-Path $packages 'polly.core/8.5.2/lib/net8.0/Polly.Core.dll'
        Join-Path $packages 'polly/8.5.2/lib/net6.0/Polly.dll'
    )
    $script:Polly8Missing = @($Polly8 | Where-Object { -not (Test-Path -LiteralPath $_) })

    # One scenario in a fresh pwsh: -Order PollyFirst loads Polly 8 before importing Mautic; MauticFirst imports
    # Mautic, makes a call that retries, then loads Polly 8. Either way Mautic calls go on (one more retrying call,
    # a write) and Polly 8 is used too. Prints one JSON object.
    $script:Scenario = Join-Path ([System.IO.Path]::GetTempPath()) "mautic-alc-scenario-$PID.ps1"
    Set-Content -LiteralPath $Scenario -Encoding utf8 -Value @'
param([string] $Root, [string] $BaseUrl, [string] $Order, [string] $Polly8)
$ErrorActionPreference = 'Stop'
. (Join-Path $Root 'tests/Live/ScenarioTarget.ps1')
$found = [ordered]@{}
function Add-Polly8 {
    try { foreach ($p in $Polly8 -split ';') { Add-Type -Path $p }; 'loaded' } catch { $_.Exception.Message }
}
function Invoke-RetriedSegment {
    Invoke-RestMethod "$BaseUrl/__fake/faults" -Method Post -ContentType 'application/json' -Body (@{ pathPrefix = '/api/segments'; status = 503; count = 1 } | ConvertTo-Json) | Out-Null
    $out = Get-MauticSegment -Id 1 -Verbose 4>&1
    [ordered]@{
        Retried = [bool](($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match 'retry 1 of')
        Name    = ($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).name
    }
}
if ($Order -eq 'PollyFirst') { $found.Polly8Load = Add-Polly8 }
Import-Module (Join-Path $Root 'out/Mautic/Mautic.psd1')
Connect-Mautic $BaseUrl -Credential (ConvertTo-ScenarioCredential 'admin' 'Sup3r-Secret-Pw!') | Out-Null
$found.First = Invoke-RetriedSegment
if ($Order -eq 'MauticFirst') { $found.Polly8Load = Add-Polly8 }
$found.Second = Invoke-RetriedSegment
$tag = New-MauticTag -Name "alc-$Order"
$found.Tag = $tag.tag
Remove-MauticTag -Id $tag.Id -Force
# Type names as strings: a type literal in this file would be resolved when the file is parsed, before Polly 8 loads.
$policy = 'Polly.Policy' -as [type]
$found.Polly8Major = $policy.Assembly.GetName().Version.Major
$ran = $false
$policy::NoOp().Execute([Action] { $script:ran = $true })
$found.Polly8Ran = $ran
$found.Polly8Pipeline = $null -ne ('Polly.ResiliencePipeline' -as [type])::Empty
$found | ConvertTo-Json -Compress -Depth 4
'@

    function script:Invoke-Scenario([string] $Order) {
        $lines = & $Pwsh -NoProfile -NonInteractive -File $Scenario -Root $Root -BaseUrl $Target.BaseUrl -Order $Order -Polly8 ($Polly8 -join ';') 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($lines -join "`n")
        ($lines | Select-Object -Last 1) | ConvertFrom-Json
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:Scenario -ErrorAction SilentlyContinue
    Close-ScenarioTarget $script:Target
}

Describe 'Polly 8 in the same session as the module' {
    BeforeEach {
        if ($Polly8Missing) {
            Set-ItResult -Skipped -Because "Polly 8.5.2 is not in the NuGet packages folder ($($Polly8Missing -join ', ')): run dotnet build MauticPS.sln, which restores it"
        }
    }

    It 'loads before the module, and every module call works, retries included' {
        $r = Invoke-Scenario PollyFirst
        $r.Polly8Load | Should -Be 'loaded'
        $r.First.Retried | Should -BeTrue
        $r.First.Name | Should -Be 'Newsletter'
        $r.Second.Retried | Should -BeTrue
        $r.Second.Name | Should -Be 'Newsletter'
        $r.Tag | Should -Be 'alc-PollyFirst'
        $r.Polly8Major | Should -Be 8
        $r.Polly8Ran | Should -BeTrue
        $r.Polly8Pipeline | Should -BeTrue
    }

    It 'loads after the module has retried a call (it used to fail: Assembly with same name is already loaded), and the module goes on working' {
        $r = Invoke-Scenario MauticFirst
        $r.First.Retried | Should -BeTrue
        $r.First.Name | Should -Be 'Newsletter'
        $r.Polly8Load | Should -Be 'loaded'
        $r.Second.Retried | Should -BeTrue
        $r.Second.Name | Should -Be 'Newsletter'
        $r.Tag | Should -Be 'alc-MauticFirst'
        $r.Polly8Major | Should -Be 8
        $r.Polly8Ran | Should -BeTrue
        $r.Polly8Pipeline | Should -BeTrue
    }
}

Describe 'The module''s dependencies' {
    It 'are its own Polly and Newtonsoft.Json, resolved in its own load context, and PowerShell''s Newtonsoft.Json is untouched' {
        $probe = {
            param([string] $Root, [string] $BaseUrl)
            $ErrorActionPreference = 'Stop'
            . (Join-Path $Root 'tests/Live/ScenarioTarget.ps1')
            $psNewtonsoft = [Newtonsoft.Json.JsonConvert].Assembly   # PowerShell's own, loaded before the module
            Import-Module (Join-Path $Root 'out/Mautic/Mautic.psd1')
            Connect-Mautic $BaseUrl -Credential (ConvertTo-ScenarioCredential 'admin' 'Sup3r-Secret-Pw!') | Out-Null
            Invoke-RestMethod "$BaseUrl/__fake/faults" -Method Post -ContentType 'application/json' -Body (@{ pathPrefix = '/api/segments'; status = 503; count = 1 } | ConvertTo-Json) | Out-Null
            $null = Get-MauticSegment -Id 1   # retried: Polly and Newtonsoft.Json both at work
            $alcOf = { param($a) [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a) }
            $all = [AppDomain]::CurrentDomain.GetAssemblies()
            $client = $all | Where-Object { $_.GetName().Name -eq 'Mautic.Client' }
            $cmdlets = $all | Where-Object { $_.GetName().Name -eq 'Mautic' }
            $context = & $alcOf $client
            # What a reference of Mautic.Client to each name binds to: the assembly its context gives for that name.
            $bound = { param($name) $context.LoadFromAssemblyName([System.Reflection.AssemblyName]::new($name)) }
            $polly = & $bound 'Polly, Version=7.0.0.0, Culture=neutral, PublicKeyToken=c8a3ffc3f8f825cc'
            $json = & $bound 'Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed'
            [ordered]@{
                PSHome                  = $PSHOME
                ClientContext           = $context.Name
                ClientIsDefault         = $context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default
                ClientLocation          = $client.Location
                CmdletsContext          = (& $alcOf $cmdlets).Name
                CmdletsLocation         = $cmdlets.Location
                PollyLocation           = $polly.Location
                PollyContext            = (& $alcOf $polly).Name
                PollyVersion            = $polly.GetName().Version.ToString()
                JsonLocation            = $json.Location
                JsonContext             = (& $alcOf $json).Name
                # The JToken type Mautic.Client's own signatures name (MauticResponse.Body) comes from that copy too.
                BodyTypeLocation        = $client.GetType('Mautic.Client.MauticResponse').GetProperty('Body').PropertyType.Assembly.Location
                DefaultPollyCount       = @($all | Where-Object { $_.GetName().Name -eq 'Polly' -and (& $alcOf $_) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }).Count
                PSJsonLocation          = $psNewtonsoft.Location
                PSJsonContext           = (& $alcOf $psNewtonsoft).Name
                PSJsonStillResolves     = ([Newtonsoft.Json.JsonConvert].Assembly -eq $psNewtonsoft)
                PSJsonWorks             = [Newtonsoft.Json.JsonConvert]::SerializeObject(@{ a = 1 })
                ClientTypeVisibleToPS   = [bool]('Mautic.Client.MauticResponse' -as [type])
            } | ConvertTo-Json -Compress
        }
        $lines = & $Pwsh -NoProfile -NonInteractive -Command $probe -args $Root, $Target.BaseUrl 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($lines -join "`n")
        $r = ($lines | Select-Object -Last 1) | ConvertFrom-Json
        $deps = Join-Path $ModuleDir 'dependencies'
        $r.ClientContext | Should -Be 'Mautic'
        $r.ClientIsDefault | Should -BeFalse
        $r.ClientLocation | Should -Be (Join-Path $deps 'Mautic.Client.dll')
        $r.CmdletsContext | Should -Be 'Default'
        $r.CmdletsLocation | Should -Be (Join-Path $ModuleDir 'Mautic.dll')
        $r.PollyLocation | Should -Be (Join-Path $deps 'Polly.dll')
        $r.PollyContext | Should -Be 'Mautic'
        $r.PollyVersion | Should -Be '7.0.0.0'
        $r.JsonLocation | Should -Be (Join-Path $deps 'Newtonsoft.Json.dll')
        $r.JsonContext | Should -Be 'Mautic'
        $r.BodyTypeLocation | Should -Be (Join-Path $deps 'Newtonsoft.Json.dll')
        $r.DefaultPollyCount | Should -Be 0
        $r.PSJsonLocation | Should -BeLike "$($r.PSHome)*"
        $r.PSJsonContext | Should -Be 'Default'
        $r.PSJsonStillResolves | Should -BeTrue
        $r.PSJsonWorks | Should -Be '{"a":1}'
    }
}
