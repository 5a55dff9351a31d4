using Mautic.Client.Paging;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

public class PagingTests : FakeServerTest
{
    void Seed(int n)
    {
        for (var i = 0; i < n; i++) State.AddContact($"c{i:0000}@example.com", "First" + i, "Last" + (n - i));
    }

    [Fact]
    public void Walking_1000_contacts_30_a_page_yields_each_once_while_contacts_are_added_and_deleted()
    {
        Seed(1000);
        using var c = Connect();
        var seen = new List<long>();
        var pager = c.Contacts.List(new ListQuery { PageSize = 30 });
        var added = 0;
        foreach (var r in pager)
        {
            seen.Add(r.Id!.Value);
            if (seen.Count % 30 == 1)
            {
                // during the walk: new contacts arrive, and early ones (already read) are deleted
                State.AddContact($"late{added++}@example.com");
                lock (State.Sync) State.Contacts.Remove(seen[seen.Count / 2]);
            }
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), seen.Take(1000));
        // Late arrivals come at the end, once each; only one added after the last page was fetched can be missed.
        Assert.InRange(seen.Count, 1000 + added - 1, 1000 + added);
        Assert.All(seen.Skip(1000), id => Assert.True(id > 1000));
        Assert.Equal(1000, pager.Total);
        Assert.All(State.RequestsTo("/api/contacts"), req => Assert.Equal("30", req.Q("limit")));
    }

    [Fact]
    public void The_first_record_is_out_before_a_second_request_and_reading_stays_one_page_ahead()
    {
        Seed(100);
        using var c = Connect();
        var before = State.RequestsTo("/api/contacts").Count;
        using var e = c.Contacts.List(new ListQuery { PageSize = 10 }).GetEnumerator();
        Assert.True(e.MoveNext());
        Thread.Sleep(300);
        Assert.Equal(before + 1, State.RequestsTo("/api/contacts").Count);      // page 1 only, while record 1 is written
        for (var i = 1; i < 15; i++) Assert.True(e.MoveNext());
        // Pages 1 and 2 used, page 3 read ahead (asked for once record 11 was taken), page 4 not yet.
        Assert.True(SpinWait.SpinUntil(() => State.RequestsTo("/api/contacts").Count == before + 3, 5000));
        Thread.Sleep(300);
        Assert.Equal(before + 3, State.RequestsTo("/api/contacts").Count);
        Assert.Equal("20", State.RequestsTo("/api/contacts")[^1].Q("where[0][val]"));   // keyset: after page 2's last id
    }

    [Fact]
    public void Leaving_a_walk_early_does_not_wait_for_the_page_read_ahead_and_the_connection_goes_on()
    {
        Seed(30);
        using var c = Connect();
        var watch = new System.Diagnostics.Stopwatch();
        using (var e = c.Contacts.List(new ListQuery { PageSize = 10 }).GetEnumerator())
        {
            Assert.True(e.MoveNext());
            State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.Delay, DelayMs = 3000 });
            Assert.True(e.MoveNext());   // page 2 is now being read ahead, slowly
            watch.Start();
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(30, c.Contacts.List(new ListQuery { PageSize = 10 }).Count());
    }

    [Fact]
    public void An_error_on_the_page_read_ahead_comes_out_where_that_page_is_reached()
    {
        Seed(25);
        using var c = Connect();
        var taken = new List<long>();
        var e = Assert.ThrowsAny<MauticApiException>(() =>
        {
            foreach (var r in c.Contacts.List(new ListQuery { PageSize = 10 }))
            {
                taken.Add(r.Id!.Value);
                if (taken.Count == 1) State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 404, Count = 5 });
            }
        });
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), taken);   // page 1 whole, then the error
    }

    [Fact]
    public void First_and_Skip_bound_the_walk_and_the_last_request_asks_only_for_what_is_left()
    {
        Seed(50);
        using var c = Connect();
        var ids = c.Contacts.List(new ListQuery { PageSize = 20, Skip = 5, First = 25 }).Select(r => r.Id!.Value).ToList();
        Assert.Equal(Enumerable.Range(6, 25).Select(i => (long)i), ids);
        var reqs = State.RequestsTo("/api/contacts");
        Assert.Equal(new[] { "20", "5" }, reqs.Select(r => r.Q("limit")));
        Assert.Equal("5", reqs[0].Q("start"));
        Assert.Equal("id", reqs[0].Q("orderBy"));
        Assert.Equal("ASC", reqs[0].Q("orderByDir"));
    }

    [Fact]
    public void Descending_by_id_pages_by_key_downwards()
    {
        Seed(45);
        using var c = Connect();
        var ids = c.Contacts.List(new ListQuery { PageSize = 20, Descending = true }).Select(r => r.Id!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 45).Reverse().Select(i => (long)i), ids);
    }

    [Fact]
    public void Ordering_by_another_column_pages_by_offset_without_repeats()
    {
        Seed(45);
        using var c = Connect();
        var rows = c.Contacts.List(new ListQuery { PageSize = 10, OrderBy = "email" }).ToList();
        Assert.Equal(45, rows.Count);
        Assert.Equal(rows.Select(r => (string)r["email"]!).OrderBy(x => x, StringComparer.OrdinalIgnoreCase), rows.Select(r => (string)r["email"]!));
        Assert.Equal(new[] { "0", "10", "20", "30", "40" }, State.RequestsTo("/api/contacts").Select(r => r.Q("start")));
    }

    [Fact]
    public void Empty_contact_list_comes_as_an_object_and_total_as_a_string()
    {
        using var c = Connect();
        var pager = c.Contacts.List(new ListQuery());
        Assert.Empty(pager);
        Assert.Equal(0, pager.Total);
    }

    [Fact]
    public void Search_and_where_filters_reach_the_server()
    {
        Seed(10);
        State.AddContact("vip@example.com", "Very", "Important", "vip");
        using var c = Connect();
        Assert.Equal("vip@example.com", c.Contacts.List(new ListQuery { Search = "tag:vip" }).Single()["email"]);
        var q = new ListQuery();
        q.Where.Add(new WhereClause("email", "like", "c000%"));
        Assert.Equal(10, c.Contacts.List(q).Count());
    }

    [Fact]
    public void Exact_email_lookup_uses_a_where_filter_and_survives_plus_signs()
    {
        State.AddContact("jo+news@example.com", "Jo");
        State.AddContact("jo@example.com", "Other");
        using var c = Connect();
        var r = c.Contacts.FindByEmail("jo+news@example.com").Single();
        Assert.Equal("Jo", r["firstname"]);
        var req = State.RequestsTo("/api/contacts").Last();
        Assert.Equal("email", req.Q("where[0][col]"));
        Assert.Equal("eq", req.Q("where[0][expr]"));
        Assert.Equal("jo+news@example.com", req.Q("where[0][val]"));
        Assert.Null(req.Q("search"));
    }

    [Fact]
    public void Segments_list_pages_and_shapes()
    {
        using var c = Connect();
        var segments = c.Segments.List(new ListQuery { PageSize = 2 }).ToList();
        Assert.Equal(new long[] { 1, 2, 3 }, segments.Select(s => s.Id!.Value));
        Assert.All(segments, s => Assert.Equal("Mautic.Segment", s.TypeName));
        Assert.Equal("Newsletter", segments[0]["name"]);
        Assert.Empty(c.Segments.List(new ListQuery { Search = "nothing-like-this" }));
    }
}
