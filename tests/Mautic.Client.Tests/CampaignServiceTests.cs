using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>CampaignService against the fake: shapes measured on 5.1.0 (string rows, events keyed by event id, 409s).</summary>
public class CampaignServiceTests : FakeServerTest
{
    static readonly JObject Campaign = JObject.Parse("""
        { "name": "c", "lists": [ { "id": 1 } ],
          "events": [ { "id": "new1", "name": "p", "type": "lead.changepoints", "eventType": "action", "order": 1, "properties": { "points": 1 }, "triggerMode": "immediate" } ] }
        """);

    (CampaignService svc, long campaign, long ev) Setup(MauticConnection c)
    {
        var created = c.Campaigns.Create(new[] { new WriteItem<object>(1, (JObject)Campaign.DeepClone()) }).Single();
        Assert.True(created.Succeeded, created.Error?.Message);
        var id = created.Record!.Id!.Value;
        var ev = ((object[])created.Record["events"]).Cast<MauticRecord>().Single().Id!.Value;
        return (c.Campaigns, id, ev);
    }

    [Fact]
    public void Members_come_back_typed_from_the_raw_string_rows()
    {
        var a = State.AddContact("a@example.com").Id;
        using var c = Connect();
        var (svc, id, _) = Setup(c);
        Assert.True(c.Memberships.Change(Resources.MauticResources.Campaigns, id, true, new[] { new WriteItem<object>(a, null!, a) }).Single().Succeeded);
        var m = Assert.Single(svc.Members(id).ToList());
        Assert.Equal(CampaignService.MemberType, m.TypeName);
        Assert.Equal(id, m["CampaignId"]);
        Assert.Equal(a, m["ContactId"]);
        Assert.Equal(true, m["ManuallyAdded"]);
        Assert.Equal(false, m["ManuallyRemoved"]);
        Assert.IsType<DateTime>(m["DateAdded"]);
        Assert.Empty(svc.Members(Setup(c).campaign).ToList());   // an empty list is {"total":"0","contacts":{}}
    }

    [Fact]
    public void A_batch_of_log_edits_maps_results_by_event_id_and_errors_by_position()
    {
        var a = State.AddContact("a@example.com").Id;
        var b = State.AddContact("b@example.com").Id;
        using var c = Connect();
        var (svc, id, ev) = Setup(c);
        c.Memberships.Change(Resources.MauticResources.Campaigns, id, true, new[] { new WriteItem<object>(a, null!, a), new WriteItem<object>(b, null!, b) }).ToList();
        WriteItem<object> Item(string input, long e, long contact) =>
            new(input, new JObject { ["eventId"] = e, ["contactId"] = contact, ["triggerDate"] = "2030-01-02 10:00:00" });
        var outcomes = svc.EditContactEvents(new[] { Item("x", 999, a), Item("a", ev, a), Item("b", ev, b) }).ToList();
        Assert.Single(State.RequestsTo("/api/campaigns/events/batch/edit"));
        Assert.Equal(new[] { "x", "a", "b" }, outcomes.Select(o => (string)o.Input));
        Assert.Equal(MauticErrorKind.NotFound, outcomes[0].Error!.Kind);
        Assert.All(outcomes.Skip(1), o => Assert.True(o.Succeeded));
        Assert.Equal(new object[] { a, b }, outcomes.Skip(1).Select(o => o.Record!["ContactId"]));
        Assert.All(outcomes.Skip(1), o => Assert.Equal(id, o.Record!["CampaignId"]));
    }

    [Fact]
    public void One_log_edit_uses_the_single_route_and_a_contact_outside_the_campaign_is_invalid_data()
    {
        var a = State.AddContact("a@example.com").Id;
        using var c = Connect();
        var (svc, _, ev) = Setup(c);
        var o = svc.EditContactEvents(new[] { new WriteItem<object>(1, new JObject { ["eventId"] = ev, ["contactId"] = a, ["triggerDate"] = "2030-01-02 10:00:00" }) }).Single();
        Assert.Equal(MauticErrorKind.InvalidData, o.Error!.Kind);
        Assert.Equal(409, o.Error.StatusCode);
        Assert.Single(State.RequestsTo($"/api/campaigns/events/{ev}/contact/{a}/edit"));
    }

    [Fact]
    public void A_clone_is_an_unpublished_copy_without_events()
    {
        using var c = Connect();
        var (svc, id, _) = Setup(c);
        var copy = svc.Clone(id);
        Assert.NotEqual(id, copy.Id);
        Assert.Equal(false, copy["isPublished"]);
        Assert.Empty((object[])copy["events"]);
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => svc.Clone(987654)).Kind);
    }
}
