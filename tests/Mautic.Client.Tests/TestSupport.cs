using System.Collections.Concurrent;
using System.Net;
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

    public void Dispose() => Server.Dispose();
}
