using System.Net;
using System.Security;
using Mautic.Client.Auth;

namespace Mautic.PowerShell.Cmdlets.Connection
{
    /// <summary>Connects to a Mautic, proves the connection with one call, and keeps it for this session.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Mautic", DefaultParameterSetName = Basic, HelpUri = MauticHelp.Online + "Connect-Mautic.md")]
    [OutputType(typeof(MauticConnection))]
    public sealed class ConnectMautic : MauticCmdletBase
    {
        const string Basic = "Basic";
        const string ClientCredentials = "ClientCredentials";
        const string Refresh = "RefreshToken";
        const string Token = "AccessToken";

        [Parameter(Mandatory = true, Position = 0)]
        [Alias("Url", "Uri")]
        [ValidateNotNullOrEmpty]
        public string BaseUrl { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Basic)]
        [Credential]
        public PSCredential Credential { get; set; }

        /// <summary>OAuth2 client: the user name is the client id (public key), the password the client secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientCredentials)]
        [Parameter(Mandatory = true, ParameterSetName = Refresh)]
        [Credential]
        public PSCredential ClientCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Refresh)]
        public SecureString RefreshToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Token)]
        public SecureString AccessToken { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 4;

        /// <summary>First back-off delay in seconds; it doubles per retry (with jitter). A Retry-After from Mautic wins.</summary>
        [Parameter]
        [ValidateRange(0.0, 60.0)]
        public double RetryDelaySec { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>
        /// How long each call keeps retrying while Mautic cannot be reached (connection refused, unknown host), for every
        /// method, since such a request never arrived. 0 fails at once.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int UnreachableTimeoutSec { get; set; } = 60;

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Accepts any server certificate for this connection only (self-signed test instances), as Invoke-RestMethod's switch does.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>The proxy to send every request through (loopback included), as Invoke-RestMethod's -Proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri Proxy { get; set; }

        /// <summary>The user name and password the proxy wants (its 407); needs -Proxy.</summary>
        [Parameter]
        [Credential]
        public PSCredential ProxyCredential { get; set; }

        /// <summary>Signs in to the proxy as the current (Windows) user; needs -Proxy.</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            // A URL that is no http(s) address stops here, before anything is sent, with the URL (any credentials in it
            // blanked) as the error's target.
            try { MauticClientOptions.NormaliseRoot(BaseUrl); }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, Mautic.Client.Http.Redactor.Url(BaseUrl ?? ""))); }
            // A failure here is terminating (the base turns the exception into the ErrorRecord): nothing can proceed.
            var connection = MauticConnection.Open(new MauticClientOptions
            {
                BaseUrl = BaseUrl,
                Authenticator = CreateAuthenticator(),
                MaxRetries = MaxRetries,
                RetryDelay = TimeSpan.FromSeconds(RetryDelaySec),
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                UnreachableTimeout = TimeSpan.FromSeconds(UnreachableTimeoutSec),
                AllowInsecureAuthentication = AllowUnencryptedAuthentication,
                SkipCertificateCheck = SkipCertificateCheck,
            }.WithProxy(Proxy, ProxyCredential, ProxyUseDefaultCredentials), CancellationToken);
            MauticSession.Set(SessionState, connection);
            if (connection.SkipCertificateCheck)
                WriteWarning($"-SkipCertificateCheck: this connection to {connection.BaseUrl} accepts any server certificate, so whoever sits between this computer and " +
                             "the server can read and change its traffic, credentials included. Use it only with test instances.");
            if (connection.Proxy != null) WriteVerbose($"Requests to {connection.BaseUrl} go through the proxy {connection.Proxy} ({connection.ProxySource}).");
            WriteVerbose($"Connected to {connection.BaseUrl} with {connection.AuthMethod}{(connection.UserName != null ? " as " + connection.UserName : "")} (Mautic {connection.MauticVersion ?? "version unknown"}).");
            if (PassThru) WriteObject(Wrap(connection));
        }

        internal static PSObject Wrap(MauticConnection connection)
        {
            var o = new PSObject(connection);
            o.TypeNames.Insert(0, "Mautic.Connection");
            return o;
        }

        IAuthenticator CreateAuthenticator()
        {
            switch (ParameterSetName)
            {
                case ClientCredentials:
                    return ClientCredentialsOf(ClientCredential);
                case Refresh:
                    return OAuth2Authenticator.RefreshToken(ClientCredential.UserName, ClientCredential.GetNetworkCredential().Password, Plain(RefreshToken), scope: BaseUrl);
                case Token:
                    return new AccessTokenAuthenticator(Plain(AccessToken));
                default:
                    return BasicOf(Credential);
            }
        }

        internal static IAuthenticator BasicOf(PSCredential credential) => new BasicAuthenticator(credential.GetNetworkCredential());

        internal static IAuthenticator ClientCredentialsOf(PSCredential client) =>
            OAuth2Authenticator.ClientCredentials(client.UserName, client.GetNetworkCredential().Password);

        static string Plain(SecureString s) => new NetworkCredential(string.Empty, s).Password;
    }

    static class ProxyOptions
    {
        /// <summary>-Proxy, -ProxyCredential and -ProxyUseDefaultCredentials into the options (the client checks how they combine).</summary>
        internal static MauticClientOptions WithProxy(this MauticClientOptions options, Uri proxy, PSCredential credential, bool useDefaultCredentials)
        {
            options.Proxy = proxy;
            options.ProxyCredential = credential?.GetNetworkCredential();
            options.ProxyUseDefaultCredentials = useDefaultCredentials;
            return options;
        }
    }
}
