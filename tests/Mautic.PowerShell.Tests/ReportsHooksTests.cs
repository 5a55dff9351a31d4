using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// Report rows (Get-MauticReportData), webhook triggers (Get-MauticWebhookTrigger, -Trigger checks and completion) and
/// dashboard widget data against the fake (modelled on 5.1.0's answers). The four generic cmdlets of reports and
/// webhooks run in EntityAreaTests.
/// </summary>
public sealed class ReportsHooksTests : PsTest
{
    public ReportsHooksTests()
    {
        Ps.Seed(5);
        Ps.Connect();
    }

    const string LeadsReport = "$r = New-MauticReport -Name 'people' -Source leads -Column l.id, l.email, l.firstname";

    [Fact]
    [Covers("Get-MauticReportData")]
    public void Report_rows_have_the_columns_as_properties_and_stream_page_by_page()
    {
        var r = Ok(LeadsReport + "; Get-MauticReportData -Id $r.id -PageSize 2");
        Assert.Equal(5, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.ReportRow", o.TypeNames[0]));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, r.Output.Select(o => (long)o.Properties["id"].Value));
        Assert.Equal("a2@example.com", r.Output[1].Properties["email"].Value);
        Assert.Equal(new[] { "id", "email", "firstname" }, r.Output[0].Properties.Select(p => p.Name));   // Export-Csv writes these columns
        var pages = r.Requests.Where(q => q.Path == "/api/reports/1").ToList();
        Assert.Equal(new[] { "1", "2", "3" }, pages.Select(q => q.Q("page")));
        Assert.All(pages, q => Assert.Equal("2", q.Q("limit")));
        Assert.All(pages, q => Assert.Null(q.Q("dateFrom")));

        // -Skip and -First cut across pages; -IncludeTotalCount gives Mautic's totalResults first.
        var cut = Ok("Get-MauticReport -Id 1 | Get-MauticReportData -PageSize 2 -Skip 3 -First 2 -IncludeTotalCount");
        Assert.Equal(5UL, Convert.ToUInt64(cut.Output[0].BaseObject));
        Assert.Equal(new long[] { 4, 5 }, cut.Output.Skip(1).Select(o => (long)o.Properties["id"].Value));
        Assert.Equal(new[] { "2", "3" }, cut.Requests.Where(q => q.Path == "/api/reports/1" && q.Q("page") != null).Select(q => q.Q("page")));
    }

    [Fact]
    [Covers("Get-MauticReportData")]
    public void DateFrom_and_DateTo_go_as_UTC_and_bound_the_rows_and_bad_input_is_an_error_per_report()
    {
        Ok(LeadsReport);
        var r = Ok("Get-MauticReportData 1 -DateFrom ([datetime]::new(2020, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)) -DateTo ([datetime]::new(2020, 2, 1, 0, 0, 0, [DateTimeKind]::Utc))");
        Assert.Empty(r.Output);                                    // the contacts were created today
        var q = r.Requests.Single(x => x.Path == "/api/reports/1");
        Assert.Equal("2020-01-02 03:04:05", q.Q("dateFrom"));
        Assert.Equal("2020-02-01 00:00:00", q.Q("dateTo"));
        Assert.Equal(5, Ok("Get-MauticReportData 1 -DateFrom ([datetime]::Now.AddDays(-1))").Output.Count);

        var bad = Run("Get-MauticReportData 1 -DateFrom '2024-02-01' -DateTo '2024-01-01'; Get-MauticReportData 987654; Get-MauticContact -Id 1 | Get-MauticReportData");
        Assert.Equal(3, bad.Errors.Count);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[0].CategoryInfo.Category);
        Assert.Equal(1L, bad.Errors[0].TargetObject);
        Assert.Contains("-DateFrom", bad.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[1].CategoryInfo.Category);
        Assert.Equal(987654L, bad.Errors[1].TargetObject);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[2].CategoryInfo.Category);
        Assert.DoesNotContain(bad.Requests, x => x.Path == "/api/reports/1");
    }

    [Fact]
    [Covers("New-MauticReport")]
    [Covers("Set-MauticReport")]
    public void A_report_edit_of_its_columns_sends_the_reports_source_which_Mautic_needs_to_check_them()
    {
        Ok(LeadsReport);
        var r = Ok("Set-MauticReport 1 -Column l.id, l.lastname -Filter @{ column = 'l.email'; condition = 'like'; value = '%a2%' } -TableOrder @{ column = 'l.id'; direction = 'DESC' } -PassThru");
        var patch = r.Requests.Single(q => q.Path == "/api/reports/1/edit");
        Assert.Contains("\"source\":\"leads\"", patch.Body);
        Assert.Contains(r.Requests, q => q.Path == "/api/reports" && q.Q("where[0][col]") == "id");   // the list, not the compiled report
        Assert.Equal(new[] { "l.id", "l.lastname" }, (PsResult.Items(r.Output.Single().Properties["columns"].Value)).Select(c => c.ToString()));
        var name = Ok("Set-MauticReport 1 -Name renamed");
        Assert.DoesNotContain(name.Requests, q => q.Path == "/api/reports");                            // nothing source-bound: no lookup

        var refused = Run("New-MauticReport -Name bad -Source nosuch -Column l.id");
        var e = Assert.Single(refused.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("source", e.Exception.Message);
    }

    [Fact]
    [Covers("Get-MauticWebhookTrigger")]
    public void The_triggers_are_listed_afresh_by_name_or_wildcard_and_an_unknown_name_is_an_error()
    {
        var all = Ok("Get-MauticWebhookTrigger");
        Assert.Equal(14, all.Output.Count);
        Assert.All(all.Output, o => Assert.Equal("Mautic.WebhookTrigger", o.TypeNames[0]));
        var first = all.Output[0];
        Assert.Equal("mautic.company_post_save", first.Properties["Name"].Value);
        Assert.Equal("Company Create/Update Event", first.Properties["Label"].Value);
        Assert.NotNull(first.Properties["Description"].Value);
        var r = Run("'*lead_post*', 'mautic.form_on_submit', 'mautic.nope' | Get-MauticWebhookTrigger; Get-MauticWebhookTrigger");
        Assert.Equal(new[] { "mautic.lead_post_delete", "mautic.lead_post_save_new", "mautic.lead_post_save_update", "mautic.form_on_submit" },
            r.Output.Take(4).Select(o => (string)o.Properties["Name"].Value));
        r.SingleError(ErrorCategory.ObjectNotFound, "mautic.nope");
        Assert.Equal(2, r.Requests.Count(q => q.Path == "/api/hooks/triggers"));                     // one per call: read afresh
    }

    [Fact]
    [Covers("New-MauticWebhook")]
    [Covers("Set-MauticWebhook")]
    public void Trigger_names_are_checked_against_Mautics_list_once_per_connection_before_anything_is_sent()
    {
        var bad = Run("New-MauticWebhook -Name h -WebhookUrl http://127.0.0.1:9/hook -Trigger mautic.lead_post_save_new, mautic.nope");
        var e = bad.SingleError(ErrorCategory.InvalidArgument, bad.Errors[0].TargetObject!);
        Assert.Contains("'mautic.nope'", e.Exception.Message);
        Assert.Contains("mautic.form_on_submit", e.Exception.Message);                                 // the valid names are listed
        Assert.DoesNotContain(bad.Requests, q => q.Method == "POST");
        Assert.Single(bad.Requests, q => q.Path == "/api/hooks/triggers");

        var ok = Ok("$h = New-MauticWebhook -Name h -WebhookUrl 127.0.0.1:9/hook -Trigger mautic.lead_post_save_new -EventsOrderbyDir desc -Description d; $h; " +
                    "Set-MauticWebhook $h.id -Trigger mautic.form_on_submit -PassThru; Set-MauticWebhook $h.id -Name h2 -Trigger mautic.page_on_hit -WebhookUrl http://127.0.0.1:9/x -Replace -PassThru");
        Assert.DoesNotContain(ok.Requests, q => q.Path == "/api/hooks/triggers");                      // read once per connection
        var created = ok.Output[0];
        Assert.Equal("Mautic.Webhook", created.TypeNames[0]);
        Assert.Equal("http://127.0.0.1:9/hook", created.Properties["webhookUrl"].Value);
        Assert.Equal("DESC", created.Properties["eventsOrderbyDir"].Value);
        Assert.Equal(64, ((string)created.Properties["secret"].Value).Length);
        Assert.Equal(new[] { "mautic.lead_post_save_new", "mautic.form_on_submit" }, Triggers(ok.Output[1]));   // PATCH adds
        Assert.Equal(new[] { "mautic.page_on_hit" }, Triggers(ok.Output[2]));                                 // PUT sets
        Assert.Equal("PUT", ok.Requests.Last(q => q.Path == "/api/hooks/1/edit").Method);

        // Rows and -Property are checked too; a bad row is refused and the others are created.
        var rows = Run("[pscustomobject]@{ name = 'r1'; webhookUrl = 'http://127.0.0.1:9/a'; triggers = 'mautic.zzz' }, [pscustomobject]@{ name = 'r2'; webhookUrl = 'http://127.0.0.1:9/b' } | New-MauticWebhook; " +
                       "Set-MauticWebhook 1 -Property @{ triggers = @('mautic.bad') }");
        Assert.Equal(2, rows.Errors.Count);
        Assert.All(rows.Errors, x => Assert.Equal(ErrorCategory.InvalidArgument, x.CategoryInfo.Category));
        Assert.Equal("r2", Assert.Single(rows.Output).Properties["name"].Value);
        Assert.DoesNotContain(rows.Requests, q => q.Path == "/api/hooks/1/edit");
    }

    static string[] Triggers(PSObject o) => (PsResult.Items(o.Properties["triggers"].Value)).Select(t => t.ToString()!).ToArray();

    [Fact]
    [Covers("New-MauticWebhook")]
    public void Trigger_names_complete_from_the_connection_and_nothing_is_offered_without_one()
    {
        var r = Ok("$s = 'New-MauticWebhook -Trigger mautic.lead_post_s'; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText");
        Assert.Equal(new[] { "mautic.lead_post_save_new", "mautic.lead_post_save_update" }, r.Output.Select(o => o.ToString()));
        var set = Ok("$s = 'Set-MauticWebhook 1 -Trigger mautic.form'; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText");
        Assert.Equal("mautic.form_on_submit", Assert.Single(set.Output).ToString());
        var none = Ok("Disconnect-Mautic; $s = 'New-MauticWebhook -Trigger mautic.'; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.Count");
        Assert.Equal(0, (int)none.Output.Single().BaseObject);
    }

    [Fact]
    [Covers("Get-MauticDashboardWidgetType")]
    public void Widget_types_come_with_their_name_and_category()
    {
        var all = Ok("Get-MauticDashboardWidgetType");
        Assert.Equal(39, all.Output.Count);
        var t = all.Output.Single(o => (string)o.Properties["Type"].Value == "created.leads.in.time");
        Assert.Equal("Mautic.DashboardWidgetType", t.TypeNames[0]);
        Assert.Equal("Created contacts in time", t.Properties["Name"].Value);
        Assert.Equal("Contact Widgets", t.Properties["Category"].Value);
        var r = Run("Get-MauticDashboardWidgetType *.in.time, no.such");
        Assert.Equal(9, r.Output.Count);
        r.SingleError(ErrorCategory.ObjectNotFound, "no.such");
    }

    [Fact]
    [Covers("Get-MauticDashboardData")]
    public void Widget_data_comes_as_rows_with_the_parameters_Mautic_reads()
    {
        var today = DateTime.UtcNow.Date;
        var chart = Ok("Get-MauticDashboardData created.leads.in.time -DateFrom ([datetime]::UtcNow.Date.AddDays(-2)) -DateTo ([datetime]::UtcNow) -TimeUnit Day -Filter @{ flag = 'identified' } -CacheTimeout 0");
        Assert.Equal(3, chart.Output.Count);
        Assert.All(chart.Output, o => Assert.Equal("Mautic.DashboardData", o.TypeNames[0]));
        Assert.Equal("created.leads.in.time", chart.Output[0].Properties["Type"].Value);
        Assert.Equal(0L, chart.Output[0].Properties["All contacts"].Value);
        Assert.Equal(5L, chart.Output[2].Properties["All contacts"].Value);
        Assert.NotNull(chart.Output[2].Properties["Label"].Value);
        var q = chart.Requests.Single(x => x.Path == "/api/data/created.leads.in.time");
        Assert.Equal("raw", q.Q("dataFormat"));
        Assert.Equal("d", q.Q("timeUnit"));
        Assert.Equal("UTC", q.Q("timezone"));
        Assert.Equal(today.AddDays(-2).ToString("yyyy-MM-dd 00:00:00"), q.Q("dateFrom"));
        Assert.Equal("identified", q.Q("filter[flag]"));
        Assert.Equal("0", q.Q("cacheTimeout"));

        var table = Ok("'created.leads' | Get-MauticDashboardData -DateFrom ([datetime]::Now.AddDays(-1)) -DateTo ([datetime]::Now.AddMinutes(1)) -Limit 2");
        Assert.Equal(2, table.Output.Count);
        Assert.Equal(5L, table.Output[0].Properties["id"].Value);
        Assert.Equal("2", table.Requests.Single(x => x.Path == "/api/data/created.leads").Q("limit"));

        var widget = Ok("Get-MauticDashboardData created.leads.in.time -DataFormat Widget -Dataset x -DateFormat 'Y-m-d'");
        var w = Assert.Single(widget.Output);
        Assert.Equal("line", w.Properties["chartType"].Value);
        var wq = widget.Requests.Single(x => x.Path == "/api/data/created.leads.in.time");
        Assert.Null(wq.Q("dataFormat"));
        Assert.Equal("x", wq.Q("dataset[]"));
        Assert.Equal("Y-m-d", wq.Q("dateFormat"));

        var bad = Run("Get-MauticDashboardData no.such; Get-MauticDashboardData created.leads.in.time -DateFrom '2024-02-01' -DateTo '2024-01-01'");
        Assert.Equal(2, bad.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, bad.Errors[0].CategoryInfo.Category);
        Assert.Equal("no.such", bad.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Errors[1].CategoryInfo.Category);
        Assert.Single(bad.Requests, x => x.Path.StartsWith("/api/data/"));
    }
}
