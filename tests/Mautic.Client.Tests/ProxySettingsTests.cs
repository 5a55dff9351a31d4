using System.Net;
using Mautic.Client;
using Mautic.Client.Http;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// Which proxy a connection uses (ProxySettings.Choose), as a pure function of the parameters and the environment, so the
/// rule that Windows PowerShell 5.1 (.NET Framework, which reads no proxy variables itself) depends on is checked here.
/// </summary>
public class ProxySettingsTests
{
    static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    static readonly Uri Mautic = new("https://mautic.example.com/");
    static readonly Uri Loopback = new("http://127.0.0.1:8080/");

    [Fact]
    public void No_parameter_and_no_variable_leaves_the_system_proxy_in_place()
    {
        Assert.Null(ProxySettings.Choose(null, null, false, Env()));
        Assert.Null(ProxySettings.Choose(null, null, false, Env(("NO_PROXY", "example.com"))));
    }

    [Fact]
    public void An_explicit_proxy_carries_every_request_loopback_included_with_its_credentials()
    {
        var cred = new NetworkCredential("u", "p-secret");
        var p = ProxySettings.Choose(new Uri("http://proxy.example:3128"), cred, false, Env(("HTTPS_PROXY", "http://other:1"), ("NO_PROXY", "*")));
        var web = Assert.IsType<WebProxy>(p);
        Assert.False(web.BypassProxyOnLocal);
        Assert.False(p!.IsBypassed(Loopback));                        // .NET's WebProxy does not bypass 127.0.0.1 unless told to
        Assert.False(p.IsBypassed(Mautic));                           // the environment's NO_PROXY does not apply to -Proxy
        Assert.Equal(new Uri("http://proxy.example:3128/"), p.GetProxy(Mautic));
        Assert.Same(cred, p.Credentials);
        Assert.Equal("http://proxy.example:3128/", ProxySettings.Shown(p, Loopback));
        Assert.Equal(new[] { "p-secret" }, ProxySettings.Secrets(p, Mautic));

        var sso = Assert.IsType<WebProxy>(ProxySettings.Choose(new Uri("http://proxy.example:3128"), null, true, Env()));
        Assert.True(sso.UseDefaultCredentials);
    }

    [Theory]
    [InlineData(true, false, "cannot be used together")]
    [InlineData(false, true, "need -Proxy")]
    public void The_credential_switches_exclude_each_other_and_need_Proxy(bool withProxy, bool withoutProxyButCredential, string says)
    {
        var e = Assert.Throws<MauticApiException>(() => ProxySettings.Choose(withProxy ? new Uri("http://proxy.example:3128") : null,
            new NetworkCredential("u", "p"), withProxy || !withoutProxyButCredential, Env()));
        Assert.Equal(MauticErrorKind.InvalidArgument, e.Kind);
        Assert.Contains(says, e.Message);
    }

    [Theory]
    [InlineData("ftp://proxy.example:21")]
    [InlineData("socks5://proxy.example:1080")]
    public void A_proxy_that_is_not_http_is_refused_naming_it(string proxy)
    {
        var e = Assert.Throws<MauticApiException>(() => ProxySettings.Choose(new Uri(proxy), null, false, Env()));
        Assert.Contains(proxy, e.Message);
        var env = Assert.Throws<MauticApiException>(() => ProxySettings.Choose(null, null, false, Env(("HTTPS_PROXY", proxy))));
        Assert.Contains("HTTPS_PROXY", env.Message);
    }

