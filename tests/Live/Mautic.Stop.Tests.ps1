#requires -Version 7.0
<#
    Ctrl+C with batches in flight (issue 19, item 5). In this process a second PowerShell (a runspace of its own, the
    built module imported and connected with the scenario's OAuth2 client) pipes 1,000 new contacts under the run's
    e-mail domain into New-MauticContact -ThrottleLimit 3 -Verbose. Batch 1 goes alone; once the Verbose stream, read as
    it arrives, shows batch 4's request sent (batches 2 to 4 then in flight: a batch of 200 takes ~3.8 s on the real
    5.1.0), the test calls PowerShell.Stop(), which is what Ctrl+C does. It then checks that the stop took under 1 s,
    that the same runspace lists and creates contacts again, and that the Verbose lines account for the server's state
    read afterwards: every contact of the run belongs to a batch whose request line ("POST .../api/contacts/batch/new
    [batch N: items F-L]") was written, none to a batch never sent, every answered batch is whole, and the closing
    line ("New-MauticContact was stopped: ...") names the batches sent and not reported. What the server made of the
    batches in flight is measured and written out (the real Mautic finishes a batch whose client went away, and so
    does the fake). The fake targets answer each request after 2 s, so batches are in flight
    there too. Everything the run created is deleted by its e-mail domain.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason -and $Target -like 'Live*') { Write-Warning "Live suite: the stop scenario did NOT run on $Target`: $SkipReason." }
}

