using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mautic.FakeServer;

/// <summary>
/// The fake Mautic: Kestrel on 127.0.0.1 (an OS-assigned port unless told otherwise), in-memory data,
/// Mautic 5.1's routes, shapes and quirks, fault injection and a request log.
/// </summary>
public sealed class FakeMauticServer : IDisposable
{
    readonly WebApplication _app;

    FakeMauticServer(WebApplication app, FakeState state, string baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public FakeState State { get; }
    /// <summary>http://127.0.0.1:PORT, or https:// from <see cref="StartHttps"/> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>
    /// The fake on https://127.0.0.1 with <paramref name="certificate"/> (see <see cref="SelfSignedCertificate"/>), as a
    /// test instance with a self-signed certificate is: what -SkipCertificateCheck is for.
    /// </summary>
    public static FakeMauticServer StartHttps(X509Certificate2 certificate, FakeState? state = null) =>
        Start("https://127.0.0.1:0", state, certificate);

    /// <summary>A new self-signed certificate for 127.0.0.1 and localhost, valid from yesterday for a week; no one trusts it.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=fake-mautic.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public static FakeMauticServer Start(string url = "http://127.0.0.1:0", FakeState? state = null, X509Certificate2? certificate = null)
    {
        var uri = new Uri(url);
        if (!uri.IsLoopback) throw new ArgumentException("The fake Mautic only listens on loopback.", nameof(url));
        state ??= new FakeState();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        if (certificate != null) builder.WebHost.UseKestrelHttpsConfiguration();   // the slim builder leaves https out
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AllowSynchronousIO = false;
            if (certificate != null) k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
        });
        var app = builder.Build();
        Routes.Map(app, state);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeMauticServer(app, state, address.TrimEnd('/'));
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    public static async Task<int> Main(string[] args)
    {
        var url = "http://127.0.0.1:5099";
        var state = new FakeState();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--urls") url = args[i + 1];
            if (args[i] == "--mautic-version") state.Version = args[i + 1];   // 7.0.0 behaves as Mautic 7 does
        }
        using var server = Start(url, state);
        Console.WriteLine($"Fake Mautic {server.State.Version} listening on {server.BaseUrl}");
        Console.WriteLine($"Basic auth: {server.State.AdminUser} / {server.State.AdminPassword}");
        Console.WriteLine($"OAuth2 client: {server.State.ClientId} / {server.State.ClientSecret}");
        Console.WriteLine("Press Ctrl+C to stop.");
        // The host owns Ctrl+C and SIGTERM; wait for it to begin shutting down.
        await server.WaitForShutdownAsync();
        return 0;
    }
}
