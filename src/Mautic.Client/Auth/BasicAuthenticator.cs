using System.Net;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Mautic.Client.Auth
{
    /// <summary>HTTP Basic: works only where the Mautic admin enabled both the API and Basic auth.</summary>
    public sealed class BasicAuthenticator : IAuthenticator
    {
        readonly NetworkCredential _credential;

        public BasicAuthenticator(NetworkCredential credential)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            if (string.IsNullOrEmpty(credential.UserName))
                throw new MauticApiException("The credential has no user name.", MauticErrorKind.InvalidArgument);
        }

        public string Method => "Basic";
        public string Principal => _credential.UserName;
        public bool CanRenew => false;

        public Task<AuthenticationHeaderValue> GetHeaderAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            var raw = Encoding.UTF8.GetBytes(_credential.UserName + ":" + _credential.Password);
            return Task.FromResult(new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw)));
        }

        public Task RenewAsync(AuthenticationHeaderValue rejected, TokenEndpoint tokenEndpoint, CancellationToken cancellationToken) => Task.CompletedTask;

        public IEnumerable<string> Secrets
        {
            get
            {
                yield return _credential.Password;
                yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(_credential.UserName + ":" + _credential.Password));
            }
        }
    }

    /// <summary>A bearer access token obtained elsewhere; it cannot be renewed.</summary>
    public sealed class AccessTokenAuthenticator : IAuthenticator
    {
        readonly string _token;

        public AccessTokenAuthenticator(string accessToken)
        {
            if (string.IsNullOrWhiteSpace(accessToken))
                throw new MauticApiException("The access token is empty.", MauticErrorKind.InvalidArgument);
            _token = accessToken.Trim();
        }

        public string Method => "AccessToken";
        public string Principal => null;
        public bool CanRenew => false;
        public Task<AuthenticationHeaderValue> GetHeaderAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken) =>
            Task.FromResult(new AuthenticationHeaderValue("Bearer", _token));
        public Task RenewAsync(AuthenticationHeaderValue rejected, TokenEndpoint tokenEndpoint, CancellationToken cancellationToken) => Task.CompletedTask;
        public IEnumerable<string> Secrets { get { yield return _token; } }
    }
}
