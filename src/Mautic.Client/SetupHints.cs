namespace Mautic.Client
{
    /// <summary>
    /// The one wording of what an administrator changes in Mautic when the API refuses a client: used by the error
    /// mapping (a 401's hint, Connect-Mautic's explanations) and by Test-MauticConnection's Fix column.
    /// </summary>
    internal static class SetupHints
    {
        const string Settings = "in Mautic, Configuration > API Settings: 'API enabled?' must be Yes";
        const string Cache = "and Mautic's cache must be cleared after changing them (php bin/console cache:clear, or empty var/cache), or the old settings stay in force.";
        const string ClearCache = "then clear Mautic's cache (on the server, in Mautic's folder: php bin/console cache:clear, or empty var/cache), or the old setting stays in force.";

        /// <summary>The fix when the API is off (403 api_disabled).</summary>
        internal const string EnableApi = "In Mautic, Settings (the cogwheel) > Configuration > API Settings: set 'API enabled?' to Yes and save; " + ClearCache;

        /// <summary>The fix when HTTP Basic auth is off (403 access_denied "Basic Auth disabled").</summary>
        internal const string EnableBasic = "In Mautic, Settings (the cogwheel) > Configuration > API Settings: set 'Enable HTTP basic auth?' to Yes and save; " + ClearCache +
                                            " Or connect with OAuth2 (-ClientCredential).";

        internal static string ApiDisabled(Uri root) => $"The API of the Mautic at {root} is disabled. {EnableApi}";

        internal static string BasicDisabled(Uri root) => $"Basic authentication is disabled on the Mautic at {root}. {EnableBasic}";

        /// <summary>What to check after a 401, for the way a connection signs in (<see cref="Auth.IAuthenticator.Method"/>; null: none).</summary>
        internal static string AuthHint(string method)
        {
            switch (method)
            {
                case "Basic":
                    return $"Check the user name and password. If they are right, HTTP Basic auth may be off: {Settings} and 'Enable HTTP basic auth?' Yes, {Cache} " +
                           "If it is on, the web server may be dropping the Authorization header (a known PHP-FPM/CGI problem).";
                case "OAuth2ClientCredentials":
                case "OAuth2RefreshToken":
                    return $"Mautic refused the OAuth2 access token. Check the client id and secret (Settings > API Credentials, an OAuth 2 credential) and that the user it acts for may use the API; {Settings}, {Cache}";
                case "AccessToken":
                    return "Mautic refused the access token: it may have expired (connect with -ClientCredential or -RefreshToken to have it renewed), or " +
                           $"the API may be off: {Settings}, {Cache}";
                case null:
                    return "This call was sent without credentials: connect with -Credential or -ClientCredential.";
                default:
                    return null;
            }
        }
    }
}
