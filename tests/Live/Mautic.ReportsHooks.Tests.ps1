#requires -Version 7.0
<#
    Reports (definitions and rows), webhooks (with their trigger list) and dashboard widget data: the same scenarios
    against the fake Mautic and a real one (Invoke-LiveSuite.ps1 runs both). Three contacts under the run id's e-mail
    domain, a report filtered to that domain and webhooks named after the run; all are deleted in AfterAll. The
    webhook URL is http://127.0.0.1:9/hook: Mautic does not call it on save.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the reports, webhooks and dashboard scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Reports, webhooks and dashboard data on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'r'
        $script:Run = $T.Run
        $script:Domain = "$Run.example"
        $script:Hook = 'http://127.0.0.1:9/hook'
        $script:People = @("ann@$Domain", "bob@$Domain", "cy@$Domain" | ForEach-Object { [pscustomobject]@{ email = $_; firstname = $_.Split('@')[0] } } | New-MauticContact -ErrorAction Stop)
        $script:Report = New-MauticReport -Name "Report $Run" -Source leads -Column l.id, l.email, l.firstname -Filter @{ column = 'l.email'; condition = 'like'; value = "%@$Domain" } -ErrorAction Stop
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticContact -Search "email:%@$Domain" -ErrorAction Stop)
            if ($left) { $left | Remove-MauticContact -Force -ErrorAction Stop }
            $reports = @(Get-MauticReport -Search $Run -ErrorAction Stop)
            if ($reports) { $reports | Remove-MauticReport -Force -ErrorAction Stop }
            $hooks = @(Get-MauticWebhook -Search $Run -ErrorAction Stop)
            if ($hooks) { $hooks | Remove-MauticWebhook -Force -ErrorAction Stop }
        }
    }

    Context 'Reports' {
        It 'creates a report and reads it back by id and by search' {
            $Report.PSObject.TypeNames[0] | Should -Be 'Mautic.Report'
            $Report.source | Should -Be 'leads'
            $Report.columns | Should -Be @('l.id', 'l.email', 'l.firstname')
            (Get-MauticReport -Id $Report.id).name | Should -Be "Report $Run"
            @(Get-MauticReport -Search "Report $Run").id | Should -Be @($Report.id)
        }

        It 'streams the rows with the columns as properties, page by page' {
            $rows = @(Get-MauticReportData -Id $Report.id -PageSize 2)
            $rows.Count | Should -Be 3
            $rows[0].PSObject.TypeNames[0] | Should -Be 'Mautic.ReportRow'
            $rows[0].PSObject.Properties.Name | Should -Be @('id', 'email', 'firstname')
            ($rows.email | Sort-Object) | Should -Be @("ann@$Domain", "bob@$Domain", "cy@$Domain")
            ($rows.id | Sort-Object) | Should -Be @($People.id | Sort-Object)
            $rows[0].id | Should -BeOfType [long]
            @(Get-MauticReportData -Id $Report.id -PageSize 2 -Skip 1 -First 1).Count | Should -Be 1
            $csv = $rows | ConvertTo-Csv -NoTypeInformation
            $csv[0] | Should -Be '"id","email","firstname"'
        }

        It 'bounds the rows by date' {
            @(Get-MauticReportData -Id $Report.id -DateFrom (Get-Date).AddDays(-1)).Count | Should -Be 3
            @(Get-MauticReportData -Id $Report.id -DateFrom ([datetime]'2020-01-01') -DateTo ([datetime]'2020-02-01')).Count | Should -Be 0
            Get-MauticReportData -Id $Report.id -DateFrom (Get-Date) -DateTo (Get-Date).AddDays(-1) -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'changes the columns without naming the source (the cmdlet sends the report''s own)' {
            $changed = Set-MauticReport -Id $Report.id -Column l.id, l.email -PassThru -ErrorAction Stop
            $changed.columns | Should -Be @('l.id', 'l.email')
            (@(Get-MauticReportData -Id $Report.id)[0].PSObject.Properties.Name) | Should -Be @('id', 'email')
        }

        It 'reports a missing report and a source Mautic does not have' {
            Get-MauticReportData -Id 987654321 -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            New-MauticReport -Name "Bad $Run" -Source "nope$Run" -ErrorVariable e2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e2[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }
    }

    Context 'Webhooks' {
        It 'lists the triggers' {
            $triggers = @(Get-MauticWebhookTrigger)
            $triggers.Count | Should -BeGreaterOrEqual 14
            $triggers.Name | Should -Contain 'mautic.lead_post_save_new'
            ($triggers | Where-Object Name -eq 'mautic.form_on_submit').Label | Should -Be 'Form Submit Event'
        }

        It 'creates a webhook with checked triggers and refuses an unknown one before sending' {
            $h = New-MauticWebhook -Name "Hook $Run" -WebhookUrl $Hook -Trigger mautic.lead_post_save_new -Description 'live' -ErrorAction Stop
            $h.PSObject.TypeNames[0] | Should -Be 'Mautic.Webhook'
            $h.webhookUrl | Should -Be $Hook
            $h.triggers | Should -Be @('mautic.lead_post_save_new')
            $h.secret | Should -Match '^[0-9a-f]{64}$'
            New-MauticWebhook -Name "Bad hook $Run" -WebhookUrl $Hook -Trigger "mautic.nope$Run" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $e[0].Exception.Message | Should -BeLike "*mautic.nope$Run*mautic.form_on_submit*"
            # Mautic's search matches each word anywhere, so a run id holding "bad" also finds "Hook <run>": compare names.
            @(Get-MauticWebhook -Search $Run | Where-Object name -eq "Bad hook $Run") | Should -BeNullOrEmpty
        }

        It 'adds triggers with PATCH and sets them exactly with -Replace' {
            $h = @(Get-MauticWebhook -Search "Hook $Run")[0]
            (Set-MauticWebhook -Id $h.id -Trigger mautic.form_on_submit -PassThru -ErrorAction Stop).triggers | Should -Be @('mautic.lead_post_save_new', 'mautic.form_on_submit')
            $replaced = Set-MauticWebhook -Id $h.id -Name "Hook $Run" -WebhookUrl $Hook -Trigger mautic.page_on_hit -Replace -PassThru -ErrorAction Stop
            $replaced.triggers | Should -Be @('mautic.page_on_hit')
            $replaced.secret | Should -Not -Be $h.secret
        }

        It 'refuses a URL Mautic does not take' {
            New-MauticWebhook -Name "Ftp hook $Run" -WebhookUrl 'ftp://127.0.0.1/x' -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }

        It 'completes reports and webhooks by id and by name, the -Id of any area from its own records' {
            function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
            $hook = @(Get-MauticWebhook -Search "Hook $Run" | Where-Object name -eq "Hook $Run")[0]
            # Text finds names; -Id takes a number, so the id goes on the line, the list item says which record it is.
            $byName = @(Complete "Get-MauticReportData -Id 'report $Run")
            $byName.CompletionText | Should -Be @("$($Report.id)")
            $byName.ListItemText | Should -Be @("$($Report.id) - Report $Run")
            @(Complete "Remove-MauticWebhook -Id 'hook $Run").CompletionText | Should -Be @("$($hook.id)")
            @(Complete "Get-MauticReport -Id $($Report.id)").ListItemText | Should -Contain "$($Report.id) - Report $Run"
            # Contacts are never listed (what PowerShell offers instead, file names, is no record).
            @(Complete 'Get-MauticContact -Id ' | Where-Object ListItemText -Match '^\d+ - ') | Should -BeNullOrEmpty
        }

        It 'completes trigger names from the connection' {
            $s = 'New-MauticWebhook -Trigger mautic.lead_post_s'
            (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText | Should -Be @('mautic.lead_post_save_new', 'mautic.lead_post_save_update')
        }
    }

    Context 'Dashboard data' {
        It 'lists the widget types' {
            $types = @(Get-MauticDashboardWidgetType)
            $types.Type | Should -Contain 'created.leads.in.time'
            ($types | Where-Object Type -eq 'created.leads').Category | Should -Be 'Contact Widgets'
        }

        It 'reads a chart as one row per point and a table as rows' {
            $points = @(Get-MauticDashboardData created.leads.in.time -DateFrom (Get-Date).ToUniversalTime().Date.AddDays(-2) -DateTo (Get-Date) -TimeUnit Day)
            $points.Count | Should -Be 3
            $points[-1].'All contacts' | Should -BeGreaterOrEqual 3
            $points[0].Label | Should -Not -BeNullOrEmpty
            $table = @(Get-MauticDashboardData created.leads -DateFrom (Get-Date).AddHours(-1) -DateTo (Get-Date).AddMinutes(5) -Limit 2)
            $table.Count | Should -Be 2
            $table[0].id | Should -BeGreaterThan 0
            $widget = Get-MauticDashboardData created.leads.in.time -DateFrom (Get-Date).AddDays(-2) -DataFormat Widget
            $widget.chartType | Should -Be 'line'
        }

        It 'reports a widget type Mautic does not know' {
            Get-MauticDashboardData "nope.$Run" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }
}
