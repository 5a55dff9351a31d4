#requires -Version 7.0
<#
    E-mails, the same scenarios against the fake Mautic and a real one (Data @{ Target = 'Fake' } and
    @{ Target = 'Live' }; tests/Live/Invoke-LiveSuite.ps1 runs both). Every e-mail and segment is named with the run id
    and deleted in AfterAll. Nothing is sent: a real server may have no mailer, and sending is not what these check.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the e-mail scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'E-mails on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'e'
        $script:Run = $T.Run
        $script:Missing = 987654321
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticEmail -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($left) { $left | Remove-MauticEmail -Force -ErrorAction Stop }
            $segments = @(Get-MauticSegment -Search $Run -ErrorAction Stop | Where-Object name -like "*$Run*")
            if ($segments) { $segments | Remove-MauticSegment -Force -ErrorAction Stop }
        }
    }

    Context 'Template e-mails' {
        It 'creates a template e-mail from a name and a subject, with its statistics at zero' {
            $e = New-MauticEmail -Name "$Run welcome" -Subject 'Welcome {contactfield=firstname}' -CustomHtml '<h1>Hi</h1>' -Template blank -FromName 'Run Sender' -ErrorAction Stop
            $e.PSObject.TypeNames[0] | Should -Be 'Mautic.Email'
            $e.emailType | Should -Be 'template'
            $e.language | Should -Be 'en'
            $e.template | Should -Be 'blank'
            $e.customHtml | Should -Be '<h1>Hi</h1>'
            $e.fromName | Should -Be 'Run Sender'
            $e.sentCount | Should -Be 0
            $e.readCount | Should -Be 0
            $e.revision | Should -Be 1
            @($e.lists).Count | Should -Be 0
            $table = $e | Format-Table | Out-String -Width 200
            $table | Should -Match 'id\s+name\s+emailType\s+isPublished\s+sentCount\s+readCount\s+subject'
            $script:Email = $e
        }

        It 'refuses a missing subject, a bad sender address and a page theme as InvalidData naming the field' {
            $null = New-MauticEmail -Name "$Run nosubject" -ErrorVariable e1 -ErrorAction SilentlyContinue
            $e1[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e1[0].Exception.Message | Should -Match 'subject: A subject is required'
            $null = New-MauticEmail -Name "$Run badfrom" -Subject s -FromAddress 'not an address' -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e2[0].Exception.Message | Should -Match 'fromAddress'
            $null = New-MauticEmail -Name "$Run pagetheme" -Subject s -Template fresh-center -ErrorVariable e3 -ErrorAction SilentlyContinue
            $e3[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e3[0].Exception.Message | Should -Match 'template'
        }

        It 'finds the run''s e-mails by search and by id' {
            @(Get-MauticEmail -Search $Run).Count | Should -Be 1
            (Get-MauticEmail -Id $Email.id).subject | Should -Be 'Welcome {contactfield=firstname}'
            $null = Get-MauticEmail -Id $Missing -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'changes fields with PATCH, and every save raises the revision' {
            $p = Set-MauticEmail -Id $Email.id -Subject "$Run changed" -PassThru -ErrorAction Stop
            $p.subject | Should -Be "$Run changed"
            $p.fromName | Should -Be 'Run Sender'
            $p.revision | Should -Be 2
        }

        It 'replaces with PUT, which needs the language and resets the rest' {
            $null = Set-MauticEmail -Id $Email.id -Name "$Run put" -Subject s -Replace -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            (Get-MauticEmail -Id $Email.id).name | Should -Be "$Run welcome"
            $p = Set-MauticEmail -Id $Email.id -Name "$Run put" -Subject s -Language en -Replace -PassThru -ErrorAction Stop
            $p.name | Should -Be "$Run put"
            $p.fromName | Should -BeNullOrEmpty
            $p.customHtml | Should -BeNullOrEmpty
            $p.isPublished | Should -BeFalse
            $p.emailType | Should -Be 'template'
        }
    }

    Context 'Segment e-mails and batches' {
        It 'makes a list e-mail from -SegmentId, shows the segments as ids, and refuses one without segments' {
            $script:Segment = New-MauticSegment -Name "$Run segment" -ErrorAction Stop
            $l = New-MauticEmail -Name "$Run list" -Subject 'News' -SegmentId $Segment.id -ErrorAction Stop
            $l.emailType | Should -Be 'list'
            @($l.lists) | Should -Be @($Segment.id)
            $null = New-MauticEmail -Name "$Run nolist" -Subject s -EmailType list -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $e[0].Exception.Message | Should -Match 'lists'
            # A record piped back is a copy that Mautic takes: its segment ids, not segment records.
            $copy = $l | New-MauticEmail -Name "$Run list copy" -ErrorAction Stop
            @($copy.lists) | Should -Be @($Segment.id)
            $copy.emailType | Should -Be 'list'
        }

        It 'creates and edits piped rows in one batch request each' {
            $rows = 1..2 | ForEach-Object { [pscustomobject]@{ name = "$Run row$_"; subject = "Row $_" } }
            $created = @($rows | New-MauticEmail -Verbose -ErrorAction Stop 4>&1)
            $made = @($created | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $made.Count | Should -Be 2
            @(Get-HttpCall $created POST 'emails/batch/new').Count | Should -Be 1
            $edited = @($made | ForEach-Object { [pscustomobject]@{ Id = $_.id; fromName = 'Batch' } } | Set-MauticEmail -PassThru -Verbose -ErrorAction Stop 4>&1)
            @(Get-HttpCall $edited PATCH 'emails/batch/edit').Count | Should -Be 1
            @($edited | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ForEach-Object fromName) | Should -Be @('Batch', 'Batch')
        }
    }

    Context 'Replies and removal' {
        It 'answers a reply to an unknown tracking hash with ObjectNotFound carrying the hash' {
            $hash = "$Run-nohash"
            $null = Send-MauticEmailReply -TrackingHash $hash -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $e[0].TargetObject | Should -Be $hash
            $e[0].Exception.Message | Should -Match ([regex]::Escape($hash))
        }

        It 'deletes the run''s e-mails, and a missing id is ObjectNotFound' {
            Get-MauticEmail -Search $Run | Remove-MauticEmail -Force -ErrorAction Stop
            @(Get-MauticEmail -Search $Run).Count | Should -Be 0
            $null = Remove-MauticEmail -Id $Missing -Force -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }
}
