#requires -Version 7.0
<#
    The README's quick start, its offline example and docs/about_Mautic.md's examples, run as written against every
    live target (tests/Live/Invoke-LiveSuite.ps1 runs this file like every scenario file).

    Which code runs: the blocks of README.md and docs/about_Mautic.md fenced as ```powershell test, in the order they
    appear, all of one file in ONE PowerShell session (a runspace of its own), on every target; blocks fenced as
    ```powershell test fake only on the fake targets (Fake, Fake7), with http://127.0.0.1:5099 (the address the README
    starts the fake on) replaced by the fake's address. Plain ```powershell blocks are never run: Install-Module,
    Get-Credential and anything else that needs a person stay there.
    What the session gets first: the built module imported, $MauticUrl (the target's address) and $Credential (its
    Basic user), $ErrorActionPreference = 'Stop', and a fresh empty working folder as its location (the offline block
    runs in the repository's folder, as the README says, since it imports ./out/Mautic). about_Mautic's example reads
    ./leads.csv, so its folder holds one: two addresses under a domain of this test run, removed afterwards.
    What fails: a block that throws, or that leaves anything in the error stream, names the file, the line of its
    fence and the error. The quick start runs twice in a row against the same server, each time in a new session:
    it must name what it creates after its $run (two runs never share a name), and after each run no record with its
    $run in the name may be left in any area it touches, nor any file in its folder. Whatever a failed run left is
    removed in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "README examples SKIPPED, they did not run against a real Mautic: $SkipReason." }
}

