using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// Get-MauticEmailActivity against the fake's stats tables, seeded with sends, opens, clicks and do-not-contact entries
/// at known times (the fake's tracking routes that make them are run by tests/Live/Mautic.Engagement.Tests.ps1 on the
/// Fake targets, against the real servers' answers).
/// </summary>
public sealed class EngagementTests : PsTest
{
    static readonly DateTime T0 = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    const string Since = "([datetime]'2026-03-01T10:00:00Z').ToUniversalTime()";

    public EngagementTests()
    {
        Ps.Seed(3);
        Ps.Connect();
        lock (State.Sync)
        {
            var a = Send(2, 1, T0);
            Open(a, T0.AddHours(1));
            Open(a, T0.AddHours(2));
            State.PageHits.Add(new PageHit(State.PageHits.Count + 1, 1, 2, 1, T0.AddMinutes(90), "http://127.0.0.1/a?x=1", "UA", "", "t1"));
            Send(1, 2, T0.AddMinutes(10));
            State.Contacts[2].Dnc.Add(new DncEntry(State.NextDncId++, "email", 2, "550 no such user", 1, T0.AddHours(3)));
            var c = Send(2, 3, T0.AddDays(-2));
            Open(c, T0.AddMinutes(30));
            State.Contacts[3].Dnc.Add(new DncEntry(State.NextDncId++, "email", 1, "unsubscribed", 2, T0.AddHours(4)));   // not a bounce
            State.PageHits.Add(new PageHit(State.PageHits.Count + 1, 1, null, 3, T0.AddMinutes(5), "http://127.0.0.1/page", "UA", "", "t2"));   // not from an e-mail
        }
    }

    SentEmail Send(long email, long contact, DateTime at)
    {
        var x = new SentEmail(email, contact, null, null) { Id = State.NextStatId++, DateSent = at, Source = "api" };
        State.Sent.Add(x);
        return x;
    }

    void Open(SentEmail x, DateTime at)
    {
        x.DateRead ??= at;
        x.LastOpened = at;
        x.Opens.Add((at, "UA"));
        State.EmailOpens.Add(new EmailOpen(State.EmailOpens.Count + 1, x.Id, at));
    }

    static string Row(PSObject o) => $"{o.Properties["Kind"].Value} {((DateTime)o.Properties["Date"].Value):HH:mm} c{o.Properties["ContactId"].Value} e{o.Properties["EmailId"].Value}";

    static List<RecordedRequest> Reads(PsResult r, string table) => r.Requests.Where(q => q.Path == "/api/stats/" + table).ToList();

    [Fact]
    [Covers("Get-MauticEmailActivity")]
    public void Every_kind_comes_as_one_typed_row_per_event_in_time_order_from_one_read_per_table()
    {
        var r = Ok($"Get-MauticEmailActivity -Since {Since}");
        Assert.Equal(new[]
        {
            "Sent 10:00 c1 e2", "Sent 10:10 c2 e1", "Opened 10:30 c3 e2", "Opened 11:00 c1 e2", "Clicked 11:30 c1 e2", "Opened 12:00 c1 e2", "Bounced 13:00 c2 e1",
        }, r.Output.Select(Row));
        Assert.All(r.Output, o =>
        {
            Assert.Equal("Mautic.EmailActivity", o.TypeNames[0]);
            Assert.Equal(DateTimeKind.Utc, ((DateTime)o.Properties["Date"].Value).Kind);
            Assert.IsType<long>(o.Properties["ContactId"].Value);
            Assert.IsType<long>(o.Properties["RowId"].Value);
        });
        Assert.Equal(new[] { "Kind", "Date", "ContactId", "EmailId", "Url", "Comments", "StatId", "Table", "RowId" }, r.Output[0].Properties.Select(p => p.Name));
        var click = r.Output.Single(o => (string)o.Properties["Kind"].Value == "Clicked");
        Assert.Equal("http://127.0.0.1/a?x=1", click.Properties["Url"].Value);
        Assert.Equal("page_hits", click.Properties["Table"].Value);
        var bounce = r.Output.Single(o => (string)o.Properties["Kind"].Value == "Bounced");
        Assert.Equal("550 no such user", bounce.Properties["Comments"].Value);
        var opens = r.Output.Where(o => (string)o.Properties["Kind"].Value == "Opened").ToList();
        Assert.Equal(new object[] { 3L, 1L, 1L }, opens.Select(o => o.Properties["StatId"].Value));

        // Two reads of email_stats (the sends, the sends opened in the range), one of each other table.
        Assert.Equal(2, Reads(r, "email_stats").Count);
        Assert.Single(Reads(r, "email_stats_devices"));
        Assert.Single(Reads(r, "page_hits"));
        Assert.Single(Reads(r, "lead_donotcontact"));
        var sent = Reads(r, "email_stats")[0];
        Assert.Equal("date_sent", sent.Q("where[0][col]"));
        Assert.Equal("gte", sent.Q("where[0][expr]"));
        Assert.Equal("2026-03-01 10:00:00", sent.Q("where[0][val]"));
        Assert.Equal("id", sent.Q("order[0][col]"));
        Assert.Equal("last_opened", Reads(r, "email_stats")[1].Q("where[0][col]"));
        Assert.Equal("1,3", Reads(r, "email_stats_devices")[0].Q("where[0][val]"));
        var hits = Reads(r, "page_hits")[0];
        Assert.Contains(("email_id", "isNotNull"), Enumerable.Range(0, 3).Select(n => (hits.Q($"where[{n}][col]"), hits.Q($"where[{n}][expr]"))));
    }

