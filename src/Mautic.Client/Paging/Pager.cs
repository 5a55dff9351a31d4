using System.Collections;

namespace Mautic.Client.Paging
{
    /// <summary>
    /// Streams a list: asks for the next page only when the consumer has used up the last one.
    /// Ordered by id (the default), it pages by key: each page asks for ids beyond the last one seen, so rows
    /// added or deleted during the walk are neither skipped nor repeated. Ordered by another column it pages by
    /// offset (Mautic's start), the only way there is, and drops any id it has already yielded.
    /// </summary>
    public sealed class Pager : IEnumerable<MauticRecord>
    {
        readonly MauticClient _client;
        readonly MauticResource _resource;
        readonly string _path;
        readonly ListQuery _query;
        readonly CancellationToken _cancellationToken;

        public Pager(MauticClient client, MauticResource resource, ListQuery query, string path = null, CancellationToken cancellationToken = default)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _resource = resource ?? throw new ArgumentNullException(nameof(resource));
            _query = query ?? new ListQuery();
            _query.Validate();
            _path = path ?? resource.Route;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The server's total for the query (known once the first page arrived).</summary>
        public long? Total { get; private set; }
        /// <summary>How many requests the walk has made.</summary>
        public int Requests { get; private set; }
        /// <summary>Called with the total once the first page arrived (for progress and -IncludeTotalCount).</summary>
        public Action<long?> TotalKnown { get; set; }

        public IEnumerator<MauticRecord> GetEnumerator()
        {
            var q = _query;
            var byId = string.IsNullOrEmpty(q.OrderBy) || string.Equals(q.OrderBy, "id", StringComparison.OrdinalIgnoreCase);
            var keyset = byId;
            long? lastId = null;
            long yielded = 0;
            long offset = q.Skip;
            var seen = new HashSet<long>();
            var first = true;
            while (true)
            {
                if (q.First.HasValue && yielded >= q.First.Value) yield break;
                var limit = q.PageSize;
                if (q.First.HasValue) limit = (int)Math.Min(limit, q.First.Value - yielded);
                var request = MauticRequest.Get(_path);
                request.With("start", keyset && !first ? 0 : offset).With("limit", limit);
                var searchByWhere = !string.IsNullOrEmpty(q.Search) && _resource.SearchField != null;
                if (!string.IsNullOrEmpty(q.Search) && !searchByWhere) request.With("search", ListQuery.ToMauticSearch(q.Search));
                request.With("orderBy", byId ? "id" : q.OrderBy).With("orderByDir", q.Descending ? "DESC" : "ASC");
                if (q.PublishedOnly == true) request.With("published", 1);
                if (q.Minimal) request.With("minimal", 1);
                var where = q.Where.ToList();
                if (searchByWhere) where.Add(new WhereClause(_resource.SearchField, "like", ListQuery.ToLikePattern(q.Search)));
                if (keyset && lastId.HasValue) where.Add(new WhereClause("id", q.Descending ? "lt" : "gt", lastId.Value));
                WhereClause.AddTo(request, where);

                var response = _client.Send(request, _cancellationToken);
                Requests++;
                var body = response.Body as JObject;
                if (first)
                {
                    Total = MauticJson.ToLong(body?["total"]);
                    TotalKnown?.Invoke(Total);
                }
                first = false;
                var items = MauticJson.Map(body?[_resource.Plural]).Select(kv => kv.Value).OfType<JObject>().ToList();
                var fresh = 0;
                var switched = false;
                foreach (var item in items)
                {
                    var id = MauticJson.ToLong(item["id"]);
                    if (id.HasValue)
                    {
                        if (byId && lastId.HasValue && (q.Descending ? id >= lastId : id <= lastId))
                        {
                            // The server did not honour the id filter: carry on by offset from here.
                            if (keyset) { keyset = false; switched = true; }
                            continue;
                        }
                        if (!byId && !seen.Add(id.Value)) continue;
                        if (byId) lastId = id;
                    }
                    fresh++;
                    yielded++;
                    yield return Operations.EntityService.Shape(item, _resource);
                    if (q.First.HasValue && yielded >= q.First.Value) yield break;
                }
                if (items.Count < limit || items.Count == 0) yield break;
                if (fresh == 0 && !switched)
                    throw new MauticApiException(
                        $"Paging {_path} made no progress: Mautic answered a full page of {items.Count} records already seen (start={offset}). Stopping instead of looping.",
                        MauticErrorKind.Protocol) { Method = "GET", Url = _path };
                // Offset paging advances by the rows the server consumed; after a switch, by what was really read.
                offset = switched ? q.Skip + yielded : offset + items.Count;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
