using Mautic.Client.Batching;
using Mautic.Client.Json;
using Mautic.Client.Operations;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>The core of the contact sub-resources against the fake: ids in bulk, points, group scores, activity paging.</summary>
public class ContactExtrasClientTests : FakeServerTest
{
    static WriteItem<object> Item(long id, JObject? payload = null) => new(id, payload!, id);

    [Fact]
    public void Many_ids_are_read_100_per_list_request_in_input_order_and_each_missing_one_is_NotFound()
    {
        var ids = Enumerable.Range(0, 230).Select(i => State.AddContact($"m{i}@example.com").Id).ToList();
        using var c = Connect();
        var asked = ids.AsEnumerable().Reverse().Append(888888).Append(ids[0]).ToList();
        var outcomes = c.Contacts.GetMany(asked).ToList();
        Assert.Equal(3, State.RequestsTo("/api/contacts").Count);
        Assert.Equal(asked, outcomes.Select(o => o.Input));
        var missing = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal(888888L, missing.Input);
        Assert.Equal(MauticErrorKind.NotFound, missing.Error!.Kind);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(o.Input, o.Record!.Id));
    }

    [Theory]
    [InlineData(PointOperator.Add, 5, false, "plus", 5)]
    [InlineData(PointOperator.Add, -5, false, "minus", 5)]
    [InlineData(PointOperator.Subtract, -2, false, "plus", 2)]
    [InlineData(PointOperator.Multiply, -1, false, "times", -1)]
    [InlineData(PointOperator.Divide, 3, true, "divide", 3)]
    [InlineData(PointOperator.Set, 7, true, "set", 7)]
    public void Operators_become_Mautics_url_words(PointOperator op, long points, bool group, string word, long value)
    {
        Assert.Equal((word, value), ContactExtrasService.UrlOperator(op, points, group));
    }

    [Fact]
    public void Set_without_a_group_and_division_by_zero_are_refused()
    {
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => ContactExtrasService.UrlOperator(PointOperator.Set, 1, false)).Kind);
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => ContactExtrasService.UrlOperator(PointOperator.Divide, 0, true)).Kind);
    }

    [Fact]
    public void Points_change_per_contact_within_the_throttle_and_failures_carry_their_input()
    {
        var ids = Enumerable.Range(0, 6).Select(i => State.AddContact($"p{i}@example.com").Id).ToList();
        using var c = Connect();
        var outcomes = c.ContactExtras.AdjustPoints(ids.Select(i => Item(i)).Append(Item(999999)).ToList(), PointOperator.Add, 3, null, throttle: 2).ToList();
        Assert.Equal(7, outcomes.Count);
        Assert.Equal(999999L, Assert.Single(outcomes, o => !o.Succeeded).Input);
        Assert.All(ids, id => Assert.Equal(3, State.Contacts[id].Points));
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal("Mautic.ContactPointChange", o.Record!.TypeName));
    }

    [Fact]
    public void A_group_the_contact_never_scored_in_is_score_zero()
    {
        var id = State.AddContact("g@example.com").Id;
        var group = State.Stores["points/groups"].Add(new Dictionary<string, object?> { ["name"] = "Never" }).Id;
        using var c = Connect();
        var score = Assert.Single(c.ContactExtras.GroupScores(id, group));
        Assert.Equal(0L, score["score"]);
        Assert.Equal(group, score["PointGroupId"]);
        Assert.Empty(c.ContactExtras.GroupScores(id));
    }

    [Fact]
    public void Activity_walks_every_page_Mautic_counts_for_the_busiest_type()
    {
        var id = State.AddContact("act@example.com").Id;
        using var c = Connect();
        c.ContactExtras.AdjustPoints(Enumerable.Range(0, 5).Select(_ => Item(id)).ToList(), PointOperator.Add, 1, null, throttle: 1).ToList();
        c.ContactExtras.DoNotContact(new[] { Item(id) }, "email", true).ToList();
        long? total = null;
        var events = c.ContactExtras.Activity(id, new ActivityQuery { PageSize = 2 }, t => total = t).ToList();
        Assert.Equal(6, events.Count);
        Assert.Equal(6, total);
        Assert.Equal(3, State.RequestsTo($"/api/contacts/{id}/activity").Count);
        Assert.Equal(6, events.Select(e => e["eventId"]).Distinct().Count());
        Assert.Equal(5, events.Count(e => (string?)e["event"] == "point.gained"));
    }

    [Fact]
    public void A_contact_answered_without_fields_all_still_gets_its_field_values()
    {
        var json = JObject.Parse("""{"id":5,"points":1,"fields":{"core":{"email":{"alias":"email","type":"email","value":"x@example.com"},"score":{"alias":"score","type":"number","value":"7"}}}}""");
        var r = RecordShaper.Shape(json, "Mautic.Contact", true);
        Assert.Equal("x@example.com", r["email"]);
        Assert.Equal(7L, r["score"]);
    }

    [Fact]
    public void Available_segments_are_the_bare_map_of_the_list_route()
    {
        using var c = Connect();
        var segments = c.ContactExtras.AvailableSegments().ToList();
        Assert.Equal(3, segments.Count);
        Assert.All(segments, s => Assert.Equal("Mautic.Segment", s.TypeName));
        lock (State.Sync) State.Segments.Clear();
        Assert.Empty(c.ContactExtras.AvailableSegments());   // a bare [] (measured on 5.1.0), no total
    }
}
