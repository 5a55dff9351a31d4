using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>Get-MauticStatTable and Get-MauticStat against the fake's stats tables (modelled on 5.1.0's answers).</summary>
public sealed class StatsTests : PsTest
{
    public StatsTests()
    {
        Ps.Seed(5);
        Ps.Connect();
    }

    [Fact]
    [Covers("Get-MauticStatTable")]
    public void The_tables_come_with_their_columns_filtered_by_name_or_wildcard_and_an_unknown_name_is_an_error()
    {
        var all = Ok("Get-MauticStatTable");
        Assert.Equal(34, all.Output.Count);
        Assert.All(all.Output, o => Assert.Equal("Mautic.StatTable", o.TypeNames[0]));
        var lll = all.Output.Single(o => (string)o.Properties["Name"].Value == "lead_lists_leads");
        Assert.Equal(new[] { "date_added", "leadlist_id", "lead_id", "manually_added", "manually_removed" }, ((System.Collections.IEnumerable)lll.Properties["Columns"].Value).Cast<object>().Select(c => c.ToString()));

        var r = Run("'email_stat*', 'campaign_leads', 'no_such_table' | Get-MauticStatTable");
        Assert.Equal(new[] { "email_stat_replies", "email_stats", "email_stats_devices", "campaign_leads" }, r.Output.Select(o => (string)o.Properties["Name"].Value));
        r.SingleError(ErrorCategory.ObjectNotFound, "no_such_table");
        Assert.Single(r.Requests, q => q.Path == "/api/stats");
    }

    [Fact]
    [Covers("Get-MauticStat", "List")]
    public void Rows_have_their_columns_as_properties_and_where_and_order_reach_the_server()
    {
        Ok("Add-MauticSegmentMember -SegmentId 2 -ContactId 1, 2, 3");
        var r = Ok("Get-MauticStat lead_lists_leads -Where @{ col = 'leadlist_id'; val = 2 }, @{ col = 'lead_id'; expr = 'gte'; val = 2 } -OrderBy lead_id -Descending");
        Assert.Equal(new long[] { 3, 2 }, r.Output.Select(o => (long)o.Properties["lead_id"].Value));
        Assert.All(r.Output, o =>
        {
            Assert.Equal("Mautic.StatRow", o.TypeNames[0]);
            Assert.Equal("lead_lists_leads", o.Properties["Table"].Value);
            Assert.Equal(2L, o.Properties["leadlist_id"].Value);
            Assert.Equal("1", o.Properties["manually_added"].Value);
        });
        var q = r.Requests.Single(x => x.Path == "/api/stats/lead_lists_leads");
        Assert.Equal("leadlist_id", q.Q("where[0][col]"));
        Assert.Equal("eq", q.Q("where[0][expr]"));
        Assert.Equal("gte", q.Q("where[1][expr]"));
        Assert.Equal("lead_id", q.Q("order[0][col]"));
        Assert.Equal("DESC", q.Q("order[0][dir]"));
        Assert.Equal("0", q.Q("start"));
        Assert.Equal("1000", q.Q("limit"));   // ListQuery.BasicAuthPageSize: this connection is HTTP Basic

        // Piped from Get-MauticStatTable: the table's Name binds to -Table.
        var piped = Ok("Get-MauticStatTable lead_lists_leads | Get-MauticStat");
        Assert.Equal(3, piped.Output.Count);
    }

    [Fact]
    [Covers("Get-MauticStat", "List")]
    public void Rows_stream_page_by_page_with_First_Skip_and_the_total()
    {
        Ok("Add-MauticSegmentMember -SegmentId 2 -ContactId 1, 2, 3, 4, 5");
        var r = Ok("Get-MauticStat lead_lists_leads -PageSize 2 -Skip 1 -First 3 -IncludeTotalCount");
        Assert.Equal(new long[] { 2, 3, 4 }, r.Output.Skip(1).Select(o => (long)o.Properties["lead_id"].Value));
        Assert.Equal(4, r.Output.Count);
        Assert.NotEqual("Mautic.StatRow", r.Output[0].TypeNames[0]);   // the total, from -IncludeTotalCount
        var pages = r.Requests.Where(x => x.Path == "/api/stats/lead_lists_leads").Select(x => (x.Q("start"), x.Q("limit"))).ToList();
        Assert.Equal(new[] { ("1", "2"), ("3", "1") }, pages);

        var all = Ok("Get-MauticStat lead_lists_leads -PageSize 2");
        Assert.Equal(5, all.Output.Count);
        Assert.Equal(3, all.Requests.Count(x => x.Path == "/api/stats/lead_lists_leads"));
    }

    [Fact]
    public void An_unknown_table_or_column_is_an_error_naming_it()
    {
        var t = Run("Get-MauticStat no_such_table");
        Assert.Equal(ErrorCategory.ObjectNotFound, t.Terminating!.CategoryInfo.Category);
        Assert.Contains("'no_such_table'", t.Terminating.Exception.Message);

        var c = Run("Get-MauticStat lead_lists_leads -Where @{ col = 'nosuch'; val = 1 }");
        Assert.Equal(ErrorCategory.InvalidArgument, c.Terminating!.CategoryInfo.Category);
        Assert.Contains("'nosuch'", c.Terminating.Exception.Message);
        Assert.Contains("-Where", c.Terminating.Exception.Message);

        var o = Run("Get-MauticStat lead_lists_leads -OrderBy nosuch");
        Assert.Contains("-OrderBy", o.Terminating!.Exception.Message);

        var e = Run("Get-MauticStat lead_lists_leads -Where @{ col = 'lead_id'; expr = 'bogus' }");
        Assert.Equal(ErrorCategory.InvalidArgument, e.Terminating!.CategoryInfo.Category);
        Assert.Empty(e.Requests.Where(x => x.Path.StartsWith("/api/stats")));
    }
}
