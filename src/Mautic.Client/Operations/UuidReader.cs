using System.Net.Http;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Fills in the uuid Mautic 7 gives the records of an area, which only its v2 API shows (measured on 7.0.0: v1
    /// records have no uuid; GET /api/v2/&lt;resource&gt;/{id} and the v2 collection have it; the collection takes no id
    /// filter, 30 items a page, ordered by id). A record asked for by id costs one item read; records of a listing are
    /// matched against the collection, read a page ahead of need (a listing ordered by id, the default, then costs one
    /// request per 30 records), and a record the collection has passed or lacks gets its own item read. One reader
    /// serves one command; it keeps what it has read.
    /// </summary>
    public sealed class UuidReader : ClientService
    {
        readonly MauticResource _area;
        readonly Dictionary<long, string> _known = new Dictionary<long, string>();
        IEnumerator<JObject> _walk;
        bool _walkDone;

        public UuidReader(MauticClient client, MauticResource area) : base(client)
        {
            _area = area ?? throw new ArgumentNullException(nameof(area));
            if (area.V2Route == null)
                throw new MauticApiException($"Mautic keeps no uuid for {area.Noun} records (its v2 API has none for them).", MauticErrorKind.InvalidArgument);
        }

        /// <summary>
        /// Throws, sending nothing, when the server is older than 7.0 or the connection's OAuth2 client-credentials
        /// token is one the v2 API refuses (measured on 7.0.0).
        /// </summary>
        public void EnsureServer()
        {
            Client.Require(MauticVersions.V7, $"Reading the uuid of {_area.Noun} records");
            if (Client.Authenticator?.Method == "OAuth2ClientCredentials")
                throw new MauticApiException($"Reading the uuid of {_area.Noun} records goes through Mautic's v2 API (/api/v2), which does not accept OAuth2 " +
                    "client-credentials tokens (measured on 7.0.0); connect with -Credential (Basic authentication) to read uuids.", MauticErrorKind.Authentication);
        }

        /// <summary>The record with its uuid (null when Mautic has none for it); <paramref name="single"/>: it was asked for by id, so one item read.</summary>
        public MauticRecord Fill(MauticRecord record, bool single, CancellationToken ct = default)
        {
            if (record?.Id is long id && !(record["uuid"] is string))
                record["uuid"] = single ? ReadOne(id, ct) : Find(id, ct);
            return record;
        }

        string Find(long id, CancellationToken ct)
        {
            while (!_known.ContainsKey(id) && !_walkDone)
            {
                if (_walk == null) _walk = WalkV2(_area.V2Route, _area.Noun + " records", ct).GetEnumerator();
                if (_walk.MoveNext()) Remember(_walk.Current);
                else _walkDone = true;
            }
            return _known.TryGetValue(id, out var uuid) ? uuid : ReadOne(id, ct);
        }

        string ReadOne(long id, CancellationToken ct)
        {
            if (_known.TryGetValue(id, out var known)) return known;
            var body = Client.Send(MauticRequest.ForV2(HttpMethod.Get, _area.V2Route + "/" + id.ToString(CultureInfo.InvariantCulture)), ct).Body as JObject;
            return Remember(body) ?? (_known[id] = null);
        }

        string Remember(JObject item)
        {
            if (!(MauticJson.ToLong(item?["id"]) is long id)) return null;
            var uuid = item["uuid"]?.Type == JTokenType.String ? (string)item["uuid"] : null;
            _known[id] = uuid;
            return uuid;
        }
    }
}
