using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>A test that needs the real proxy (tinyproxy): skipped, saying why, where it is not installed.</summary>
public sealed class ProxyFactAttribute : FactAttribute
{
    public ProxyFactAttribute()
    {
        if (LocalProxy.Missing is string why) Skip = why;
    }
}

/// <summary>
/// Connect-Mautic -Proxy/-ProxyCredential/-ProxyUseDefaultCredentials and HTTPS_PROXY/HTTP_PROXY/NO_PROXY, through a real
/// proxy that requires authentication (tinyproxy on 127.0.0.1, started per test): its access log proves the requests went
/// through it. In a collection of its own that runs alone, since the environment variables are the process's.
/// </summary>
[Collection(nameof(ProxyEnvironment))]
public sealed class ProxyTests : PsTest, IDisposable
{
    readonly LocalProxy? _proxy = LocalProxy.Missing == null ? LocalProxy.Start() : null;

    LocalProxy Proxy => _proxy!;

    public ProxyTests()
    {
        if (_proxy == null) return;
        Ps.Runspace.SessionStateProxy.SetVariable("ProxyUrl", _proxy.Url);
        Ps.Runspace.SessionStateProxy.SetVariable("ProxyCred", new PSCredential(LocalProxy.User, new System.Net.NetworkCredential("", LocalProxy.Password).SecurePassword));
        Ps.Runspace.SessionStateProxy.SetVariable("BadProxyCred", new PSCredential(LocalProxy.User, new System.Net.NetworkCredential("", "Not-The-Proxy-Pw").SecurePassword));
    }

    [ProxyFact]
    [Covers("Connect-Mautic", "Basic")]
    [Covers("Connect-Mautic", "ClientCredentials")]
    public void With_the_proxys_credentials_every_request_goes_through_it_and_the_connection_shows_the_proxy_not_its_password()
    {
        var r = Ok("Connect-Mautic $BaseUrl -Credential $Cred -Proxy $ProxyUrl -ProxyCredential $ProxyCred -Verbose -Debug; Get-MauticSegment -Id 1; Get-MauticConnection");
        var path = new Uri(Ps.Server.BaseUrl).Authority;
        // loopback is not bypassed: both calls are in the proxy's log, and the proxy opened the connections
        Assert.Contains($"GET http://{path}/api/users/self", Proxy.Requests);
        Assert.Contains($"GET http://{path}/api/segments/1", Proxy.Requests);
        Assert.True(Proxy.Carried >= 2, Proxy.Log);
        var c = r.Output.Last();
        Assert.Equal(Proxy.Url + "/", c.Properties["Proxy"].Value);
        Assert.Equal("-Proxy", c.Properties["ProxySource"].Value);
        Assert.Equal(LocalProxy.User, c.Properties["ProxyUserName"].Value);
        Assert.Contains(r.Verbose, v => v.Message.Contains("go through the proxy " + Proxy.Url, StringComparison.Ordinal));
        SecretTests.AssertNoSecret(r, LocalProxy.Password);

        var oauth = Ok("Connect-Mautic $BaseUrl -ClientCredential $ClientCred -Proxy $ProxyUrl -ProxyCredential $ProxyCred; Get-MauticContact -First 1");
        Assert.Contains($"POST http://{path}/oauth/v2/token", Proxy.Requests);
        SecretTests.AssertNoSecret(oauth, LocalProxy.Password);
    }

    [ProxyFact]
    [Covers("Connect-Mautic", "Basic")]
    public void Without_or_with_wrong_proxy_credentials_the_407_is_an_authentication_error_naming_the_proxy_and_ProxyCredential()
    {
        foreach (var script in new[] { "Connect-Mautic $BaseUrl -Credential $Cred -Proxy $ProxyUrl", "Connect-Mautic $BaseUrl -Credential $Cred -Proxy $ProxyUrl -ProxyCredential $BadProxyCred -Verbose -Debug" })
        {
            var r = Run(script);
            var e = r.Terminating ?? throw new Xunit.Sdk.XunitException("Connect-Mautic succeeded without the proxy's credentials");
            Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
            // no credentials: 407; wrong ones: tinyproxy 1.11.1 answers 401 with its own HTML page (curl sees the same)
            Assert.Contains(script.Contains("BadProxyCred") ? "HTTP 401 with a page that is not Mautic's" : "HTTP 407 (Proxy Authentication Required)", e.Exception.Message);
            Assert.Contains(Proxy.Url, e.Exception.Message);
            Assert.Contains("-ProxyCredential", e.Exception.Message);
            Assert.DoesNotContain("rejected the credentials", e.Exception.Message);   // not Mautic's 401 wording
            SecretTests.AssertNoSecret(r, "Not-The-Proxy-Pw");
        }
        Assert.Empty(Ps.Server.State.Requests);   // nothing reached Mautic
        Assert.Equal(0, Proxy.Carried);
    }

