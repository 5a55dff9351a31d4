using Mautic.Client;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// Nothing in doubt: a contact request cut off after it was sent is settled by reading the contacts back once Mautic
/// answers, row by row: saved (a success with the contact), not saved (an error that says sending again is safe), or
/// in doubt only when it cannot be known, saying why.
/// </summary>
public sealed class InDoubtTests : FakeServerTest
{
    static WriteItem<string> Row(string email, string? city = null, long? id = null)
    {
        var p = new JObject();
        if (email.Length > 0) p["email"] = email;
        if (city != null) p["city"] = city;
        return new WriteItem<string>(email, p, id);
    }

    ContactService Contacts(MauticClient c) => new(c);

    [Fact]
    public void A_batch_saved_but_cut_off_before_the_answer_is_reported_created_row_by_row()
    {
        using var c = Client();
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        var outcomes = Contacts(c).Create(new[] { Row("d1@x.example", "Paris"), Row("d2@x.example"), Row("d3@x.example") }).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(new[] { "d1@x.example", "d2@x.example", "d3@x.example" }, outcomes.Select(o => (string)o.Record["email"]!));
        Assert.Equal(3, State.Contacts.Count);
        Assert.Single(State.RequestsTo("/api/contacts/batch/new"));
        Assert.Contains("3 of its 3 row(s) were saved, 0 were not (safe to send again), 0 stay in doubt", AllLog);
    }

    [Fact]
    public void A_batch_cut_off_before_Mautic_saved_it_says_each_row_was_not_saved_and_is_safe_to_send_again()
    {
        using var c = Client();
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Drop });
        var outcomes = Contacts(c).Create(new[] { Row("n1@x.example"), Row("n2@x.example") }).ToList();
        Assert.All(outcomes, o =>
        {
            Assert.False(o.Succeeded);
            Assert.False(o.Error.MayHaveBeenProcessed);
            Assert.StartsWith("Mautic did not save this contact:", o.Error.Message);
            Assert.EndsWith("Sending it again is safe.", o.Error.Message);
        });
        Assert.Contains("no contact has email 'n1@x.example'", outcomes[0].Error.Message);
        Assert.Empty(State.Contacts);
    }

    [Fact]
    public void The_read_back_waits_for_Mautic_to_answer_again()
    {
        using var c = Client();
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        State.Arm(new Fault { Method = "GET", PathPrefix = "/api/contacts", Status = 503, RetryAfter = "0", Count = 2 });
        var outcomes = Contacts(c).Create(new[] { Row("w1@x.example"), Row("w2@x.example") }).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
    }

    [Fact]
    public void An_existing_contact_that_does_not_hold_what_was_sent_was_not_saved()
    {
        using var c = Client();
        State.AddContact("old@x.example").Fields["city"] = "Rome";
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Drop });
        var outcomes = Contacts(c).Create(new[] { Row("old@x.example", "Paris"), Row("new@x.example") }).ToList();
        Assert.Contains("city 'rome', not 'paris'", outcomes[0].Error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(outcomes[0].Error.MayHaveBeenProcessed);
    }

    [Fact]
    public void A_row_without_an_email_or_a_failed_read_back_stays_in_doubt_saying_why()
    {
        using var c = Client();
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        var outcomes = Contacts(c).Create(new[] { Row("k1@x.example"), Row("") }).ToList();
        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[1].Error.MayHaveBeenProcessed);
        Assert.EndsWith("It has no email to look it up by, so whether Mautic saved it cannot be known: it stays in doubt.", outcomes[1].Error.Message);

        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        State.Arm(new Fault { Method = "GET", PathPrefix = "/api/contacts", Status = 400, Count = 5 });
        var failed = Contacts(c).Create(new[] { Row("k2@x.example"), Row("k3@x.example") }).ToList();
        Assert.All(failed, o =>
        {
            Assert.True(o.Error.MayHaveBeenProcessed);
            Assert.Contains("Reading the contacts back afterwards failed too", o.Error.Message);
            Assert.EndsWith("it stays in doubt.", o.Error.Message);
        });
    }

    [Fact]
    public void A_sync_settles_by_its_match_field_when_a_row_has_no_email()
    {
        using var c = Client();
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.DropAfter });
        var items = new[] { new WriteItem<string>("a", new JObject { ["firstname"] = "Ursula", ["city"] = "Graz" }), new WriteItem<string>("b", new JObject { ["firstname"] = "Viktor" }) };
        var outcomes = Contacts(c).CreateSettled(items, new[] { "firstname", "email" }).ToList();
        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal("Graz", (string)outcomes[0].Record["city"]!);
    }

    [Fact]
    public void An_edit_cut_off_needs_no_read_back_because_the_client_sends_it_again()
    {
        using var c = Client();
        var a = State.AddContact("e1@x.example");
        var b = State.AddContact("e2@x.example");
        State.Arm(new Fault { Method = "PATCH", PathPrefix = "/api/contacts/batch/edit", Kind = FaultKind.DropAfter });
        var saved = Contacts(c).Update(new[] { Row("e1@x.example", "Oslo", a.Id), Row("e2@x.example", "Bern", b.Id) }).ToList();
        Assert.All(saved, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(2, State.RequestsTo("/api/contacts/batch/edit").Count);
        Assert.Equal("Oslo", State.Contacts[a.Id].Fields["city"]);
    }
}

