using Mautic.Client.Operations;

namespace Mautic.PowerShell.Cmdlets.Connection
{
    /// <summary>
    /// Diagnoses a connection, one object per check (reachable, TLS, API enabled, Basic auth, credentials, role and
    /// permissions, server version, clock skew), each with its status and the fix in words. Works on a connection
    /// (-Connection, else the session's) or on a URL and credentials before Connect-Mautic succeeds.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MauticConnection", DefaultParameterSetName = Session, HelpUri = MauticHelp.Online + "Test-MauticConnection.md")]
    [OutputType(typeof(MauticCheck))]
    public sealed class TestMauticConnection : MauticCmdletBase
    {
        const string Session = "Connection";
        const string ByUrl = "Url";

        /// <summary>The connection to diagnose; defaults to the session's.</summary>
        [Parameter(ParameterSetName = Session, ValueFromPipeline = true)]
        public MauticConnection Connection { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByUrl)]
        [Alias("BaseUrl", "Uri")]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        [Credential]
        public PSCredential ClientCredential { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        [ValidateNotNull]
        public Uri Proxy { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        [Credential]
        public PSCredential ProxyCredential { get; set; }

        [Parameter(ParameterSetName = ByUrl)]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        protected override void Process()
        {
            MauticClientOptions options;
            if (ParameterSetName == ByUrl)
            {
                if (Credential != null && ClientCredential != null)
                    throw new MauticApiException("-Credential (HTTP Basic) and -ClientCredential (OAuth2) cannot be used together: give the one the connection will use.", MauticErrorKind.InvalidArgument);
                options = new MauticClientOptions
                {
                    BaseUrl = Url,
                    Authenticator = Credential != null ? ConnectMautic.BasicOf(Credential) : ClientCredential != null ? ConnectMautic.ClientCredentialsOf(ClientCredential) : null,
                    SkipCertificateCheck = SkipCertificateCheck,
                    AllowInsecureAuthentication = AllowUnencryptedAuthentication,
                }.WithProxy(Proxy, ProxyCredential, ProxyUseDefaultCredentials);
            }
            else
            {
                var connection = Connection ?? MauticSession.Get(SessionState);
                if (connection == null)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException("Not connected to Mautic: run Connect-Mautic first, pass -Connection, or give -Url (and -Credential or -ClientCredential) to diagnose before connecting."),
                        "MauticNotConnected", ErrorCategory.ConnectionError, null));
                    return;
                }
                options = connection.Client.Options;
            }
            foreach (var check in ConnectionDoctor.Run(options, CancellationToken))
            {
                FlushLog();
                var o = new PSObject(check);
                o.TypeNames.Insert(0, "Mautic.ConnectionCheck");
                WriteObject(o);
            }
        }
    }
}
