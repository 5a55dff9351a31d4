using System.Net.Http;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>The fake's benchmark aids: the service-time model's arithmetic, the e-mail index and seeding without HTTP.</summary>
public class FakeServiceModelTests : FakeServerTest
{
    [Fact]
    public void A_request_costs_its_authentication_plus_its_records_work_by_method()
    {
        var m = new ServiceModel();
        Assert.Equal(0.45 + 3.8, m.Cost("POST", basic: true, records: 200), 6);      // batch/new of 200 under Basic
        Assert.Equal(0.08 + 500 * 0.0013, m.Cost("GET", basic: false, records: 500), 6); // a page of 500 with a token
        Assert.Equal(0.45 + 200 * 0.005, m.Cost("DELETE", basic: true, records: 200), 6);
        Assert.Equal(0.08, m.Cost("POST", basic: false, records: 0), 6);              // a token grant
    }

    [Fact]
    public void Jobs_up_to_the_core_count_run_at_full_speed_and_more_share_the_cores()
    {
        var two = new ProcessorSharing(2);
        two.Add("a", 1, 0);
        two.Add("b", 1, 0);
        Assert.Equal(1.0, two.NextCompletion()!.Value, 9);
        Assert.Equal(new object[] { "a", "b" }, two.Advance(1.0));

        var three = new ProcessorSharing(2);
        foreach (var j in new[] { "a", "b", "c" }) three.Add(j, 1, 0);
        Assert.Equal(2.0 / 3, three.Rate, 9);
        Assert.Empty(three.Advance(1.4));
        Assert.Equal(3, three.Advance(1.5).Count);   // 3 s of work on 2 cores
        Assert.Null(three.NextCompletion());
    }

    [Fact]
    public void A_job_arriving_later_slows_the_running_one_until_it_leaves()
    {
        var one = new ProcessorSharing(1);
        one.Add("a", 1, 0);
        Assert.Empty(one.Add("b", 1, 0.5));             // a has 0.5 left; now both run at half speed
        Assert.Equal(1.5, one.NextCompletion()!.Value, 9);
        Assert.Equal(new object[] { "a" }, one.Advance(1.5));
        Assert.Equal(2.0, one.NextCompletion()!.Value, 9);  // b had 0.5 left and runs alone
        Assert.Equal(new object[] { "b" }, one.Advance(2.0));
    }

    [Fact]
    public async Task The_clock_serves_work_in_real_time_shared_by_the_cores()
    {
        using var clock = new ServiceClock(cores: 1);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(clock.Serve(0.1), clock.Serve(0.1));   // 0.2 s of work on one core
        Assert.InRange(sw.Elapsed.TotalSeconds, 0.19, 5);
    }

    [Fact]
    public void With_a_model_a_request_is_answered_after_its_service_time_and_without_one_at_once()
    {
        State.Service = new ServiceModel { BasicSeconds = 0.3, Cores = 2, Workers = 4 };
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(200, RawCall(HttpMethod.Get, "/contacts?limit=1").Status);
        Assert.InRange(sw.Elapsed.TotalSeconds, 0.29, 10);
        State.Service = null;
        Assert.Null(State.Service);
        Assert.Equal(200, RawCall(HttpMethod.Get, "/contacts?limit=1").Status);
    }

    [Fact]
    public void A_create_merges_into_the_contact_that_has_the_email_now_as_the_collation_compares()
    {
        var first = State.SeedContacts(1000, "seed.test");
        Assert.Equal(1000, State.Contacts.Count);
        // the e-mail of contact 5, in another case: merged
        var (status, body) = RawCall(HttpMethod.Post, "/contacts/new", """{"email":"SEED5@seed.test","firstname":"Five"}""");
        Assert.Equal(200, status);
        Assert.Equal(first + 4, (long)body!["contact"]!["id"]!);

        // contact 6 changes its e-mail: its old one is free, its new one finds it
        Assert.Equal(200, RawCall(HttpMethod.Patch, $"/contacts/{first + 5}/edit", """{"email":"moved@seed.test"}""").Status);
        Assert.Equal(201, RawCall(HttpMethod.Post, "/contacts/new", """{"email":"seed6@seed.test"}""").Status);
        Assert.Equal(first + 5, (long)RawCall(HttpMethod.Post, "/contacts/new", """{"email":"moved@seed.test"}""").Body!["contact"]!["id"]!);

        // a deleted contact's e-mail makes a new contact
        Assert.Equal(200, RawCall(HttpMethod.Delete, $"/contacts/{first + 6}/delete").Status);
        Assert.Equal(201, RawCall(HttpMethod.Post, "/contacts/new", """{"email":"seed7@seed.test"}""").Status);
        Assert.Equal(1001, State.Contacts.Count);
    }

    [Fact]
    public void Of_two_contacts_with_one_email_a_create_merges_into_the_older()
    {
        var a = State.AddContact("twin@example.com");
        State.AddContact("twin@example.com");
        var (status, body) = RawCall(HttpMethod.Post, "/contacts/batch/new", """[{"email":"twin@example.com","city":"Oslo"}]""");
        Assert.Equal(201, status);
        Assert.Equal(a.Id, (long)body!["contacts"]![0]!["id"]!);
        Assert.Equal(200, (int)body["statusCodes"]![0]!);
    }
}
