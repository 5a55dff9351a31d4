#requires -Version 7.0
<#
    Text messages, web push notifications and tweets, the same scenarios against the fake Mautic and a real one
    (Data @{ Target = 'Fake' } and @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). A stock Mautic
    has no SMS transport, push service or Twitter account: the records are created, edited and deleted all the same,
    and every text message send is refused, which the scenarios check is reported as an error per contact (nothing
    is ever sent). Everything is named after a run id and deleted in AfterAll.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the channel scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Text messages, notifications and tweets on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'ch'
        $script:Run = $T.Run
        $script:Missing = 987654321
        function script:Mine($cmdlet) { @(& $cmdlet -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*") }
    }

    AfterAll {
        Exit-ScenarioRun $T {
            foreach ($noun in 'Sms', 'Notification', 'Tweet') {
                $left = Mine "Get-Mautic$noun"
                if ($left) { $left | & "Remove-Mautic$noun" -Force -ErrorAction Stop }
            }
            $contacts = @(Get-MauticContact -Search "email:$Run%" -ErrorAction Stop)
            if ($contacts) { $contacts | Remove-MauticContact -Force -ErrorAction Stop }
        }
    }

    Context 'Text messages' {
        It 'creates a text message with the named parameters; the language is en unless given' {
            $script:Sms = New-MauticSms -Name "sms-$Run" -Message 'Hi {contactfield=firstname}' -Language de -ErrorAction Stop
            $Sms.PSObject.TypeNames[0] | Should -Be 'Mautic.Sms'
            $Sms.id | Should -BeGreaterThan 0
            $Sms.message | Should -Be 'Hi {contactfield=firstname}'
            $Sms.language | Should -Be 'de'
            $Sms.sentCount | Should -Be 0
            (New-MauticSms -Name "sms-en-$Run" -Message 'x' -ErrorAction Stop).language | Should -Be 'en'
        }

        It 'reports Mautic''s refusals as errors carrying the input: no message (Mautic''s 500), an unknown language, a list message without segments' {
            New-MauticSms -Name "nomsg-$Run" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].Exception.Message | Should -Match '500'
            New-MauticSms -Name "lang-$Run" -Message x -Language zz -ErrorAction SilentlyContinue -ErrorVariable err2 | Should -BeNullOrEmpty
            $err2[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err2[0].Exception.Message | Should -Match 'language'
            New-MauticSms -Name "list-$Run" -Message x -SmsType list -ErrorAction SilentlyContinue -ErrorVariable err3 | Should -BeNullOrEmpty
            $err3[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err3[0].Exception.Message | Should -Match 'lists: Either no list was selected'
            @(Get-MauticSms -Search "nomsg-$Run") + @(Get-MauticSms -Search "lang-$Run") + @(Get-MauticSms -Search "list-$Run") | Should -HaveCount 0
        }

        It 'creates rows in one batch, finds them by name and reads one by id' {
            $rows = 'a', 'b' | ForEach-Object { [pscustomobject]@{ name = "row-$_-$Run"; message = "text $_" } } | New-MauticSms -ErrorAction Stop
            $rows | Should -HaveCount 2
            @(Get-MauticSms -Search "row-a-$Run") | Should -HaveCount 1
            (Get-MauticSms -Id $rows[1].id).message | Should -Be 'text b'
            Get-MauticSms -Id $Missing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'changes the message with PATCH, replaces with -Replace, and a PUT without the language is an error' {
            $changed = Set-MauticSms -Id $Sms.id -Message 'Changed' -PassThru -ErrorAction Stop
            $changed.message | Should -Be 'Changed'
            $changed.language | Should -Be 'de'
            $put = Set-MauticSms -Id $Sms.id -Name "sms-$Run" -Message 'Put' -Language fr -Replace -PassThru -ErrorAction Stop
            $put.language | Should -Be 'fr'
            $put.isPublished | Should -BeFalse
            Set-MauticSms -Id $Sms.id -Name "sms-$Run" -Message 'No language' -Replace -ErrorAction SilentlyContinue -ErrorVariable err
            $err | Should -HaveCount 1
            $err[0].TargetObject | Should -Be $Sms.id
            (Get-MauticSms -Id $Sms.id).message | Should -Be 'Put'
        }

        It 'refuses every send while Mautic has no SMS transport: one ResourceUnavailable error per contact, nothing sent' {
            $script:Contacts = 1, 2 | ForEach-Object { New-MauticContact -Email "$Run-$_@example.com" -Property @{ mobile = "+1555010$_" } -ErrorAction Stop }
            $sent = $Contacts | Send-MauticSms -SmsId $Sms.id -ErrorAction SilentlyContinue -ErrorVariable err
            $sent | Should -BeNullOrEmpty
            $err | Should -HaveCount 2
            $err | ForEach-Object {
                $_.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
                $_.Exception.Message | Should -Match 'SMS transport is disabled'
            }
            $err.TargetObject | Should -Be $Contacts.id
            (Get-MauticSms -Id $Sms.id).sentCount | Should -Be 0
        }

        It 'looks the message up by name once for a send, and stops before sending for an unknown name' {
            $Contacts[0] | Send-MauticSms -SmsName "sms-$Run" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].Exception.Message | Should -Match 'SMS transport is disabled'
            { $Contacts[0] | Send-MauticSms -SmsName "no-such-$Run" -ErrorAction Stop } | Should -Throw "*no-such-$Run*"
        }
    }

    Context 'Notifications' {
        It 'creates a notification with the named parameters; Mautic adds http:// to the url and shows every UTM tag' {
            $script:Push = New-MauticNotification -Name "push-$Run" -Heading 'Hello' -Message 'Thanks' -Url 'example.com/offer' -Button 'Open' -ErrorAction Stop
            $Push.PSObject.TypeNames[0] | Should -Be 'Mautic.Notification'
            $Push.heading | Should -Be 'Hello'
            $Push.url | Should -Be 'http://example.com/offer'
            $Push.button | Should -Be 'Open'
            $Push.language | Should -Be 'en'
            @($Push.utmTags.PSObject.Properties.Name) | Should -Be @('utmSource', 'utmMedium', 'utmCampaign', 'utmContent')
        }

        It 'names every missing required field in one InvalidData error' {
            New-MauticNotification -Name "bad-$Run" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            # 5.1 calls the heading a title; 7.0 says heading.
            $err[0].Exception.Message | Should -Match ('heading: A {0} is required' -f ($T.Version.Major -ge 7 ? 'heading' : 'title'))
            $err[0].Exception.Message | Should -Match 'message: A message is required'
        }

        It 'changes the heading with PATCH and keeps the rest' {
            $changed = Set-MauticNotification -Id $Push.id -Heading 'Changed' -PassThru -ErrorAction Stop
            $changed.heading | Should -Be 'Changed'
            $changed.message | Should -Be 'Thanks'
            $changed.url | Should -Be 'http://example.com/offer'
        }
    }

    Context 'Tweets' {
        It 'creates a tweet; Mautic keeps its language en and publishes it whatever is sent' {
            $script:Tweet = New-MauticTweet -Name "tweet-$Run" -Text 'We are live' -Description 'live' -Property @{ language = 'de'; isPublished = $false } -ErrorAction Stop
            $Tweet.PSObject.TypeNames[0] | Should -Be 'Mautic.Tweet'
            $Tweet.text | Should -Be 'We are live'
            $Tweet.language | Should -Be 'en'
            $Tweet.isPublished | Should -BeTrue
            $Tweet.description | Should -Be 'live'
        }

        It 'refuses a text over 280 characters before sending, and a tweet without text with Mautic''s message' {
            { New-MauticTweet -Name "long-$Run" -Text ('x' * 281) } | Should -Throw '*280*'
            New-MauticTweet -Name "notext-$Run" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match 'text: A value is required'
        }

        It 'changes the text of piped tweets in one batch' {
            $second = New-MauticTweet -Name "tweet2-$Run" -Text 'Second' -ErrorAction Stop
            Get-MauticTweet -Id $Tweet.id, $second.id | Set-MauticTweet -Text 'Both changed' -ErrorAction Stop
            (Get-MauticTweet -Id $Tweet.id, $second.id).text | Should -Be @('Both changed', 'Both changed')
        }
    }

    It 'deletes the run''s records of each area, and a second delete is ObjectNotFound' {
        foreach ($noun in 'Sms', 'Notification', 'Tweet') {
            $mine = Mine "Get-Mautic$noun"
            $mine.Count | Should -BeGreaterOrEqual 1
            $gone = $mine | & "Remove-Mautic$noun" -Force -PassThru -ErrorAction Stop
            $gone | Should -HaveCount $mine.Count
            & "Remove-Mautic$noun" -Id $mine[0].id -Force -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            Mine "Get-Mautic$noun" | Should -HaveCount 0
        }
    }
}