Describe 'Ctrl+C with batches in flight on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 's'
        $script:Domain = "$($T.Run).example"
        function script:Get-RunContact { @(Get-MauticContact -Search "email:%@$Domain" -Select email -ErrorAction Stop) }
        function script:Wait-RunContact([string] $Prefix) {
            # The numbers n of the run's contacts <Prefix>n@domain, once the server has finished what was in flight
            # (no change for 4 s, at most 30 s): a real Mautic completes a batch whose client went away.
            $have = @()
            $stable = [System.Diagnostics.Stopwatch]::StartNew()
            $settle = [System.Diagnostics.Stopwatch]::StartNew()
            while ($settle.Elapsed.TotalSeconds -lt 30) {
                $now = @(Get-RunContact | ForEach-Object email | Where-Object { $_ -match "^$Prefix\d+@" })
                if ($now.Count -ne $have.Count) { $have = $now; $stable.Restart() }
                elseif ($stable.Elapsed.TotalSeconds -ge 4) { break }
                Start-Sleep -Milliseconds 500
            }
            $have | ForEach-Object { [int]($_ -replace "^$Prefix(\d+)@.*$", '$1') }
        }
        function script:Wait-VerboseLine($Ps, $Handle, [string] $Pattern) {
            # The first line of the Verbose stream that matches, read as it arrives (by index: the stream grows meanwhile).
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $seen = 0
            while (-not $Handle.IsCompleted -and $watch.Elapsed.TotalSeconds -lt 60) {
                $stream = $Ps.Streams.Verbose
                for (; $seen -lt $stream.Count; $seen++) { if ($stream[$seen].Message -match $Pattern) { return $stream[$seen].Message } }
                Start-Sleep -Milliseconds 20
            }
        }
        # A fake answers a batch at once; made to take 2 s, it has batches in flight as the real server does.
        if ($T.Server) { Invoke-RestMethod "$($T.BaseUrl)/__fake/settings" -Method Post -ContentType 'application/json' -Body '{"latencyMs":2000}' | Out-Null }

        # The second PowerShell: its own runspace in this process, the built module, the same OAuth2 client.
        $script:Rs = [runspacefactory]::CreateRunspace()
        $Rs.Open()
        $setup = [powershell]::Create()
        $setup.Runspace = $Rs
        $null = $setup.AddScript('param($Module, $Url, $Client) Import-Module $Module; Connect-Mautic $Url -ClientCredential $Client').
            AddArgument((Join-Path $T.Root 'out/Mautic/Mautic.psd1')).AddArgument($T.BaseUrl).AddArgument($T.ClientCredential)
        $null = $setup.Invoke()
        $setup.HadErrors | Should -BeFalse
        $setup.Dispose()

        function script:Invoke-InRunspace([string] $Script, [object[]] $Arguments) {
            $p = [powershell]::Create()
            $p.Runspace = $Rs
            $null = $p.AddScript($Script)
            foreach ($a in $Arguments) { $null = $p.AddArgument($a) }
            try {
                $out = $p.Invoke()
                [pscustomobject]@{ Output = @($out); Errors = @($p.Streams.Error) }
            }
            finally { $p.Dispose() }
        }
    }

    AfterAll {
        if ($Rs) { $Rs.Dispose() }
        Exit-ScenarioRun $T {
            if ($T.Server) { Invoke-RestMethod "$($T.BaseUrl)/__fake/settings" -Method Post -ContentType 'application/json' -Body '{"latencyMs":0}' | Out-Null }
            $left = Get-RunContact
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    It 'stops New-MauticContact in under 1 s with batches in flight; the session works after; the Verbose lines account for every contact' {
        $emails = 1..1000 | ForEach-Object { "s$_@$Domain" }
        $ps = [powershell]::Create()
        $ps.Runspace = $Rs
        $null = $ps.AddScript('param($Rows) $global:made = [System.Collections.Generic.List[object]]::new(); $Rows | New-MauticContact -ThrottleLimit 3 -Verbose | ForEach-Object { $made.Add($_) }').AddArgument($emails)
        $started = [System.Diagnostics.Stopwatch]::StartNew()
        $handle = $ps.BeginInvoke()
        # Watch the Verbose stream as it arrives: stop once batch 4's request is sent (batch 1 went alone; 2 to 4 run at once).
        $sentLine = '^POST \S+/api/contacts/batch/new \[batch (\d+): items (\d+)-(\d+)\]$'
        $batch4 = Wait-VerboseLine $ps $handle '^POST \S+/api/contacts/batch/new \[batch 4: items 601-800\]$'
        $batch4 | Should -Not -BeNullOrEmpty -Because 'batch 4''s request line is written as it is sent, while batches 2 and 3 are still in flight'
        $sentAt = $started.Elapsed
        $stop = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stop.Stop()
        $stopMs = [int]$stop.Elapsed.TotalMilliseconds
        $handle.IsCompleted | Should -BeTrue
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $verbose = @($ps.Streams.Verbose | ForEach-Object Message)
        $ps.Dispose()
        $stopMs | Should -BeLessThan 1000 -Because "PowerShell.Stop() took $stopMs ms"

        # What the Verbose lines say: which batch requests were sent, which were answered, and what the stop left open.
        $sent = @{}
        foreach ($line in $verbose) { if ($line -match $sentLine) { $sent[[int]$Matches[1]] = [pscustomobject]@{ First = [int]$Matches[2]; Last = [int]$Matches[3] } } }
        $answered = @{}
        foreach ($line in $verbose) { if ($line -match '^POST \S+/api/contacts/batch/new -> (\d+) in \d+ ms.* \[batch (\d+): items \d+-\d+\]$') { $answered[[int]$Matches[2]] = [int]$Matches[1] } }
        # The cmdlet's closing line goes through the host (a stopping pipeline takes no stream writes): a console shows
        # it; a PowerShell object without a host, as here, gets it unless the stop detached the stream first.
        $stopLine = @($verbose -match '^New-MauticContact was stopped: ')
        $stopLine.Count | Should -BeLessOrEqual 1
        $open = if ($stopLine) { @([regex]::Matches($stopLine[0], 'batch (\d+): items \d+-\d+') | ForEach-Object { [int]$_.Groups[1].Value }) }
                else { @($sent.Keys | Where-Object { -not $answered.ContainsKey($_) }) }
        @($sent.Keys | Sort-Object) | Should -Be (1..@($sent.Keys).Count) -Because 'batches are sent in order'
        $sent[1].First | Should -Be 1
        $sent[4].Last | Should -Be 800
        $answered[1] | Should -Be 201
        foreach ($b in $sent.Keys) { ($answered.ContainsKey($b) -or $open -contains $b) | Should -BeTrue -Because "batch $b was sent: it was answered or the stop line names it" }
        # A batch started in the last instant may be named before its request line was written; none later than that.
        $lastSent = ($sent.Keys | Measure-Object -Maximum).Maximum
        foreach ($b in $open) { $b | Should -BeLessOrEqual ($lastSent + 1) }

        # The same runspace works on: it lists what the run made and creates one more contact.
        $reported = Invoke-InRunspace '$made.Count'
        $again = Invoke-InRunspace 'param($Domain) Get-MauticContact -Search "email:%@$Domain" -First 5 -ErrorAction Stop | Measure-Object | ForEach-Object Count; New-MauticContact -Email "after@$Domain" -ErrorAction Stop | ForEach-Object email' @($Domain)
        $again.Errors | Should -BeNullOrEmpty
        $again.Output[1] | Should -Be "after@$Domain"

        # The server's state, once it has finished what was in flight (a real Mautic completes a batch whose client went away).
        $numbers = @(Wait-RunContact 's')
        @($numbers | Group-Object | Where-Object Count -GT 1) | Should -BeNullOrEmpty -Because 'no e-mail was created twice'
        $batchOf = { param($n) $sent.Keys | Where-Object { $n -ge $sent[$_].First -and $n -le $sent[$_].Last } }
        foreach ($n in $numbers) { & $batchOf $n | Should -Not -BeNullOrEmpty -Because "contact s$n exists, so the Verbose lines must name its batch as sent" }
        foreach ($b in @($answered.Keys | Where-Object { $answered[$_] -eq 201 })) {
            @($numbers | Where-Object { $_ -ge $sent[$b].First -and $_ -le $sent[$b].Last }).Count | Should -Be ($sent[$b].Last - $sent[$b].First + 1) -Because "batch $b was answered 201"
        }
        # What reached the pipeline: batch 1's rows at least, and no row of a batch the stop line names as not reported.
        $handedBack = (@($answered.Keys | Where-Object { $answered[$_] -eq 201 -and $open -notcontains $_ } | ForEach-Object { $sent[$_].Last - $sent[$_].First + 1 }) | Measure-Object -Sum).Sum
        $reported.Output[0] | Should -BeGreaterOrEqual 200
        $reported.Output[0] | Should -BeLessOrEqual $handedBack

        # Measured: how long the stop took, and what the server made of the batches still open.
        $inFlight = foreach ($b in ($open | Where-Object { $sent.ContainsKey($_) })) {
            $saved = @($numbers | Where-Object { $_ -ge $sent[$b].First -and $_ -le $sent[$b].Last }).Count
            "batch $b (items $($sent[$b].First)-$($sent[$b].Last)): $(if ($answered.ContainsKey($b)) { "answered $($answered[$b])" } else { 'no answer' }), $saved of $($sent[$b].Last - $sent[$b].First + 1) saved"
        }
        Write-Information -InformationAction Continue ("$Target ($($T.Version)): batch 4 sent at $([int]$sentAt.TotalMilliseconds) ms; Stop() took $stopMs ms; " +
            "$($sent.Count) batch request(s) sent, $($answered.Count) answered, $($reported.Output[0]) contacts output; on the server $($numbers.Count) contact(s); open at the stop: $($inFlight -join '; ').")
        Write-Information -InformationAction Continue ("$Target batch lines:`n" + (@($verbose -match '/api/contacts/batch/new' | Select-Object -First 8) -join "`n"))
        Write-Information -InformationAction Continue ("$Target stop line: $(if ($stopLine) { $stopLine[0] } else { '(none reached the stream)' })")
    }

    It 'stops Sync-MauticContact in under 1 s with a batch in flight; the session works after; the request lines account for every contact' {
        # Sync writes one batch at a time, unlabelled (its rows are not numbered as a bulk write's are): a request line
        # with no answer line is the batch in flight, and every contact must belong to a batch whose line was written.
        $rows = 1..600 | ForEach-Object { [pscustomobject]@{ email = "y$_@$Domain"; firstname = 'Stop' } }
        $ps = [powershell]::Create()
        $ps.Runspace = $Rs
        $null = $ps.AddScript('param($Rows) $global:synced = [System.Collections.Generic.List[object]]::new(); $Rows | Sync-MauticContact -Verbose | ForEach-Object { $synced.Add($_) }').AddArgument($rows)
        $handle = $ps.BeginInvoke()
        $first = Wait-VerboseLine $ps $handle '^POST \S+/api/contacts/batch/new$'
        $first | Should -Not -BeNullOrEmpty -Because 'the create request''s line is written as it is sent'
        $stop = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stop.Stop()
        $stopMs = [int]$stop.Elapsed.TotalMilliseconds
        $handle.IsCompleted | Should -BeTrue
        $verbose = @($ps.Streams.Verbose | ForEach-Object Message)
        $ps.Dispose()
        $stopMs | Should -BeLessThan 1000 -Because "PowerShell.Stop() took $stopMs ms"

        $posts = @($verbose -match '^POST \S+/api/contacts/batch/new$').Count
        $answers = @($verbose -match '^POST \S+/api/contacts/batch/new -> 201 ').Count
        $again = Invoke-InRunspace 'param($Domain) $synced.Count; ([pscustomobject]@{ email = "yafter@$Domain" } | Sync-MauticContact -ErrorAction Stop).Action' @($Domain)
        $again.Errors | Should -BeNullOrEmpty
        $again.Output[1] | Should -Be 'Created'
        $numbers = @(Wait-RunContact 'y')
        @($numbers | Group-Object | Where-Object Count -GT 1) | Should -BeNullOrEmpty
        $numbers.Count | Should -BeLessOrEqual (200 * $posts) -Because "$posts create request(s) were sent, 200 rows each at most"
        $numbers.Count | Should -BeGreaterOrEqual (200 * $answers)
        Write-Information -InformationAction Continue ("$Target ($($T.Version)) Sync-MauticContact: Stop() took $stopMs ms; $posts create request(s) sent, $answers answered, " +
            "$($again.Output[0]) result(s) output; on the server $($numbers.Count) of the 600 rows.")
    }
}
