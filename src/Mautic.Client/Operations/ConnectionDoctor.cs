using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Mautic.Client.Auth;
using Mautic.Client.Http;

namespace Mautic.Client.Operations
{
    public enum MauticCheckStatus { Passed, Failed, Warning, Skipped }

    /// <summary>One check of Test-MauticConnection: what was checked, how it went, what was seen, and the fix in words.</summary>
    public sealed class MauticCheck
    {
        public MauticCheck(string check, MauticCheckStatus status, string detail, string fix = null)
        {
            Check = check; Status = status; Detail = detail; Fix = fix;
        }

        public string Check { get; }
        public MauticCheckStatus Status { get; }
        public string Detail { get; }
        public string Fix { get; }

        public override string ToString() => $"{Check}: {Status} ({Detail})";
    }

    /// <summary>
    /// Diagnoses a connection step by step, in the order a request meets the obstacles: the host and port answer, TLS,
    /// the API is on, Basic auth is on, the credentials are accepted, what the API user may do, the server's version,
    /// its clock. Each check is one <see cref="MauticCheck"/>; a check that cannot run because an earlier one failed
    /// is Skipped, saying which. Nothing is retried or waited for, and nothing is changed on the server (GETs only).
    /// The fixes are <see cref="SetupHints"/>' wording, the same the error messages use.
    /// </summary>
    public static class ConnectionDoctor
    {
        public const string Reachable = "Reachable";
        public const string Tls = "TLS";
        public const string ApiEnabled = "API enabled";
        public const string BasicAuth = "Basic auth enabled";
        public const string Credentials = "Credentials";
        public const string Permissions = "Role and permissions";
        public const string Version = "Server version";
        public const string ClockSkew = "Clock skew";

        /// <summary>A clock further off than this makes OAuth2 tokens look expired early or late to one side.</summary>
        public static readonly TimeSpan SkewLimit = TimeSpan.FromMinutes(1);

        static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

        /// <summary>Runs every check against <paramref name="options"/> (the settings of Connect-Mautic or of a connection).</summary>
        public static IEnumerable<MauticCheck> Run(MauticClientOptions options, CancellationToken ct = default)
        {
            var root = MauticClientOptions.NormaliseRoot(options.BaseUrl);
            var auth = options.Authenticator;
            MauticClient anonymous;
            try { anonymous = new MauticClient(options.ForDiagnosis(anonymous: true)); }
            catch (MauticApiException e)
            {
                // a proxy setting the client refuses: nothing can be reached through it
                return new[] { new MauticCheck(Reachable, MauticCheckStatus.Failed, e.Message, "Correct -Proxy or the proxy environment variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).") }
                    .Concat(SkipAll(Reachable, Tls, ApiEnabled, BasicAuth, Credentials, Permissions, Version, ClockSkew));
            }
            return Checks(options, root, auth, anonymous, ct);
        }

