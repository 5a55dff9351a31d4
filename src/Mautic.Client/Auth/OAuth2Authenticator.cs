using System.Net.Http.Headers;
using System.Threading.Tasks;

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
        // Token, expiry and renewal time are published together as one immutable object: readers outside the
        // gate must never see a new token paired with an old (or default) expiry.
        IssuedToken _token;

        sealed class IssuedToken
        {
            public IssuedToken(string value, DateTimeOffset expiresAt, DateTimeOffset renewAt)
            { Value = value; ExpiresAt = expiresAt; RenewAt = renewAt; }
            public string Value { get; }
            public DateTimeOffset ExpiresAt { get; }
            public DateTimeOffset RenewAt { get; }
        }

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
        public DateTimeOffset AccessTokenExpiresAt => Volatile.Read(ref _token)?.ExpiresAt ?? default;
        /// <summary>How many tokens this authenticator has fetched.</summary>
        public int TokenRequests { get; private set; }

        public IEnumerable<string> Secrets
        {
            get
            {
                yield return _clientSecret;
                var r = _refreshToken; if (r != null) yield return r;
                var a = Volatile.Read(ref _token); if (a != null) yield return a.Value;
            }
        }

        IssuedToken FreshToken()
        {
            var t = Volatile.Read(ref _token);
            return t != null && Clock() < t.RenewAt ? t : null;
        }

        public async Task<AuthenticationHeaderValue> GetHeaderAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            var token = FreshToken();
            if (token == null)
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    token = FreshToken() ?? await FetchAsync(tokenEndpoint, cancellationToken).ConfigureAwait(false);
                }
                finally { _gate.Release(); }
            }
            return new AuthenticationHeaderValue("Bearer", token.Value);
        }

        public async Task RenewAsync(AuthenticationHeaderValue rejected, TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another request already renewed after this one's token was rejected: use theirs.
                var current = Volatile.Read(ref _token);
                if (rejected != null && current != null && rejected.Parameter != current.Value) return;
                Volatile.Write(ref _token, null);
                await FetchAsync(tokenEndpoint, cancellationToken).ConfigureAwait(false);
            }
            finally { _gate.Release(); }
        }

        async Task<IssuedToken> FetchAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
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
            var renewMargin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, lifetime.Ticks / 10));
            var now = Clock();
            var issued = new IssuedToken(token, now + lifetime, now + lifetime - renewMargin);
            Volatile.Write(ref _token, issued);
            var newRefresh = answer["refresh_token"]?.ToString();
            if (_refreshToken != null && !string.IsNullOrEmpty(newRefresh) && newRefresh != _refreshToken)
            {
                Volatile.Write(ref _refreshToken, newRefresh);
                RefreshTokenChanged?.Invoke(this, new RefreshTokenChangedEventArgs(newRefresh));
            }
            return issued;
        }
    }
}
