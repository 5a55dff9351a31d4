#requires -Version 7.0
<#
    Get-MauticEmailActivity against the four targets, after real events made through Mautic's own tracking: an e-mail
    with a link (to a loopback URL) is sent to a contact of the run's domain, its tracking pixel is loaded
    (/email/{tracking_hash}.gif), its tracked link is clicked (/r/{redirect}?ct=..., the redirect not followed) and a
    do-not-contact entry with reason Bounced is added; the activity read then holds one Sent, Opened, Clicked and
    Bounced row with the right contact, e-mail, dates and URL. The contact and the e-mail are deleted in AfterAll (the
    redirect and its hits stay: Mautic's API cannot delete them).
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the engagement scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Get-MauticEmailActivity on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'g'
        $script:Run = $T.Run
        $script:Agent = 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0'
        # Mautic's dates have whole seconds: start a second early so that the first event is inside the range.
        $script:Since = [datetime]::UtcNow.AddSeconds(-1)
        $script:TargetUrl = "$($T.BaseUrl)/$Run-landing?x=1"
        $script:Mail = New-MauticEmail -Name "$Run link" -Subject "Run $Run" -Template blank -ErrorAction Stop `
            -CustomHtml "<html><body><p>Hello</p><a href=`"$TargetUrl`">Read more</a></body></html>"
        $script:Contact = New-MauticContact -Email "reader@$Run.example" -FirstName Reader -ErrorAction Stop
        $null = Send-MauticEmail -Email $Mail.id -ContactId $Contact.id -ErrorAction Stop

        $stat = @(Get-MauticStat email_stats -Where @{ col = 'lead_id'; val = $Contact.id } -ErrorAction Stop)
        $script:Hash = $stat[0].tracking_hash
        $script:StatId = $stat[0].id
        # The open: the mail client loads the tracking pixel.
        $script:Pixel = Invoke-WebRequest "$($T.BaseUrl)/email/$Hash.gif" -UserAgent $Agent -SkipHttpErrorCheck
        Start-Sleep -Seconds 1

        # The click: the e-mail's tracked link (its trackable names the redirect), with the ct Mautic puts on it
        # (base64 of a PHP-serialized array naming the source, e-mail, send and contact).
        $trackable = @(Get-MauticStat channel_url_trackables -Where @{ col = 'channel'; val = 'email' }, @{ col = 'channel_id'; val = $Mail.id } -ErrorAction Stop)
        $script:Redirect = @(Get-MauticStat page_redirects -Where @{ col = 'id'; val = $trackable[0].redirect_id } -ErrorAction Stop)[0]
        $e = $Mail.id; $c = $Contact.id
        $php = "a:5:{s:6:`"source`";a:2:{i:0;s:5:`"email`";i:1;i:$e;}s:5:`"email`";i:$e;s:4:`"stat`";s:$($Hash.Length):`"$Hash`";s:4:`"lead`";i:$c;s:7:`"channel`";a:1:{s:5:`"email`";i:$e;}}"
        $ct = [uri]::EscapeDataString([Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($php)))
        $script:Click = Invoke-WebRequest "$($T.BaseUrl)/r/$($Redirect.redirect_id)?ct=$ct" -UserAgent $Agent -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue
        Start-Sleep -Seconds 1

        # The bounce: what Mautic's bounce processing records, a do-not-contact entry with reason Bounced for the e-mail.
        $null = Add-MauticContactDoNotContact -Id $Contact.id -Reason Bounced -ChannelId $Mail.id -Comments "$Run mailbox unknown" -ErrorAction Stop
        $script:Until = [datetime]::UtcNow.AddSeconds(2)
        $script:Activity = @(Get-MauticEmailActivity -Since $Since -ContactId $Contact.id -ErrorAction Stop)
    }

    AfterAll {
        Exit-ScenarioRun $T {
            Get-MauticContact -Search "email:%@$Run.example" -ErrorAction Stop | Remove-MauticContact -Force -ErrorAction Stop
            Get-MauticEmail -Search $Run -ErrorAction Stop | Remove-MauticEmail -Force -ErrorAction Stop
        }
    }

    It 'Mautic answers the pixel with a GIF and the tracked link with a redirect to the link''s target' {
        $Pixel.StatusCode | Should -Be 200
        [string]$Pixel.Headers["Content-Type"] | Should -Be 'image/gif'
        $Click.StatusCode | Should -Be 302
        # 5.1.0 passes the query on to the target, ct included; 7.0.0 keeps ct to itself.
        if ($T.Version -ge [version]'7.0') { [string]$Click.Headers['Location'] | Should -Be $TargetUrl }
        else { [string]$Click.Headers['Location'] | Should -BeLike "$TargetUrl&ct=*" }
        $Redirect.url | Should -Be $TargetUrl
    }

    It 'records the open and the click in the stats tables the way the activity reads them' {
        $stat = @(Get-MauticStat email_stats -Where @{ col = 'id'; val = $StatId } -ErrorAction Stop)[0]
        $stat.is_read | Should -Be '1'
        $stat.open_count | Should -Be '1'
        $stat.date_read | Should -Be $stat.last_opened
        $stat.open_details | Should -BeLike "a:1:{i:0;a:3:{s:8:`"datetime`";s:19:`"$($stat.date_read)`";s:9:`"useragent`";s:$($Agent.Length):`"$Agent`";s:9:`"inBrowser`";b:0;}}"
        $open = @(Get-MauticStat email_stats_devices -Where @{ col = 'stat_id'; val = $StatId } -ErrorAction Stop)
        $open.Count | Should -Be 1
        $open[0].date_opened | Should -Be $stat.date_read
        $hit = @(Get-MauticStat page_hits -Where @{ col = 'lead_id'; val = $Contact.id } -ErrorAction Stop)
        $hit.Count | Should -Be 1
        $hit[0].email_id | Should -Be $Mail.id
        $hit[0].redirect_id | Should -Be $Redirect.id
        $hit[0].source | Should -Be 'email'
        $hit[0].source_id | Should -Be ([string]$Mail.id)
        $hit[0].url | Should -Be $TargetUrl
        $hit[0].code | Should -Be '200'
        $hit[0].user_agent | Should -Be $Agent
        $trackable = @(Get-MauticStat channel_url_trackables -Where @{ col = 'channel'; val = 'email' }, @{ col = 'channel_id'; val = $Mail.id } -ErrorAction Stop)
        $trackable.Count | Should -Be 1
        $trackable[0].hits | Should -Be '1'
        $trackable[0].unique_hits | Should -Be '1'
        # The e-mail's own counter: 7.0.0 counts the first open, 5.1.0 does not (the stats tables are what to read).
        (Get-MauticEmail -Id $Mail.id -ErrorAction Stop).readCount | Should -Be ($T.Version.Major -ge 7 ? 1 : 0)
    }

    It 'reads one Sent, Opened, Clicked and Bounced row, in that (time) order, of the contact and the e-mail' {
        ($Activity | ForEach-Object Kind) | Should -Be @('Sent', 'Opened', 'Clicked', 'Bounced')
        $Activity | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'Mautic.EmailActivity' }
        $Activity | ForEach-Object { $_.ContactId | Should -Be $Contact.id }
        $Activity | ForEach-Object { $_.EmailId | Should -Be $Mail.id }
        foreach ($row in $Activity) {
            $row.Date | Should -BeOfType [datetime]
            $row.Date.Kind | Should -Be 'Utc'
            $row.Date | Should -BeGreaterOrEqual $Since.AddTicks(-$Since.Ticks % [timespan]::TicksPerSecond)
            $row.Date | Should -BeLessThan $Until
        }
        for ($i = 1; $i -lt 4; $i++) { $Activity[$i].Date | Should -BeGreaterOrEqual $Activity[$i - 1].Date }
    }

    It 'gives each kind its own detail: the send and the open name the send, the click its URL, the bounce its comments' {
        $sent, $opened, $clicked, $bounced = $Activity
        $sent.StatId | Should -Be $StatId
        $sent.Table | Should -Be 'email_stats'
        $opened.StatId | Should -Be $StatId
        $opened.Table | Should -Be 'email_stats_devices'
        $clicked.Url | Should -Be $TargetUrl
        $clicked.Table | Should -Be 'page_hits'
        $bounced.Comments | Should -Be "$Run mailbox unknown"
        $bounced.Table | Should -Be 'lead_donotcontact'
        $Activity | ForEach-Object { $_.RowId | Should -BeGreaterThan 0 }
    }

    It 'filters by kind, by e-mail name and by time, and takes piped contacts' {
        @(Get-MauticEmailActivity -ContactId $Contact.id -Kind Clicked, Opened -ErrorAction Stop | ForEach-Object Kind) | Should -Be @('Opened', 'Clicked')
        @(Get-MauticEmailActivity -Email "$Run link" -Since $Since -ErrorAction Stop).Count | Should -Be 4
        @(Get-MauticEmailActivity -ContactId $Contact.id -Since $Until -ErrorAction Stop).Count | Should -Be 0
        @(Get-MauticEmailActivity -ContactId $Contact.id -Since $Since.AddHours(-1) -Until $Since -ErrorAction Stop).Count | Should -Be 0
        $piped = @(Get-MauticContact -Id $Contact.id -ErrorAction Stop | Get-MauticEmailActivity -Kind Bounced -ErrorAction Stop)
        $piped.Count | Should -Be 1
        $piped[0].ContactId | Should -Be $Contact.id
        # A row pipes on to Get-MauticContact through its ContactId.
        ($Activity[2] | Get-MauticContact -ErrorAction Stop).email | Should -Be "reader@$Run.example"
    }

    It 'round-trips through Export-Csv' {
        $file = Join-Path ([IO.Path]::GetTempPath()) "$Run-activity.csv"
        try {
            $Activity | Export-Csv -Path $file -NoTypeInformation
            $rows = @(Import-Csv $file)
            ($rows | ForEach-Object Kind) | Should -Be @('Sent', 'Opened', 'Clicked', 'Bounced')
            $rows[2].Url | Should -Be $TargetUrl
            $rows[0].ContactId | Should -Be ([string]$Contact.id)
            ($rows[0].PSObject.Properties.Name -join ',') | Should -Be 'Kind,Date,ContactId,EmailId,Url,Comments,StatId,Table,RowId'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    It 'keeps the send with neither contact nor e-mail once both are deleted, and loses the open, click and bounce' {
        Remove-MauticContact -Id $Contact.id -Force -ErrorAction Stop
        Remove-MauticEmail -Id $Mail.id -Force -ErrorAction Stop
        # Other runs' events may share the range: keep this run's send, and any row naming this run's contact or URL.
        $left = @(Get-MauticEmailActivity -Since $Since -ErrorAction Stop | Where-Object { $_.StatId -eq $StatId -or $_.ContactId -eq $Contact.id -or $_.Url -eq $TargetUrl })
        ($left | ForEach-Object Kind) | Should -Be @('Sent')
        $left[0].ContactId | Should -BeNullOrEmpty
        $left[0].EmailId | Should -BeNullOrEmpty
        $hit = @(Get-MauticStat page_hits -Where @{ col = 'source_id'; val = $Mail.id }, @{ col = 'url'; val = $TargetUrl } -ErrorAction Stop)
        $hit.Count | Should -Be 1
        $hit[0].PSObject.Properties.Name | Should -Not -Contain 'email_id'
        $hit[0].PSObject.Properties.Name | Should -Not -Contain 'lead_id'
    }

    It 'refuses a piped e-mail and a range that ends before it starts' {
        $null = $Mail | Get-MauticEmailActivity -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $bad[0].TargetObject.id | Should -Be $Mail.id
        { Get-MauticEmailActivity -Since $Until -Until $Since -ErrorAction Stop } | Should -Throw -ExpectedMessage '*must be earlier than*'
    }
}
