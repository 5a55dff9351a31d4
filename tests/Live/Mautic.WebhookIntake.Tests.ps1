#requires -Version 7.0
<#
    Webhook intake with Mautic's real posts: a webhook on the real Mautic points at a loopback listener this file starts
    (HttpListener on a free port, answering 200 from a second runspace); a contact made and changed, a form submitted
    as a browser does (POST /form/submit) and an e-mail sent make Mautic post, and every captured post (body and
    headers) goes through ConvertFrom-MauticWebhook and Test-MauticWebhookSignature. Mautic posts while the request
    that caused the event runs (queue_mode immediate_process, its default, which the CI servers keep), so each post
    has arrived when the cmdlet that caused it returns; with command_process they would wait for
    `php bin/console mautic:webhooks:process`. The posts are written to out/webhook-posts-<Target>.json: the
    fixtures of tests/Mautic.PowerShell.Tests/Fixtures/Webhooks were captured so. The fake Mautic sends no webhooks,
    so the fake targets skip this file. Everything is named after the run and deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = if ($Target -like 'Fake*') { 'the fake Mautic sends no webhooks; only a real one can prove the intake' } else { Get-LiveSkipReason $Target }
    if ($SkipReason) { Write-Warning "Webhook intake scenarios SKIPPED on $Target (they did not run): $SkipReason." }
}

