using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Mautic.Client;
using Mautic.Client.Auth;
using Mautic.FakeServer;

namespace Mautic.Client.Tests;

/// <summary>A fresh fake Mautic per test class instance (xunit makes one per test), plus client helpers.</summary>
public abstract class FakeServerTest : IDisposable
{
    protected readonly FakeMauticServer Server = FakeMauticServer.Start();
    protected readonly ConcurrentQueue<MauticLogEvent> Log = new();

    protected FakeState State => Server.State;

    protected MauticClientOptions Options(IAuthenticator? auth = null) => new()
    {
        BaseUrl = Server.BaseUrl,
        Authenticator = auth ?? Basic(),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        Timeout = TimeSpan.FromSeconds(10),
        Log = Log.Enqueue,
    };

    protected BasicAuthenticator Basic() => new(new NetworkCredential(State.AdminUser, State.AdminPassword));

    protected MauticClient Client(IAuthenticator? auth = null) => new(Options(auth));

    protected MauticConnection Connect(IAuthenticator? auth = null) => MauticConnection.Open(Options(auth));

    protected string AllLog => string.Join("\n", Log.Select(e => e.Message));

    static readonly HttpClient Http = new();

    /// <summary>One raw request to the fake as the admin (Basic auth): its status and JSON body, to compare with a real Mautic's answer.</summary>
    protected (int Status, JsonNode? Body) RawCall(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Server.BaseUrl + "/api" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(State.AdminUser + ":" + State.AdminPassword)));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = Http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The JSON answers are equal (a real Mautic's answer, quoted, against the fake's).</summary>
    protected static void Same(string expected, JsonNode? actual) =>
        Xunit.Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n  actual {actual?.ToJsonString()}");

    public void Dispose() => Server.Dispose();
}
