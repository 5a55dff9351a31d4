using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>Connect-Mautic (every parameter set), Get-MauticConnection, Disconnect-Mautic, -Connection, runspaces.</summary>
public sealed class ConnectionTests : PsTest
{
    [Theory]
    [InlineData("Basic", "Connect-Mautic $BaseUrl -Credential $Cred -PassThru", "Basic")]
    [InlineData("Basic", "Connect-Mautic -Url $BaseUrl -Credential $Cred -PassThru", "Basic")]
    [InlineData("Basic", "Connect-Mautic -Uri \"$BaseUrl/api/\" -Credential $Cred -PassThru", "Basic")]
    [InlineData("ClientCredentials", "Connect-Mautic -BaseUrl $BaseUrl -ClientCredential $ClientCred -PassThru", "OAuth2ClientCredentials")]
    [Covers("Connect-Mautic", "Basic")]
    [Covers("Connect-Mautic", "ClientCredentials")]
    public void Connects_stores_the_connection_and_returns_it_with_PassThru(string set, string script, string method)
    {
        var r = Ok(script);
        var conn = Assert.Single(r.Output);
        Assert.Equal("Mautic.Connection", conn.TypeNames[0]);
        Assert.Equal(method, conn.Properties["AuthMethod"].Value);
        Assert.Equal(Ps.Server.BaseUrl, conn.Properties["BaseUrl"].Value);
        Assert.Equal("5.1.0", conn.Properties["MauticVersion"].Value);
        Assert.Equal(false, conn.Properties["ApiV2"].Value);
        Assert.Equal(60, conn.Properties["UnreachableTimeoutSec"].Value);
        if (set == "Basic") Assert.Equal("admin", conn.Properties["UserName"].Value);
        var stored = Ok("Get-MauticConnection");
        Assert.Equal(Ps.Server.BaseUrl, Assert.Single(stored.Output).Properties["BaseUrl"].Value);
        Assert.Single(Ok("Get-MauticSegment -Id 1").Output);
    }

    [Fact]
    [Covers("Connect-Mautic", "Basic")]
    public void Without_PassThru_writes_nothing_and_settings_reach_the_connection()
    {
        Assert.Empty(Ok("Connect-Mautic $BaseUrl -Credential $Cred -MaxRetries 2 -RetryDelaySec 0.5 -TimeoutSec 30 -UnreachableTimeoutSec 5").Output);
        var c = Assert.Single(Ok("Get-MauticConnection").Output);
        Assert.Equal(2, c.Properties["MaxRetries"].Value);
        Assert.Equal(TimeSpan.FromSeconds(0.5), c.Properties["RetryDelay"].Value);
        Assert.Equal(30, c.Properties["TimeoutSec"].Value);
        Assert.Equal(5, c.Properties["UnreachableTimeoutSec"].Value);
    }

    [Fact]
    [Covers("Connect-Mautic", "RefreshToken")]
    public void Connects_with_a_refresh_token_and_keeps_the_new_one()
    {
        var token = State.IssueRefreshToken();
        var r = Ok($"$c = Connect-Mautic $BaseUrl -ClientCredential $ClientCred -RefreshToken ([System.Net.NetworkCredential]::new('', '{token}').SecurePassword) -PassThru; $c; [System.Net.NetworkCredential]::new('', $c.GetRefreshToken()).Password");
        Assert.Equal("OAuth2RefreshToken", r.Output[0].Properties["AuthMethod"].Value);
        var newToken = (string)r.Output[1].BaseObject;
        Assert.StartsWith("rt_", newToken);
        Assert.NotEqual(token, newToken);
        Assert.True(State.RefreshTokens[token], "the given refresh token was spent");
    }

