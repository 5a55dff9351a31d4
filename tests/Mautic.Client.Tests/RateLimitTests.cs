using System.Diagnostics;
using Mautic.Client.Http;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>Mautic 5.1's own API rate limiter (X-RateLimit-* on every answer, 429 without Retry-After): read, waited out, paced, named.</summary>
public sealed class RateLimitTests : FakeServerTest
{
    [Fact]
    public void The_budget_is_read_from_every_answer_and_shown_with_the_request_line()
    {
        State.RateLimit = 100;
        using var c = Client();
        c.Send(MauticRequest.Get("contacts"));
        Assert.NotNull(c.LastBudget);
        Assert.Equal((100, 99), (c.LastBudget!.Limit, c.LastBudget.Remaining));
        Assert.Matches(@"GET \S+/api/contacts -> 200 in \d+ ms \(rate limit: 99 of 100 calls left until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)", AllLog);
    }

    [Fact]
    public void A_429_whose_reset_is_near_is_waited_out_once_instead_of_retried_into_the_limit()
    {
        State.RateLimit = 2;
        State.RateLimitWindow = TimeSpan.FromSeconds(3);
        using var c = Client();
        c.Send(MauticRequest.Get("contacts"));
        c.Send(MauticRequest.Get("contacts"));
        var clock = Stopwatch.StartNew();
        Assert.Equal(200, c.Send(MauticRequest.Get("contacts")).StatusCode);
        // The pacing saw 0 of 2 left and waited for the reset before sending: no 429 was spent.
        Assert.Equal(3, State.RequestsTo("/api/contacts").Count);
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(0.5), clock.Elapsed.ToString());
        Assert.Contains("is used up until", AllLog);
    }

    [Fact]
    public void A_limit_that_resets_later_than_the_client_waits_fails_at_once_naming_the_reset_and_then_sends_nothing()
    {
        State.RateLimit = 1;
        using var c = Client();
        c.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "r1@x.example" }));
        // Remaining 0 after the first: the next call is refused here, before it spends a call.
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(MauticErrorKind.LimitsExceeded, e.Kind);
        Assert.Matches(@"^GET \S+ was not sent: Mautic's API rate limit of 1 calls per hour is used up until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(6\d min from now\), longer than the client waits \(120 s\)", e.Message);
        Assert.Single(State.RequestsTo("/api/contacts"));
    }

    [Fact]
    public void A_429_from_a_limit_the_client_did_not_know_is_not_retried_when_the_reset_is_far_and_says_when()
    {
        State.RateLimit = 1;
        using var first = Client();
        first.Send(MauticRequest.Get("contacts"));
        using var c = Client();   // a second client: no budget known yet
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(429, e.StatusCode);
        Assert.Contains("You exceeded the rate limit of 1 API calls per hour.", e.Message);
        Assert.Contains("is used up until", e.Message);
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void With_a_tenth_of_the_budget_left_calls_are_spread_until_the_reset()
    {
        State.RateLimit = 20;
        State.RateLimitWindow = TimeSpan.FromSeconds(6);
        using var c = Client();
        for (var i = 0; i < 19; i++) c.Send(MauticRequest.Get("contacts"));
        Assert.Contains("is running low (rate limit: 2 of 20 calls left", AllLog);
        Assert.Contains("pacing,", AllLog);
        Assert.Equal(19, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void The_reset_is_moved_onto_this_machines_clock_by_the_servers_Date()
    {
        var now = DateTimeOffset.UtcNow;
        var serverDate = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);   // whatever the server's clock says
        var b = RateBudget.Parse("25", "0", serverDate.AddMinutes(30).ToUnixTimeSeconds().ToString(), serverDate, now)!;
        Assert.Equal(serverDate.AddMinutes(30), b.Reset);
        Assert.InRange(b.Left.TotalMinutes, 29.9, 30.01);   // 30 minutes from when the answer came, by this machine's clock
        Assert.Null(RateBudget.Parse("25", null, "1", null, now));
        Assert.Equal("rate limit: 0 of 25 calls left until 2026-12-07 03:30:00 UTC", b.ToString());
    }
}
