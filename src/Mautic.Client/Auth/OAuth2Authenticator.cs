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
    /// concurrent requests never spend the same (single-use) refresh token. Under a refresh token connected with a
    /// scope (the Mautic URL), every connection of this process with the same URL, client and refresh token (or any
    /// token that chain has since been given) shares that gate and those tokens: two runspaces connected with one
    /// refresh token renew once, instead of the second spending a token the first already spent (Mautic's refresh
    /// tokens are single use).
    /// </summary>
    public sealed class OAuth2Authenticator : IAuthenticator
    {
        readonly string _clientId;
        readonly string _clientSecret;
        readonly TokenChain _chain;

        /// <summary>
        /// What authenticators renewing one refresh token share: the gate renewals go through, the refresh token in force
        /// and the access token. Token, expiry and renewal time are published together as one immutable object: readers
        /// outside the gate must never see a new token paired with an old (or default) expiry.
        /// </summary>
        sealed class TokenChain
        {
            public readonly SemaphoreSlim Gate = new SemaphoreSlim(1, 1);
            public string RefreshToken;
            public IssuedToken Token;
            public string Scope;
            public event EventHandler<RefreshTokenChangedEventArgs> Changed;
            public void Raise(object sender, string token) => Changed?.Invoke(sender, new RefreshTokenChangedEventArgs(token));
        }

        /// <summary>
        /// The refresh-token chains of this process, by scope, client and a SHA-256 of each refresh token a chain has
        /// held (never the token itself as a key).
        /// </summary>
        static readonly Dictionary<string, TokenChain> Chains = new Dictionary<string, TokenChain>(StringComparer.Ordinal);

        static string ChainKey(string scope, string clientId, string refreshToken)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
                return scope.TrimEnd('/').ToLowerInvariant() + "\n" + clientId + "\n" +
                    Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(refreshToken)));
        }

        sealed class IssuedToken
        {
            public IssuedToken(string value, DateTimeOffset expiresAt, DateTimeOffset renewAt)
            { Value = value; ExpiresAt = expiresAt; RenewAt = renewAt; }
            public string Value { get; }
            public DateTimeOffset ExpiresAt { get; }
            public DateTimeOffset RenewAt { get; }
        }

        OAuth2Authenticator(string clientId, string clientSecret, string refreshToken, string scope)
        {
            if (string.IsNullOrWhiteSpace(clientId)) throw new MauticApiException("The OAuth2 client id is empty.", MauticErrorKind.InvalidArgument);
            if (string.IsNullOrEmpty(clientSecret)) throw new MauticApiException("The OAuth2 client secret is empty.", MauticErrorKind.InvalidArgument);
            _clientId = clientId;
            _clientSecret = clientSecret;
            if (refreshToken == null || string.IsNullOrWhiteSpace(scope))
                _chain = new TokenChain { RefreshToken = refreshToken };
            else
                lock (Chains)
                {
                    var key = ChainKey(scope, clientId, refreshToken);
                    if (!Chains.TryGetValue(key, out _chain)) Chains[key] = _chain = new TokenChain { RefreshToken = refreshToken, Scope = scope };
                }
            _chain.Changed += (s, e) => RefreshTokenChanged?.Invoke(this, e);
        }

        public static OAuth2Authenticator ClientCredentials(string clientId, string clientSecret) =>
            new OAuth2Authenticator(clientId, clientSecret, null, null);

        /// <summary>
        /// The refresh_token grant. With <paramref name="scope"/> (the Mautic URL), the refresh token is shared with every
        /// other connection of this process to that URL with that client and token (see the class summary).
        /// </summary>
        public static OAuth2Authenticator RefreshToken(string clientId, string clientSecret, string refreshToken, string scope = null)
        {
            if (string.IsNullOrWhiteSpace(refreshToken)) throw new MauticApiException("The refresh token is empty.", MauticErrorKind.InvalidArgument);
            return new OAuth2Authenticator(clientId, clientSecret, refreshToken, scope);
        }

        /// <summary>Raised (on the thread that renewed) whenever Mautic hands out a new refresh token.</summary>
        public event EventHandler<RefreshTokenChangedEventArgs> RefreshTokenChanged;

        /// <summary>For tests: the clock the expiry is judged by.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        public string Method => Volatile.Read(ref _chain.RefreshToken) == null ? "OAuth2ClientCredentials" : "OAuth2RefreshToken";
        public string Principal => _clientId;
        public bool CanRenew => true;
        /// <summary>The refresh token now in force (it changes on every renewal).</summary>
        public string CurrentRefreshToken => Volatile.Read(ref _chain.RefreshToken);
        public DateTimeOffset AccessTokenExpiresAt => Volatile.Read(ref _chain.Token)?.ExpiresAt ?? default;
        /// <summary>How many tokens this authenticator has fetched.</summary>
        public int TokenRequests { get; private set; }

        public IEnumerable<string> Secrets
        {
            get
            {
                yield return _clientSecret;
                var r = Volatile.Read(ref _chain.RefreshToken); if (r != null) yield return r;
                var a = Volatile.Read(ref _chain.Token); if (a != null) yield return a.Value;
            }
        }

        IssuedToken FreshToken()
        {
            var t = Volatile.Read(ref _chain.Token);
            return t != null && Clock() < t.RenewAt ? t : null;
        }

        public async Task<AuthenticationHeaderValue> GetHeaderAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            var token = FreshToken();
            if (token == null)
            {
                await _chain.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    token = FreshToken() ?? await FetchAsync(tokenEndpoint, cancellationToken).ConfigureAwait(false);
                }
                finally { _chain.Gate.Release(); }
            }
            return new AuthenticationHeaderValue("Bearer", token.Value);
        }

        public async Task RenewAsync(AuthenticationHeaderValue rejected, TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            await _chain.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another request already renewed after this one's token was rejected: use theirs.
                var current = Volatile.Read(ref _chain.Token);
                if (rejected != null && current != null && rejected.Parameter != current.Value) return;
                Volatile.Write(ref _chain.Token, null);
                await FetchAsync(tokenEndpoint, cancellationToken).ConfigureAwait(false);
            }
            finally { _chain.Gate.Release(); }
        }

        async Task<IssuedToken> FetchAsync(TokenEndpoint tokenEndpoint, CancellationToken cancellationToken)
        {
            var form = new Dictionary<string, string>
            {
                ["client_id"] = _clientId,
                ["client_secret"] = _clientSecret,
            };
            var refresh = _chain.RefreshToken;
            if (refresh == null) form["grant_type"] = "client_credentials";
            else
            {
                form["grant_type"] = "refresh_token";
                form["refresh_token"] = refresh;
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
            Volatile.Write(ref _chain.Token, issued);
            var newRefresh = answer["refresh_token"]?.ToString();
            if (refresh != null && !string.IsNullOrEmpty(newRefresh) && newRefresh != refresh)
            {
                if (_chain.Scope != null)
                    lock (Chains) Chains[ChainKey(_chain.Scope, _clientId, newRefresh)] = _chain;
                Volatile.Write(ref _chain.RefreshToken, newRefresh);
                _chain.Raise(this, newRefresh);
            }
            return issued;
        }
    }
}
