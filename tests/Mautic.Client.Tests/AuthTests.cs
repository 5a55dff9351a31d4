using System.Net;
using Mautic.Client.Auth;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

public class ConnectTests : FakeServerTest
{
    [Fact]
    public void Basic_auth_connects_and_learns_user_and_version()
    {
        using var c = Connect();
        Assert.Equal("admin", c.UserName);
        Assert.Equal(1, c.UserId);
        Assert.Equal("Administrator", c.Role);
        Assert.Equal("5.1.0", c.MauticVersion);
        Assert.Equal("Basic", c.AuthMethod);
        var request = Assert.Single(State.RequestsTo("/api/users/self"));
        Assert.StartsWith("MauticPS/0.1.0", request.UserAgent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/api")]
    [InlineData("/api/")]
    public void Every_accepted_base_url_form_reaches_the_api(string suffix)
    {
        var o = Options();
        o.BaseUrl = Server.BaseUrl + suffix;
        using var c = MauticConnection.Open(o);
        Assert.Equal(Server.BaseUrl, c.BaseUrl);
    }

    [Fact]
    public void Wrong_url_disabled_api_disabled_basic_and_bad_credentials_are_four_different_errors()
    {
        var o = Options();
        o.BaseUrl = Server.BaseUrl + "/not-mautic";
        var wrongUrl = Assert.Throws<MauticApiException>(() => MauticConnection.Open(o));
        Assert.Equal(MauticErrorKind.NotFound, wrongUrl.Kind);
        Assert.Contains("No Mautic API answered", wrongUrl.Message);

        State.ApiEnabled = false;
        var apiOff = Assert.Throws<MauticApiException>(() => Connect());
        Assert.Equal(MauticErrorKind.PermissionDenied, apiOff.Kind);
        Assert.Contains("API of the Mautic", apiOff.Message);
        State.ApiEnabled = true;

        State.BasicAuthEnabled = false;
        var basicOff = Assert.Throws<MauticApiException>(() => Connect());
        Assert.Equal(MauticErrorKind.PermissionDenied, basicOff.Kind);
        Assert.Contains("Basic authentication is disabled", basicOff.Message);
        State.BasicAuthEnabled = true;

        var badCreds = Assert.Throws<MauticApiException>(() => Connect(new BasicAuthenticator(new NetworkCredential("admin", "wrong-password"))));
        Assert.Equal(MauticErrorKind.Authentication, badCreds.Kind);
        Assert.Contains("rejected the credentials for 'admin'", badCreds.Message);
        Assert.DoesNotContain("wrong-password", badCreds.Message);

        Assert.Equal(4, new[] { wrongUrl.Message, apiOff.Message, basicOff.Message, badCreds.Message }.Distinct().Count());
    }

    [Fact]
    public void Unreachable_server_is_a_connection_error()
    {
        var o = Options();
        o.BaseUrl = DeadUrl();
        o.MaxRetries = 1;
        o.UnreachableTimeout = TimeSpan.FromSeconds(1);
        o.RetryDelay = TimeSpan.FromMilliseconds(50);
        var e = Assert.Throws<MauticApiException>(() => MauticConnection.Open(o));
        Assert.Equal(MauticErrorKind.Connection, e.Kind);
        Assert.Contains("Could not reach Mautic", e.Message);
        Assert.Contains("never arrived", e.Message);
        Assert.True(Log.Count(l => l.Message.Contains("cannot be reached")) >= 2, "retried for the whole budget");
    }

    [Fact]
    public void Waits_between_tries_at_an_unreachable_server_even_with_no_retry_delay()
    {
        using var client = new MauticClient(DeadServer(TimeSpan.FromSeconds(1), TimeSpan.Zero));
        Assert.Throws<MauticApiException>(() => client.Send(MauticRequest.Get("contacts")));
        var tries = Log.Count(l => l.Message.Contains("cannot be reached"));
        Assert.True(tries is >= 1 and <= 5, $"{tries} tries in 1 s (250 ms apart at least: no busy loop):\n{AllLog}");
    }

    [Fact]
    public void Connect_gives_an_unreachable_server_ten_seconds_not_the_whole_budget()
    {
        var o = DeadServer(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<MauticApiException>(() => MauticConnection.Open(o));
        Assert.InRange(sw.Elapsed, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(30));
        Assert.Contains("after 10 s of retrying", e.Message);
    }

    static readonly System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.Socket> HeldPorts = new();

    /// <summary>
    /// A loopback URL nothing answers on: its port stays bound (not listening) for the whole run, so connections are
    /// refused and no server another test starts meanwhile can be given it.
    /// </summary>
    static string DeadUrl()
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        HeldPorts.Add(socket);
        return "http://127.0.0.1:" + ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    MauticClientOptions DeadServer(TimeSpan budget, TimeSpan retryDelay)
    {
        var o = Options();
        o.BaseUrl = DeadUrl();
        o.UnreachableTimeout = budget;
        o.RetryDelay = retryDelay;
        return o;
    }

    [Fact]
    public async Task A_post_whose_connection_is_refused_is_retried_until_the_server_is_back()
    {
        int port;
        using (var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var url = "http://127.0.0.1:" + port;
        var state = new FakeState();
        var o = Options();
        o.BaseUrl = url;
        o.UnreachableTimeout = TimeSpan.FromSeconds(30);
        o.RetryDelay = TimeSpan.FromMilliseconds(100);
        o.UnreachableRetryDelay = TimeSpan.FromMilliseconds(300);
        using var client = new MauticClient(o);
        var send = Task.Run(() => client.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "late@example.com" })));
        Thread.Sleep(1000);                                     // refused meanwhile: the POST never arrived
        Assert.False(send.IsCompleted);
        using var server = FakeMauticServer.Start(url, state);
        Assert.Equal(201, (await send).StatusCode);
        Assert.Single(state.Contacts);
        Assert.Single(state.RequestsTo("/api/contacts/new"));
    }

    [Fact]
    public void Without_a_budget_a_refused_connection_fails_at_once()
    {
        var o = Options();
        o.BaseUrl = DeadUrl();
        o.UnreachableTimeout = TimeSpan.Zero;
        o.MaxRetries = 0;
        using var client = new MauticClient(o);
        var e = Assert.Throws<MauticApiException>(() => client.Send(MauticRequest.Post("contacts/new", new Newtonsoft.Json.Linq.JObject { ["email"] = "x@example.com" })));
        Assert.Equal(MauticErrorKind.Connection, e.Kind);
        Assert.DoesNotContain(Log, l => l.Message.Contains("cannot be reached"));
    }

    [Fact]
    public void Given_access_token_is_sent_as_bearer()
    {
        var token = "at_given_" + Guid.NewGuid().ToString("N");
        lock (State.Sync) State.AccessTokens[token] = DateTime.UtcNow.AddMinutes(5);
        using var c = Connect(new AccessTokenAuthenticator(token));
        Assert.Equal("Bearer " + token, State.RequestsTo("/api/users/self").Single().Authorization);
        Assert.Equal("AccessToken", c.AuthMethod);
    }
}

public class OAuthTests : FakeServerTest
{
    OAuth2Authenticator ClientCredentials() => OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret);

