namespace MauticPS.InProcess;

/// <summary>Routes of reports, webhooks and dashboard data beyond the generic ten (which EntityAreaTests.Areas derives).</summary>
public static partial class RouteCases
{
    static readonly RouteCase[] ReportsHooks =
    [
        new("GET", "/api/hooks/triggers", "Get-MauticWebhookTrigger | Out-Null"),
        new("GET", "/api/data", "Get-MauticDashboardWidgetType | Out-Null"),
        new("GET", "/api/data/{type}", "Get-MauticDashboardData created.leads.in.time -DateFrom ([datetime]::Now.AddDays(-7)) -TimeUnit Day | Out-Null"),
    ];
}
