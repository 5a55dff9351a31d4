using System.Net;
using System.Net.Http;
using Mautic.Client.Auth;

namespace Mautic.Client
{
    /// <summary>Everything one connection needs. Defaults suit an unattended runbook: bounded retries, bounded waits.</summary>
    public sealed class MauticClientOptions
    {
        /// <summary>https://host, https://host/ or https://host/api (a sub-folder install such as https://host/mautic works too).</summary>
        public string BaseUrl { get; set; }
        public IAuthenticator Authenticator { get; set; }
        /// <summary>How many times a failed call is retried (not counting the first try).</summary>
        public int MaxRetries { get; set; } = 4;
        /// <summary>First back-off delay; it doubles per retry, with ±20 % jitter, capped by <see cref="MaxRetryDelay"/>.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
        /// <summary>Per-attempt timeout.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
        /// <summary>
        /// After a create was cut off and some of its rows are not in Mautic when read back, how long to wait before reading
        /// them once more (Mautic may still be saving a batch whose connection broke) and calling them not saved.
        /// </summary>
        public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>A Retry-After longer than this is not waited out: the call fails at once with LimitsExceeded.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(120);
        /// <summary>
        /// How long a call keeps retrying while Mautic cannot be reached at all (connection refused, host unknown or
        /// unreachable), for every method: such a request never arrived, so sending it again is safe. This is what
        /// carries a long import through a server restart. Zero turns it off.
        /// </summary>
        public TimeSpan UnreachableTimeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Longest wait between two tries while Mautic cannot be reached, so a call resumes soon after it returns.</summary>
        public TimeSpan UnreachableRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
        /// <summary>Upper bound on one call including all its retries and waits.</summary>
        public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(10);
        /// <summary>Allows credentials over plain http to a host that is not loopback.</summary>
        public bool AllowInsecureAuthentication { get; set; }
        /// <summary>
        /// Accepts any server certificate (self-signed, expired, another host's), for this client's handler only.
        /// For test instances: it makes the connection open to anyone between here and the server.
        /// </summary>
        public bool SkipCertificateCheck { get; set; }
        /// <summary>
        /// The proxy every request goes through (loopback included), as Invoke-RestMethod's -Proxy. Null: the proxy the
        /// environment names (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY), else the system's (see <see cref="Http.ProxySettings"/>).
        /// </summary>
        public Uri Proxy { get; set; }
        /// <summary>The user name and password <see cref="Proxy"/> wants (its 407 Proxy Authentication Required).</summary>
        public NetworkCredential ProxyCredential { get; set; }
        /// <summary>Signs in to <see cref="Proxy"/> as the current (Windows) user.</summary>
        public bool ProxyUseDefaultCredentials { get; set; }
        /// <summary>Reads an environment variable (the proxy variables); tests give their own.</summary>
        internal Func<string, string> Environment { get; set; }
        /// <summary>Receives every log line of this client (already redacted).</summary>
        public Action<MauticLogEvent> Log { get; set; }
        /// <summary>For tests and special hosting: the handler under the HttpClient. The client then does not dispose it.</summary>
        public HttpMessageHandler Handler { get; set; }
        public string UserAgent { get; set; }

        /// <summary>
        /// A copy for diagnosing (Test-MauticConnection): no retries and no waiting for an unreachable server, so each
        /// check answers at once; the same authenticator, proxy, certificate rule and handler.
        /// </summary>
        internal MauticClientOptions ForDiagnosis(bool anonymous)
        {
            var copy = (MauticClientOptions)MemberwiseClone();
            copy.MaxRetries = 0;
            copy.UnreachableTimeout = TimeSpan.Zero;
            if (copy.Timeout > TimeSpan.FromSeconds(30)) copy.Timeout = TimeSpan.FromSeconds(30);
            copy.MaxTotalTime = copy.Timeout + copy.Timeout;
            if (anonymous) copy.Authenticator = null;
            return copy;
        }

        /// <summary>Returns the site root (always ending in '/') for any accepted form of the base URL.</summary>
        public static Uri NormaliseRoot(string baseUrl)
        {
            if (string.IsNullOrWhiteSpace(baseUrl))
                throw new MauticApiException("The base URL is empty; give the address of your Mautic, e.g. https://mautic.example.com.", MauticErrorKind.InvalidArgument);
            var text = baseUrl.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new MauticApiException($"'{Http.Redactor.Url(text)}' is not an http or https URL; give the address of your Mautic, e.g. https://mautic.example.com.", MauticErrorKind.InvalidArgument);
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new MauticApiException("Put credentials in -Credential, not in the URL.", MauticErrorKind.InvalidArgument);
            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) path = path.Substring(0, path.Length - 4);
            var builder = new UriBuilder(uri.Scheme, uri.Host, uri.Port, path + "/");
            return builder.Uri;
        }

        internal static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
        }
    }
}
