namespace MauticPS.InProcess;

/// <summary>Reports, webhooks and dashboard data beyond the generic four (those come from EntityAreaTests.Areas).</summary>
public static partial class CmdletCases
{
    static readonly Case[] ReportsHooks =
    [
        new("Get-MauticReportData", "$r = New-MauticReport -Name cr -Source leads -Column l.id, l.email; Get-MauticReportData $r.id", "Get-MauticReportData 987654"),
        new("Get-MauticWebhookTrigger", "Get-MauticWebhookTrigger; Get-MauticWebhookTrigger *lead*", "Get-MauticWebhookTrigger mautic.nope"),
        new("Get-MauticDashboardWidgetType", "Get-MauticDashboardWidgetType; Get-MauticDashboardWidgetType *.in.time", "Get-MauticDashboardWidgetType no.such"),
        new("Get-MauticDashboardData", "Get-MauticDashboardData created.leads.in.time -DateFrom ([datetime]::Now.AddDays(-7)) -TimeUnit Day", "Get-MauticDashboardData no.such"),
    ];
}