/// <summary>
/// Mautic without its database (issue 19, item 4): every request, the token endpoint included, is answered with HTTP 500
/// "The site is currently offline" (JSON errors, or the HTML page without Accept: JSON; measured on 5.1.0 and 7.0.0 with MariaDB stopped). Nothing was handled, so the client waits
/// it out like an unreachable server, for every method, and the job goes on when the database is back.
/// </summary>
public sealed class DatabaseDownTests : FakeServerTest
{
    MauticClient Client(TimeSpan budget)
    {
        var o = Options();
        o.UnreachableTimeout = budget;
        o.UnreachableRetryDelay = TimeSpan.FromMilliseconds(100);
        return new MauticClient(o);
    }

    [Fact]
    public void Reads_and_creates_wait_for_the_database_and_go_on_once_each()
    {
        using var c = Client(TimeSpan.FromSeconds(20));
        State.Arm(new Fault { PathPrefix = "/api/", Kind = FaultKind.Offline, Count = 3 });
        var contacts = new ContactService(c);
        Assert.Empty(contacts.List(new ListQuery { Search = "email:%@db.example" }).ToList());
        State.Arm(new Fault { Method = "POST", PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Offline, Count = 3 });
        var rows = new[] { "a@db.example", "b@db.example" }.Select(e => new WriteItem<string>(e, new JObject { ["email"] = e })).ToList();
        var made = contacts.Create(rows).ToList();
        Assert.All(made, o => Assert.True(o.Succeeded, o.Error?.Message));
        Assert.Equal(2, State.Contacts.Count);
        Assert.Contains("Mautic is offline (HTTP 500, 'The site is currently offline': it cannot reach its database, or could not start); trying again in", AllLog);
    }

    [Fact]
    public void A_database_that_stays_down_is_an_error_that_says_so_and_that_nothing_was_changed()
    {
        using var c = Client(TimeSpan.FromSeconds(1));
        State.Arm(new Fault { PathPrefix = "/api/", Kind = FaultKind.Offline, Count = 1000 });
        var outcome = Assert.Single(new ContactService(c).Create(new[] { new WriteItem<string>("z@db.example", new JObject { ["email"] = "z@db.example" }) }));
        Assert.False(outcome.Succeeded);
        Assert.Equal(MauticErrorKind.Connection, outcome.Error.Kind);
        Assert.False(outcome.Error.MayHaveBeenProcessed);
        Assert.Equal(500, outcome.Error.StatusCode);
        Assert.Matches(@"^Mautic answered POST \S+/api/contacts/new with its offline page \(HTTP 500, 'The site is currently offline': it cannot reach its database, or could not start\) for 1 s of retrying\. It handled nothing, so nothing was changed", outcome.Error.Message);
        Assert.Empty(State.Contacts);
    }
}
