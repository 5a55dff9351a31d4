namespace Mautic.Client.Operations
{
    /// <summary>
    /// Reads the lists that hang off one record (a contact's notes, devices, segments, campaigns; a campaign's
    /// contacts; a contact's campaign events): GET a path, take the records under one key, whether Mautic sent them
    /// as an array or as an object keyed by id, and shape each as a PowerShell record. Routes that page with
    /// start/limit and answer a total are walked to the end, one request per page.
    /// </summary>
    public static class SubListReader
    {
        /// <summary>Records per request on paged routes.</summary>
        public const int PageSize = 100;

        /// <summary>
        /// Streams the records under <paramref name="key"/> of GET <paramref name="path"/> (a null key: the body itself is the list, an array or a map keyed by id). With <paramref name="paged"/>,
        /// sends start/limit and asks again until total records were read or a page came back short.
        /// </summary>
        public static IEnumerable<MauticRecord> Read(MauticClient client, string path, string key, string typeName,
            bool paged = false, IEnumerable<KeyValuePair<string, object>> query = null, CancellationToken ct = default,
            Action<long?> totalKnown = null)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            long start = 0;
            var first = true;
            while (true)
            {
                var request = MauticRequest.Get(path);
                if (query != null) foreach (var kv in query) if (kv.Value != null) request.With(kv.Key, kv.Value);
                if (paged) request.With("start", start).With("limit", PageSize);
                var body = client.Send(request, ct).Body;
                var total = MauticJson.ToLong((body as JObject)?["total"]);   // a bare list (contacts/list/segments) has no total
                if (first) totalKnown?.Invoke(total);
                first = false;
                var items = MauticJson.Map(key == null ? body : body?[key]).Select(kv => kv.Value).ToList();
                foreach (var item in items) yield return RecordShaper.Shape(item, typeName, false);
                start += items.Count;
                if (!paged || items.Count < PageSize || items.Count == 0 || (total.HasValue && start >= total.Value)) yield break;
            }
        }

        /// <summary>"contacts/12/notes" from a route, an id and a tail, ids written the invariant way.</summary>
        public static string PathOf(string route, long id, string tail) =>
            route + "/" + id.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(tail) ? "" : "/" + tail);
    }
}