    [Fact]
    [Covers("Connect-Mautic", "AccessToken")]
    public void Connects_with_an_access_token_obtained_elsewhere()
    {
        // Obtain a token the way another tool would, then hand it over.
        var token = Ok("Connect-Mautic $BaseUrl -ClientCredential $ClientCred; Disconnect-Mautic");
        var access = State.AccessTokens.Keys.Single();
        var r = Ok($"Connect-Mautic $BaseUrl -AccessToken ([System.Net.NetworkCredential]::new('', '{access}').SecurePassword) -PassThru");
        Assert.Equal("AccessToken", r.Output[0].Properties["AuthMethod"].Value);
        Assert.Equal($"Bearer {access}", r.Requests.Single(q => q.Path == "/api/users/self").Authorization);
    }

    [Fact]
    [Covers("Connect-Mautic", "Basic")]
    public void Bad_credentials_are_a_terminating_AuthenticationError_naming_the_cause()
    {
        var r = Run("Connect-Mautic $BaseUrl -Credential $BadCred; 'went on'");
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.AuthenticationError, r.Terminating!.CategoryInfo.Category);
        Assert.Equal("MauticAuthentication,Mautic.PowerShell.Cmdlets.Connection.ConnectMautic", r.Terminating.FullyQualifiedErrorId);
        Assert.Contains("rejected the credentials for 'admin'", r.Terminating.Exception.Message);
        Assert.DoesNotContain("Wrong-Password-123", r.Terminating.ToString());
        Assert.Empty(r.Output);
        Assert.Empty(Run("Get-MauticConnection").Output);
    }

    [Fact]
    [Covers("Connect-Mautic", "ClientCredentials")]
    public void A_wrong_client_secret_is_an_AuthenticationError()
    {
        var r = Run("Connect-Mautic $BaseUrl -ClientCredential ([pscredential]::new($ClientCred.UserName, [System.Net.NetworkCredential]::new('', 'not-the-secret').SecurePassword))");
        Assert.Equal(ErrorCategory.AuthenticationError, r.Terminating!.CategoryInfo.Category);
        Assert.DoesNotContain("not-the-secret", r.Terminating.ToString());
    }

    [Theory]
    [InlineData("Get-MauticContact", "Get-MauticContact")]
    [InlineData("New-MauticContact", "New-MauticContact -Email x@example.com")]
    [InlineData("Send-MauticEmail", "Send-MauticEmail -EmailId 1 -Segment")]
    [InlineData("Invoke-MauticRequest", "Invoke-MauticRequest contacts")]
    [InlineData("Get-MauticConnection", "Get-MauticConnection")]
    public void Without_a_connection_every_cmdlet_says_to_run_Connect_Mautic(string cmdlet, string script)
    {
        var r = Run(script);
        var e = r.AllErrors.Single();
        Assert.Contains("Connect-Mautic", e.Exception.Message);
        Assert.StartsWith("MauticNotConnected,", e.FullyQualifiedErrorId);
        if (cmdlet != "Get-MauticConnection")
        {
            Assert.NotNull(r.Terminating);
            Assert.Equal(ErrorCategory.ConnectionError, r.Terminating!.CategoryInfo.Category);
        }
        Assert.Empty(r.Requests);
    }

    [Fact]
    [Covers("Disconnect-Mautic")]
    [Covers("Get-MauticConnection")]
    public void Disconnect_forgets_the_session_connection_but_an_explicit_one_still_works()
    {
        Ps.Seed(1);
        var r = Ok("$c = Connect-Mautic $BaseUrl -Credential $Cred -PassThru; Disconnect-Mautic -Verbose; (Get-MauticContact -Id 1 -Connection $c).email");
        Assert.Equal("a1@example.com", r.Output.Single().BaseObject);
        Assert.Contains(r.Verbose, v => v.Message == "Disconnected from " + Ps.Server.BaseUrl + ".");
        var none = Run("Get-MauticConnection");
        Assert.Equal(ErrorCategory.ObjectNotFound, none.Errors.Single().CategoryInfo.Category);
        Assert.Null(none.Terminating);
        Assert.NotNull(Run("Get-MauticContact").Terminating);
        Assert.Contains(Ok("Disconnect-Mautic -Verbose").Verbose, v => v.Message.Contains("no Mautic connection"));
    }

    [Fact]
    public void An_explicit_Connection_writes_to_its_own_server_and_nothing_reaches_the_session_one()
    {
        var s2 = Ps.Server2;
        Ps.Connect();
        var r = Ok("$other = Connect-Mautic $BaseUrl2 -Credential $Cred -PassThru; Disconnect-Mautic; Connect-Mautic $BaseUrl -Credential $Cred\n" +
                   "'x1@example.com','x2@example.com' | New-MauticContact -Connection $other | Add-MauticSegmentMember -SegmentId 2 -Connection $other\n" +
                   "(Get-MauticConnection).BaseUrl");
        Assert.Equal(Ps.Server.BaseUrl, r.Output.Last().BaseObject);
        Assert.Equal(2, s2.State.Contacts.Count);
        Assert.Single(r.Requests2, q => q.Path == "/api/contacts/batch/new");
        Assert.Single(r.Requests2, q => q.Path == "/api/segments/2/contacts/add");
        Assert.Equal(2, s2.State.Segments[2].Members.Count);
        Assert.Empty(State.Contacts);
        Assert.DoesNotContain(r.Requests, q => q.Method != "GET");
    }

    [Fact]
    public void Two_runspaces_in_one_process_hold_different_connections_at_the_same_time()
    {
        var s2 = Ps.Server2;
        var rs2 = Ps.NewRunspace();
        Ps.Run("Connect-Mautic $BaseUrl -Credential $Cred").AssertClean();
        Ps.Run("Connect-Mautic $BaseUrl2 -ClientCredential $ClientCred", runspace: rs2).AssertClean();
        const string work = "1..25 | ForEach-Object {{ [pscustomobject]@{{ Email = \"{0}$_@example.com\" }} | New-MauticContact | Out-Null; (Get-MauticConnection).BaseUrl }}";
        PsResult? a = null, b = null;
        Parallel.Invoke(
            () => a = Ps.Run(string.Format(work, "one"), runspace: Ps.Runspace),
            () => b = Ps.Run(string.Format(work, "two"), runspace: rs2));
        a!.AssertClean();
        b!.AssertClean();
        Assert.All(a.Output, o => Assert.Equal(Ps.Server.BaseUrl, o.BaseObject));
        Assert.All(b.Output, o => Assert.Equal(s2.BaseUrl, o.BaseObject));
        Assert.Equal(25, State.Contacts.Values.Count(c => c.Fields["email"]!.StartsWith("one")));
        Assert.Equal(25, s2.State.Contacts.Values.Count(c => c.Fields["email"]!.StartsWith("two")));
        Assert.DoesNotContain(State.Contacts.Values, c => c.Fields["email"]!.StartsWith("two"));
        Assert.DoesNotContain(s2.State.Contacts.Values, c => c.Fields["email"]!.StartsWith("one"));
    }

    [Fact]
    public async Task A_server_restart_mid_import_loses_nothing_and_creates_nothing_twice()
    {
        // A fixed port, so a new server can come up where the old one was.
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var state = new FakeState();
        var server = FakeMauticServer.Start(url, state);
        try
        {
            Ps.Runspace.SessionStateProxy.SetVariable("RestartUrl", url);
            Ok("Connect-Mautic $RestartUrl -Credential $Cred -RetryDelaySec 0.1 -UnreachableTimeoutSec 30");
            state.LatencyMs = 5;
            var run = Task.Run(() => Ps.Run("1..1000 | ForEach-Object { \"r$_@example.com\" } | New-MauticContact -ErrorVariable failed -Verbose | Out-Null; $failed.Count", TimeSpan.FromSeconds(120)));
            Assert.True(SpinWait.SpinUntil(() => state.Contacts.Count >= 200, TimeSpan.FromSeconds(60)), "the import got going");
            server.Dispose();                                    // the server goes away between batches ...
            Thread.Sleep(2500);
            state.LatencyMs = 0;
            server = FakeMauticServer.Start(url, state);         // ... and comes back with its data
            var r = await run;
            r.AssertClean();
            Assert.Equal(0, Convert.ToInt32(r.Output.Single().BaseObject));
            Assert.Contains(r.Verbose, v => v.Message.Contains("cannot be reached"));   // the outage was really hit
            Assert.Equal(1000, state.Contacts.Count);
            Assert.Equal(1000, state.Contacts.Values.Select(c => c.Fields["email"]).Distinct().Count());
        }
        finally { server.Dispose(); }
    }

    [Fact]
    public void An_unreachable_server_fails_after_the_budget_saying_nothing_was_sent()
    {
        Ps.Connect();
        var port = FreePort();
        Ps.Runspace.SessionStateProxy.SetVariable("DeadUrl", $"http://127.0.0.1:{port}");
        var r = Run("Connect-Mautic $DeadUrl -Credential $Cred -UnreachableTimeoutSec 1 -RetryDelaySec 0.1 -Verbose");
        Assert.Equal(ErrorCategory.ConnectionError, r.Terminating!.CategoryInfo.Category);
        Assert.Contains("never arrived", r.Terminating.Exception.Message);
        Assert.Contains(r.Verbose, v => v.Message.Contains("cannot be reached"));
    }

    internal static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A test instance with a self-signed certificate (made by the test): refused with the fix named, accepted with the switch.</summary>
    [Fact]
    [Covers("Connect-Mautic", "Basic")]
    [Covers("Connect-Mautic", "ClientCredentials")]
    public void SkipCertificateCheck_reaches_a_self_signed_https_Mautic_warns_once_and_shows_in_Get_MauticConnection()
    {
        using var https = FakeMauticServer.StartHttps(FakeMauticServer.SelfSignedCertificate());
        Ps.Runspace.SessionStateProxy.SetVariable("HttpsUrl", https.BaseUrl);

        var refused = Run("Connect-Mautic $HttpsUrl -Credential $Cred");
        Assert.NotNull(refused.Terminating);
        Assert.Equal(ErrorCategory.ConnectionError, refused.Terminating!.CategoryInfo.Category);
        Assert.Contains("certificate", refused.Terminating.Exception.Message);
        Assert.Contains("Connect-Mautic -SkipCertificateCheck", refused.Terminating.Exception.Message);
        Assert.DoesNotContain(Ps.Password, refused.Terminating.Exception.Message);
        Assert.Empty(https.State.Requests);

        var r = Ok("Connect-Mautic $HttpsUrl -Credential $Cred -SkipCertificateCheck; Get-MauticSegment -Id 1; Get-MauticContact -First 1; Get-MauticConnection");
        var warning = Assert.Single(r.Warnings);                       // once per connection, not per call
        Assert.Contains("-SkipCertificateCheck", warning.Message);
        Assert.Contains(https.BaseUrl, warning.Message);
        Assert.Equal(true, r.Output.Last().Properties["SkipCertificateCheck"].Value);
        Assert.Contains(https.State.Requests, q => q.Path == "/api/segments/1");

        var oauth = Ok("Connect-Mautic $HttpsUrl -ClientCredential $ClientCred -SkipCertificateCheck -PassThru");
        Assert.Single(oauth.Warnings);
        Assert.Equal(true, Assert.Single(oauth.Output).Properties["SkipCertificateCheck"].Value);

        // A connection made without the switch checks certificates again and says so.
        var plain = Ok("Connect-Mautic $BaseUrl -Credential $Cred -PassThru");
        Assert.Empty(plain.Warnings);
        Assert.Equal(false, Assert.Single(plain.Output).Properties["SkipCertificateCheck"].Value);
    }
}
