using Mautic.Client.Batching;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

public class BatchTests : FakeServerTest
{
    static WriteItem<object> Item(object input, JObject payload, long? id = null) => new(input, payload, id);

    [Fact]
    public void Contacts_450_become_three_batch_requests_and_one_bad_record_one_error_carrying_it()
    {
        using var c = Connect();
        var inputs = Enumerable.Range(0, 450).Select(i => new { Email = i == 317 ? "broken@" : $"p{i}@example.com", Row = i }).ToList();
        // the core takes what the cmdlet gives it: an invalid e-mail it did not catch locally still comes back as one error
        var items = inputs.Select(i => Item(i, new JObject { ["email"] = i.Email, ["firstname"] = "P" + i.Row })).ToList();
        var outcomes = c.Contacts.Create(items).ToList();

        var batches = State.RequestsTo("/api/contacts/batch/new");
        Assert.Equal(3, batches.Count);
        Assert.Equal(new[] { 200, 200, 50 }, batches.Select(b => JArray.Parse(b.Body).Count));
        Assert.Equal(450, outcomes.Count);
        var failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Same(inputs[317], failed.Input);
        Assert.Equal(MauticErrorKind.InvalidData, failed.Error!.Kind);
        Assert.Contains("email", failed.Error.Message);
        Assert.Equal(449, outcomes.Count(o => o.Succeeded));
        Assert.Equal(449, State.Contacts.Count);
        // each success is matched to its own input
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(((dynamic)o.Input).Email, (string)o.Record!["email"]!));
    }

    [Fact]
    public void Failing_first_item_arrives_as_an_errors_array_and_is_still_mapped()
    {
        using var c = Connect();
        var outcomes = c.Contacts.Create(new[]
        {
            Item("a", new JObject { ["email"] = "bad" }),
            Item("b", new JObject { ["email"] = "b@example.com" }),
        }).ToList();
        Assert.False(outcomes[0].Succeeded);
        Assert.Equal("a", outcomes[0].Input);
        Assert.True(outcomes[1].Succeeded);
        Assert.Equal(201, outcomes[1].Status);
    }

    [Fact]
    public void Existing_email_is_matched_and_reported_200()
    {
        State.AddContact("dup@example.com", "Old");
        using var c = Connect();
        var outcomes = c.Contacts.Create(new[]
        {
            Item(1, new JObject { ["email"] = "dup@example.com", ["firstname"] = "New" }),
            Item(2, new JObject { ["email"] = "fresh@example.com" }),
        }).ToList();
        Assert.Equal(new[] { 200, 201 }, outcomes.Select(o => o.Status));
        Assert.Equal("New", State.Contacts[1].Fields["firstname"]);
    }

    [Fact]
    public void One_item_goes_to_the_single_route()
    {
        using var c = Connect();
        var o = c.Contacts.Create(new[] { Item("x", new JObject { ["email"] = "one@example.com" }) }).Single();
        Assert.True(o.Succeeded);
        Assert.Equal(201, o.Status);
        Assert.Single(State.RequestsTo("/api/contacts/new"));
        Assert.Empty(State.RequestsTo("/api/contacts/batch"));
    }

    [Fact]
    public void A_whole_batch_that_fails_returns_every_item_as_an_error_and_is_not_retried()
    {
        using var c = Connect();
        State.Arm(new Fault { PathPrefix = "/api/contacts/batch/new", Status = 500 });
        var items = Enumerable.Range(0, 5).Select(i => Item(i, new JObject { ["email"] = $"z{i}@example.com" })).ToList();
        var outcomes = c.Contacts.Create(items).ToList();
        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, o => Assert.False(o.Succeeded));
        Assert.Equal(Enumerable.Range(0, 5).Cast<object>(), outcomes.Select(o => o.Input));
        Assert.Single(State.RequestsTo("/api/contacts/batch/new"));
    }

    [Fact]
    public void The_fake_enforces_the_200_limit_like_Mautic()
    {
        using var c = Client();
        var body = new JArray(Enumerable.Range(0, 201).Select(i => new JObject { ["email"] = $"l{i}@example.com" }));
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Post("contacts/batch/new", body)));
        Assert.Equal(500, e.StatusCode);
        Assert.Contains("A max of 200 entities are supported at a time.", e.Message);
    }

    [Fact]
    public void Batch_edit_patches_by_id_and_a_missing_id_is_one_not_found_error()
    {
        var a = State.AddContact("a@example.com", "A", null, "keep", "drop");
        var b = State.AddContact("b@example.com", "B");
        using var c = Connect();
        var outcomes = c.Contacts.Update(new[]
        {
            Item("row-a", new JObject { ["city"] = "Paris", ["tags"] = new JArray("new", "-drop") }, a.Id),
            Item("row-missing", new JObject { ["city"] = "Rome" }, 9999),
            Item("row-b", new JObject { ["lastname"] = "Bee" }, b.Id),
        }).ToList();
        Assert.Equal("PATCH", State.RequestsTo("/api/contacts/batch/edit").Single().Method);
        Assert.True(outcomes[0].Succeeded);
        Assert.Equal(new[] { "keep", "new" }, (string[])outcomes[0].Record!["tags"]!);
        Assert.Equal("A", State.Contacts[a.Id].Fields["firstname"]); // PATCH keeps what was not sent
        Assert.False(outcomes[1].Succeeded);
        Assert.Equal("row-missing", outcomes[1].Input);
        Assert.Equal(MauticErrorKind.NotFound, outcomes[1].Error!.Kind);
        Assert.Contains("9999", outcomes[1].Error!.Message);
        Assert.True(outcomes[2].Succeeded);
        Assert.Equal(2, State.Contacts.Count); // PATCH never creates
    }

    [Fact]
    public void Single_edit_of_a_missing_contact_is_not_found()
    {
        using var c = Connect();
        var o = c.Contacts.Update(new[] { Item(5L, new JObject { ["city"] = "X" }, 5) }).Single();
        Assert.Equal(MauticErrorKind.NotFound, o.Error!.Kind);
        Assert.Equal("PATCH", State.RequestsTo("/api/contacts/5/edit").Single().Method);
    }

    [Fact]
    public void Batch_delete_reports_every_id_that_was_not_deleted()
    {
        var a = State.AddContact("a@example.com");
        var b = State.AddContact("b@example.com");
        using var c = Connect();
        var outcomes = c.Contacts.Delete(new[] { Item(a.Id, null!, a.Id), Item(424242L, null!, 424242), Item(b.Id, null!, b.Id) }).ToList();
        var req = State.RequestsTo("/api/contacts/batch/delete").Single();
        Assert.Equal($"{a.Id},424242,{b.Id}", req.Q("ids"));
        Assert.True(outcomes[0].Succeeded);
        Assert.Equal(a.Id, outcomes[0].Record!.Id);
        Assert.False(outcomes[1].Succeeded);
        Assert.Equal(MauticErrorKind.NotFound, outcomes[1].Error!.Kind);
        Assert.Equal(424242L, outcomes[1].Input);
        Assert.Contains("424242", outcomes[1].Error!.Message);
        Assert.True(outcomes[2].Succeeded);
        Assert.Empty(State.Contacts);
    }

    [Fact]
    public void Delete_of_450_ids_goes_200_per_request()
    {
        for (var i = 0; i < 450; i++) State.AddContact($"d{i}@example.com");
        using var c = Connect();
        var outcomes = c.Contacts.Delete(State.Contacts.Keys.Select(id => Item(id, null!, id)).ToList()).ToList();
        Assert.Equal(3, State.RequestsTo("/api/contacts/batch/delete").Count);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Empty(State.Contacts);
    }
}
