using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Mautic.Client.Json;

namespace Mautic.Client.Auth
{
    public sealed class RefreshTokenChangedEventArgs : EventArgs
    {
        internal RefreshTokenChangedEventArgs(string refreshToken) { RefreshToken = refreshToken; }
        /// <summary>The new refresh token: persist it (securely) to reconnect later; the old one is spent.</summary>
        public string RefreshToken { get; }
    }

    /// <summary>
    /// OAuth2 with the client_credentials or refresh_token grant. The access token is fetched on first use,
    /// cached, and renewed shortly before it expires or after a 401. All renewals go through one gate, so two
    /// concurrent requests never spend the same (single-use) refresh token.
    /// </summary>
    public sealed class OAuth2Authenticator : IAuthenticator
    {
        readonly string _clientId;
        readonly string _clientSecret;
        readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        string _refreshToken;
        string _accessToken;
        DateTimeOffset _expiresAt;
        TimeSpan _renewMargin;

        OAuth2Authenticator(string clientId, string clientSecret, string refreshToken)
        {
            if (string.IsNullOrWhiteSpace(clientId)) throw new MauticApiException("The OAuth2 client id is empty.", MauticErrorKind.InvalidArgument);
            if (string.IsNullOrEmpty(clientSecret)) throw new MauticApiException("The OAuth2 client secret is empty.", MauticErrorKind.InvalidArgument);
            _clientId = clientId;
            _clientSecret = clientSecret;
            _refreshToken = refreshToken;
        }

        public static OAuth2Authenticator ClientCredentials(string clientId, string clientSecret) =>
            new OAuth2Authenticator(clientId, clientSecret, null);

        public static OAuth2Authenticator RefreshToken(string clientId, string clientSecret, string refreshToken)
        {
            if (string.IsNullOrWhiteSpace(refreshToken)) throw new MauticApiException("The refresh token is empty.", MauticErrorKind.InvalidArgument);
            return new OAuth2Authenticator(clientId, clientSecret, refreshToken);
        }

        /// <summary>Raised (on the thread that renewed) whenever Mautic hands out a new refresh token.</summary>
        public event EventHandler<RefreshTokenChangedEventArgs> RefreshTokenChanged;

        /// <summary>For tests: the clock the expiry is judged by.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        public string Method => _refreshToken == null ? "OAuth2ClientCredentials" : "OAuth2RefreshToken";
        public string Principal => _clientId;
        public bool CanRenew => true;
        /// <summary>The refresh token now in force (it changes on every renewal).</summary>
        public string CurrentRefreshToken => Volatile.Read(ref _refreshToken);
        public DateTimeOffset AccessTokenExpiresAt => _expiresAt;
        /// <summary>How many tokens this authenticator has fetched.</summary>
        public int TokenRequests { get; private set; }

        public IEnumerable<string> Secrets
        {
            get
            {
                yield return _clientSecret;
                var r = _refreshToken; if (r != null) yield return r;
                var a = _accessToken; if (a != null) yield return a;
            }
        }

        bool Fresh => _accessToken != null && Clock() < _expiresAt - _renewMargin;

        public async Task<AuthenticationHeaderValue> GetHeaderAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            if (!Fresh)
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!Fresh) await FetchAsync(tokenEndpoint, cancellationToken).ConfigureAwait(false);
                }
                finally { _gate.Release(); }
            }
            return new AuthenticationHeaderValue("Bearer", _accessToken);
        }

        public async Task RenewAsync(AuthenticationHeaderValue rejected, TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another request already renewed after this one's token was rejected: use theirs.
                if (rejected != null && _accessToken != null && rejected.Parameter != _accessToken) return;
                _accessToken = null;
                await FetchAsync(tokenEndpoint, cancellationToken).ConfigureAwait(false);
            }
            finally { _gate.Release(); }
        }

        async Task FetchAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            var form = new Dictionary<string, string>
            {
                ["client_id"] = _clientId,
                ["client_secret"] = _clientSecret,
            };
            if (_refreshToken == null) form["grant_type"] = "client_credentials";
            else
            {
                form["grant_type"] = "refresh_token";
                form["refresh_token"] = _refreshToken;
            }
            TokenRequests++;
            var answer = await tokenEndpoint(form, cancellationToken).ConfigureAwait(false);
            var token = answer?["access_token"]?.ToString();
            if (string.IsNullOrEmpty(token))
                throw new MauticApiException("Mautic's token endpoint answered without an access_token.", MauticErrorKind.Authentication);
            var lifetime = TimeSpan.FromSeconds(MauticJson.ToLong(answer["expires_in"]) ?? 3600);
            _renewMargin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, lifetime.Ticks / 10));
            _accessToken = token;
            _expiresAt = Clock() + lifetime;
            var newRefresh = answer["refresh_token"]?.ToString();
            if (_refreshToken != null && !string.IsNullOrEmpty(newRefresh) && newRefresh != _refreshToken)
            {
                Volatile.Write(ref _refreshToken, newRefresh);
                RefreshTokenChanged?.Invoke(this, new RefreshTokenChangedEventArgs(newRefresh));
            }
        }
    }
}