Describe 'Webhook intake with the posts of the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'w'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"

        # The listener: a free loopback port, each POST kept as its exact body text and its headers, answered 200.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $script:Listener = [System.Net.HttpListener]::new()
        $Listener.Prefixes.Add("http://127.0.0.1:$port/")
        $Listener.Start()
        $script:Posts = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
        $script:Receiver = [powershell]::Create()
        $null = $Receiver.AddScript({
                param($listener, $posts)
                while ($listener.IsListening) {
                    try { $context = $listener.GetContext() } catch { break }
                    $buffer = [System.IO.MemoryStream]::new()
                    $context.Request.InputStream.CopyTo($buffer)
                    $headers = [ordered]@{}
                    foreach ($name in $context.Request.Headers.AllKeys) { $headers[$name] = $context.Request.Headers[$name] }
                    $posts.Enqueue([pscustomobject]@{ Body = [System.Text.Encoding]::UTF8.GetString($buffer.ToArray()); Headers = $headers })
                    $context.Response.StatusCode = 200
                    $context.Response.Close()
                }
            }).AddArgument($Listener).AddArgument($Posts)
        $script:Receiving = $Receiver.BeginInvoke()

        function script:Wait-Post([int] $Count) {
            # Mautic posts before the call that caused the event returns; the wait only covers the listener's own thread.
            $until = (Get-Date).AddSeconds(15)
            while ($Posts.Count -lt $Count -and (Get-Date) -lt $until) { Start-Sleep -Milliseconds 100 }
            if ($Posts.Count -lt $Count) { throw "Mautic posted $($Posts.Count) of $Count webhook events within 15 s: is its queue_mode command_process (then php bin/console mautic:webhooks:process sends them)?" }
        }

        $triggers = 'mautic.lead_post_save_new', 'mautic.lead_post_save_update', 'mautic.form_on_submit', 'mautic.email_on_send'
        $script:Hook = New-MauticWebhook -Name "Intake $Run" -WebhookUrl "http://127.0.0.1:$port/hook" -Trigger $triggers -ErrorAction Stop
        $script:Secret = $Hook.secret

        $script:Ann = New-MauticContact -Email "ann@$Domain" -FirstName Ann -ErrorAction Stop
        Set-MauticContact -Id $Ann.id -LastName Archer -ErrorAction Stop
        $script:Form = New-MauticForm -Name "Intake form $Run" -PostAction message -PostActionProperty 'Thanks' -Field @{ label = 'Email'; type = 'email'; alias = 'email'; mappedObject = 'contact'; mappedField = 'email' }, @{ label = 'Send'; type = 'button' } -ErrorAction Stop
        $visit = @{ 'mauticform[formId]' = $Form.id; 'mauticform[formName]' = $Form.alias; 'mauticform[email]' = "dan@$Domain" }
        Invoke-WebRequest "$($T.BaseUrl)/form/submit?formId=$($Form.id)" -Method Post -Body $visit -UseBasicParsing | Out-Null
        $script:Email = New-MauticEmail -Name "Intake mail $Run" -Subject 'Hello {contactfield=firstname}' -CustomHtml '<p>Hello</p>' -ErrorAction Stop
        Send-MauticEmail -Email $Email -ContactId $Ann.id -ErrorAction Stop | Out-Null
        Wait-Post 5
        $script:Captured = @($Posts.ToArray())
        $file = Join-Path $T.Root "out/webhook-posts-$Target.json"
        [ordered]@{ target = $Target; mauticVersion = (Get-MauticConnection).MauticVersion; secret = $Secret; posts = $Captured } |
            ConvertTo-Json -Depth 6 | Set-Content -Path $file -Encoding utf8NoBOM
        $script:Events = @($Captured | ConvertFrom-MauticWebhook -Secret $Secret -ErrorAction Stop)
    }

    AfterAll {
        if ($Listener) { $Listener.Stop(); $Listener.Close() }
        if ($Receiver) { $null = $Receiving.AsyncWaitHandle.WaitOne(5000); $Receiver.Dispose() }
        Exit-ScenarioRun $T {
            if ($Hook) { Remove-MauticWebhook -Id $Hook.id -Force -ErrorAction Stop }
            if ($Form) { Remove-MauticForm -Id $Form.id -Force -ErrorAction Stop }
            if ($Email) { Remove-MauticEmail -Id $Email.id -Force -ErrorAction Stop }
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    It 'receives signed posts, each with Mautic''s headers' {
        $Captured.Count | Should -BeGreaterOrEqual 5
        foreach ($post in $Captured) {
            $post.Headers['Webhook-Signature'] | Should -Match '^[A-Za-z0-9+/]{43}=$'
            $post.Headers['Content-Type'] | Should -Be 'application/json'
        }
    }

    It 'verifies every post with Test-MauticWebhookSignature, and refuses a changed body or another secret' {
        foreach ($post in $Captured) {
            Test-MauticWebhookSignature -Secret $Secret -Body $post.Body -Signature $post.Headers['Webhook-Signature'] | Should -BeTrue
            Test-MauticWebhookSignature -Secret $Secret -Body ($post.Body -replace 'example', 'examp1e') -Signature $post.Headers['Webhook-Signature'] | Should -BeFalse
            Test-MauticWebhookSignature -Secret ('0' * 64) -Body $post.Body -Signature $post.Headers['Webhook-Signature'] | Should -BeFalse
        }
    }

    It 'writes one event per trigger Mautic sent, in order, with the time of each' {
        $Events.Count | Should -Be $Captured.Count
        $Events[0].PSObject.TypeNames[0] | Should -Be 'Mautic.WebhookEvent'
        $Events.Trigger | Should -Contain 'mautic.lead_post_save_new'
        $Events.Trigger | Should -Contain 'mautic.lead_post_save_update'
        $Events.Trigger | Should -Contain 'mautic.form_on_submit'
        $Events.Trigger | Should -Contain 'mautic.email_on_send'
        foreach ($e in $Events) {
            $e.Timestamp | Should -BeOfType [datetime]
            $e.Timestamp.Kind | Should -Be 'Utc'
            [math]::Abs(((Get-Date).ToUniversalTime() - $e.Timestamp).TotalMinutes) | Should -BeLessThan 10
        }
    }

    It 'shapes the contacts as Get-MauticContact does' {
        $new = @($Events | Where-Object Trigger -eq 'mautic.lead_post_save_new' | ForEach-Object Contact)
        ($new.email | Sort-Object) | Should -Be @("ann@$Domain", "dan@$Domain")
        $annNew = $new | Where-Object email -eq "ann@$Domain"
        $annNew.PSObject.TypeNames[0] | Should -Be 'Mautic.Contact'
        $annNew.id | Should -Be $Ann.id
        $annNew.firstname | Should -Be 'Ann'
        $got = Get-MauticContact -Id $Ann.id
        $annNew.id | Should -BeOfType [long]
        ($annNew.PSObject.Properties.Name | Where-Object { $got.PSObject.Properties.Name -contains $_ }) | Should -Contain 'firstname'
        ($Events | Where-Object Trigger -eq 'mautic.lead_post_save_update' | ForEach-Object Contact | Where-Object id -eq $Ann.id).lastname | Should -Contain 'Archer'
    }

    It 'gives a form submission its form, its submission and the contact it made' {
        $submit = @($Events | Where-Object Trigger -eq 'mautic.form_on_submit')
        $submit.Count | Should -Be 1
        $submit[0].Form.PSObject.TypeNames[0] | Should -Be 'Mautic.Form'
        $submit[0].Form.id | Should -Be $Form.id
        $submit[0].Submission.PSObject.TypeNames[0] | Should -Be 'Mautic.FormSubmission'
        $submit[0].Submission.formId | Should -Be $Form.id
        $submit[0].Submission.email | Should -Be "dan@$Domain"
        $submit[0].Contact.email | Should -Be "dan@$Domain"
        $submit[0].Submission.contactId | Should -Be $submit[0].Contact.id
        # The same submission as Get-MauticFormSubmission reads it.
        (Get-MauticFormSubmission -FormId $Form.id -SubmissionId $submit[0].Submission.id).email | Should -Be "dan@$Domain"
    }

    It 'gives an e-mail send its e-mail and its contact' {
        $send = @($Events | Where-Object Trigger -eq 'mautic.email_on_send')
        $send.Count | Should -Be 1
        $send[0].Email.PSObject.TypeNames[0] | Should -Be 'Mautic.Email'
        $send[0].Email.id | Should -Be $Email.id
        $send[0].Email.name | Should -Be "Intake mail $Run"
        $send[0].Contact.id | Should -Be $Ann.id
        $send[0].Subject | Should -Not -BeNullOrEmpty
    }

    It 'reads the posts as Azure Automation hands them over, and refuses a changed one as a SecurityError' {
        $post = $Captured[0]
        $webhookData = [pscustomobject]@{ WebhookName = 'Mautic'; RequestBody = $post.Body; RequestHeader = [pscustomobject]$post.Headers }
        (ConvertFrom-MauticWebhook $webhookData -Secret $Secret).Trigger | Should -Be $Events[0].Trigger
        (ConvertFrom-MauticWebhook ($webhookData | ConvertTo-Json -Depth 4) -Secret ([System.Net.NetworkCredential]::new('', $Secret).SecurePassword)).Trigger | Should -Be $Events[0].Trigger
        $forged = [pscustomobject]@{ Body = $post.Body.Replace('ann@', 'eve@'); Headers = $post.Headers }
        ConvertFrom-MauticWebhook $forged -Secret $Secret -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].CategoryInfo.Category | Should -Be 'SecurityError'
        "$($e[0])" | Should -Not -Match $Secret
    }
}
