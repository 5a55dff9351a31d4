using System.Diagnostics;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

public class ResilienceTests : FakeServerTest
{
    [Fact]
    public void A_429_with_Retry_After_seconds_is_waited_out_and_retried()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 429, RetryAfter = "1" });
        var sw = Stopwatch.StartNew();
        var r = c.Send(MauticRequest.Get("contacts"));
        Assert.Equal(200, r.StatusCode);
        Assert.Equal(2, r.Attempts);
        Assert.True(sw.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {sw.Elapsed}");
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
        Assert.Contains("retry 1 of 4", AllLog);
    }

    [Fact]
    public void A_429_with_Retry_After_date_is_honoured()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 429, RetryAfter = DateTime.UtcNow.AddSeconds(1).ToString("R") });
        Assert.Equal(200, c.Send(MauticRequest.Get("contacts")).StatusCode);
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void A_Retry_After_beyond_the_cap_fails_at_once_with_limits_exceeded()
    {
        var o = Options();
        o.MaxRetryAfter = TimeSpan.FromSeconds(30);
        using var c = new MauticClient(o);
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 429, RetryAfter = "3600" });
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(MauticErrorKind.LimitsExceeded, e.Kind);
        Assert.Equal(TimeSpan.FromHours(1), e.RetryAfter);
        Assert.Contains("3600 s", e.Message);
        Assert.Single(State.RequestsTo("/api/contacts"));
    }

    [Fact]
    public void A_429_that_never_ends_fails_after_the_retries_saying_so()
    {
        var o = Options();
        o.MaxRetries = 2;
        using var c = new MauticClient(o);
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 429, RetryAfter = "0", Count = 10 });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(MauticErrorKind.LimitsExceeded, e.Kind);
        Assert.Contains("after 3 tries", e.Message);
        Assert.Equal(3, State.RequestsTo("/api/contacts").Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Gateway_and_unavailable_errors_on_get_are_retried(int status)
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = status, Count = 2 });
        Assert.Equal(200, c.Send(MauticRequest.Get("contacts")).StatusCode);
        Assert.Equal(3, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void A_post_that_failed_with_500_is_not_retried()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts/new", Status = 500 });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "a@x.com" })));
        Assert.Equal(MauticErrorKind.Server, e.Kind);
        Assert.Equal(500, e.StatusCode);
        Assert.Single(State.RequestsTo("/api/contacts/new"));
        Assert.Empty(State.Contacts);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public void A_post_that_failed_at_a_gateway_is_not_retried_either(int status)
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts/new", Status = status });
        Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "a@x.com" })));
        Assert.Single(State.RequestsTo("/api/contacts/new"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void A_post_refused_with_429_or_503_is_retried(int status)
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts/new", Status = status, RetryAfter = "0" });
        var r = c.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "a@x.com" }));
        Assert.Equal(201, r.StatusCode);
        Assert.Equal(2, State.RequestsTo("/api/contacts/new").Count);
        Assert.Single(State.Contacts);
    }

    [Theory]
    [InlineData(FaultKind.Drop)]
    [InlineData(FaultKind.Truncate)]
    public void A_dropped_connection_or_truncated_body_on_get_is_retried(FaultKind kind)
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = kind });
        Assert.Equal(200, c.Send(MauticRequest.Get("contacts")).StatusCode);
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void A_dropped_connection_on_post_is_not_retried_and_says_so()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts/new", Kind = FaultKind.Drop });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "a@x.com" })));
        Assert.Equal(MauticErrorKind.Connection, e.Kind);
        Assert.Contains("Mautic may have processed it: check before sending it again", e.Message);
        Assert.Single(State.RequestsTo("/api/contacts/new"));
    }

    [Fact]
    public void A_slow_answer_times_out_per_try_and_the_retry_succeeds()
    {
        var o = Options();
        // The retry gets a whole second: a busy 2-core CI machine can take longer than a few hundred ms.
        o.Timeout = TimeSpan.FromSeconds(1);
        using var c = new MauticClient(o);
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.Delay, DelayMs = 10000 });
        var sw = Stopwatch.StartNew();
        Assert.Equal(200, c.Send(MauticRequest.Get("contacts")).StatusCode);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(6), $"took {sw.Elapsed}");
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void Retries_stop_at_MaxRetries_and_the_error_says_what_failed()
    {
        var o = Options();
        o.MaxRetries = 2;
        using var c = new MauticClient(o);
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 503, Count = 10 });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(503, e.StatusCode);
        Assert.Equal(MauticErrorKind.Server, e.Kind);
        Assert.Equal(3, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void The_overall_time_limit_bounds_a_call_with_all_its_retries()
    {
        var o = Options();
        o.Timeout = TimeSpan.FromMilliseconds(400);
        o.MaxTotalTime = TimeSpan.FromMilliseconds(1000);
        o.MaxRetries = 10;
        using var c = new MauticClient(o);
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.Delay, DelayMs = 5000, Count = 20 });
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(MauticErrorKind.Timeout, e.Kind);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3), $"took {sw.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_stops_a_waiting_call_promptly()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.Delay, DelayMs = 10000 });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var sw = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.SendAsync(MauticRequest.Get("contacts"), cts.Token));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void An_html_error_page_is_reported_with_its_first_characters()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.Html, Status = 500 });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Contains("HTML", e.Message);
        Assert.Contains("Fatal error", e.Message);
        Assert.Equal(500, e.StatusCode);
        Assert.Single(State.RequestsTo("/api/contacts")); // 500 is not a transient status
    }

    [Fact]
    public void A_200_carrying_an_error_is_an_error()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.ErrorIn200 });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal("SMS transport is disabled.", e.MauticMessage);
        Assert.Equal(417, e.MauticCode);
    }

    [Fact]
    public void Invalid_json_is_a_protocol_error()
    {
        using var c = Client();
        State.Arm(new Fault { PathPrefix = "/api/contacts", Kind = FaultKind.InvalidJson });
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts")));
        Assert.Equal(MauticErrorKind.Protocol, e.Kind);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Not_found_carries_status_method_and_url()
    {
        using var c = Client();
        var e = Assert.Throws<MauticApiException>(() => c.Send(MauticRequest.Get("contacts/999")));
        Assert.Equal(MauticErrorKind.NotFound, e.Kind);
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("GET", e.Method);
        Assert.Equal(Server.BaseUrl + "/api/contacts/999", e.Url);
        Assert.Equal("Item was not found.", e.MauticMessage);
    }

    [Fact]
    public void Version_header_is_read_from_normal_responses()
    {
        using var c = Client();
        State.Version = "5.1.0";
        c.Send(MauticRequest.Get("contacts"));
        Assert.Equal("5.1.0", c.MauticVersion);
    }
}

public class LogFormatTests : FakeServerTest
{
    [Fact]
    public void Verbose_lines_give_method_url_status_and_time_and_debug_lines_give_redacted_bodies()
    {
        using var c = Connect();
        c.Client.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "log@example.com", ["password"] = "p4ss-w0rd" }));
        var verbose = Log.Where(e => e.Level == MauticLogLevel.Verbose).Select(e => e.Message).ToList();
        Assert.Contains($"POST {Server.BaseUrl}/api/contacts/new", verbose);
        Assert.Contains(verbose, m => System.Text.RegularExpressions.Regex.IsMatch(m, @"^POST http://127\.0\.0\.1:\d+/api/contacts/new -> 201 in \d+ ms$"));
        var debug = Log.Where(e => e.Level == MauticLogLevel.Debug).Select(e => e.Message).ToList();
        Assert.Contains(debug, m => m.StartsWith("Request body:") && m.Contains("log@example.com") && m.Contains("\"password\":\"***\""));
        Assert.DoesNotContain("p4ss-w0rd", AllLog);
        Assert.Contains(debug, m => m.StartsWith("Response body"));
    }
}
