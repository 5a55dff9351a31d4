using System.Security;
using Mautic.Client.Auth;
using Mautic.Client.Operations;

namespace Mautic.Client
{
    /// <summary>
    /// A verified connection: the client plus what was learnt when connecting. This is the object Connect-Mautic
    /// returns and every cmdlet's -Connection takes. Its public surface is plain facts: the client, the services and
    /// through them the authenticator are internal, so serializing it (ConvertTo-Json, Export-Clixml, job output
    /// in Azure Automation) at any depth reaches no secret.
    /// </summary>
    public sealed class MauticConnection : IDisposable
    {
        MauticConnection(MauticClient client, JObject self)
        {
            Client = client;
            ConnectedAt = DateTime.UtcNow;
            UserId = MauticJson.ToLong(self?["id"]);
            UserName = self?["username"]?.ToString();
            var role = self?["role"];
            Role = role is JObject ro ? ro["name"]?.ToString() : role?.ToString();
            if (client.Authenticator is OAuth2Authenticator oauth)
                oauth.RefreshTokenChanged += (s, e) => RefreshTokenChanged?.Invoke(this, e);
        }

        internal MauticClient Client { get; }

        /// <summary>A 404 from a route under a record, reworded to name the record that is missing (see <see cref="Operations.MissingRecord.ExplainSubResource"/>).</summary>
        public MauticApiException ExplainNotFound(MauticApiException e, CancellationToken ct = default) => Operations.MissingRecord.ExplainSubResource(Client, e, ct);
        public string BaseUrl => Client.Root.AbsoluteUri.TrimEnd('/');
        public string AuthMethod => Client.Authenticator?.Method ?? "None";
        /// <summary>The Mautic user the connection acts as (for client_credentials, the client's user, when Mautic says).</summary>
        public string UserName { get; }
        public long? UserId { get; }
        public string Role { get; }
        public string ClientId => Client.Authenticator is OAuth2Authenticator o ? o.Principal : null;
        public string MauticVersion => Client.MauticVersion;
        /// <summary>
        /// Whether the server serves the v2 API (/api/v2, API Platform: projects and the rest): Mautic 7.0 and later,
        /// keyed on the version it reports (false while that is unknown).
        /// </summary>
        public bool ApiV2 => Client.ServerIsAtLeast(MauticVersions.V7);
        public DateTime ConnectedAt { get; }
        /// <summary>True when Connect-Mautic was told -SkipCertificateCheck: this connection accepts any server certificate.</summary>
        public bool SkipCertificateCheck => Client.Options.SkipCertificateCheck;
        /// <summary>The proxy the connection's requests go through (never its user name or password); null: none set (the system's, if any, applies).</summary>
        public string Proxy => Client.ProxyUrl;
        /// <summary>Where <see cref="Proxy"/> came from: "-Proxy", the environment variables that named it (HTTPS_PROXY, NO_PROXY), or "System".</summary>
        public string ProxySource => Client.ProxySource;
        /// <summary>The user name the connection signs in to its proxy with (-ProxyCredential); "(default credentials)" with -ProxyUseDefaultCredentials.</summary>
        public string ProxyUserName => Client.Options.ProxyUseDefaultCredentials ? "(default credentials)" : Client.Options.ProxyCredential?.UserName;
        public int MaxRetries => Client.Options.MaxRetries;
        public TimeSpan RetryDelay => Client.Options.RetryDelay;
        public int TimeoutSec => (int)Client.Options.Timeout.TotalSeconds;
        /// <summary>How long a call keeps retrying while Mautic cannot be reached (connection refused, host unknown).</summary>
        public int UnreachableTimeoutSec => (int)Client.Options.UnreachableTimeout.TotalSeconds;

        readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> _services = new System.Collections.Concurrent.ConcurrentDictionary<Type, object>();

        /// <summary>
        /// The connection's one instance of an operations service (ContactService, UserService, ThemeService, ...), made
        /// on first use: each takes the client alone, and each area's standard routes come from <see cref="Area"/>.
        /// </summary>
        internal T Service<T>() where T : class => (T)_services.GetOrAdd(typeof(T), t => Activator.CreateInstance(t, Client));

