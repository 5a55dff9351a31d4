using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading.Tasks;
using Mautic.Client.Auth;
using Mautic.Client.Http;
using Newtonsoft.Json;
using Polly;
using Polly.Timeout;

namespace Mautic.Client
{
    /// <summary>
    /// One per connection. Owns the HttpClient (connection reuse, gzip/deflate), the authenticator and the retry
    /// pipeline; turns every answer into a parsed body or a <see cref="MauticApiException"/>.
    /// </summary>
    public sealed class MauticClient : IDisposable
    {
        static readonly Random Jitter = new Random();
        readonly HttpClient _http;
        readonly bool _ownsHandler;

        // Windows PowerShell 5.1 runs on .NET Framework, whose default protocols on older Windows lack TLS 1.2, which
        // every current Mautic host requires: add it there, never narrowing what the system allows (TransportSecurity).
        static MauticClient() => TransportSecurity.EnsureTls12OnNetFramework();

        public MauticClient(MauticClientOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            Root = MauticClientOptions.NormaliseRoot(options.BaseUrl);
            if (options.MaxRetries < 0) throw new MauticApiException($"MaxRetries must be 0 or more, not {options.MaxRetries}.", MauticErrorKind.InvalidArgument);
            if (options.Timeout <= TimeSpan.Zero) throw new MauticApiException($"The timeout must be positive, not {options.Timeout}.", MauticErrorKind.InvalidArgument);
            if (options.Authenticator != null && Root.Scheme == Uri.UriSchemeHttp && !MauticClientOptions.IsLoopback(Root) && !options.AllowInsecureAuthentication)
                throw new MauticApiException(
                    $"Refusing to send credentials unencrypted to {Root.Host} over http. Use https, or pass -AllowUnencryptedAuthentication if you accept that risk.",
                    MauticErrorKind.InvalidArgument);

            ProxyInUse = ProxySettings.Choose(options.Proxy, options.ProxyCredential, options.ProxyUseDefaultCredentials, options.Environment);
            HttpMessageHandler handler = options.Handler;
            _ownsHandler = handler == null;
            if (handler == null)
            {
                var h = new HttpClientHandler
                {
                    AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                    AllowAutoRedirect = false,
                    UseCookies = false,
                };
                // Room for the most requests -ThrottleLimit sends at once, so none waits inside the handler. Set on this
                // handler only (on .NET Framework it applies to the requests this handler sends), never through
                // ServicePointManager.DefaultConnectionLimit, which would change every HTTP client in the process.
                try { h.MaxConnectionsPerServer = Batching.Throttle.Max; } catch (PlatformNotSupportedException) { /* old runtimes */ }
                if (options.SkipCertificateCheck) TransportSecurity.SkipCertificateCheck(h);
                if (ProxyInUse != null) { h.Proxy = ProxyInUse; h.UseProxy = true; }
                handler = h;
            }
            _http = new HttpClient(handler, _ownsHandler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent ?? DefaultUserAgent);
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        public static string ModuleVersion =>
            typeof(MauticClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

        public static string DefaultUserAgent => "MauticPS/" + ModuleVersion + " (PowerShell module)";

        public MauticClientOptions Options { get; }
        /// <summary>The site root, always ending in '/'; the API lives under root + "api/".</summary>
        public Uri Root { get; }
        public IAuthenticator Authenticator => Options.Authenticator;
        /// <summary>The proxy this client's handler was given (-Proxy or the environment's); null: the system's, if any.</summary>
        internal System.Net.IWebProxy ProxyInUse { get; }
        /// <summary>The proxy requests to Mautic go through, as shown (no user name or password); null when none was set.</summary>
        public string ProxyUrl => ProxySettings.Shown(ProxyInUse, Root);
        /// <summary>Where the proxy came from: "-Proxy", the environment variables that named it, or "System" (the runtime's own settings).</summary>
        public string ProxySource => Options.Proxy != null ? "-Proxy" : ProxyInUse is EnvironmentProxy e ? e.Source : "System";

        /// <summary>Every secret this client holds (credentials, tokens, the proxy password): scrubbed from anything shown.</summary>
        internal IEnumerable<string> Secrets => (Authenticator?.Secrets ?? Enumerable.Empty<string>()).Concat(ProxySettings.Secrets(ProxyInUse, Root));
        /// <summary>The Date header of the latest response that had one (the server's clock).</summary>
        public DateTimeOffset? LastServerDate { get; private set; }
        /// <summary>The Mautic-Version header of the latest response that had one.</summary>
        public string MauticVersion { get; private set; }

        /// <summary><see cref="MauticVersion"/> as a version (null until a response named it, or when it names none).</summary>
        public Version ServerVersion => MauticVersions.Parse(MauticVersion);

        /// <summary>True when the server has said its version and it is at least <paramref name="version"/> (major.minor).</summary>
        public bool ServerIsAtLeast(Version version) => ServerVersion != null && MauticVersions.AtLeast(ServerVersion, version);

        /// <summary>
        /// Throws, before anything is sent, when the server is known to be older than <paramref name="needed"/>:
        /// "<paramref name="what"/> needs Mautic 7.0 or later; this server is 5.1.0." A server whose version is not
        /// known yet is let through (its answer then says what it lacks).
        /// </summary>
        public void Require(Version needed, string what)
        {
            var problem = MauticVersions.Problem(ServerVersion, needed, what);
            if (problem != null) throw new MauticApiException(problem, MauticErrorKind.NotSupported);
        }

        public void Dispose() => _http.Dispose();

        public MauticResponse Send(MauticRequest request, CancellationToken cancellationToken = default)
        {
            var sending = SendAsync(request, cancellationToken);
            // On a cmdlet's pipeline thread the request's log lines are written as they come (it is sent, retried,
            // answered), not when the cmdlet next writes; the task ends on the token itself, as it did before.
            if (!sending.IsCompleted) MauticLog.WaitAny(new Task[] { sending }, CancellationToken.None);
            return sending.ConfigureAwait(false).GetAwaiter().GetResult();
        }

        /// <summary>The longest URL the client sends (a request line a little under Apache's 8190-byte LimitRequestLine).</summary>
        public const int MaxUrlLength = 8000;

        static string Snip(string url) => url.Length <= 200 ? url : url.Substring(0, 200) + "...";

        public async Task<MauticResponse> SendAsync(MauticRequest request, CancellationToken cancellationToken = default)
        {
            var url = request.BuildUrl(Root);
            var shownUrl = Redactor.Url(url);
            // Web servers refuse a request line much over 8 KB (Apache's LimitRequestLine is 8190, nginx's buffer 8k);
            // measured: a 100,000-character -Search made PHP's server drop the connection, which read as Mautic being
            // unreachable and was retried. Refused here, before anything is sent, naming what made it long.
            if (url.Length > MaxUrlLength)
                throw new MauticApiException(
                    $"The request would be {url.Length:N0} characters of URL ({request.Method} {Snip(shownUrl)}); web servers refuse more than about {MaxUrlLength:N0}. " +
                    "Shorten the search or filter, or split the values over several calls; nothing was sent.", MauticErrorKind.InvalidArgument)
                    { Method = request.Method.Method };
            var started = Stopwatch.StartNew();
            var renewed = false;
            while (true)
            {
                Raw raw;
                try
                {
                    raw = await ExecuteWithRetriesAsync(request, url, shownUrl, cancellationToken).ConfigureAwait(false);
                }
                catch (MauticApiException) { throw; }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { throw; }
                catch (Exception e)
                {
                    throw Scrubbed(TransportError(e, request.Method.Method, request.IsIdempotent, shownUrl, UnreachableBudget));
                }

                // Mautic 7.0.0's v2 API refuses every client_credentials token (401 "Invalid credentials.", measured
                // while the same token reads the v1 API): a new token would be refused too.
                var v2RefusesToken = request.V2 && raw.Status == 401 && Authenticator?.Method == "OAuth2ClientCredentials";
                if (raw.Status == 401 && !renewed && !v2RefusesToken && !request.Anonymous && Authenticator != null && Authenticator.CanRenew)
                {
                    Log(MauticLogLevel.Verbose, $"{request.Method} {shownUrl} answered 401: renewing the access token once and retrying.");
                    renewed = true;
                    await Authenticator.RenewAsync(raw.AuthHeader, TokenEndpointAsync, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (raw.Status == 407)
                    throw Scrubbed(ProxyRefused(request.Method.Method, shownUrl, null));
                // A 401 that is not Mautic's JSON, through a proxy: tinyproxy (1.11) answers wrong proxy credentials so, with a page of its own.
                if (raw.Status == 401 && ProxyUrl != null && (raw.ContentType ?? "").IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
                    throw Scrubbed(ProxyRefused(request.Method.Method, shownUrl, null, 401));
                if (raw.Status >= 300 && raw.Status < 400)
                    throw Scrubbed(new MauticApiException($"Mautic answered {request.Method} {shownUrl} with HTTP {raw.Status}{(raw.Location != null ? " redirecting to " + Redactor.Url(raw.Location) : "")}; check the base URL (http vs https, sub-folder).", MauticErrorKind.Protocol)
                        { StatusCode = raw.Status, Method = request.Method.Method, Url = shownUrl });
                JToken body;
                try { body = MauticJson.ParseBody(raw.Body, raw.Status, request.Method.Method, shownUrl); }
                catch (MauticApiException e) { throw Scrubbed(AfterGateway(e, request, raw)); }
                // A batch answer lists its items beside its errors ({contacts, statusCodes, errors}, measured on 5.1.0):
                // a body that holds errors and nothing else refused the whole request, whatever its status says.
                var wholeRefused = body is JObject only && only.Count == 1 && only["errors"] is JToken errs && errs.HasValues;
                var error = request.ItemErrors && raw.Status < 400 && !wholeRefused ? null : MauticJson.ErrorFrom(raw.Status, body, request.Method.Method, shownUrl, raw.Body);
                if (error != null && v2RefusesToken)
                    error = new MauticApiException(error.Message + " Mautic's v2 API (/api/v2) does not accept OAuth2 client-credentials tokens (measured on 7.0.0); " +
                            "connect with -Credential (Basic authentication) to use it.", MauticErrorKind.Authentication)
                        { StatusCode = 401, MauticCode = error.MauticCode, ErrorType = error.ErrorType, MauticMessage = error.MauticMessage, Method = error.Method, Url = error.Url };
                if (error != null && raw.Status == 401 && !v2RefusesToken) error = WithAuthHint(error);
                if (error != null)
                {
                    error.RetryAfter = raw.RetryAfter;
                    if (raw.Status == 429)
                        error = new MauticApiException(error.Message + (raw.Budget != null && raw.Budget.Remaining <= 0
                                ? " " + raw.Budget.UsedUp(Options.MaxRetryAfter, raw.Attempts)
                                : raw.RetryAfter.HasValue && raw.RetryAfter.Value > Options.MaxRetryAfter
                                ? $" The server asked to wait {raw.RetryAfter.Value.TotalSeconds:0} s, longer than the client waits ({Options.MaxRetryAfter.TotalSeconds:0} s); try again later."
                                : $" Still rate-limited after {raw.Attempts} tries."), MauticErrorKind.LimitsExceeded)
                            { StatusCode = 429, MauticCode = error.MauticCode, ErrorType = error.ErrorType, MauticMessage = error.MauticMessage, Details = error.Details, Method = error.Method, Url = error.Url, RetryAfter = raw.RetryAfter };
                    throw Scrubbed(AfterGateway(error, request, raw));
                }
                return new MauticResponse
                {
                    StatusCode = raw.Status, Body = body, MauticVersion = raw.Version, Duration = started.Elapsed,
                    Attempts = raw.Attempts, Location = raw.Location, DownloadedBytes = raw.Downloaded, FileName = raw.FileName, ServerDate = raw.Date,
                    EarlierTryMayHaveArrived = raw.EarlierTryMayHaveArrived,
                };
            }
        }

        /// <summary>
        /// The error of a final answer, with what the tries before it tell: an earlier try that may have reached Mautic is
        /// noted (<see cref="MauticApiException.EarlierTryMayHaveArrived"/>: a delete's 404 may be that try's work), and a
        /// 502 or 504 to a request that is not sent again (a POST) says it may have been processed: a gateway answers so
        /// also when Mautic had the request and did not answer in time (measured through tests/Mautic.FaultProxy: a
        /// 504 after the request was passed on, and Mautic saved the contacts).
        /// </summary>
        static MauticApiException AfterGateway(MauticApiException e, MauticRequest request, Raw raw)
        {
            if (raw.EarlierTryMayHaveArrived) e.EarlierTryMayHaveArrived = true;
            if (request.IsIdempotent || (raw.Status != 502 && raw.Status != 504) || e.MayHaveBeenProcessed) return e;
            return new MauticApiException($"{request.Method} {e.Url} was answered HTTP {raw.Status} ({(raw.Status == 502 ? "Bad Gateway" : "Gateway Timeout")}) " +
                    "by a gateway in front of Mautic, which answers so also after it passed the request on: Mautic may have processed it, so it was not sent again; " +
                    $"check before sending it again. The answer: {MauticJson.Snippet(e.MauticMessage ?? raw.Body)}", MauticErrorKind.Server)
                {
                    StatusCode = raw.Status, MauticCode = e.MauticCode, ErrorType = e.ErrorType, MauticMessage = e.MauticMessage, Details = e.Details,
                    Method = e.Method ?? request.Method.Method, Url = e.Url, MayHaveBeenProcessed = true, EarlierTryMayHaveArrived = e.EarlierTryMayHaveArrived,
                };
        }

        /// <summary>While set (only by MauticConnection.Open, before the client is shared), caps every call's unreachable budget, token requests included.</summary>
        internal TimeSpan? UnreachableCap { get; set; }

        TimeSpan UnreachableBudget =>
            UnreachableCap.HasValue && UnreachableCap.Value < Options.UnreachableTimeout ? UnreachableCap.Value : Options.UnreachableTimeout;

        MauticApiException TransportError(Exception e, string method, bool idempotent, string shownUrl, TimeSpan budget)
        {
            if (e is TimeoutRejectedException)
            {
                var limits = $"per try {Options.Timeout.TotalSeconds:0.#} s, all tries {Options.MaxTotalTime.TotalSeconds:0.#} s";
                var raise = $"If Mautic is only slow (a large batch, a busy server), raise the per-try limit: Connect-Mautic -TimeoutSec (now {Options.Timeout.TotalSeconds:0.#}).";
                return idempotent
                    ? new MauticApiException($"{method} {shownUrl} timed out ({limits}). {raise}", MauticErrorKind.Timeout, e) { Method = method, Url = shownUrl }
                    : new MauticApiException($"{method} {shownUrl} timed out after {Options.Timeout.TotalSeconds:0.#} s ({limits}) and was not sent again: " +
                          "the request had been sent, so Mautic may have saved it: check before sending it again. " + raise, MauticErrorKind.Timeout, e)
                        { Method = method, Url = shownUrl, MayHaveBeenProcessed = true };
            }
            if (e is MauticOfflineException)
                return new MauticApiException($"Mautic answered {method} {shownUrl} with its offline page ({e.Message})" +
                    (budget > TimeSpan.Zero ? $" for {budget.TotalSeconds:0.#} s of retrying" : "") +
                    ". It handled nothing, so nothing was changed: check Mautic's database and its var/logs, then run this again.", MauticErrorKind.Connection, e)
                    { Method = method, Url = shownUrl, StatusCode = 500 };
            var inner = e;
            while (inner.InnerException != null && (inner is HttpRequestException || inner is AggregateException)) inner = inner.InnerException;
            if (IsProxyAuthFailure(e))
                return ProxyRefused(method, shownUrl, e);
            if (TransportSecurity.IsCertificateFailure(e))
                return new MauticApiException(TransportSecurity.CertificateFailureText(method, shownUrl, e), MauticErrorKind.Connection, e) { Method = method, Url = shownUrl };
            string text;
            if (IsUnreached(e))
                text = $"Could not reach Mautic for {method} {shownUrl}: {inner.Message}" +
                       (budget > TimeSpan.Zero ? $" (still unreachable after {budget.TotalSeconds:0.#} s of retrying)" : "") +
                       ". The request never arrived, so nothing was changed.";
            else if (method == "GET" || method == "HEAD")
                text = $"Could not reach Mautic for {method} {shownUrl}: {inner.Message}";
            else
                text = $"The connection failed during {method} {shownUrl} ({inner.Message}). The request was sent, so Mautic may have " +
                       "processed it: check before sending it again.";
            return new MauticApiException(text, MauticErrorKind.Connection, e)
                { Method = method, Url = shownUrl, MayHaveBeenProcessed = !IsUnreached(e) && method != "GET" && method != "HEAD" };
        }

        /// <summary>
        /// True when the proxy refused to carry a request until it gets credentials: on .NET (Core) an https request's
        /// CONNECT answered 407 ("The proxy tunnel request to proxy '...' failed with status code '407'."); on .NET
        /// Framework a WebException with a 407 response. (A plain http request's 407 arrives as the answer instead.)
        /// </summary>
        internal bool IsProxyAuthFailure(Exception e)
        {
            if (ProxyInUse == null && Options.Proxy == null) return false;
            for (var x = e; x != null; x = x.InnerException)
            {
                if (x is WebException we && we.Response is HttpWebResponse r && (int)r.StatusCode == 407) return true;
                if (x is HttpRequestException && x.Message.Contains("'407'")) return true;
            }
            return false;
        }

        /// <summary>The ErrorType of a proxy's refusal (407, or a 401 page that is not Mautic's).</summary>
        internal const string ProxyRefusal = "proxy_refused";

        /// <summary>The error for a 407 Proxy Authentication Required: names the proxy and the parameters that sign in to it.</summary>
        MauticApiException ProxyRefused(string method, string shownUrl, Exception inner, int status = 407)
        {
            var proxy = ProxyUrl ?? "the proxy";
            var given = Options.ProxyCredential != null || Options.ProxyUseDefaultCredentials || (ProxyInUse?.Credentials?.GetCredential(ProxyInUse.GetProxy(Root) ?? Root, "Basic") != null);
            if (status == 401)
                return new MauticApiException(
                    $"{method} {shownUrl} through the proxy {proxy} was answered HTTP 401 with a page that is not Mautic's (Mautic answers 401 in JSON): " +
                    "the proxy refused the proxy credentials (some proxies, such as tinyproxy, answer 401 instead of 407), or a web server in front of Mautic wants a password of its own. " +
                    $"Check -ProxyCredential (the user and password the proxy {proxy} accepts).", MauticErrorKind.Authentication, inner)
                    { StatusCode = 401, ErrorType = ProxyRefusal, Method = method, Url = shownUrl };
            return new MauticApiException(
                $"The proxy {proxy} refused {method} {shownUrl} with HTTP 407 (Proxy Authentication Required): " +
                (given ? "it did not accept the proxy credentials given. " : "it wants a user name and password. ") +
                $"Connect with -Proxy {proxy} -ProxyCredential (a user and password the proxy accepts), or -ProxyUseDefaultCredentials to sign in to it as the current Windows user. " +
                "The request never reached Mautic, so nothing was changed.", MauticErrorKind.Authentication, inner)
                { StatusCode = 407, ErrorType = ProxyRefusal, Method = method, Url = shownUrl };
        }

        /// <summary>
        /// A 401 with what to check for the way this connection signs in. With Basic auth a 401 also comes after Basic
        /// auth was switched without clearing Mautic's cache (with the cache cleared, 5.1.0 answers Basic auth being off
        /// with 403 "Basic Auth disabled", right and wrong passwords alike: measured; see SetupHints).
        /// </summary>
        MauticApiException WithAuthHint(MauticApiException e)
        {
            var hint = SetupHints.AuthHint(Authenticator?.Method);
            if (hint == null) return e;
            return e.Reworded(e.Message + " " + hint);
        }

        MauticApiException Scrubbed(MauticApiException e)
        {
            var secrets = Secrets.ToList();
            if (secrets.Count == 0) return e;
            var text = Redactor.Scrub(e.Message, secrets);
            if (text == e.Message) return e;
            return new MauticApiException(text, e.Kind)
            {
                StatusCode = e.StatusCode, MauticCode = e.MauticCode, ErrorType = e.ErrorType,
                MauticMessage = Redactor.Scrub(e.MauticMessage, secrets), Details = e.Details, Method = e.Method, Url = e.Url, RetryAfter = e.RetryAfter,
                MayHaveBeenProcessed = e.MayHaveBeenProcessed, EarlierTryMayHaveArrived = e.EarlierTryMayHaveArrived,
            };
        }

        sealed class Raw
        {
            public int Status;
            public string Body;
            public string ContentType;
            public TimeSpan? RetryAfter;
            public string Version;
            public string Location;
            public AuthenticationHeaderValue AuthHeader;
            public int Attempts;
            public long? Downloaded;
            public string FileName;
            public DateTimeOffset? Date;
            public RateBudget Budget;
            /// <summary>A try before this one was sent and cut off, timed out or answered 502/504: it may have reached Mautic.</summary>
            public bool EarlierTryMayHaveArrived;
        }

        bool ShouldRetryStatus(Raw r, bool idempotent)
        {
            if (r.Status == 429 || r.Status == 503)
                return !(r.RetryAfter.HasValue && r.RetryAfter.Value > Options.MaxRetryAfter);
            return idempotent && (r.Status == 502 || r.Status == 504);
        }

        TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
        {
            if (retryAfter.HasValue) return retryAfter.Value < TimeSpan.Zero ? TimeSpan.Zero : retryAfter.Value;
            var baseMs = Options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
            double factor;
            lock (Jitter) factor = 0.8 + Jitter.NextDouble() * 0.4;
            var ms = Math.Min(baseMs * factor, Options.MaxRetryDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(ms);
        }

        async Task<Raw> ExecuteWithRetriesAsync(MauticRequest request, string url, string shownUrl, CancellationToken cancellationToken)
        {
            var idempotent = request.IsIdempotent;
            var attempts = 0;
            var mayHaveArrived = false;
            // Failures where the request never left are the outer policy's: it retries them for every method, by time.
            var retry = Policy<Raw>
                .Handle<HttpRequestException>(e => idempotent && !IsUnreached(e) && !TransportSecurity.IsCertificateFailure(e) && !IsProxyAuthFailure(e))
                .Or<IOException>(_ => idempotent)
                .Or<TimeoutRejectedException>(_ => idempotent)
                .OrResult(r => ShouldRetryStatus(r, idempotent))
                .WaitAndRetryAsync(
                    Options.MaxRetries,
                    (attempt, outcome, ctx) => Backoff(attempt, outcome.Result?.RetryAfter),
                    (outcome, delay, attempt, ctx) =>
                    {
                        var why = outcome.Exception != null ? outcome.Exception.GetType().Name + ": " + Redactor.Url(outcome.Exception.Message) : "HTTP " + outcome.Result.Status;
                        // A reset, a cut-off answer, a time-out or a gateway's 502/504: this try may have reached Mautic.
                        if (outcome.Exception != null ? !IsUnreached(outcome.Exception) : outcome.Result.Status == 502 || outcome.Result.Status == 504) mayHaveArrived = true;
                        Log(MauticLogLevel.Verbose, $"{request.Method} {shownUrl} failed ({why}); retry {attempt} of {Options.MaxRetries} in {delay.TotalSeconds:0.##} s.");
                        return Task.CompletedTask;
                    });
            var since = Stopwatch.StartNew();
            var budget = UnreachableBudget;
            var unreachable = Policy<Raw>
                .Handle<Exception>(e => (IsUnreached(e) || e is MauticOfflineException) && since.Elapsed < budget)
                .WaitAndRetryForeverAsync(
                    (attempt, outcome, ctx) => UnreachableDelay(attempt, since.Elapsed, budget),
                    (outcome, delay, ctx) =>
                    {
                        var why = outcome.Exception is MauticOfflineException ? "Mautic is offline (" + outcome.Exception.Message + ")"
                            : "Mautic cannot be reached (" + Redactor.Url(Innermost(outcome.Exception).Message) + ")";
                        Log(MauticLogLevel.Verbose, $"{request.Method} {shownUrl}: {why}; trying again in {delay.TotalSeconds:0.##} s (for up to {budget.TotalSeconds:0} s).");
                        return Task.CompletedTask;
                    });
            var perTry = Policy.TimeoutAsync<Raw>(Options.Timeout, TimeoutStrategy.Optimistic);
            var overall = Policy.TimeoutAsync<Raw>(Options.MaxTotalTime, TimeoutStrategy.Optimistic);
            await PaceAsync(request.Method.Method + " " + shownUrl, cancellationToken).ConfigureAwait(false);
            var raw = await overall.WrapAsync(unreachable.WrapAsync(retry.WrapAsync(perTry))).ExecuteAsync(
                ct => AttemptAsync(request, url, shownUrl, ++attempts, ct), cancellationToken).ConfigureAwait(false);
            raw.Attempts = attempts;
            raw.EarlierTryMayHaveArrived = mayHaveArrived;
            return raw;
        }

        /// <summary>Mautic's API rate limit as its last answer stated it (X-RateLimit-* headers); null when the server sends none.</summary>
        public RateBudget LastBudget { get => Volatile.Read(ref _budget); private set => Volatile.Write(ref _budget, value); }
        RateBudget _budget;

        /// <summary>
        /// Keeps a call within Mautic's API rate limit, as its last answer stated it: with the budget used up, waits for the
        /// reset when that is within <see cref="MauticClientOptions.MaxRetryAfter"/>, and otherwise fails at once naming it,
        /// without spending a call; with a tenth of it or less left, spreads the calls left evenly until the reset (when
        /// that pace is within the same limit), so a bulk job slows down instead of running into a wall.
        /// </summary>
        async Task PaceAsync(string what, CancellationToken ct)
        {
            var b = LastBudget;
            if (b == null) return;
            var left = b.Left;
            if (left <= TimeSpan.Zero) return;
            if (b.Remaining <= 0)
            {
                if (left > Options.MaxRetryAfter)
                    throw new MauticApiException($"{what} was not sent: {b.UsedUp(Options.MaxRetryAfter, 0)}", MauticErrorKind.LimitsExceeded) { StatusCode = 429 };
                Log(MauticLogLevel.Verbose, $"Mautic's API rate limit ({b.Limit} calls per hour) is used up until {b.ResetText}: waiting {left.TotalSeconds:0} s before {what}.");
                await Task.Delay(left + TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                return;
            }
            if (b.Remaining > Math.Max(1, b.Limit / 10)) return;
            var pace = TimeSpan.FromTicks(left.Ticks / (b.Remaining + 1));
            if (pace > Options.MaxRetryAfter || pace < TimeSpan.FromMilliseconds(50)) return;
            Log(MauticLogLevel.Verbose, $"Mautic's API rate limit is running low ({b}): pacing, {pace.TotalSeconds:0.#} s before {what}.");
            await Task.Delay(pace, ct).ConfigureAwait(false);
        }

        /// <summary>The least wait between two tries at an unreachable server, even with RetryDelay 0: never a busy loop.</summary>
        static readonly TimeSpan MinUnreachableDelay = TimeSpan.FromMilliseconds(250);

        TimeSpan UnreachableDelay(int attempt, TimeSpan elapsed, TimeSpan budget)
        {
            var delay = Backoff(attempt, null);
            if (delay < MinUnreachableDelay) delay = MinUnreachableDelay;
            if (delay > Options.UnreachableRetryDelay) delay = Options.UnreachableRetryDelay;
            var left = budget - elapsed;
            // The last wait ends just past the budget, so the try after it is the last one: a wait of what is left to the
            // millisecond could end a hair early and allow another try at once (seen under load: two 0 s waits in a row).
            return delay < left ? delay : (left > TimeSpan.Zero ? left + TimeSpan.FromMilliseconds(20) : TimeSpan.Zero);
        }

        static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        /// <summary>
        /// Mautic's offline answer: HTTP 500 with "The site is currently offline due to encountering an error." (as JSON
        /// errors when asked for JSON, as the client asks, else as the "Site is offline" HTML page), what 5.1.0 and 7.0.0
        /// answer every request (the API, the token endpoint, HTTP Basic) while they cannot reach their database, before
        /// handling any (measured with MariaDB stopped). Waited out like an unreachable server, whatever the method:
        /// nothing was handled.
        /// </summary>
        internal static bool IsOfflinePage(int status, string body) =>
            status == 500 && body != null && body.IndexOf("The site is currently offline due to encountering an error", StringComparison.Ordinal) >= 0;

        /// <summary>An attempt answered with Mautic's offline page (<see cref="IsOfflinePage"/>).</summary>
        internal sealed class MauticOfflineException : Exception
        {
            public MauticOfflineException() : base("HTTP 500, 'The site is currently offline': it cannot reach its database, or could not start") { }
        }

        /// <summary>
        /// True when the request cannot have reached the server: the connection was refused or the host could not be
        /// found or reached. Retrying such a request is safe whatever its method. A reset or a cut-off answer is not
        /// this: the request may have been processed.
        /// </summary>
        internal static bool IsUnreached(Exception e)
        {
            for (var x = e; x != null; x = x.InnerException)
            {
                if (x is System.Net.Sockets.SocketException se)
                {
                    switch (se.SocketErrorCode)
                    {
                        case System.Net.Sockets.SocketError.ConnectionRefused:
                        case System.Net.Sockets.SocketError.HostNotFound:
                        case System.Net.Sockets.SocketError.HostUnreachable:
                        case System.Net.Sockets.SocketError.NetworkUnreachable:
                        case System.Net.Sockets.SocketError.NetworkDown:
                        case System.Net.Sockets.SocketError.TryAgain:
                        case System.Net.Sockets.SocketError.NoData:
                            return true;
                    }
                }
                // .NET Framework's HttpClient reports these as a WebException.
                if (x is WebException we && (we.Status == WebExceptionStatus.ConnectFailure || we.Status == WebExceptionStatus.NameResolutionFailure))
                    return true;
            }
            return false;
        }

        async Task<Raw> AttemptAsync(MauticRequest request, string url, string shownUrl, int attempt, CancellationToken ct)
        {
            using (var message = new HttpRequestMessage(request.Method, url))
            {
                string bodyText = null, contentType = null;
                if (request.Form != null)
                {
                    message.Content = new FormUrlEncodedContent(request.Form);
                    contentType = "application/x-www-form-urlencoded";
                    bodyText = string.Join("&", request.Form.Select(kv => kv.Key + "=" + kv.Value));
                }
                else if (request.Body != null)
                {
                    bodyText = request.Body.ToString(Formatting.None);
                    contentType = request.ContentType ?? "application/json";
                    message.Content = new StringContent(bodyText, Encoding.UTF8, contentType);
                }
                else if (request.Upload != null)
                {
                    message.Content = Transfer.UploadContent(request.Upload, request.Progress);
                }
                AuthenticationHeaderValue auth = null;
                if (!request.Anonymous && Authenticator != null)
                {
                    auth = await Authenticator.GetHeaderAsync(TokenEndpointAsync, ct).ConfigureAwait(false);
                    message.Headers.Authorization = auth;
                }
                Log(MauticLogLevel.Verbose, $"{request.Method} {shownUrl}" +
                    (request.Upload == null ? ""
                        : request.Upload.FieldName == null ? $" (uploading {request.Upload.FileName}, {message.Content.Headers.ContentLength} bytes as the {request.Upload.ContentType} body)"
                        : $" (uploading {request.Upload.FileName}, {message.Content.Headers.ContentLength} bytes as multipart field '{request.Upload.FieldName}')"));
                if (bodyText != null) Log(MauticLogLevel.Debug, $"Request body: {Redactor.Body(bodyText, contentType)}");
                var sw = Stopwatch.StartNew();
                var completion = request.DownloadTo != null ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
                using (var response = await _http.SendAsync(message, completion, ct).ConfigureAwait(false))
                {
                    string text;
                    long? downloaded = null;
                    var status = (int)response.StatusCode;
                    if (request.DownloadTo != null && status >= 200 && status < 300 && response.Content != null && (request.DownloadJson || !Transfer.IsJson(response.Content.Headers.ContentType?.MediaType)))
                    {
                        downloaded = await Transfer.DownloadAsync(response.Content, request.DownloadTo, request.Progress, ct).ConfigureAwait(false);
                        text = "";
                    }
                    else text = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var raw = new Raw
                    {
                        Downloaded = downloaded,
                        FileName = Transfer.FileNameOf(response.Content),
                        Status = (int)response.StatusCode,
                        Body = text,
                        ContentType = response.Content?.Headers.ContentType?.MediaType,
                        RetryAfter = ReadRetryAfter(response),
                        Location = response.Headers.Location?.ToString(),
                        AuthHeader = auth,
                        Date = response.Headers.Date,
                    };
                    if (raw.Date.HasValue) LastServerDate = raw.Date;
                    raw.Budget = RateBudget.From(response, raw.Date);
                    if (raw.Budget != null)
                    {
                        LastBudget = raw.Budget;
                        // Mautic's limiter answers 429 with no Retry-After: the reset its headers name is when to try again.
                        if (raw.Status == 429 && raw.RetryAfter == null && raw.Budget.Remaining <= 0) raw.RetryAfter = raw.Budget.Left + TimeSpan.FromSeconds(1);
                    }
                    if (response.Headers.TryGetValues("Mautic-Version", out var versions))
                    {
                        raw.Version = versions.FirstOrDefault();
                        if (!string.IsNullOrEmpty(raw.Version)) MauticVersion = raw.Version;
                    }
                    Log(MauticLogLevel.Verbose, $"{request.Method} {shownUrl} -> {raw.Status} in {sw.ElapsedMilliseconds} ms{(attempt > 1 ? " (attempt " + attempt + ")" : "")}" +
                        (downloaded.HasValue ? $", {downloaded} bytes written to {request.DownloadTo}" : "") + (raw.Budget != null ? " (" + raw.Budget + ")" : ""));
                    Log(MauticLogLevel.Debug, $"Response body ({text.Length} chars): {Redactor.Body(text.Length > 4000 ? text.Substring(0, 4000) + "…" : text, raw.ContentType)}");
                    if (IsOfflinePage(raw.Status, text)) throw new MauticOfflineException();
                    return raw;
                }
            }
        }

        static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            var ra = response.Headers.RetryAfter;
            if (ra == null)
            {
                // A Retry-After the typed parser rejected (e.g. with spaces) is still worth honouring.
                if (response.Headers.TryGetValues("Retry-After", out var values) &&
                    double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                    return TimeSpan.FromSeconds(Math.Max(0, s));
                return null;
            }
            if (ra.Delta.HasValue) return ra.Delta.Value;
            if (ra.Date.HasValue)
            {
                var wait = ra.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        /// <summary>The OAuth2 token endpoint at the site root. Its answers never reach a log body unredacted.</summary>
        internal async Task<JObject> TokenEndpointAsync(IReadOnlyDictionary<string, string> form, CancellationToken ct)
        {
            var request = new MauticRequest(HttpMethod.Post, "oauth/v2/token") { FromRoot = true, Anonymous = true, Form = form };
            try
            {
                var response = await SendAsync(request, ct).ConfigureAwait(false);
                return response.Body as JObject
                       ?? throw new MauticApiException("Mautic's token endpoint did not answer with a JSON object.", MauticErrorKind.Authentication);
            }
            catch (MauticApiException e) when (e.Kind != MauticErrorKind.Connection && e.Kind != MauticErrorKind.Timeout && e.Kind != MauticErrorKind.Authentication)
            {
                throw new MauticApiException("Mautic refused the OAuth2 credentials: " + e.MauticMessage + (e.ErrorType != null ? " (" + e.ErrorType + ")" : ""), MauticErrorKind.Authentication, e)
                    { StatusCode = e.StatusCode, ErrorType = e.ErrorType, MauticMessage = e.MauticMessage, Method = e.Method, Url = e.Url };
            }
        }

        internal void Log(MauticLogLevel level, string message)
        {
            MauticLog.Write(Options.Log, level, Redactor.Scrub(message, Secrets));
        }
    }
}
