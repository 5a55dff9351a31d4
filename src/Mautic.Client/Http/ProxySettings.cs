using System.Net;

namespace Mautic.Client.Http
{
    /// <summary>
    /// Which proxy a connection's handler uses, kept pure so the decision is unit-tested on any runtime.
    /// <list type="bullet">
    /// <item>-Proxy given: that proxy for every request, loopback included (BypassProxyOnLocal off, as Invoke-RestMethod
    /// does), with -ProxyCredential or the signed-in user's credentials (-ProxyUseDefaultCredentials).</item>
    /// <item>Otherwise HTTPS_PROXY / HTTP_PROXY / ALL_PROXY (either case) and NO_PROXY, when set, on every runtime:
    /// PowerShell 7's HttpClient reads them itself, but only once per process, and Windows PowerShell 5.1's
    /// (.NET Framework) never does, so the module applies them itself and both behave the same.</item>
    /// <item>Neither: null, the runtime's system proxy (the WinINET/Internet Options proxy on Windows).</item>
    /// </list>
    /// </summary>
    internal static class ProxySettings
    {
        /// <summary>The proxy for a handler, or null to leave the runtime's system proxy in place.</summary>
        public static IWebProxy Choose(Uri proxy, ICredentials proxyCredential, bool useDefaultCredentials, Func<string, string> environment)
        {
            if (proxyCredential != null && useDefaultCredentials)
                throw new MauticApiException("-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together: give the proxy's user name and password, or sign in to it as the current user, not both.", MauticErrorKind.InvalidArgument);
            if (proxy != null)
            {
                Check(proxy, "-Proxy");
                var explicitProxy = new WebProxy(WithoutUserInfo(proxy)) { BypassProxyOnLocal = false };
                if (useDefaultCredentials) explicitProxy.UseDefaultCredentials = true;
                else explicitProxy.Credentials = proxyCredential ?? CredentialsIn(proxy);
                return explicitProxy;
            }
            if (proxyCredential != null || useDefaultCredentials)
                throw new MauticApiException("-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy (the proxy they sign in to), as with Invoke-RestMethod.", MauticErrorKind.InvalidArgument);
            return EnvironmentProxy.From(environment ?? Environment.GetEnvironmentVariable);
        }

        /// <summary>The proxy URL to show (Get-MauticConnection, -Verbose) for a request to <paramref name="target"/>: never its user name or password; null when none.</summary>
        public static string Shown(IWebProxy proxy, Uri target)
        {
            if (proxy == null || target == null) return null;
            if (proxy.IsBypassed(target)) return null;
            var p = proxy.GetProxy(target);
            return p == null || p == target ? null : WithoutUserInfo(p).AbsoluteUri;
        }

        /// <summary>The passwords a proxy holds (to scrub from anything shown).</summary>
        public static IEnumerable<string> Secrets(IWebProxy proxy, Uri target)
        {
            var c = proxy?.Credentials?.GetCredential(proxy.GetProxy(target ?? new Uri("http://localhost/")) ?? target, "Basic");
            if (c != null && !string.IsNullOrEmpty(c.Password)) yield return c.Password;
        }