    [Fact]
    [Covers("Get-MauticEmailActivity")]
    public void Piped_contacts_are_read_together_and_Kind_reads_only_the_tables_it_needs()
    {
        var r = Ok($"Get-MauticContact -Id 1, 3 | Get-MauticEmailActivity -Since {Since} -Kind Opened");
        Assert.Equal(new[] { "Opened 10:30 c3 e2", "Opened 11:00 c1 e2", "Opened 12:00 c1 e2" }, r.Output.Select(Row));
        var stats = Assert.Single(Reads(r, "email_stats"));
        Assert.Equal("lead_id", stats.Q("where[0][col]"));
        Assert.Equal("in", stats.Q("where[0][expr]"));
        Assert.Equal("1,3", stats.Q("where[0][val]"));
        Assert.Single(Reads(r, "email_stats_devices"));
        Assert.Empty(Reads(r, "page_hits"));
        Assert.Empty(Reads(r, "lead_donotcontact"));

        var ids = Ok($"1, 2 | Get-MauticEmailActivity -Since {Since} -Kind Bounced, Sent");
        Assert.Equal(new[] { "Sent 10:00 c1 e2", "Sent 10:10 c2 e1", "Bounced 13:00 c2 e1" }, ids.Output.Select(Row));

        // A row pipes on to Get-MauticContact through its ContactId.
        var who = Ok($"Get-MauticEmailActivity -Since {Since} -Kind Clicked | Get-MauticContact");
        Assert.Equal(1L, Assert.Single(who.Output).Properties["id"].Value);
    }

    [Fact]
    [Covers("Get-MauticEmailActivity")]
    public void An_email_by_name_and_Until_bound_the_range()
    {
        var r = Ok($"Get-MauticEmailActivity -Email Welcome -Since {Since} -Until {Since}.AddMinutes(90)");
        Assert.Equal(new[] { "Sent 10:00 c1 e2", "Opened 10:30 c3 e2", "Opened 11:00 c1 e2" }, r.Output.Select(Row));
        var sent = Reads(r, "email_stats")[0];
        Assert.Equal("email_id", sent.Q("where[0][col]"));
        Assert.Equal("2", sent.Q("where[0][val]"));
        Assert.Equal("lt", sent.Q("where[2][expr]"));
        Assert.Equal("2026-03-01 11:30:00", sent.Q("where[2][val]"));
        Assert.Equal("channel_id", Reads(r, "lead_donotcontact")[0].Q("where[0][col]"));

        // No -Since: the whole history, including the send of two days before.
        var all = Ok("Get-MauticEmailActivity -ContactId 3");
        Assert.Equal(new[] { "Sent 10:00 c3 e2", "Opened 10:30 c3 e2" }, all.Output.Select(Row));
        Assert.Equal(T0.AddDays(-2), all.Output[0].Properties["Date"].Value);
    }

    [Fact]
    public void Tables_are_walked_by_keyset_on_id_and_long_id_lists_are_sent_in_chunks()
    {
        var r = Ok("Get-MauticEmailActivity -Kind Sent -PageSize 1");
        Assert.Equal(3, r.Output.Count);
        var pages = Reads(r, "email_stats");
        Assert.Equal(4, pages.Count);   // three rows, then an empty page
        Assert.All(pages, p => { Assert.Equal("1", p.Q("limit")); Assert.Equal("0", p.Q("start")); Assert.Equal("id", p.Q("order[0][col]")); });
        Assert.Null(pages[0].Q("where[0][col]"));
        Assert.Equal(new[] { "1", "2", "3" }, pages.Skip(1).Select(p => { Assert.Equal("id", p.Q("where[0][col]")); Assert.Equal("gt", p.Q("where[0][expr]")); return p.Q("where[0][val]")!; }));

        var many = Ok("Get-MauticEmailActivity -Kind Clicked -ContactId (1..250)");
        Assert.Single(many.Output);
        var chunks = Reads(many, "page_hits");
        Assert.Equal(2, chunks.Count);
        Assert.Equal(200, chunks[0].Q("where[0][val]")!.Split(',').Length);
        Assert.Equal(50, chunks[1].Q("where[0][val]")!.Split(',').Length);
    }

    [Fact]
    public void Bad_input_is_an_error_naming_it_and_reads_nothing()
    {
        var piped = Run("Get-MauticEmail -Id 1 | Get-MauticEmailActivity");
        var e = Assert.Single(piped.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Equal("Mautic.Email", ((PSObject)e.TargetObject).TypeNames[0]);
        Assert.Contains("-Email", e.Exception.Message);
        Assert.Empty(piped.Output);
        Assert.DoesNotContain(piped.Requests, q => q.Path.StartsWith("/api/stats", StringComparison.Ordinal));

        var range = Run($"Get-MauticEmailActivity -Since {Since} -Until {Since}");
        Assert.Equal(ErrorCategory.InvalidArgument, range.Terminating!.CategoryInfo.Category);
        Assert.Contains("2026-03-01 10:00:00 UTC", range.Terminating.Exception.Message);

        var name = Run("Get-MauticEmailActivity -Email 'No such mail'");
        Assert.Equal(ErrorCategory.ObjectNotFound, name.Terminating!.CategoryInfo.Category);
        Assert.Equal("No such mail", name.Terminating.TargetObject);

        var zero = Run("Get-MauticEmailActivity -ContactId 0");
        Assert.NotNull(zero.Terminating);
        Assert.DoesNotContain(zero.Requests, q => q.Path.StartsWith("/api/stats", StringComparison.Ordinal));
    }
}
