namespace Mautic.Client.Http
{
    /// <summary>Removes credentials from URLs, JSON and form bodies before anything is logged or thrown.</summary>
    public static class Redactor
    {
        public const string Mask = "***";

        static readonly HashSet<string> SecretNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "access_token", "refresh_token", "client_secret", "password", "plainPassword", "secret", "token",
            "apikey", "api_key", "authorization", "confirm",
        };

        public static bool IsSecretName(string name) => name != null && SecretNames.Contains(name);

        static readonly Regex QueryPair = new Regex(@"([?&])([^=&#]+)=([^&#]*)", RegexOptions.Compiled);
        static readonly Regex UserInfo = new Regex(@"^(\w+://)[^/@]*@", RegexOptions.Compiled);

        public static string Url(string url)
        {
            if (string.IsNullOrEmpty(url)) return url;
            url = UserInfo.Replace(url, "$1" + Mask + "@");
            return QueryPair.Replace(url, m =>
                IsSecretName(Uri.UnescapeDataString(m.Groups[2].Value)) ? m.Groups[1].Value + m.Groups[2].Value + "=" + Mask : m.Value);
        }

        /// <summary>Redacts a body for -Debug output: JSON gets its secret properties masked; form bodies their secret pairs.</summary>
        public static string Body(string body, string contentType)
        {
            if (string.IsNullOrEmpty(body)) return body;
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith("{") || trimmed.StartsWith("["))
            {
                try
                {
                    var token = JToken.Parse(body);
                    MaskJson(token);
                    return token.ToString(Newtonsoft.Json.Formatting.None);
                }
                catch (Newtonsoft.Json.JsonException)
                {
                    // not JSON after all: fall through to the form rules, then the length cap
                }
            }
            if (contentType != null && contentType.IndexOf("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return string.Join("&", body.Split('&').Select(pair =>
                {
                    var i = pair.IndexOf('=');
                    var name = i < 0 ? pair : pair.Substring(0, i);
                    return IsSecretName(Uri.UnescapeDataString(name)) ? name + "=" + Mask : pair;
                }));
            }
            return body;
        }

        static void MaskJson(JToken token)
        {
            if (token is JObject o)
            {
                foreach (var p in o.Properties().ToList())
                {
                    if (IsSecretName(p.Name) && p.Value.Type != JTokenType.Null) p.Value = Mask;
                    else MaskJson(p.Value);
                }
            }
            else if (token is JArray a)
            {
                foreach (var item in a) MaskJson(item);
            }
        }

        /// <summary>Last line of defence: replaces every known secret value in a text.</summary>
        public static string Scrub(string text, IEnumerable<string> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text;
            foreach (var s in secrets)
            {
                if (!string.IsNullOrEmpty(s) && s.Length >= 4) text = text.Replace(s, Mask);
            }
            return text;
        }
    }
}
