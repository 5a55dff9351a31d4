using System.Net.Http;

namespace Mautic.Client
{
    /// <summary>A description of one API call: the cmdlets and operations build these, the client sends them.</summary>
    public sealed class MauticRequest
    {
        public MauticRequest(HttpMethod method, string path)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = path ?? throw new ArgumentNullException(nameof(path));
        }

        /// <summary>
        /// Why a route a user typed (Invoke-MauticRequest -Path, relative to /api) cannot be sent as one, or null when it
        /// can: a whole URL (it would go to this server's /api with the URL glued on), a '.' or '..' segment, also
        /// percent-encoded (the URL would be folded to a page outside /api, or Mautic would route it elsewhere), a
        /// backslash, a '#', or control characters.
        /// </summary>
        public static string RouteProblem(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) return "the route is empty";
            var route = path.Split('?')[0];
            if (System.Text.RegularExpressions.Regex.IsMatch(path, @"^[A-Za-z][A-Za-z0-9+.-]*:") || path.StartsWith("//"))
                return "it is a whole URL; give the route under /api (contacts/5), the connection names the server";
            if (path.IndexOf('#') >= 0) return "it holds '#', which would cut the route there";
            if (path.IndexOf('\\') >= 0) return "it holds '\\'; routes are separated by '/'";
            if (path.Any(char.IsControl)) return "it holds control characters";
            foreach (var segment in route.Split('/'))
            {
                string plain;
                try { plain = Uri.UnescapeDataString(segment); } catch (UriFormatException) { plain = segment; }
                if (plain == "." || plain == "..")
                    return $"it holds the segment '{segment}', which would make it a route outside /api or another one than typed";
            }
            return null;
        }

        public HttpMethod Method { get; }
        /// <summary>Relative to /api (e.g. "contacts/5"); with <see cref="FromRoot"/> relative to the site root.</summary>
        public string Path { get; }
        public List<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();
        public JToken Body { get; set; }

        /// <summary>Sets <see cref="Body"/> from a payload the cmdlets built.</summary>
        public MauticRequest WithBody(MauticPayload payload) { Body = payload?.Json; return this; }

        /// <summary>Sets <see cref="Body"/> from a plain value (a hashtable, an array, a record) turned into JSON.</summary>
        public MauticRequest WithBodyValue(object value) { Body = MauticJson.FromValue(value); return this; }

        /// <summary>Sets <see cref="Body"/> from a JSON text a user gave; returns the parser's message when it is not JSON (the body is then unset).</summary>
        public string WithBodyJson(string text)
        {
            try { Body = JToken.Parse(text); return null; }
            catch (Newtonsoft.Json.JsonException e) { return e.Message; }
        }

        public IReadOnlyDictionary<string, string> Form { get; set; }
        public bool FromRoot { get; set; }
        /// <summary>
        /// A call to Mautic 7's v2 API (API Platform): <see cref="Path"/> is relative to /api/v2. Its answers carry no
        /// Mautic-Version header (measured on 7.0.0); the caller checks the version first (MauticClient.Require).
        /// </summary>
        public bool V2 { get; set; }
        /// <summary>The media type of a JSON <see cref="Body"/>: application/json unless set (a v2 PATCH is application/merge-patch+json).</summary>
        public string ContentType { get; set; }
        /// <summary>
        /// Batch routes: a 2xx answer's <c>errors</c> are per-item results, not a failure of the call; the caller
        /// maps them to items. Without this, a 2xx body carrying errors is an error.
        /// </summary>
        public bool ItemErrors { get; set; }
        public bool Anonymous { get; set; }
        /// <summary>
        /// A file sent as multipart/form-data, streamed from disk on every try (never read into memory). A POST with
        /// an upload is retried only when it never reached the server, like every POST.
        /// </summary>
        public MauticUpload Upload { get; set; }
        /// <summary>
        /// Where a successful non-JSON answer (a zip, an image) goes: streamed in chunks to a temporary file beside
        /// it and moved into place only when complete, replacing any file there. JSON answers (errors) are read as usual.
        /// </summary>
        public string DownloadTo { get; set; }
        /// <summary>
        /// With <see cref="DownloadTo"/>: a successful JSON answer is streamed to the file too, unread (an export whose
        /// content is JSON). Error answers are still read as usual.
        /// </summary>
        public bool DownloadJson { get; set; }
        /// <summary>Bytes sent (upload) or received (download) so far and the total when known; called from any thread.</summary>
        public Action<long, long?> Progress { get; set; }

        public static MauticRequest Get(string path) => new MauticRequest(HttpMethod.Get, path);
        public static MauticRequest Post(string path, JToken body = null) => new MauticRequest(HttpMethod.Post, path) { Body = body };
        public static MauticRequest Patch(string path, JToken body) => new MauticRequest(new HttpMethod("PATCH"), path) { Body = body };
        public static MauticRequest Put(string path, JToken body) => new MauticRequest(HttpMethod.Put, path) { Body = body };
        public static MauticRequest Delete(string path) => new MauticRequest(HttpMethod.Delete, path);

        /// <summary>The merge-patch media type API Platform takes for PATCH (application/json is its 415).</summary>
        public const string MergePatch = "application/merge-patch+json";

        /// <summary>
        /// A v2 call (path under /api/v2): GET, POST and PUT with a JSON body, PATCH as a JSON merge patch, DELETE.
        /// Answers are asked for as application/json (a collection is then a plain array).
        /// </summary>
        public static MauticRequest ForV2(HttpMethod method, string path) => ForV2(method, path, null);

        /// <summary>As <see cref="ForV2(HttpMethod, string)"/>, with a JSON body.</summary>
        public static MauticRequest ForV2(HttpMethod method, string path, JToken body) =>
            new MauticRequest(method, path) { V2 = true, Body = body, ContentType = method.Method == "PATCH" ? MergePatch : null };

        public MauticRequest With(string name, object value)
        {
            if (value != null) Query.Add(new KeyValuePair<string, string>(name, Convert.ToString(value, CultureInfo.InvariantCulture)));
            return this;
        }

        /// <summary>GET, PUT, PATCH and DELETE may be repeated safely; POST only when the server did not process it.</summary>
        public bool IsIdempotent => Method != HttpMethod.Post;

        internal string BuildUrl(Uri root)
        {
            var sb = new StringBuilder(root.AbsoluteUri);
            if (!FromRoot) sb.Append(V2 ? "api/v2/" : "api/");
            sb.Append(Path.TrimStart('/'));
            if (Query.Count > 0)
            {
                sb.Append(Path.Contains("?") ? '&' : '?');
                sb.Append(string.Join("&", Query.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value ?? ""))));
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// A file to upload: the local file, the multipart field name and the file name the server is told; or (made by
    /// <see cref="Body"/>) the file as the whole request body of a given content type.
    /// </summary>
    public sealed class MauticUpload
    {
        public MauticUpload(string filePath, string fieldName = "file", string fileName = null)
        {
            FilePath = filePath ?? throw new ArgumentNullException(nameof(filePath));
            FieldName = fieldName ?? throw new ArgumentNullException(nameof(fieldName));
            FileName = fileName ?? System.IO.Path.GetFileName(filePath);
        }

        MauticUpload(string filePath, string contentType)
        {
            FilePath = filePath ?? throw new ArgumentNullException(nameof(filePath));
            ContentType = contentType ?? throw new ArgumentNullException(nameof(contentType));
            FileName = System.IO.Path.GetFileName(filePath);
        }

        /// <summary>The file sent as the request body itself (no multipart), with this content type.</summary>
        public static MauticUpload Body(string filePath, string contentType) => new MauticUpload(filePath, contentType);

        public string FilePath { get; }
        /// <summary>The multipart field; null when the file is the whole body.</summary>
        public string FieldName { get; }
        public string FileName { get; }
        /// <summary>The body's content type when the file is the whole body; null for a multipart upload.</summary>
        public string ContentType { get; }
    }

    /// <summary>A successful answer: status, parsed body (null when empty) and timing.</summary>
    public sealed class MauticResponse
    {
        public int StatusCode { get; internal set; }
        public JToken Body { get; internal set; }
        /// <summary>The body as plain values (a MauticRecord, object[], string, number...), null when empty: what a caller outside the JSON layer reads.</summary>
        public object Value => Body == null ? null : RecordShaper.Value(null, Body);
        public string MauticVersion { get; internal set; }
        public TimeSpan Duration { get; internal set; }
        public int Attempts { get; internal set; }
        /// <summary>
        /// A try before the one that got this answer was sent and cut off (a reset, a time-out, a gateway's 502/504): it
        /// may have reached Mautic, so what is missing from this answer (a delete's ids) may be that try's work.
        /// </summary>
        public bool EarlierTryMayHaveArrived { get; internal set; }
        public string Location { get; internal set; }
        /// <summary>With <see cref="MauticRequest.DownloadTo"/>: the bytes written to that file (null when the answer was JSON).</summary>
        public long? DownloadedBytes { get; internal set; }
        /// <summary>The file name of the answer's Content-Disposition header, when it had one.</summary>
        public string FileName { get; internal set; }
        /// <summary>The answer's Date header: the server's clock.</summary>
        public DateTimeOffset? ServerDate { get; internal set; }
    }
}