        static IEnumerable<MauticCheck> Checks(MauticClientOptions options, Uri root, IAuthenticator auth, MauticClient anonymous, CancellationToken ct)
        {
            using (anonymous)
            {
                var reach = CheckReachable(anonymous, root, ct);
                yield return reach;
                if (reach.Status == MauticCheckStatus.Failed)
                {
                    foreach (var c in SkipAll(Reachable, Tls, ApiEnabled, BasicAuth, Credentials, Permissions, Version, ClockSkew)) yield return c;
                    yield break;
                }

                // One request without credentials: it meets TLS and the API switch, as every request does.
                var probe = Probe(anonymous, MauticRequest.Get("users/self"), ct);
                var tls = CheckTls(options, root, probe);
                yield return tls;
                if (tls.Status == MauticCheckStatus.Failed)
                {
                    foreach (var c in SkipAll(Tls, ApiEnabled, BasicAuth, Credentials, Permissions, Version, ClockSkew)) yield return c;
                    yield break;
                }
                var api = CheckApi(root, probe);
                yield return api;
                if (api.Status == MauticCheckStatus.Failed)
                {
                    foreach (var c in SkipAll(ApiEnabled, BasicAuth, Credentials, Permissions, Version, ClockSkew)) yield return c;
                    yield break;
                }

                if (auth == null)
                {
                    yield return new MauticCheck(BasicAuth, MauticCheckStatus.Skipped, "No credentials were given.");
                    yield return new MauticCheck(Credentials, MauticCheckStatus.Skipped, "No credentials were given, so none were checked.",
                        "Give -Credential (a Mautic user, HTTP Basic) or -ClientCredential (an OAuth2 client), or test a connection (-Connection).");
                    yield return new MauticCheck(Permissions, MauticCheckStatus.Skipped, "No credentials were given.");
                    yield return CheckVersion(anonymous, null);
                    yield return CheckClock(anonymous, null);
                    yield break;
                }

                MauticClient signedIn;
                MauticCheck refused = null;
                try { signedIn = new MauticClient(options.ForDiagnosis(anonymous: false)); }
                catch (MauticApiException e)
                {
                    signedIn = null;
                    refused = new MauticCheck(Credentials, MauticCheckStatus.Failed, e.Message,
                        "Use the https address of your Mautic, so that credentials travel encrypted.");
                }
                if (signedIn == null)
                {
                    yield return new MauticCheck(BasicAuth, MauticCheckStatus.Skipped, "The credentials were not sent.");
                    yield return refused;
                    foreach (var c in SkipAll(Credentials, Permissions, Version, ClockSkew)) yield return c;
                    yield break;
                }
                using (signedIn)
                {
                    var self = Probe(signedIn, MauticRequest.Get("users/self"), ct);
                    var basic = auth is BasicAuthenticator;
                    var basicOff = basic && self.Error?.StatusCode == 403 && self.Error.ErrorType == "access_denied";
                    yield return !basic
                        ? new MauticCheck(BasicAuth, MauticCheckStatus.Skipped, $"Not signing in with HTTP Basic ({auth.Method}).")
                        : basicOff
                            ? new MauticCheck(BasicAuth, MauticCheckStatus.Failed, "Mautic refuses HTTP Basic sign-in: " + self.Error.MauticMessage, SetupHints.EnableBasic)
                            : new MauticCheck(BasicAuth, MauticCheckStatus.Passed, "Mautic accepts HTTP Basic sign-in.");
                    if (basicOff)
                    {
                        foreach (var c in SkipAll(BasicAuth, Credentials, Permissions)) yield return c;
                        yield return CheckVersion(signedIn, null);
                        yield return CheckClock(signedIn, auth);
                        yield break;
                    }
                    var who = CheckCredentials(signedIn, auth, self);
                    yield return who;
                    yield return who.Status == MauticCheckStatus.Failed
                        ? new MauticCheck(Permissions, MauticCheckStatus.Skipped, "Not signed in (see Credentials).")
                        : CheckPermissions(signedIn, self, ct);
                    yield return CheckVersion(signedIn, signedIn.ServerIsAtLeast(MauticVersions.V7) && who.Status != MauticCheckStatus.Failed ? Probe(signedIn, MauticRequest.ForV2(HttpMethod.Get, "projects").With("page", 1), ct) : null);
                    yield return CheckClock(signedIn, auth);
                }
            }
        }

        static IEnumerable<MauticCheck> SkipAll(string failed, params string[] checks) =>
            checks.Where(c => c != failed).Select(c => new MauticCheck(c, MauticCheckStatus.Skipped, $"Not checked: the '{failed}' check failed."));

        sealed class Outcome
        {
            public MauticResponse Response;
            public MauticApiException Error;
        }

        static Outcome Probe(MauticClient client, MauticRequest request, CancellationToken ct)
        {
            try { return new Outcome { Response = client.Send(request, ct) }; }
            catch (MauticApiException e) { return new Outcome { Error = e }; }
        }

