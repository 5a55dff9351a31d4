using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// Test-MauticConnection against the fake set up right and wrong, the wrong ways answered as a real 5.1.0 answers them
/// (measured on a second instance: API off, Basic auth off, wrong password; see the fake's README).
/// </summary>
public sealed class DoctorTests : PsTest
{
    static readonly string[] Order = { "Reachable", "TLS", "API enabled", "Basic auth enabled", "Credentials", "Role and permissions", "Server version", "Clock skew" };

    static Dictionary<string, PSObject> Checks(PsResult r)
    {
        r.AssertClean();
        Assert.Equal(Order, r.Output.Select(o => (string)o.Properties["Check"].Value));
        Assert.All(r.Output, o => Assert.Equal("Mautic.ConnectionCheck", o.TypeNames[0]));
        return r.Output.ToDictionary(o => (string)o.Properties["Check"].Value);
    }

    static string Status(Dictionary<string, PSObject> c, string check) => c[check].Properties["Status"].Value.ToString()!;
    static string Detail(Dictionary<string, PSObject> c, string check) => (string)c[check].Properties["Detail"].Value;
    static string? Fix(Dictionary<string, PSObject> c, string check) => (string?)c[check].Properties["Fix"].Value;

    [Fact]
    [Covers("Test-MauticConnection", "Connection")]
    public void A_good_connection_passes_every_check_in_order_sending_only_GETs()
    {
        Ps.Connect();
        var r = Run("Test-MauticConnection");
        var c = Checks(r);
        Assert.Equal("Passed", Status(c, "Reachable"));
        Assert.Equal("Skipped", Status(c, "TLS"));                                    // http on loopback
        Assert.Equal("Passed", Status(c, "API enabled"));
        Assert.Equal("Passed", Status(c, "Basic auth enabled"));
        Assert.Equal("Passed", Status(c, "Credentials"));
        Assert.Contains("as admin (user 1)", Detail(c, "Credentials"));
        Assert.Equal("Passed", Status(c, "Role and permissions"));
        Assert.Contains("Administrator", Detail(c, "Role and permissions"));
        Assert.Equal("Passed", Status(c, "Server version"));
        Assert.Contains("5.1.0", Detail(c, "Server version"));
        Assert.Equal("Passed", Status(c, "Clock skew"));
        Assert.All(r.Requests, q => Assert.Equal("GET", q.Method));
        Assert.Contains(r.Requests, q => q.Path == "/api/users/self" && q.Authorization == null);   // the API probe, without credentials

        // the same through the pipeline and -Connection
        Assert.Equal(8, Ok("Get-MauticConnection | Test-MauticConnection").Output.Count);
        Assert.Equal(8, Ok("$c = Get-MauticConnection; Test-MauticConnection -Connection $c").Output.Count);
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void The_API_switched_off_fails_API_enabled_with_the_settings_and_the_cache_as_the_fix()
    {
        State.ApiEnabled = false;
        var c = Checks(Run("Test-MauticConnection -Url $BaseUrl -Credential $Cred"));
        Assert.Equal("Passed", Status(c, "Reachable"));
        Assert.Equal("Failed", Status(c, "API enabled"));
        Assert.Contains("API disabled", Detail(c, "API enabled"));
        Assert.Contains("'API enabled?' to Yes", Fix(c, "API enabled"));
        Assert.Contains("php bin/console cache:clear", Fix(c, "API enabled"));
        foreach (var later in Order.Skip(3)) Assert.Equal("Skipped", Status(c, later));

        // Connect-Mautic's error gives the same fix (one wording)
        var e = Run("Connect-Mautic $BaseUrl -Credential $Cred").Terminating!;
        Assert.Contains(Fix(c, "API enabled")!, e.Exception.Message);
        // the token endpoint is refused too (measured): OAuth2 gets the same explanation
        Assert.Contains(Fix(c, "API enabled")!, Run("Connect-Mautic $BaseUrl -ClientCredential $ClientCred").Terminating!.Exception.Message);
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void Basic_auth_switched_off_fails_its_check_with_the_fix_and_OAuth2_still_passes()
    {
        State.BasicAuthEnabled = false;
        var c = Checks(Run("Test-MauticConnection -Url $BaseUrl -Credential $Cred"));
        Assert.Equal("Passed", Status(c, "API enabled"));
        Assert.Equal("Failed", Status(c, "Basic auth enabled"));
        Assert.Contains("Basic Auth disabled", Detail(c, "Basic auth enabled"));
        Assert.Contains("'Enable HTTP basic auth?' to Yes", Fix(c, "Basic auth enabled"));
        Assert.Equal("Skipped", Status(c, "Credentials"));
        Assert.Contains(Fix(c, "Basic auth enabled")!, Run("Connect-Mautic $BaseUrl -Credential $Cred").Terminating!.Exception.Message);

        var oauth = Checks(Run("Test-MauticConnection -Url $BaseUrl -ClientCredential $ClientCred"));
        Assert.Equal("Skipped", Status(oauth, "Basic auth enabled"));
        Assert.Equal("Passed", Status(oauth, "Credentials"));
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void A_wrong_password_fails_Credentials_with_the_401_hint_and_leaks_nothing()
    {
        var r = Run("Test-MauticConnection -Url $BaseUrl -Credential $BadCred -Verbose -Debug");
        var c = Checks(r);
        Assert.Equal("Passed", Status(c, "Basic auth enabled"));
        Assert.Equal("Failed", Status(c, "Credentials"));
        Assert.Contains("invalid credentials", Detail(c, "Credentials"));
        Assert.StartsWith("Check the user name and password.", Fix(c, "Credentials"));
        Assert.Equal("Skipped", Status(c, "Role and permissions"));
        SecretTests.AssertNoSecret(r, "Wrong-Password-123");

        var none = Checks(Run("Test-MauticConnection $BaseUrl"));
        Assert.Equal("Passed", Status(none, "API enabled"));
        Assert.Equal("Skipped", Status(none, "Credentials"));
        Assert.Contains("-Credential", Fix(none, "Credentials"));
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void On_7_the_v2_API_is_checked_and_a_client_credentials_token_it_refuses_is_a_Warning()
    {
        State.Version = "7.0.0";
        var basic = Checks(Run("Test-MauticConnection -Url $BaseUrl -Credential $Cred"));
        Assert.Equal("Passed", Status(basic, "Server version"));
        Assert.Contains("7.0.0", Detail(basic, "Server version"));
        Assert.Contains("/api/v2 answered", Detail(basic, "Server version"));
        var oauth = Checks(Run("Test-MauticConnection -Url $BaseUrl -ClientCredential $ClientCred"));
        Assert.Equal("Warning", Status(oauth, "Server version"));
        Assert.Contains("-Credential", Fix(oauth, "Server version"));
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void A_server_clock_ten_minutes_off_is_a_Warning_for_OAuth2_only()
    {
        State.ClockOffset = TimeSpan.FromMinutes(-10);
        var oauth = Checks(Run("Test-MauticConnection -Url $BaseUrl -ClientCredential $ClientCred"));
        Assert.Equal("Warning", Status(oauth, "Clock skew"));
        Assert.Contains("ahead of the server's", Detail(oauth, "Clock skew"));
        Assert.Contains("NTP", Fix(oauth, "Clock skew"));
        var basic = Checks(Run("Test-MauticConnection -Url $BaseUrl -Credential $Cred"));
        Assert.Equal("Passed", Status(basic, "Clock skew"));
        Assert.Contains("only for OAuth2", Detail(basic, "Clock skew"));
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void A_self_signed_certificate_fails_TLS_naming_it_and_passes_with_SkipCertificateCheck()
    {
        using var https = FakeMauticServer.StartHttps(FakeMauticServer.SelfSignedCertificate());
        Ps.Runspace.SessionStateProxy.SetVariable("HttpsUrl", https.BaseUrl);
        var refused = Checks(Run("Test-MauticConnection -Url $HttpsUrl -Credential $Cred"));
        Assert.Equal("Passed", Status(refused, "Reachable"));
        Assert.Equal("Failed", Status(refused, "TLS"));
        Assert.Contains("certificate", Detail(refused, "TLS"));
        Assert.Contains("-SkipCertificateCheck", Fix(refused, "TLS"));
        foreach (var later in Order.Skip(2)) Assert.Equal("Skipped", Status(refused, later));

        var skipped = Checks(Run("Test-MauticConnection -Url $HttpsUrl -Credential $Cred -SkipCertificateCheck"));
        Assert.Equal("Skipped", Status(skipped, "TLS"));
        Assert.Contains("-SkipCertificateCheck", Detail(skipped, "TLS"));
        foreach (var later in Order.Skip(2)) Assert.Equal("Passed", Status(skipped, later));
    }

    [Fact]
    [Covers("Test-MauticConnection", "Url")]
    public void A_port_nobody_listens_on_fails_Reachable_at_once_and_skips_the_rest()
    {
        var r = Run("Test-MauticConnection -Url http://127.0.0.1:9 -Credential $Cred");
        var c = Checks(r);
        Assert.Equal("Failed", Status(c, "Reachable"));
        Assert.Contains("127.0.0.1:9", Detail(c, "Reachable"));
        foreach (var later in Order.Skip(1)) Assert.Equal("Skipped", Status(c, later));
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(15), $"took {r.Elapsed}");
    }

    [Fact]
    [Covers("Test-MauticConnection", "Connection")]
    [Covers("Test-MauticConnection", "Url")]
    public void Without_a_connection_or_a_URL_it_says_how_to_give_one_and_bad_combinations_are_refused()
    {
        var e = Run("Test-MauticConnection").Terminating!;
        Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
        Assert.Contains("-Url", e.Exception.Message);
        var both = Run("Test-MauticConnection -Url $BaseUrl -Credential $Cred -ClientCredential $ClientCred").Terminating!;
        Assert.Equal(ErrorCategory.InvalidArgument, both.CategoryInfo.Category);
        var badUrl = Run("Test-MauticConnection -Url 'not a url'").Terminating!;
        Assert.Equal(ErrorCategory.InvalidArgument, badUrl.CategoryInfo.Category);
        Assert.Contains("'not a url'", badUrl.Exception.Message);
    }
}
