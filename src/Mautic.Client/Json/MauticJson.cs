using System.Collections;
using Newtonsoft.Json;

namespace Mautic.Client.Json
{
    /// <summary>
    /// Quirk-tolerant reading of Mautic's JSON (see mautic-api-facts.md): maps that arrive as arrays or objects,
    /// numbers that arrive as strings, 200s that carry errors, HTML where JSON was due.
    /// </summary>
    public static class MauticJson
    {
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };

        /// <summary>Parses a response body. Returns null for an empty body; throws a Protocol error for anything that is not JSON.</summary>
        public static JToken ParseBody(string body, int status, string method, string url)
        {
            if (string.IsNullOrWhiteSpace(body)) return null;
            JToken token;
            try
            {
                using (var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None })
                {
                    token = JToken.ReadFrom(reader);
                    // Trailing garbage after the JSON value means the body was not what it claimed.
                    while (reader.Read())
                    {
                        if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Additional text after the JSON value.");
                    }
                }
            }
            catch (JsonException e)
            {
                var looksHtml = body.TrimStart().StartsWith("<");
                var what = looksHtml ? "an HTML page" : "a body that is not valid JSON";
                throw new MauticApiException(
                    $"Mautic answered {method} {url} (HTTP {status}) with {what} instead of JSON; is the URL a Mautic API and is the server healthy? First 200 characters: {Snippet(body)}",
                    status >= 500 ? MauticErrorKind.Server : MauticErrorKind.Protocol, e)
                { StatusCode = status, Method = method, Url = url };
            }
            // Some actions answer with a JSON-encoded string that itself holds JSON ("{\"error\":{...}}").
            if (token.Type == JTokenType.String)
            {
                var inner = ((string)token).Trim();
                if (inner.StartsWith("{") || inner.StartsWith("["))
                {
                    try { token = JToken.Parse(inner); }
                    catch (JsonException) { /* a plain string body: leave it be */ }
                }
            }
            return token;
        }

        public static string Snippet(string body)
        {
            if (body == null) return "";
            var s = body.Replace("\r", " ").Replace("\n", " ");
            return s.Length <= 200 ? s : s.Substring(0, 200);
        }

        /// <summary>
        /// The error a body carries, or null. Status >= 400 is always an error; a 2xx is one when its body has
        /// a non-empty <c>errors</c> or an <c>error</c> at the top level.
        /// </summary>
        public static MauticApiException ErrorFrom(int status, JToken body, string method, string url, string rawBody)
        {
            var obj = body as JObject;
            JToken first = null;
            JToken details = null;
            if (obj != null)
            {
                var errors = obj["errors"];
                if (errors != null && errors.Type != JTokenType.Null && errors.HasValues)
                {
                    var items = Map(errors).Select(kv => kv.Value).ToList();
                    first = items.FirstOrDefault();
                    // details of every error, keyed by field where Mautic gives them
                    var merged = new JObject();
                    foreach (var item in items)
                    {
                        if (item is JObject io && io["details"] is JObject d)
                            foreach (var p in d.Properties()) merged[p.Name] = p.Value;
                    }
                    if (merged.HasValues) details = merged;
                    if (items.Count > 1 && first is JObject fo && fo["message"] != null)
                    {
                        first = fo.DeepClone();
                        first["message"] = string.Join("; ", items.Select(i => (i as JObject)?["message"]?.ToString()).Where(m => !string.IsNullOrEmpty(m)));
                    }
                }
                else if (obj["error"] != null && obj["error"].Type != JTokenType.Null)
                {
                    first = obj["error"];
                    // Raw OAuth2 errors: {"error":"invalid_grant","error_description":"..."}
                    if (first.Type == JTokenType.String)
                        first = new JObject { ["message"] = obj["error_description"] ?? first, ["type"] = first };
                }
            }
            if (first == null && status < 400) return null;
            if (first == null && obj != null && status >= 400) first = ProblemDetails(obj);

            string message = null, type = null;
            int? code = null;
            if (first is JObject f)
            {
                message = f["message"]?.ToString();
                if (string.IsNullOrEmpty(message)) message = f["error_description"]?.ToString() ?? f["description"]?.ToString();
                type = f["type"]?.Type == JTokenType.String ? (string)f["type"] : null;
                code = ToInt(f["code"]);
                if (details == null && f["details"] is JObject fd && fd.HasValues) details = fd;
            }
            else if (first != null && first.Type == JTokenType.String)
            {
                message = (string)first;
            }
            if (string.IsNullOrEmpty(message))
                message = body == null ? (string.IsNullOrEmpty(rawBody) ? "(empty body)" : Snippet(rawBody)) : Snippet(body.ToString(Formatting.None));

            var effective = status >= 400 ? status : (code ?? 500);
            var kind = MauticApiException.KindForStatus(effective, type);
            var text = $"Mautic refused {method} {url}: {message} (HTTP {status}{(code.HasValue && code != status ? ", code " + code : "")}{(type != null ? ", " + type : "")})";
            if (details is JObject dj && dj.HasValues)
                text += " Details: " + string.Join("; ", dj.Properties().Select(p => p.Name + ": " + FlattenDetail(p.Value)));
            return new MauticApiException(text, kind)
            {
                StatusCode = status, MauticCode = code, ErrorType = type, MauticMessage = message,
                Details = details, Method = method, Url = url,
            };
        }

        /// <summary>
        /// The error of a body in API Platform's shapes (Mautic 7's /api/v2): problem+json {title, detail, violations},
        /// hydra {hydra:title, hydra:description} (JSON-LD), or a bare {message} (its 401); null when none applies.
        /// Violations become details keyed by property path.
        /// </summary>
        static JObject ProblemDetails(JObject obj)
        {
            string Text(string key) => obj[key]?.Type == JTokenType.String && ((string)obj[key]).Trim().Length > 0 ? ((string)obj[key]).Trim() : null;
            var message = Text("detail") ?? Text("hydra:description") ?? Text("description") ?? Text("message") ?? Text("title") ?? Text("hydra:title");
            JObject details = null;
            if (obj["violations"] is JArray violations)
            {
                details = new JObject();
                foreach (var v in violations.OfType<JObject>())
                {
                    var path = v["propertyPath"]?.ToString();
                    var text = v["message"]?.ToString();
                    if (string.IsNullOrEmpty(text)) continue;
                    var key = string.IsNullOrEmpty(path) ? "(record)" : path;
                    if (!(details[key] is JArray list)) details[key] = list = new JArray();
                    list.Add(text);
                }
            }
            if (message == null && (details == null || !details.HasValues)) return null;
            var error = new JObject { ["message"] = message ?? "validation failed" };
            if (details != null && details.HasValues) error["details"] = details;
            return error;
        }

        static string FlattenDetail(JToken t)
        {
            if (t is JArray a) return string.Join(", ", a.Select(FlattenDetail));
            if (t is JObject o) return string.Join(", ", o.Properties().Select(p => p.Name + ": " + FlattenDetail(p.Value)));
            return t.ToString();
        }

        /// <summary>
        /// Reads a PHP map whatever its JSON type: an array becomes keys "0".."n-1", an object its own keys,
        /// null/empty/scalar nothing.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, JToken>> Map(JToken token)
        {
            if (token is JArray a)
            {
                for (var i = 0; i < a.Count; i++) yield return new KeyValuePair<string, JToken>(i.ToString(CultureInfo.InvariantCulture), a[i]);
            }
            else if (token is JObject o)
            {
                foreach (var p in o.Properties()) yield return new KeyValuePair<string, JToken>(p.Name, p.Value);
            }
        }

        /// <summary>Looks a key up in a PHP map of either JSON shape.</summary>
        public static JToken MapGet(JToken map, string key)
        {
            if (map is JObject o) return o[key];
            if (map is JArray a && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count) return a[i];
            return null;
        }

        /// <summary>Plain .NET values (strings, numbers, dates, dictionaries, lists, records) to JSON; dates in Mautic's UTC format.</summary>
        public static JToken FromValue(object value)
        {
            switch (value)
            {
                case null: return JValue.CreateNull();
                case JToken j: return j;
                case string s: return s;
                case bool b: return b;
                case DateTime dt: return dt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                case DateTimeOffset dto: return dto.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                case MauticRecord r:
                    var o = new JObject();
                    foreach (var p in r.Properties) o[p.Key] = FromValue(p.Value);
                    return o;
                case IDictionary d:
                    var jo = new JObject();
                    foreach (DictionaryEntry e in d) jo[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = FromValue(e.Value);
                    return jo;
                case IEnumerable e:
                    return new JArray(e.Cast<object>().Select(FromValue));
                default:
                    if (value.GetType().IsPrimitive || value is decimal) return JToken.FromObject(value);
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        public static long? ToLong(JToken t)
        {
            if (t == null) return null;
            switch (t.Type)
            {
                case JTokenType.Integer: return t.Value<long>();
                case JTokenType.Float:
                    var d = t.Value<double>();
                    return Math.Abs(d % 1) < double.Epsilon ? (long?)d : null;
                case JTokenType.String:
                    return long.TryParse((string)t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : (long?)null;
                case JTokenType.Boolean: return t.Value<bool>() ? 1 : 0;
                default: return null;
            }
        }

        public static int? ToInt(JToken t)
        {
            var l = ToLong(t);
            return l.HasValue && l >= int.MinValue && l <= int.MaxValue ? (int?)l : null;
        }

        /// <summary>true for true, 1, "1", "true"; false for false, 0, "0", "false", ""; null otherwise.</summary>
        public static bool? ToBool(JToken t)
        {
            if (t == null) return null;
            switch (t.Type)
            {
                case JTokenType.Boolean: return t.Value<bool>();
                case JTokenType.Integer: return t.Value<long>() != 0;
                case JTokenType.String:
                    var s = ((string)t).Trim().ToLowerInvariant();
                    if (s == "1" || s == "true" || s == "yes") return true;
                    if (s == "0" || s == "false" || s == "no" || s == "") return false;
                    return null;
                default: return null;
            }
        }
    }
}
