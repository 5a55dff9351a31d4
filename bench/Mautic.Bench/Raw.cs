using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Mautic.Bench;

/// <summary>Where the benchmark sends its requests and as whom.</summary>
public sealed record Target(string Name, string Url, string User, string Password, string? ClientId, string? ClientSecret, bool Modelled);

/// <summary>The two ways a caller authenticates: HTTP Basic on every request, or an OAuth2 client_credentials token.</summary>
public enum Auth { Basic, OAuth2 }

/// <summary>
/// Mautic through a bare HttpClient, one request at a time: what a careful script does with the API alone (the "raw
/// serial batched floor") and what most clients do (the naive per-record loop).
/// </summary>
public sealed class Raw : IDisposable
{
    readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(10) };
    readonly Target _t;
    readonly Auth _auth;
    string? _token;

    public Raw(Target t, Auth auth)
    {
        _t = t;
        _auth = auth;
        _http.BaseAddress = new Uri(t.Url.TrimEnd('/') + "/");
    }

    public int Requests { get; private set; }

    AuthenticationHeaderValue Header()
    {
        if (_auth == Auth.Basic) return new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_t.User + ":" + _t.Password)));
        if (_token == null)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = _t.ClientId!, ["client_secret"] = _t.ClientSecret!,
            });
            using var r = _http.PostAsync("oauth/v2/token", form).GetAwaiter().GetResult();
            var body = r.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"token request answered {(int)r.StatusCode}");
            _token = (string)JObject.Parse(body)["access_token"]!;
        }
        return new("Bearer", _token);
    }

    /// <summary>One request; its body (bytes). Anything but 2xx throws with the status and the start of the answer.</summary>
    public byte[] Send(HttpMethod method, string path, JToken? json = null)
    {
        using var request = new HttpRequestMessage(method, "api/" + path);
        request.Headers.Authorization = Header();
        if (json != null) request.Content = new StringContent(json.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
        using var response = _http.Send(request);
        Requests++;
        var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes, 0, Math.Min(300, bytes.Length))}");
        return bytes;
    }

    public JToken SendJson(HttpMethod method, string path, JToken? json = null) => JToken.Parse(Encoding.UTF8.GetString(Send(method, path, json)));

    public static JObject Contact(string email, int n) => new() { ["email"] = email, ["firstname"] = "Bench", ["lastname"] = "N" + n };

    /// <summary>POST contacts/new, one per contact; the new ids.</summary>
    public List<long> CreateEach(IReadOnlyList<JObject> contacts) =>
        contacts.Select(c => (long)SendJson(HttpMethod.Post, "contacts/new", c)["contact"]!["id"]!).ToList();

    /// <summary>POST contacts/batch/new, <paramref name="size"/> per request; the new ids in input order.</summary>
    public List<long> CreateBatched(IReadOnlyList<JObject> contacts, int size = 200)
    {
        var ids = new List<long>();
        foreach (var chunk in contacts.Chunk(size))
        {
            var answer = SendJson(HttpMethod.Post, "contacts/batch/new", new JArray(chunk));
            ids.AddRange(Values(answer["contacts"]).Select(c => (long)c["id"]!));
        }
        return ids;
    }

    /// <summary>PATCH contacts/{id}/edit, one per contact.</summary>
    public int EditEach(IReadOnlyList<long> ids, string city) =>
        ids.Count(id => SendJson(HttpMethod.Patch, $"contacts/{id}/edit", new JObject { ["city"] = city })["contact"] != null);

    /// <summary>PATCH contacts/batch/edit with ids, <paramref name="size"/> per request; how many were changed.</summary>
    public int EditBatched(IReadOnlyList<long> ids, string city, int size = 200) =>
        ids.Chunk(size).Sum(chunk => Values(SendJson(HttpMethod.Patch, "contacts/batch/edit",
            new JArray(chunk.Select(id => new JObject { ["id"] = id, ["city"] = city })))["contacts"]).Count());

    /// <summary>DELETE contacts/{id}/delete, one per contact.</summary>
    public int DeleteEach(IReadOnlyList<long> ids) => ids.Count(id => SendJson(HttpMethod.Delete, $"contacts/{id}/delete")["contact"] != null);

    /// <summary>DELETE contacts/batch/delete?ids[]=..., <paramref name="size"/> per request; how many were deleted.</summary>
    public int DeleteBatched(IReadOnlyList<long> ids, int size = 200) =>
        ids.Chunk(size).Sum(chunk => Values(SendJson(HttpMethod.Delete,
            "contacts/batch/delete?" + string.Join("&", chunk.Select(id => "ids[]=" + id)))["contacts"]).Count());

    /// <summary>
    /// Every contact the search finds, in pages of <paramref name="pageSize"/> ordered by id, each page after the last id
    /// (keyset: stable while contacts are deleted); each page's bytes go to <paramref name="page"/>. Returns the ids.
    /// </summary>
    public List<long> ListKeyset(string? search, int pageSize, Action<byte[]>? page = null)
    {
        var ids = new List<long>();
        long last = 0;
        while (true)
        {
            var q = $"contacts?limit={pageSize}&start=0&orderBy=id&orderByDir=ASC&where[0][col]=id&where[0][expr]=gt&where[0][val]={last}";
            if (search != null) q += "&search=" + Uri.EscapeDataString(search);
            var bytes = Send(HttpMethod.Get, q);
            page?.Invoke(bytes);
            var got = Values(JObject.Parse(Encoding.UTF8.GetString(bytes))["contacts"]).Select(c => (long)c["id"]!).ToList();
            ids.AddRange(got);
            if (got.Count == 0) break;
            last = got.Max();
            if (got.Count < pageSize) break;
        }
        return ids;
    }

    /// <summary>The first <paramref name="pages"/> pages of the search as a naive loop reads them: start/limit at Mautic's default of 30. Returns the contacts read.</summary>
    public int ListOffset(string search, int pages, int pageSize = 30)
    {
        var read = 0;
        for (var p = 0; p < pages; p++)
        {
            var got = Values(SendJson(HttpMethod.Get, $"contacts?start={p * pageSize}&limit={pageSize}&search={Uri.EscapeDataString(search)}")["contacts"]).Count();
            read += got;
            if (got < pageSize) break;
        }
        return read;
    }

    /// <summary>The records of a Mautic map: a JSON object keyed by id, or an array (PHP's json_encode of a list).</summary>
    static IEnumerable<JToken> Values(JToken? map) => map switch
    {
        JObject o => o.Properties().Select(p => p.Value),
        JArray a => a,
        _ => [],
    };

    public void Dispose() => _http.Dispose();
}