        static MauticCheck CheckReachable(MauticClient client, Uri root, CancellationToken ct)
        {
            var proxy = client.ProxyUrl;
            var target = proxy != null ? new Uri(proxy) : root;
            var what = proxy != null ? $"the proxy {target.Authority} (for {root.Authority})" : root.Authority;
            IPAddress[] addresses;
            try { addresses = Dns.GetHostAddresses(target.DnsSafeHost); }
            catch (SocketException e)
            {
                return new MauticCheck(Reachable, MauticCheckStatus.Failed, $"The host name {target.DnsSafeHost} could not be resolved: {e.Message}",
                    proxy != null ? "Check the proxy's host name (-Proxy, HTTPS_PROXY)." : "Check the host name in the URL, and this computer's DNS settings.");
            }
            if (addresses.Length == 0)
                return new MauticCheck(Reachable, MauticCheckStatus.Failed, $"The host name {target.DnsSafeHost} has no address.", "Check the host name in the URL.");
            string last = null;
            foreach (var address in addresses)
            {
                ct.ThrowIfCancellationRequested();
                using (var tcp = new TcpClient(address.AddressFamily))
                {
                    try
                    {
                        var connect = tcp.ConnectAsync(address, target.Port);
                        if (connect.Wait((int)ConnectTimeout.TotalMilliseconds, ct) && tcp.Connected)
                            return new MauticCheck(Reachable, MauticCheckStatus.Passed,
                                $"{what} accepts connections" + (target.HostNameType == UriHostNameType.Dns ? $" ({target.DnsSafeHost} is {address})." : "."));
                        last = $"no answer within {ConnectTimeout.TotalSeconds:0} s";
                    }
                    catch (AggregateException e) { last = (e.InnerException ?? e).Message; }
                    catch (SocketException e) { last = e.Message; }
                }
            }
            return new MauticCheck(Reachable, MauticCheckStatus.Failed, $"{what}: {last}.",
                proxy != null ? "Check -Proxy (host and port) and that the proxy is running." : "Check the port in the URL, that Mautic's web server is running, and that no firewall blocks the way.");
        }

