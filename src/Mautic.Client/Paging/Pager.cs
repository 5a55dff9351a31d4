using System.Collections;
using System.Threading.Tasks;

namespace Mautic.Client.Paging
{
    /// <summary>
    /// Streams a list, one page ahead: the next page is asked for once the consumer has taken the first record of the
    /// current one, and read while the consumer works through the rest (never more than two pages held).
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
            // The next page is asked for once the first record of this one has been taken (so the first record is out
            // before a second request is made), and read while the rest are written: one page ahead, never more.
            // Leaving the walk early cancels a read still in flight.
            var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            Task<MauticResponse> ahead = null;
            try
            {
                if (q.First.HasValue && q.First.Value <= 0) yield break;
                var limit = PageLimit(q, yielded);
                var request = PageRequest(q, byId, keyset, first, offset, lastId, limit);
                while (true)
                {
                    MauticResponse response;
                    if (ahead == null) response = _client.Send(request, _cancellationToken);
                    else
                    {
                        response = ahead.GetAwaiter().GetResult();
                        ahead = null;
                    }
                    Requests++;
                    var body = response.Body as JObject;
                    if (first)
                    {
                        Total = MauticJson.ToLong(body?["total"]);
                        TotalKnown?.Invoke(Total);
                    }
                    first = false;
                    var items = MauticJson.Map(body?[_resource.Plural]).Select(kv => kv.Value).OfType<JObject>().ToList();
                    // Which records are new, decided before any is written, so that the next page's request is known.
                    var fresh = new List<JObject>(items.Count);
                    var switched = false;
                    foreach (var item in items)
                    {
                        if (q.First.HasValue && yielded + fresh.Count >= q.First.Value) break;
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
                        fresh.Add(item);
                    }
                    // A short page ends the walk, unless the total says more are there (a route that caps its pages
                    // below the limit asked for must not end a listing early); an empty page always ends it.
                    var more = items.Count > 0 && !(q.First.HasValue && yielded + fresh.Count >= q.First.Value)
                        && (items.Count >= limit || (Total.HasValue && Total.Value > q.Skip + yielded + fresh.Count));
                    if (more && fresh.Count == 0 && !switched)
                        throw new MauticApiException(
                            $"Paging {_path} made no progress: Mautic answered a full page of {items.Count} records already seen (start={offset}). Stopping instead of looping.",
                            MauticErrorKind.Protocol) { Method = "GET", Url = _path };
                    if (more)
                    {
                        // Offset paging advances by the rows the server consumed; after a switch, by what was really read.
                        offset = switched ? q.Skip + yielded + fresh.Count : offset + items.Count;
                        limit = PageLimit(q, yielded + fresh.Count);
                        request = PageRequest(q, byId, keyset, first, offset, lastId, limit);
                    }
                    for (var i = 0; i < fresh.Count; i++)
                    {
                        yielded++;
                        yield return Operations.EntityService.Shape(fresh[i], _resource);
                        if (i == 0 && more) ahead = ReadAhead(request, stop.Token);
                    }
                    if (!more) yield break;
                }
            }
            finally
            {
                stop.Cancel();
                if (ahead == null) stop.Dispose();
                else ahead.ContinueWith(t => { _ = t.Exception; stop.Dispose(); }, TaskScheduler.Default);
            }
        }

        int PageLimit(ListQuery q, long yielded) =>
            q.First.HasValue ? (int)Math.Min(q.PageSize, q.First.Value - yielded) : q.PageSize;

        MauticRequest PageRequest(ListQuery q, bool byId, bool keyset, bool first, long offset, long? lastId, int limit)
        {
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
            return request;
        }

        /// <summary>The next page, read on the thread pool while the caller writes this one.</summary>
        Task<MauticResponse> ReadAhead(MauticRequest request, CancellationToken ct) => Task.Run(() => _client.Send(request, ct), ct);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
