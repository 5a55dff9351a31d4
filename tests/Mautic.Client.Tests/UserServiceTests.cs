using Mautic.Client.Operations;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>The users' and points' extra routes through the client, against the fake (which models the real 5.1.0).</summary>
public class UserServiceTests : FakeServerTest
{
    [Fact]
    public void A_new_users_password_is_sent_but_masked_in_the_debug_log_and_never_in_the_record()
    {
        using var client = new MauticClient(Options());
        var users = new EntityService(client, MauticResources.Users);
        var payload = users.BuildPayload(null, null, new Dictionary<string, object>
        {
            ["username"] = "core1", ["email"] = "core1@example.com", ["firstName"] = "C", ["lastName"] = "One", ["role"] = 1L,
            ["plainPassword"] = new JObject { ["password"] = "C0re-Secret!x", ["confirm"] = "C0re-Secret!x" },
        }, create: true, out var problem);
        Assert.Null(problem);
        var outcome = users.Create(new[] { Batching.WriteItem<object>.Of("core1", payload, null) }).Single();
        Assert.True(outcome.Succeeded);
        Assert.Equal("core1", outcome.Record["username"]);
        Assert.DoesNotContain(outcome.Record.Properties, p => p.Key.Contains("assword", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("C0re-Secret!x", State.RequestsTo("/api/users/new").Single().Body);
        var log = string.Join("\n", Log.Select(e => e.Message));
        Assert.Contains("plainPassword", log);
        Assert.DoesNotContain("C0re-Secret!x", log);
        Assert.DoesNotContain("C0re-Secret!x", Http.Redactor.Body("[" + payload.ToJson() + "]", "application/json"));
    }

    [Fact]
    public void Users_need_a_username_and_PATCH_ignores_a_new_username()
    {
        using var client = new MauticClient(Options());
        var users = new EntityService(client, MauticResources.Users);
        users.BuildPayload(null, null, new Dictionary<string, object> { ["email"] = "x@example.com" }, create: true, out var problem);
        Assert.Contains("'username'", problem);
        var edit = users.Update(new[] { new Batching.WriteItem<object>(1L, new JObject { ["username"] = "other", ["position"] = "CEO" }, 1) }).Single();
        Assert.Equal(State.AdminUser, edit.Record["username"]);
        Assert.Equal("CEO", edit.Record["position"]);
    }

    [Fact]
    public void Self_lookups_and_types()
    {
        using var client = new MauticClient(Options());
        var service = new UserService(client);
        var self = service.Self();
        Assert.Equal("Mautic.User", self.TypeName);
        Assert.Equal(1L, self["id"]);
        Assert.Equal(new[] { "Administrator" }, service.RoleChoices(null, null).Select(r => (string)r["name"]));
        Assert.Equal("Mautic.UserRole", service.RoleChoices("adm", 5).Single().TypeName);
        Assert.Contains(State.Requests, q => q.Path == "/api/users/list/roles" && q.Query.Contains("filter=adm") && q.Query.Contains("limit=5"));
        Assert.Equal("Admin", service.ContactOwners(null, null).Single()["firstName"]);
        var types = service.Types("points/triggers/events/types", "eventTypes", "Mautic.PointTriggerEventType").ToList();
        Assert.Contains(types, t => (string)t["type"] == "email.send" && (string)t["label"] == "Send an email");
    }

    [Fact]
    public void Permission_checks_validate_the_shape_first_and_refuse_a_bad_shape_before_sending()
    {
        using var client = new MauticClient(Options());
        var service = new UserService(client);
        Assert.Equal(new[] { true, true }, service.CheckPermissions(1, new[] { "lead:leads:viewown", "made:up:one" }).Select(kv => kv.Value));
        var bad = Assert.Throws<MauticApiException>(() => service.CheckPermissions(1, new[] { "lead:leads" }));
        Assert.Equal(MauticErrorKind.InvalidArgument, bad.Kind);
        Assert.Empty(State.RequestsTo("/api/users/1/permissioncheck").Where(q => q.Body.Contains("\"lead:leads\"")));
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => service.CheckPermissions(987654, new[] { "lead:leads:view" })).Kind);
    }

    [Fact]
    public void Removing_trigger_events_tells_unsaved_and_unknown_ids_apart()
    {
        using var client = new MauticClient(Options());
        var triggers = new EntityService(client, MauticResources.PointTriggers);
        var payload = JObject.Parse("""{"name":"t","points":5,"triggerExistingLeads":false,"events":[{"name":"a","type":"lead.changetags","order":1},{"name":"b","type":"lead.changelists","order":2}]}""");
        var created = triggers.Create(new[] { new Batching.WriteItem<object>("t", payload, null) }).Single().Record;
        var id = (long)created["id"];
        var events = ((object[])created["events"]).Cast<MauticRecord>().Select(e => (long)e["id"]).ToList();
        var (trigger, notOnTrigger, stillThere) = new UserService(client).RemoveTriggerEvents(id, new[] { events[1], 987654L });
        Assert.Equal(new[] { 987654L }, notOnTrigger);
        Assert.Equal(new[] { events[1] }, stillThere);          // Mautic 5.1 answers as if removed but does not save
        Assert.Equal(2, ((object[])trigger["events"]).Length);
        var delete = State.RequestsTo($"/api/points/triggers/{id}/events/delete", "DELETE").Single();
        Assert.Contains($"events%5B%5D={events[1]}", delete.Query);
    }
}