Describe 'The README and about_Mautic examples on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'd'
        $script:Module = Join-Path $T.Root 'out/Mautic/Mautic.psd1'
        $script:Runs = [System.Collections.Generic.List[string]]::new()     # every $run and domain to check and clean
        $script:Folders = [System.Collections.Generic.List[string]]::new()

        # The ```powershell test blocks of a Markdown file: its text, the line of its fence, and whether it is fake-only.
        function script:Get-MarkedBlock([string] $Path) {
            $lines = Get-Content -LiteralPath $Path
            $open = $null
            for ($i = 0; $i -lt $lines.Count; $i++) {
                if ($null -eq $open) {
                    if ($lines[$i] -match '^```powershell test( fake)?\s*$') {
                        $open = [pscustomobject]@{ File = Split-Path $Path -Leaf; Line = $i + 1; FakeOnly = [bool]$Matches[1]; Body = [System.Collections.Generic.List[string]]::new() }
                    }
                }
                elseif ($lines[$i] -match '^```\s*$') { $open; $open = $null }
                else { $open.Body.Add($lines[$i]) }
            }
            if ($null -ne $open) { throw "$Path : the block fenced on line $($open.Line) is never closed." }
        }

        # A new session: the module imported, $MauticUrl and $Credential set, errors stopping, in $Location.
        function script:New-ExampleSession([string] $Location) {
            $rs = [runspacefactory]::CreateRunspace()
            $rs.Open()
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            $null = $ps.AddScript('param($Module, $Url, $Cred, $Location) Import-Module $Module; Set-Location -LiteralPath $Location; $MauticUrl = $Url; $Credential = $Cred; $ErrorActionPreference = ''Stop''', $false).
                AddParameters(@{ Module = $Module; Url = $T.BaseUrl; Cred = $T.Credential; Location = $Location })
            $null = $ps.Invoke()
            $ps
        }

        # Runs the blocks in order in the session; the first one that throws or writes an error fails, named.
        function script:Invoke-MarkedBlock($Session, [object[]] $Blocks) {
            foreach ($b in $Blocks) {
                $code = $b.Body -join "`n"
                if ($b.FakeOnly) { $code = $code.Replace('http://127.0.0.1:5099', $T.BaseUrl) }
                $Session.Commands.Clear()
                $Session.Streams.ClearStreams()
                $null = $Session.AddScript($code, $false)
                $failure = $null
                try { $null = $Session.Invoke() }
                catch { $failure = $_.Exception.InnerException ?? $_.Exception }
                if (-not $failure -and $Session.Streams.Error.Count) { $failure = $Session.Streams.Error[0] }
                if ($failure) { throw "$($b.File), the block fenced on line $($b.Line), failed on $($T.Target): $failure" }
            }
        }

        function script:Get-SessionVariable($Session, [string] $Name) { $Session.Runspace.SessionStateProxy.GetVariable($Name) }

        function script:Close-ExampleSession($Session) {
            if ($Session) { $Session.Runspace.Dispose(); $Session.Dispose() }
        }

        # What is left of a run: every record an area lists under -Search <text>, in the order to delete them (a
        # campaign before its segment, contacts before their companies and tags).
        $script:Areas = [ordered]@{
            Campaign = 'Remove-MauticCampaign'; Form = 'Remove-MauticForm'; Report = 'Remove-MauticReport'; Email = 'Remove-MauticEmail'
            Segment = 'Remove-MauticSegment'; Contact = 'Remove-MauticContact'; Company = 'Remove-MauticCompany'; Tag = 'Remove-MauticTag'
        }
        function script:Get-RunLeftover([string] $Text) {
            foreach ($area in $Areas.Keys) {
                foreach ($record in @(& "Get-Mautic$area" -Search $Text -ErrorAction Stop)) {
                    [pscustomobject]@{ Area = $area; Id = $record.id; Record = $record }
                }
            }
        }

        $script:Readme = @(Get-MarkedBlock (Join-Path $T.Root 'README.md'))
        $script:About = @(Get-MarkedBlock (Join-Path $T.Root 'docs/about_Mautic.md'))
    }

    AfterAll {
        Exit-ScenarioRun $T {
            foreach ($text in $Runs) {
                foreach ($left in @(Get-RunLeftover $text)) { & $Areas[$left.Area] -Id $left.Id -Force -ErrorAction Stop }
            }
            foreach ($folder in $Folders) { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue }
        }
    }

    It 'finds the marked blocks: the quick start for any server, the offline example for the fake' {
        @($Readme | Where-Object { -not $_.FakeOnly }).Count | Should -BeGreaterThan 5
        @($Readme | Where-Object FakeOnly).Count | Should -Be 1
        @($About).Count | Should -BeGreaterThan 0
        # What a test cannot run stays in plain blocks.
        ($Readme.Body + $About.Body) -join "`n" | Should -Not -Match 'Install-Module|Get-Credential|Read-Host'
    }

    It 'runs the quick start twice in a row, each run naming its records after its own $run and removing them all' {
        $quick = @($Readme | Where-Object { -not $_.FakeOnly })
        $seen = @()
        foreach ($pass in 1, 2) {
            $folder = Join-Path ([System.IO.Path]::GetTempPath()) "mauticps-readme-$($T.Run)-$pass"
            $null = New-Item -ItemType Directory -Path $folder
            $Folders.Add($folder)
            $session = New-ExampleSession $folder
            try {
                try { Invoke-MarkedBlock $session $quick }
                finally {
                    $run = Get-SessionVariable $session 'run'
                    if ($run) { $Runs.Add($run) }
                }
                $run | Should -Not -BeNullOrEmpty -Because 'the quick start names what it creates after $run'
                $run | Should -Not -BeIn $seen -Because 'two runs must not share names'
                $seen += $run
                @(Get-RunLeftover $run | ForEach-Object { "$($_.Area) $($_.Id)" }) | Should -BeNullOrEmpty -Because "the last block removes everything run $run made"
                @(Get-ChildItem -LiteralPath $folder -Force).Name | Should -BeNullOrEmpty -Because 'the last block removes the files it wrote'
            }
            finally { Close-ExampleSession $session }
            if ($pass -eq 1) {
                # $run has one-second steps: the second run starts in another second, as a person's would.
                while ((Get-Date -Format yyyyMMddHHmmss) -eq $run) { Start-Sleep -Milliseconds 100 }
            }
        }
    }

    It "runs the offline example against the fake, as the README gives it" {
        if (-not $T.Server) { Set-ItResult -Skipped -Because 'the offline example is for the fake Mautic only'; return }
        $session = New-ExampleSession $T.Root
        try {
            Invoke-MarkedBlock $session @($Readme | Where-Object FakeOnly)
            $members = @(Get-SessionVariable $session 'demo')
            $members.Count | Should -Be 2
            (Get-MauticContact -Search 'tag:demo').email | Should -Contain 'a@example.com'
        }
        finally { Close-ExampleSession $session }
    }

    It "runs about_Mautic's examples" {
        $domain = "about-$($T.Run).example"
        $Runs.Add($T.Run)
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) "mauticps-about-$($T.Run)"
        $null = New-Item -ItemType Directory -Path $folder
        $Folders.Add($folder)
        "email,firstname`nann@$domain,Ann`nbob@$domain,Bob" | Set-Content -LiteralPath (Join-Path $folder 'leads.csv')
        $session = New-ExampleSession $folder
        try {
            Invoke-MarkedBlock $session $About
            (Get-MauticContact -Search "email:*@$domain" -ErrorAction Stop).email | Sort-Object | Should -Be @("ann@$domain", "bob@$domain")
        }
        finally { Close-ExampleSession $session }
    }
}