    [Fact]
    public void HTTPS_PROXY_serves_https_HTTP_PROXY_http_and_ALL_PROXY_either_lower_case_first()
    {
        var p = ProxySettings.Choose(null, null, false, Env(("HTTPS_PROXY", "http://secure:3128"), ("HTTP_PROXY", "plain:8080"), ("http_proxy", "http://lower:8081")))!;
        Assert.Equal(new Uri("http://secure:3128/"), p.GetProxy(Mautic));
        Assert.Equal(new Uri("http://lower:8081/"), p.GetProxy(Loopback));     // http_proxy wins over HTTP_PROXY; loopback not bypassed
        var all = ProxySettings.Choose(null, null, false, Env(("ALL_PROXY", "http://all:1")))!;
        Assert.Equal(new Uri("http://all:1/"), all.GetProxy(Mautic));
        Assert.Equal(new Uri("http://all:1/"), all.GetProxy(Loopback));
        var httpsOnly = ProxySettings.Choose(null, null, false, Env(("HTTPS_PROXY", "http://secure:3128")))!;
        Assert.True(httpsOnly.IsBypassed(Loopback));                          // nothing named for http: direct
    }

    [Theory]
    [InlineData("mautic.example.com", true)]
    [InlineData("example.com", true)]           // a domain covers its sub-domains
    [InlineData(".example.com", true)]
    [InlineData("*.example.com", true)]
    [InlineData("*", true)]
    [InlineData("MAUTIC.EXAMPLE.COM:443", true)]
    [InlineData("mautic.example.com:8443", false)]
    [InlineData("ample.com", false)]            // not a suffix at a dot
    [InlineData("other.example, 10.0.0.1", false)]
    public void NO_PROXY_lists_hosts_domains_and_ports_reached_directly(string noProxy, bool bypassed)
    {
        var p = ProxySettings.Choose(null, null, false, Env(("HTTPS_PROXY", "http://proxy:3128"), ("NO_PROXY", noProxy)))!;
        Assert.Equal(bypassed, p.IsBypassed(Mautic));
        Assert.Equal(bypassed ? null : "http://proxy:3128/", ProxySettings.Shown(p, Mautic));
    }

    [Fact]
    public void NO_PROXY_names_loopback_explicitly_and_IP_addresses_match_exactly()
    {
        var p = ProxySettings.Choose(null, null, false, Env(("HTTP_PROXY", "http://proxy:3128"), ("no_proxy", "localhost,127.0.0.1")))!;
        Assert.True(p.IsBypassed(Loopback));
        Assert.True(p.IsBypassed(new Uri("http://localhost:5000/")));
        Assert.False(p.IsBypassed(new Uri("http://127.0.0.10/")));
    }

    [Fact]
    public void Credentials_in_the_variable_sign_in_to_that_proxy_and_are_never_shown()
    {
        var p = ProxySettings.Choose(null, null, false, Env(("HTTPS_PROXY", "http://user%40corp:p%3Ass@proxy:3128")))!;
        var c = p.Credentials!.GetCredential(new Uri("http://proxy:3128/"), "Basic");
        Assert.Equal("user@corp", c!.UserName);
        Assert.Equal("p:ss", c.Password);
        Assert.Null(p.Credentials.GetCredential(new Uri("http://elsewhere:3128/"), "Basic"));
        Assert.Equal("http://proxy:3128/", ProxySettings.Shown(p, Mautic));
        Assert.Equal(new[] { "p:ss" }, ProxySettings.Secrets(p, Mautic));
    }

    [Fact]
    public void The_client_takes_the_environment_proxy_and_says_where_it_came_from()
    {
        using var client = new MauticClient(new MauticClientOptions { BaseUrl = "https://mautic.example.com", Environment = Env(("HTTPS_PROXY", "http://u:pw-9@proxy:3128"), ("NO_PROXY", "other.example")) });
        Assert.Equal("http://proxy:3128/", client.ProxyUrl);
        Assert.Equal("HTTPS_PROXY, NO_PROXY", client.ProxySource);
        Assert.Contains("pw-9", client.Secrets);
        using var none = new MauticClient(new MauticClientOptions { BaseUrl = "https://mautic.example.com", Environment = Env() });
        Assert.Null(none.ProxyUrl);
        Assert.Equal("System", none.ProxySource);
    }
}