        internal ContactService Contacts => Service<ContactService>();
        internal SegmentService Segments => Service<SegmentService>();
        internal EmailService Emails => Service<EmailService>();
        internal CampaignService Campaigns => Service<CampaignService>();
        internal StatsService Stats => Service<StatsService>();
        /// <summary>Per contact and e-mail: sends, opens, clicks and bounces, read in bulk from the stats tables.</summary>
        internal EngagementService Engagement => Service<EngagementService>();
        /// <summary>A contact's do-not-contact entries, UTM tags, points, group scores, devices, companies and activity.</summary>
        internal ContactExtrasService ContactExtras => Service<ContactExtrasService>();
        /// <summary>Membership changes with no batch route (company, stage, segment removal), bounded concurrency.</summary>
        internal MembershipService Memberships => Service<MembershipService>();
        /// <summary>The users' and points' routes beyond the standard ten (self, lookups, permission check, types, trigger events).</summary>
        internal UserService Users => Service<UserService>();
        /// <summary>Focus items' generated embed script (POST focus/{id}/js).</summary>
        internal FocusService Focus => Service<FocusService>();
        /// <summary>The media folders: list, streamed upload, delete.</summary>
        internal FileService Files => Service<FileService>();
        /// <summary>Themes: list, zip download and upload (streamed), delete.</summary>
        internal ThemeService Themes => Service<ThemeService>();
        /// <summary>Forms' submissions (all of a form, of one contact, one by id).</summary>
        internal FormService Forms => Service<FormService>();
        /// <summary>Text messages' send to one contact (GET smses/{id}/contact/{contactId}/send), bounded concurrency.</summary>
        internal SmsService Sms => Service<SmsService>();
        /// <summary>Projects (Mautic 7's /api/v2/projects) and the project lists of v1 records.</summary>
        internal ProjectService Projects => Service<ProjectService>();
        /// <summary>Contacts' category subscriptions: read through v1's lead_categories stats table, written through 7.0's /api/v2/contactcategories.</summary>
        internal ContactCategoryService ContactCategories => Service<ContactCategoryService>();
        /// <summary>Dashboard widget types and widget data (GET data, data/{type}).</summary>
        internal DashboardService Dashboard => Service<DashboardService>();

        readonly System.Collections.Concurrent.ConcurrentDictionary<MauticResource, EntityService> _areas =
            new System.Collections.Concurrent.ConcurrentDictionary<MauticResource, EntityService>();

        /// <summary>The standard operations of any area of the resource table.</summary>
        internal EntityService Area(MauticResource resource) => _areas.GetOrAdd(resource, r =>
            r == MauticResources.Notes || r == MauticResources.Devices ? new ContactOwnedService(Client, r)
            : r == MauticResources.Reports ? new ReportService(Client)
            : r == MauticResources.Webhooks ? new WebhookService(Client)
            : r == MauticResources.Tags ? new TagService(Client)
            : new EntityService(Client, r));

        /// <summary>A reader of an area's uuids (Mautic 7's v2 API), for one command: it keeps what it has read.</summary>
        internal UuidReader Uuids(MauticResource resource) => new UuidReader(Client, resource);

        /// <summary>Reports: the standard routes plus the compiled report's rows (one per connection, like every area).</summary>
        internal ReportService Reports => (ReportService)Area(MauticResources.Reports);

        /// <summary>Webhooks: the standard routes plus the trigger list, read once per connection.</summary>
        internal WebhookService Webhooks => (WebhookService)Area(MauticResources.Webhooks);

        /// <summary>Raised when Mautic hands out a new (single-use) refresh token; persist it to reconnect later.</summary>
        public event EventHandler<RefreshTokenChangedEventArgs> RefreshTokenChanged;

