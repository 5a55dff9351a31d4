using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Mautic.Client.Auth
{
    /// <summary>Posts a form to the OAuth2 token endpoint (through the client's retry pipeline) and returns the parsed answer.</summary>
    public delegate Task<JObject> TokenEndpoint(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken);

    public interface IAuthenticator
    {
        /// <summary>Basic, OAuth2ClientCredentials, OAuth2RefreshToken or AccessToken.</summary>
        string Method { get; }
        /// <summary>Who authenticates (user name or client id); never a secret.</summary>
        string Principal { get; }
        /// <summary>Whether a 401 can be answered by fetching a new token.</summary>
        bool CanRenew { get; }
        Task<AuthenticationHeaderValue> GetHeaderAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken);
        /// <summary>Called after a 401: renews unless another caller already replaced <paramref name="rejected"/>.</summary>
        Task RenewAsync(AuthenticationHeaderValue rejected, TokenEndpoint tokenEndpoint, CancellationToken cancellationToken);
        /// <summary>Every secret this authenticator holds now, so log text and messages can be scrubbed of them.</summary>
        IEnumerable<string> Secrets { get; }
    }
}