    [Fact]
    public void Client_credentials_token_is_fetched_on_first_use_and_cached()
    {
        var auth = ClientCredentials();
        using var c = Connect(auth);
        for (var i = 0; i < 5; i++) c.Client.Send(MauticRequest.Get("contacts"));
        Assert.Equal(1, State.TokenGrants);
        Assert.Single(State.RequestsTo("/oauth/v2/token"));
        var form = State.RequestsTo("/oauth/v2/token").Single().Body;
        Assert.Contains("grant_type=client_credentials", form);
        Assert.All(State.RequestsTo("/api/"), r => Assert.StartsWith("Bearer at_", r.Authorization));
    }

    [Fact]
    public void Token_is_renewed_before_it_expires()
    {
        State.AccessTokenLifetime = TimeSpan.FromSeconds(60);
        var auth = ClientCredentials();
        var now = DateTimeOffset.UtcNow;
        auth.Clock = () => now;
        using var c = Connect(auth);
        Assert.Equal(1, State.TokenGrants);
        now = now.AddSeconds(55); // inside the renewal margin (lifetime/10 = 6 s)
        c.Client.Send(MauticRequest.Get("contacts"));
        Assert.Equal(2, State.TokenGrants);
        Assert.DoesNotContain(State.Requests, r => r.Path.StartsWith("/api/") && r.Query.Contains("error"));
    }