    [ProxyFact]
    [Covers("Connect-Mautic", "Basic")]
    public void The_proxy_credential_switches_need_Proxy_and_exclude_each_other()
    {
        var both = Run("Connect-Mautic $BaseUrl -Credential $Cred -Proxy $ProxyUrl -ProxyCredential $ProxyCred -ProxyUseDefaultCredentials");
        Assert.Equal(ErrorCategory.InvalidArgument, both.Terminating!.CategoryInfo.Category);
        Assert.Contains("-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together", both.Terminating.Exception.Message);
        var alone = Run("Connect-Mautic $BaseUrl -Credential $Cred -ProxyCredential $ProxyCred");
        Assert.Equal(ErrorCategory.InvalidArgument, alone.Terminating!.CategoryInfo.Category);
        Assert.Contains("need -Proxy", alone.Terminating.Exception.Message);
        var bad = Run("Connect-Mautic $BaseUrl -Credential $Cred -Proxy ftp://proxy.example:21");
        Assert.Equal(ErrorCategory.InvalidArgument, bad.Terminating!.CategoryInfo.Category);
        Assert.Contains("'ftp://proxy.example:21'", bad.Terminating.Exception.Message);
        Assert.Empty(Ps.Server.State.Requests);
    }

    [ProxyFact]
    [Covers("Connect-Mautic", "Basic")]
    public void HTTP_PROXY_with_credentials_in_it_is_used_by_default_and_NO_PROXY_is_honoured()
    {
        var authority = new Uri(Ps.Server.BaseUrl).Authority;
        var withCreds = $"http://{LocalProxy.User}:{LocalProxy.Password}@127.0.0.1:{Proxy.Port}";
        try
        {
            var r = Ok($"$env:HTTP_PROXY = '{withCreds}'; $env:NO_PROXY = 'mautic.example.com,.example.org'; Connect-Mautic $BaseUrl -Credential $Cred -Verbose; Get-MauticConnection");
            Assert.Contains($"GET http://{authority}/api/users/self", Proxy.Requests);
            var c = r.Output.Last();
            Assert.Equal(Proxy.Url + "/", c.Properties["Proxy"].Value);          // shown without the user name and password
            Assert.Equal("HTTP_PROXY, NO_PROXY", c.Properties["ProxySource"].Value);
            SecretTests.AssertNoSecret(r, LocalProxy.Password);

            var before = Proxy.Requests.Count;
            var direct = Ok($"$env:NO_PROXY = 'example.org, 127.0.0.1:{new Uri(Ps.Server.BaseUrl).Port}'; Connect-Mautic $BaseUrl -Credential $Cred; Get-MauticSegment -Id 1; Get-MauticConnection");
            Assert.Equal(before, Proxy.Requests.Count);                          // NO_PROXY names the host: straight to Mautic
            Assert.Null(direct.Output.Last().Properties["Proxy"].Value);
            Assert.Contains(direct.Requests, q => q.Path == "/api/segments/1");

            // -Proxy wins over the environment
            Ok("$env:HTTP_PROXY = 'http://127.0.0.1:9'; Connect-Mautic $BaseUrl -Credential $Cred -Proxy $ProxyUrl -ProxyCredential $ProxyCred");
            Assert.True(Proxy.Requests.Count > before);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HTTP_PROXY", null);
            Environment.SetEnvironmentVariable("NO_PROXY", null);
        }
    }

    [ProxyFact]
    [Covers("Test-MauticConnection", "Url")]
    public void Test_MauticConnection_checks_through_the_proxy_and_names_the_407()
    {
        var ok = Ok("Test-MauticConnection -Url $BaseUrl -Credential $Cred -Proxy $ProxyUrl -ProxyCredential $ProxyCred");
        Assert.All(ok.Output, o => Assert.NotEqual("Failed", o.Properties["Status"].Value.ToString()));
        Assert.Contains("the proxy 127.0.0.1:" + Proxy.Port, (string)ok.Output[0].Properties["Detail"].Value);
        Assert.Contains(Proxy.Requests, q => q.EndsWith("/api/users/self", StringComparison.Ordinal));

        var refused = Ok("Test-MauticConnection -Url $BaseUrl -Credential $Cred -Proxy $ProxyUrl");
        var api = refused.Output.Single(o => (string)o.Properties["Check"].Value == "API enabled");
        Assert.Equal("Failed", api.Properties["Status"].Value.ToString());
        Assert.Contains("407", (string)api.Properties["Detail"].Value);
        Assert.Contains("-ProxyCredential", (string)api.Properties["Fix"].Value);
    }

    // PsTest.Dispose is not virtual: re-implementing IDisposable makes xunit stop this test's proxy too
    void IDisposable.Dispose()
    {
        _proxy?.Dispose();
        Dispose();
    }
}

/// <summary>Tests that set the process's proxy variables run alone (no other test's connection may pick them up).</summary>
[CollectionDefinition(nameof(ProxyEnvironment), DisableParallelization = true)]
public sealed class ProxyEnvironment;