        internal static void Check(Uri proxy, string what)
        {
            if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps))
                throw new MauticApiException($"{what} '{Redactor.Url(proxy.OriginalString)}' is not an http:// proxy URL (e.g. http://proxy.example.com:3128).", MauticErrorKind.InvalidArgument);
        }

        internal static Uri WithoutUserInfo(Uri uri) =>
            string.IsNullOrEmpty(uri.UserInfo) ? uri : new UriBuilder(uri) { UserName = "", Password = "" }.Uri;

        /// <summary>user:password in a proxy URL (http://user:pass@proxy:3128, the usual form in HTTPS_PROXY).</summary>
        internal static NetworkCredential CredentialsIn(Uri uri)
        {
            if (string.IsNullOrEmpty(uri.UserInfo)) return null;
            var parts = uri.UserInfo.Split(new[] { ':' }, 2);
            return new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
    }

    /// <summary>
    /// The proxy the environment names, with the rules curl and .NET follow: HTTPS_PROXY for https targets, HTTP_PROXY
    /// for http ones, ALL_PROXY for either when the first is missing (lower case wins over upper case); NO_PROXY lists
    /// hosts, IP addresses and domains (".example.com" or "example.com" also covers its sub-domains, an optional :port
    /// narrows it, "*" means every host) that are reached directly. Loopback is bypassed only when NO_PROXY names it.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        readonly Uri _http, _https;
        readonly string[] _noProxy;

        EnvironmentProxy(Uri http, Uri https, string[] noProxy, string source)
        {
            _http = http; _https = https; _noProxy = noProxy; Source = source;
            Credentials = new Creds(http, https);
        }

        /// <summary>The variables it came from, e.g. "HTTPS_PROXY, NO_PROXY".</summary>
        public string Source { get; }

        public ICredentials Credentials { get; set; }

        /// <summary>The environment's proxy, or null when it names none.</summary>
        public static EnvironmentProxy From(Func<string, string> environment)
        {
            var used = new List<string>();
            Uri Read(string name)
            {
                foreach (var n in new[] { name.ToLowerInvariant(), name })
                {
                    var v = environment(n);
                    if (string.IsNullOrWhiteSpace(v)) continue;
                    v = v.Trim();
                    if (!v.Contains("://")) v = "http://" + v;
                    if (!Uri.TryCreate(v, UriKind.Absolute, out var u))
                        throw new MauticApiException($"The environment variable {n} ('{Redactor.Url(v)}') is not a proxy URL (e.g. http://proxy.example.com:3128).", MauticErrorKind.InvalidArgument);
                    ProxySettings.Check(u, "The environment variable " + n);
                    used.Add(n);
                    return u;
                }
                return null;
            }
            var all = Read("ALL_PROXY");
            var http = Read("HTTP_PROXY") ?? all;
            var https = Read("HTTPS_PROXY") ?? all;
            if (http == null && https == null) return null;
            var noProxyText = environment("no_proxy") is string np && !string.IsNullOrWhiteSpace(np) ? np : environment("NO_PROXY");
            if (!string.IsNullOrWhiteSpace(noProxyText)) used.Add(environment("no_proxy") != null ? "no_proxy" : "NO_PROXY");
            var noProxy = (noProxyText ?? "").Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToArray();
            return new EnvironmentProxy(http, https, noProxy, string.Join(", ", used));
        }

        public Uri GetProxy(Uri destination)
        {
            if (IsBypassed(destination)) return destination;
            return ProxySettings.WithoutUserInfo(destination.Scheme == Uri.UriSchemeHttps ? _https : _http);
        }

        public bool IsBypassed(Uri host)
        {
            var proxy = host.Scheme == Uri.UriSchemeHttps ? _https : _http;
            if (proxy == null) return true;
            var name = host.Host.Trim('[', ']');
            foreach (var entry in _noProxy)
            {
                if (entry == "*") return true;
                var e = entry;
                var port = -1;
                var colon = e.LastIndexOf(':');
                if (colon > 0 && e.IndexOf(':') == colon && int.TryParse(e.Substring(colon + 1), out var p)) { port = p; e = e.Substring(0, colon); }
                e = e.Trim('[', ']');
                if (port >= 0 && port != host.Port) continue;
                if (e.StartsWith("*.")) e = e.Substring(1);
                if (string.Equals(name, e.TrimStart('.'), StringComparison.OrdinalIgnoreCase)) return true;
                var suffix = e.StartsWith(".") ? e : "." + e;
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        /// <summary>The user:password in HTTP_PROXY/HTTPS_PROXY, for the proxy it belongs to.</summary>
        sealed class Creds : ICredentials
        {
            readonly Uri _http, _https;
            public Creds(Uri http, Uri https) { _http = http; _https = https; }

            public NetworkCredential GetCredential(Uri uri, string authType)
            {
                foreach (var p in new[] { _https, _http })
                    if (p != null && uri != null && p.Host == uri.Host && p.Port == uri.Port) return ProxySettings.CredentialsIn(p);
                return null;
            }
        }
    }
}
