using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Mautic.Client;
using Mautic.Client.Auth;
using Mautic.Client.Http;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>The TLS decisions (the .NET Framework protocol set, certificate failures) and -SkipCertificateCheck against an https fake.</summary>
public class TransportSecurityTests
{
    // SecurityProtocolType values: SystemDefault 0, Ssl3 48, Tls 192, Tls11 768, Tls12 3072, Tls13 12288.
    [Theory]
    [InlineData(0, null)]                      // SystemDefault: the OS chooses (TLS 1.3 included); never narrowed
    [InlineData(3072, null)]                   // Tls12 already
    [InlineData(3072 | 12288, null)]           // Tls12 | Tls13
    [InlineData(768 | 3072, null)]             // Tls11 | Tls12
    [InlineData(48 | 192, 48 | 192 | 3072)]    // Ssl3 | Tls, the old .NET Framework default: Tls12 added, nothing removed
    [InlineData(192 | 768, 192 | 768 | 3072)]  // Tls | Tls11
    [InlineData(192, 192 | 3072)]              // Tls alone
    [InlineData(12288, 12288 | 3072)]          // an explicit Tls13 alone still gets Tls12 beside it
    public void Tls12_is_added_only_to_an_explicit_set_that_lacks_it(int current, int? expected)
    {
        var result = TransportSecurity.ProtocolsToSet((SecurityProtocolType)current);
        Assert.Equal(expected, result.HasValue ? (int?)(int)result.Value : null);
    }

    public static IEnumerable<object[]> Failures() => new[]
    {
        new object[] { new HttpRequestException("The SSL connection could not be established", new AuthenticationException("The remote certificate is invalid")), true },
        new object[] { new HttpRequestException("An error occurred", new WebException("trust", WebExceptionStatus.TrustFailure)), true },
        new object[] { new WebException("secure channel", WebExceptionStatus.SecureChannelFailure), true },
        new object[] { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), false },
        new object[] { new WebException("connect", WebExceptionStatus.ConnectFailure), false },
        new object[] { new IOException("reset"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Certificate_failures_are_told_from_other_transport_failures(Exception e, bool certificate) =>
        Assert.Equal(certificate, TransportSecurity.IsCertificateFailure(e));
}

/// <summary>An https fake with a self-signed certificate made here: what a test instance of Mautic often is.</summary>
public sealed class SelfSignedServerTests : IDisposable
{
    readonly FakeMauticServer _server = FakeMauticServer.StartHttps(FakeMauticServer.SelfSignedCertificate());
    readonly List<MauticLogEvent> _log = new();

    MauticClientOptions Options(bool skip) => new()
    {
        BaseUrl = _server.BaseUrl,
        Authenticator = new BasicAuthenticator(new NetworkCredential(_server.State.AdminUser, _server.State.AdminPassword)),
        RetryDelay = TimeSpan.FromMilliseconds(20),
        SkipCertificateCheck = skip,
        Log = e => { lock (_log) _log.Add(e); },
    };

    [Fact]
    public void Without_SkipCertificateCheck_the_connection_fails_at_once_naming_the_certificate_and_the_switch()
    {
        Assert.StartsWith("https://127.0.0.1:", _server.BaseUrl);
        var e = Assert.Throws<MauticApiException>(() => MauticConnection.Open(Options(skip: false)));
        Assert.Equal(MauticErrorKind.Connection, e.Kind);
        Assert.Contains("certificate", e.Message);
        Assert.Contains("-SkipCertificateCheck", e.Message);
        Assert.Contains("127.0.0.1:", e.Message);
        Assert.DoesNotContain(_server.State.AdminPassword, e.Message);
        Assert.Empty(_server.State.Requests);                              // no request got through the handshake
        lock (_log) Assert.DoesNotContain(_log, l => l.Message.Contains("retry"));   // and it was not retried
    }

    [Fact]
    public void With_SkipCertificateCheck_the_same_server_answers_and_the_connection_says_so()
    {
        using var connection = MauticConnection.Open(Options(skip: true));
        Assert.True(connection.SkipCertificateCheck);
        Assert.Equal(_server.State.AdminUser, connection.UserName);
        Assert.NotEmpty(_server.State.Requests);
    }

    [Fact]
    public void The_bypass_is_per_connection_a_second_client_without_it_still_checks()
    {
        using var skipping = MauticConnection.Open(Options(skip: true));
        Assert.Null(ServicePointManager.ServerCertificateValidationCallback);   // never the process-wide callback
        Assert.Throws<MauticApiException>(() => MauticConnection.Open(Options(skip: false)));
    }

    public void Dispose() => _server.Dispose();
}