        /// <summary>The refresh token now in force, as a SecureString (null unless connected with a refresh token).</summary>
        public SecureString GetRefreshToken()
        {
            var token = (Client.Authenticator as OAuth2Authenticator)?.CurrentRefreshToken;
            if (token == null) return null;
            var s = new SecureString();
            foreach (var c in token) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        public void Dispose() => Client.Dispose();

        public override string ToString() => BaseUrl + " (" + AuthMethod + (UserName != null ? ", " + UserName : "") + ")";

        /// <summary>
        /// Builds the client and proves it works with one call (GET /api/users/self). Failure comes back as one
        /// exception whose message tells a wrong URL, a disabled API, disabled Basic auth and bad credentials apart.
        /// </summary>
        /// <summary>The longest Connect-Mautic waits for an unreachable server (later calls use the whole UnreachableTimeout).</summary>
        public static readonly TimeSpan ConnectUnreachableTimeout = TimeSpan.FromSeconds(10);

        public static MauticConnection Open(MauticClientOptions options, CancellationToken ct = default)
        {
            var client = new MauticClient(options);
            try
            {
                JObject self;
                try
                {
                    // A mistyped URL should fail within seconds, not after the whole unreachable budget: the proving
                    // call (and its token request) waits at most ConnectUnreachableTimeout for a server not there (yet).
                    client.UnreachableCap = ConnectUnreachableTimeout;
                    try { self = client.Send(MauticRequest.Get("users/self"), ct).Body as JObject; }
                    finally { client.UnreachableCap = null; }
                }
                catch (MauticApiException e) when (ProvenByToken(client, e))
                {
                    // A client_credentials token acts as the client's role, not a user: Mautic may not describe
                    // a "self". The token grant at this root already proved the URL and the credentials.
                    client.Log(MauticLogLevel.Warning, $"Connected, but Mautic did not describe the API user ({e.Message}).");
                    return new MauticConnection(client, null);
                }
                if (self == null)
                    throw new MauticApiException($"{client.Root}api/users/self did not answer with a JSON object; check the base URL.", MauticErrorKind.Protocol);
                return new MauticConnection(client, self);
            }
            catch (MauticApiException e)
            {
                client.Dispose();
                throw Explain(e, client.Root, options.Authenticator);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        static bool ProvenByToken(MauticClient client, MauticApiException e) =>
            client.Authenticator is OAuth2Authenticator oauth && oauth.TokenRequests > 0 && e.ErrorType != "api_disabled" &&
            (e.Kind == MauticErrorKind.PermissionDenied || e.Kind == MauticErrorKind.NotFound || e.Kind == MauticErrorKind.Server || e.Kind == MauticErrorKind.Protocol);

        static MauticApiException Explain(MauticApiException e, Uri root, IAuthenticator auth)
        {
            string text;
            var kind = e.Kind;
            var who = auth?.Principal != null ? " for '" + auth.Principal + "'" : "";
            if (e.ErrorType == MauticClient.ProxyRefusal)
                text = e.Message;   // the proxy's refusal, already naming the proxy and -ProxyCredential
            else if (e.ErrorType == "api_disabled" && e.StatusCode == 403)
                text = SetupHints.ApiDisabled(root);
            else if (e.ErrorType == "access_denied" && e.StatusCode == 403 && auth is BasicAuthenticator)
                text = SetupHints.BasicDisabled(root);
            else if (e.Kind == MauticErrorKind.Authentication || e.StatusCode == 401)
            {
                kind = MauticErrorKind.Authentication;
                text = $"Mautic at {root} rejected the credentials{who}: {e.MauticMessage ?? e.Message}{(e.ErrorType != null ? " (" + e.ErrorType + ")" : "")}.";
                var hint = SetupHints.AuthHint(auth?.Method);
                if (hint != null && !text.Contains(hint)) text += " " + hint;
            }
            else if (e.StatusCode == 403)
                text = $"Mautic at {root} refused access{who}: {e.MauticMessage ?? e.Message}";
            else if (Http.TransportSecurity.IsCertificateFailure(e))
                text = $"Could not connect securely to Mautic at {root}: {e.Message}";
            else if (e.Kind == MauticErrorKind.Connection || e.Kind == MauticErrorKind.Timeout)
                text = $"Could not reach Mautic at {root}: {e.Message}";
            else if (e.StatusCode == 404 || e.Kind == MauticErrorKind.Protocol || e.Kind == MauticErrorKind.InvalidArgument)
            {
                kind = e.Kind == MauticErrorKind.InvalidArgument ? e.Kind : MauticErrorKind.NotFound;
                text = e.Kind == MauticErrorKind.InvalidArgument ? e.Message : $"No Mautic API answered at {root}api/ ({e.Message}). Check the base URL.";
            }
            else
                text = $"Connecting to Mautic at {root} failed: {e.Message}";
            return new MauticApiException(text, kind, e)
            {
                StatusCode = e.StatusCode, MauticCode = e.MauticCode, ErrorType = e.ErrorType, MauticMessage = e.MauticMessage,
                Details = e.Details, Method = e.Method, Url = e.Url,
            };
        }
    }
}