        static MauticCheck CheckTls(MauticClientOptions options, Uri root, Outcome probe)
        {
            var e = probe.Error;
            if (e?.ErrorType == MauticClient.ProxyRefusal)
                return new MauticCheck(Tls, MauticCheckStatus.Skipped, "Not reached: the proxy refused to carry the request (see the next check).");
            if (e != null && e.StatusCode >= 300 && e.StatusCode < 400)
            {
                var location = e.Message.IndexOf(" redirecting to ", StringComparison.Ordinal) is var i && i >= 0 ? e.Message.Substring(i + 16).Split(';')[0] : null;
                if (root.Scheme == Uri.UriSchemeHttp && location != null && location.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                {
                    var https = new UriBuilder(root) { Scheme = Uri.UriSchemeHttps, Port = Uri.TryCreate(location, UriKind.Absolute, out var l) ? l.Port : 443 }.Uri;
                    return new MauticCheck(Tls, MauticCheckStatus.Failed, $"{root} redirects to https ({location}); the module does not follow redirects (they would drop or leak the credentials).",
                        $"Use the https address: {https.AbsoluteUri.TrimEnd('/')}.");
                }
            }
            if (e != null && TransportSecurity.IsCertificateFailure(e))
                return new MauticCheck(Tls, MauticCheckStatus.Failed, e.Message,
                    "Give the server a certificate this computer trusts (or trust its issuer here). For a test instance with a self-signed certificate, use -SkipCertificateCheck (Connect-Mautic, Test-MauticConnection).");
            if (e != null && e.Kind == MauticErrorKind.Connection || e?.Kind == MauticErrorKind.Timeout)
                return new MauticCheck(Tls, MauticCheckStatus.Failed, e.Message,
                    "Check that the URL is Mautic's web server (http or https, port) and that it answers HTTP.");
            if (root.Scheme == Uri.UriSchemeHttp)
                return MauticClientOptions.IsLoopback(root)
                    ? new MauticCheck(Tls, MauticCheckStatus.Skipped, "http on this computer (loopback): no TLS.")
                    : new MauticCheck(Tls, MauticCheckStatus.Warning, $"{root} is plain http: credentials and data travel unencrypted.", "Use https for a Mautic that is not on this computer.");
            if (options.SkipCertificateCheck)
                return new MauticCheck(Tls, MauticCheckStatus.Skipped, "-SkipCertificateCheck: the server's certificate is not checked (any certificate is accepted).",
                    "For a server in production, give it a trusted certificate and leave -SkipCertificateCheck out.");
            return new MauticCheck(Tls, MauticCheckStatus.Passed, $"The certificate of {root.Authority} is valid and trusted.");
        }

        static MauticCheck CheckApi(Uri root, Outcome probe)
        {
            var e = probe.Error;
            if (e == null || (e.StatusCode == 401 && e.ErrorType != MauticClient.ProxyRefusal))
                return new MauticCheck(ApiEnabled, MauticCheckStatus.Passed, $"The API answers at {root}api/" + (e != null ? " (401 without credentials, as it should)." : "."));
            if (e.StatusCode == 403 && e.ErrorType == "api_disabled")
                return new MauticCheck(ApiEnabled, MauticCheckStatus.Failed, "Mautic answers: " + e.MauticMessage, SetupHints.EnableApi);
            if (e.ErrorType == MauticClient.ProxyRefusal)
                return new MauticCheck(ApiEnabled, MauticCheckStatus.Failed, e.Message, "Give the proxy's credentials: -ProxyCredential, or -ProxyUseDefaultCredentials.");
            return new MauticCheck(ApiEnabled, MauticCheckStatus.Failed, $"No Mautic API answered at {root}api/: {e.Message}",
                "Check the base URL: the address you open Mautic at, including a sub-folder (https://host/mautic) if Mautic is installed in one.");
        }

        static MauticCheck CheckCredentials(MauticClient client, IAuthenticator auth, Outcome self)
        {
            var e = self.Error;
            if (e == null)
            {
                var body = self.Response.Body as JObject;
                var name = body?["username"]?.ToString();
                var id = MauticJson.ToLong(body?["id"]);
                return new MauticCheck(Credentials, MauticCheckStatus.Passed, $"Signed in with {auth.Method} as {name ?? "(unnamed)"}{(id.HasValue ? " (user " + id + ")" : "")}.");
            }
            if (auth is OAuth2Authenticator oauth && oauth.TokenRequests > 0 && e.StatusCode != 401 && e.Kind != MauticErrorKind.Authentication)
                return new MauticCheck(Credentials, MauticCheckStatus.Passed, $"Mautic granted an OAuth2 token to client {oauth.Principal}; it does not describe the API user ({e.Message}).");
            var hint = SetupHints.AuthHint(auth.Method);
            var detail = e.Message;
            if (hint != null && detail.EndsWith(hint, StringComparison.Ordinal)) detail = detail.Substring(0, detail.Length - hint.Length).TrimEnd();
            return new MauticCheck(Credentials, MauticCheckStatus.Failed, detail, hint);
        }

        static MauticCheck CheckPermissions(MauticClient client, Outcome self, CancellationToken ct)
        {
            var role = (self.Response?.Body as JObject)?["role"] as JObject;
            if (role == null)
                return new MauticCheck(Permissions, MauticCheckStatus.Warning, "Mautic did not describe the API user's role.",
                    "Check in Mautic, Settings > Users (or API Credentials) which user and role the credentials act for.");
            var name = role["name"]?.ToString();
            if (role["isAdmin"]?.Type == JTokenType.Boolean && (bool)role["isAdmin"])
                return new MauticCheck(Permissions, MauticCheckStatus.Passed, $"Role '{name}' is an administrator role: every API route is allowed.");
            var id = MauticJson.ToLong(role["id"]);
            var read = id.HasValue ? Probe(client, MauticRequest.Get("roles/" + id.Value), ct) : null;
            var raw = (read?.Response?.Body as JObject)?["role"]?["rawPermissions"] as JObject;
            if (raw == null)
                return new MauticCheck(Permissions, MauticCheckStatus.Warning,
                    $"Role '{name}' is not an administrator role, and its permissions could not be read ({read?.Error?.Message ?? "no role id"}): some cmdlets may be refused (403).",
                    "In Mautic, Settings > Roles: give the role the permissions the scripts need (or use an administrator for the API user).");
            var granted = raw.Properties().Select(p => p.Name + " (" + string.Join(", ", (p.Value as JArray)?.Select(v => v.ToString()) ?? new[] { p.Value.ToString() }) + ")").ToList();
            return new MauticCheck(Permissions, MauticCheckStatus.Warning,
                $"Role '{name}' is not an administrator role; it may: {(granted.Count == 0 ? "nothing" : string.Join("; ", granted))}. Other routes answer 403.",
                "In Mautic, Settings > Roles: give the role the permissions the scripts need (or use an administrator for the API user).");
        }

        static MauticCheck CheckVersion(MauticClient client, Outcome v2)
        {
            var version = client.MauticVersion;
            if (string.IsNullOrEmpty(version))
                return new MauticCheck(Version, MauticCheckStatus.Warning, "Mautic did not say its version (no Mautic-Version header): the module then assumes 5.1's behaviour.",
                    "The Mautic-Version header comes with signed-in API answers; check the credentials, or a proxy or web server that removes headers.");
            if (!client.ServerIsAtLeast(MauticVersions.V7))
                return new MauticCheck(Version, MauticCheckStatus.Passed, $"Mautic {version}: the v1 API; no v2 API (/api/v2, Mautic 7.0 and later).");
            if (v2 == null)
                return new MauticCheck(Version, MauticCheckStatus.Passed, $"Mautic {version}: the v1 API and the v2 API (/api/v2).");
            if (v2.Error == null)
                return new MauticCheck(Version, MauticCheckStatus.Passed, $"Mautic {version}: the v1 API and the v2 API (/api/v2 answered GET projects).");
            return new MauticCheck(Version, MauticCheckStatus.Warning, $"Mautic {version} serves the v2 API (/api/v2), but it refused this connection: {v2.Error.Message}",
                "Use HTTP Basic (-Credential) for the v2 cmdlets (projects, contact categories): Mautic 7.0's v2 API refuses OAuth2 client-credentials tokens.");
        }

        static MauticCheck CheckClock(MauticClient client, IAuthenticator auth)
        {
            var server = client.LastServerDate;
            if (!server.HasValue)
                return new MauticCheck(ClockSkew, MauticCheckStatus.Skipped, "Mautic's answers carried no Date header.");
            var skew = DateTimeOffset.UtcNow - server.Value;
            var said = $"This computer's clock is {Math.Abs(skew.TotalSeconds):0} s {(skew >= TimeSpan.Zero ? "ahead of" : "behind")} the server's (its Date header; whole seconds).";
            var oauth = auth is OAuth2Authenticator || auth is AccessTokenAuthenticator;
            if (skew.Duration() <= SkewLimit)
                return new MauticCheck(ClockSkew, MauticCheckStatus.Passed, said);
            return oauth
                ? new MauticCheck(ClockSkew, MauticCheckStatus.Warning, said + " OAuth2 tokens expire by the server's clock, so they may seem valid here after Mautic has let them expire.",
                    "Synchronise both clocks with NTP (w32tm /resync on Windows, timedatectl set-ntp true on Linux).")
                : new MauticCheck(ClockSkew, MauticCheckStatus.Passed, said + " It matters only for OAuth2 tokens, not for HTTP Basic.");
        }
    }
}
