using System.Net;
using Mautic.Client.Auth;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>Drives every auth flow, success and failure, with full debug logging, then looks for any secret anywhere.</summary>
public class SecretTests : FakeServerTest
{
    readonly List<string> _texts = new();

    void Capture(Action a)
    {
        try { a(); }
        catch (MauticApiException e)
        {
            for (Exception? x = e; x != null; x = x.InnerException) _texts.Add(x.Message + "\n" + x.ToString());
            _texts.Add(e.MauticMessage ?? "");
            _texts.Add(e.Url ?? "");
        }
    }

    [Fact]
    public void No_secret_appears_in_logs_or_exception_messages()
    {
        var secrets = new List<string> { State.AdminPassword, State.ClientSecret, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(State.AdminUser + ":" + State.AdminPassword)) };

        Capture(() =>
        {
            using var c = Connect();
            c.Contacts.Create(new[] { new Batching.WriteItem<object>(1, new Newtonsoft.Json.Linq.JObject { ["email"] = "x@example.com" }) }).ToList();
            State.Arm(new Fault { PathPrefix = "/api/contacts", Status = 500 });
            c.Client.Send(MauticRequest.Get("contacts"));
        });
        Capture(() => Connect(new BasicAuthenticator(new NetworkCredential("admin", "Wrong-Pass-9876"))));
        secrets.Add("Wrong-Pass-9876");

        var refresh = State.IssueRefreshToken();
        secrets.Add(refresh);
        var auth = OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, refresh);
        string? rotated = null;
        auth.RefreshTokenChanged += (_, e) => rotated = e.RefreshToken;
        Capture(() =>
        {
            using var c = Connect(auth);
            // the token travels in the query too when a caller puts it there
            c.Client.Send(MauticRequest.Get("contacts").With("access_token", "at_in_query_123456"));
        });
        secrets.Add(rotated!);
        secrets.Add("at_in_query_123456");
        Capture(() => Connect(OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, refresh))); // spent token
        Capture(() => Connect(OAuth2Authenticator.ClientCredentials(State.ClientId, "Bad-Secret-5555")));
        secrets.Add("Bad-Secret-5555");
        lock (State.Sync) secrets.AddRange(State.AccessTokens.Keys);

        Assert.True(Log.Count > 20, "the flows above should have logged");
        Assert.Contains(Log, e => e.Level == MauticLogLevel.Debug && e.Message.Contains("Response body"));
        var everything = AllLog + "\n" + string.Join("\n", _texts);
        foreach (var s in secrets) Assert.DoesNotContain(s, everything);
        Assert.Contains("***", everything);
    }

    [Fact]
    public void Connection_objects_expose_no_secret_through_properties()
    {
        var refresh = State.IssueRefreshToken();
        using var c = Connect(OAuth2Authenticator.RefreshToken(State.ClientId, State.ClientSecret, refresh));
        var values = typeof(MauticConnection).GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(c)?.ToString() ?? "");
        var text = string.Join("\n", values) + c.ToString();
        Assert.DoesNotContain(State.ClientSecret, text);
        Assert.DoesNotContain("rt_", text);
        Assert.DoesNotContain("at_", text);
    }

    [Fact]
    public void No_public_property_path_from_a_connection_reaches_the_authenticator()
    {
        // What ConvertTo-Json and Export-Clixml walk: public instance properties, to depth 5.
        var reached = new HashSet<Type>();
        void Walk(Type t, int depth)
        {
            if (depth == 0 || t.IsPrimitive || t == typeof(string) || !reached.Add(t)) return;
            foreach (var p in t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                Walk(p.PropertyType, depth - 1);
        }
        Walk(typeof(MauticConnection), 5);
        Assert.DoesNotContain(typeof(MauticClient), reached);
        Assert.DoesNotContain(reached, t => typeof(IAuthenticator).IsAssignableFrom(t) || t == typeof(MauticClientOptions));
    }
}