    [Fact]
    public void Expired_token_answered_401_is_renewed_once_and_the_call_retried()
    {
        var auth = ClientCredentials();
        using var c = Connect(auth);
        lock (State.Sync) foreach (var k in State.AccessTokens.Keys.ToList()) State.AccessTokens[k] = DateTime.UtcNow.AddSeconds(-1);
        var r = c.Client.Send(MauticRequest.Get("contacts"));
        Assert.Equal(200, r.StatusCode);
        Assert.Equal(2, State.TokenGrants);
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
    }

    [Fact]
    public void A_401_that_renewal_cannot_cure_fails_after_one_renewal()
    {
        var auth = ClientCredentials();
        using var c = Connect(auth);
        State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 401, Count = 10 });
        var e = Assert.Throws<MauticApiException>(() => c.Client.Send(MauticRequest.Get("contacts")));
        Assert.Equal(MauticErrorKind.Authentication, e.Kind);
        Assert.Equal(2, State.RequestsTo("/api/contacts").Count);
        Assert.Equal(2, State.TokenGrants);
    }

    [Fact]
    public void Bad_client_secret_is_an_authentication_error_without_the_secret()
    {
        var e = Assert.Throws<MauticApiException>(() => Connect(OAuth2Authenticator.ClientCredentials(State.ClientId, "not-the-secret-123")));
        Assert.Equal(MauticErrorKind.Authentication, e.Kind);
        Assert.Contains("invalid_client", e.Message);
        Assert.DoesNotContain("not-the-secret-123", e.Message);
    }

    [Fact]
    public void Refresh_token_is_replaced_by_the_new_one_and_the_change_is_observable()
    {
        var first = State.IssueRefreshToken();
        var auth = OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, first);
        var seen = new List<string>();
        auth.RefreshTokenChanged += (_, e) => seen.Add(e.RefreshToken);
        using var c = Connect(auth);
        var second = Assert.Single(seen);
        Assert.NotEqual(first, second);
        Assert.Equal(second, auth.CurrentRefreshToken);
        var secure = c.GetRefreshToken();
        Assert.Equal(second, new NetworkCredential("", secure).Password);
        lock (State.Sync)
        {
            Assert.True(State.RefreshTokens[first]);   // spent
            Assert.False(State.RefreshTokens[second]); // live
        }
    }

    [Fact]
    public async Task Two_connections_of_one_process_with_one_refresh_token_renew_it_once_and_both_go_on_across_expiries()
    {
        // Two runspaces connected with the same refresh token: without a shared chain the second would spend the token
        // the first already spent (single use) and fail with invalid_grant.
        var first = State.IssueRefreshToken();
        var now = DateTimeOffset.UtcNow;
        OAuth2Authenticator Make()
        {
            var a = OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, first, scope: Server.BaseUrl + "/");
            a.Clock = () => now;
            return a;
        }
        var (a1, a2) = (Make(), Make());
        var seen2 = new List<string>();
        a2.RefreshTokenChanged += (_, e) => seen2.Add(e.RefreshToken);
        using var c1 = Connect(a1);
        using var c2 = Connect(a2);
        for (var expiry = 0; expiry < 3; expiry++)
        {
            now += TimeSpan.FromHours(2);   // past the access token's lifetime: both renew at their next request
            await Task.WhenAll(Task.Run(() => new EntityService(c1.Client, MauticResources.Contacts).List(new ListQuery { PageSize = 1, First = 1 }).ToList()),
                Task.Run(() => new EntityService(c2.Client, MauticResources.Contacts).List(new ListQuery { PageSize = 1, First = 1 }).ToList()));
        }
        Assert.Equal(a1.CurrentRefreshToken, a2.CurrentRefreshToken);
        Assert.Equal(4, a1.TokenRequests + a2.TokenRequests);   // the first token, then one renewal per expiry
        Assert.Equal(4, seen2.Count);                            // each connection hears of every new refresh token
        lock (State.Sync)
        {
            Assert.Equal(4, State.RefreshTokens.Count(kv => kv.Value));   // spent once each
            Assert.False(State.RefreshTokens[a1.CurrentRefreshToken]);
        }

        // A third connection made later with the token the chain started from joins it (the token is spent, but this
        // process holds its successor), and one with another URL does not.
        var a3 = OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, first, scope: Server.BaseUrl);
        Assert.Equal(a1.CurrentRefreshToken, a3.CurrentRefreshToken);
        var other = OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, first, scope: "http://127.0.0.2:1");
        Assert.Equal(first, other.CurrentRefreshToken);
    }

    [Fact]
    public void Spent_refresh_token_is_an_authentication_error()
    {
        var token = State.IssueRefreshToken();
        lock (State.Sync) State.RefreshTokens[token] = true;
        var e = Assert.Throws<MauticApiException>(() => Connect(OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, token)));
        Assert.Equal(MauticErrorKind.Authentication, e.Kind);
        Assert.Contains("invalid_grant", e.Message);
    }

    [Fact]
    public async Task A_request_arriving_while_a_token_is_being_stored_never_sees_half_of_it()
    {
        // CI once failed here: the token was published before its expiry, and a concurrent request read the
        // default expiry (DateTimeOffset.MinValue) and threw. The clock call inside the fetch is held open
        // while a second request asks for a header.
        var auth = OAuth2Authenticator.ClientCredentials("id", "secret");
        var inFetch = new ManualResetEventSlim();
        Task<System.Net.Http.Headers.AuthenticationHeaderValue>? second = null;
        var calls = 0;
        auth.Clock = () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                inFetch.Set();
                SpinWait.SpinUntil(() => second != null && second.IsCompleted, TimeSpan.FromMilliseconds(300));
            }
            return DateTimeOffset.UtcNow;
        };
        TokenEndpoint endpoint = (form, ct) => Task.FromResult(JObject.Parse("{\"access_token\":\"at_1\",\"expires_in\":3600}"));
        var first = Task.Run(() => auth.GetHeaderAsync(endpoint, CancellationToken.None));
        Assert.True(inFetch.Wait(TimeSpan.FromSeconds(10)));
        second = Task.Run(() => auth.GetHeaderAsync(endpoint, CancellationToken.None));
        Assert.Equal("at_1", (await first).Parameter);
        Assert.Equal("at_1", (await second).Parameter);
        Assert.Equal(1, auth.TokenRequests);
    }

    [Fact]
    public async Task Eight_concurrent_requests_spend_the_refresh_token_once()
    {
        var auth = OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, State.IssueRefreshToken());
        using var client = Client(auth);
        var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await client.SendAsync(MauticRequest.Get("contacts"));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        Assert.Single(State.RequestsTo("/oauth/v2/token"));
        Assert.Equal(1, auth.TokenRequests);

        // and again after expiry, with a 401 for all eight at once
        lock (State.Sync) foreach (var k in State.AccessTokens.Keys.ToList()) State.AccessTokens.Remove(k);
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.SendAsync(MauticRequest.Get("contacts")))));
        Assert.All(again, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(2, State.RequestsTo("/oauth/v2/token").Count);
        lock (State.Sync) Assert.Equal(1, State.RefreshTokens.Count(kv => !kv.Value));
    }
}

public class ClientCredentialsSelfTests : FakeServerTest
{
    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public void A_client_credentials_token_without_a_user_still_connects_with_a_warning(int status)
    {
        State.Arm(new Fault { PathPrefix = "/api/users/self", Status = status });
        using var c = Connect(OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret));
        Assert.Null(c.UserName);
        Assert.Equal("OAuth2ClientCredentials", c.AuthMethod);
        Assert.Contains(Log, e => e.Level == MauticLogLevel.Warning && e.Message.Contains("did not describe the API user"));
    }

    [Fact]
    public void Basic_auth_refused_on_users_self_still_fails()
    {
        State.Arm(new Fault { PathPrefix = "/api/users/self", Status = 403 });
        Assert.Equal(MauticErrorKind.PermissionDenied, Assert.Throws<MauticApiException>(() => Connect()).Kind);
    }

    [Fact]
    public void A_disabled_api_fails_even_after_a_token_was_granted()
    {
        State.ApiEnabled = false;
        var e = Assert.Throws<MauticApiException>(() => Connect(OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret)));
        Assert.Contains("disabled", e.Message);
    }
}
