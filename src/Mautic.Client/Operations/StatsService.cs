using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Mautic's raw statistics tables (CoreBundle StatsApiController, measured on 5.1.0): GET stats lists the tables
    /// (availableTables, tableColumns); GET stats/{table} reads one with start/limit (default 100, no maximum),
    /// order[n][col|dir] and where[n][col|expr|val], answering {total: numeric string, stats: [rows]} where every value
    /// is a string and null columns are left out. An unknown table is answered with the table list (200), an unknown
    /// column with 200 {errors:[{message: "...Column not found...", code: 1054}]}.
    /// </summary>
    public sealed class StatsService : ClientService
    {
        public const string TableType = "Mautic.StatTable";
        public const string RowType = "Mautic.StatRow";
        const string Route = "stats";
        static readonly Regex UnknownColumn = new Regex(@"Unknown column '(?:\w+\.)?([^']*)' in '([^']*)'", RegexOptions.Compiled);

        public StatsService(MauticClient client) : base(client) { }

        /// <summary>The tables the API reads, in Mautic's order: Mautic.StatTable records with Name and Columns.</summary>
        public IEnumerable<MauticRecord> Tables(CancellationToken ct = default)
        {
            var body = Client.Send(MauticRequest.Get(Route), ct).Body as JObject;
            var columns = body?["tableColumns"] as JObject;
            foreach (var name in (body?["availableTables"] as JArray ?? new JArray()).Select(t => t.ToString()))
            {
                var r = new MauticRecord(TableType);
                r["Name"] = name;
                r["Columns"] = (columns?[name] as JArray)?.Select(c => c.ToString()).ToArray() ?? new string[0];
                yield return r;
            }
        }

        /// <summary>
        /// The rows of <paramref name="table"/>, streamed one page (<see cref="ListQuery.PageSize"/> rows) per request
        /// from <see cref="ListQuery.Skip"/> up to <see cref="ListQuery.First"/> rows; filtered by the query's where
        /// clauses and ordered by its OrderBy (Mautic's order otherwise: the table's own). Each row is a Mautic.StatRow
        /// whose properties are the columns (ids as numbers, the rest as Mautic sent them) plus Table.
        /// </summary>
        public IEnumerable<MauticRecord> Rows(string table, ListQuery query, CancellationToken ct = default, Action<long?> totalKnown = null)
        {
            if (string.IsNullOrWhiteSpace(table) || table.IndexOfAny(new[] { '/', '?', '#', '&', '\\' }) >= 0)
                throw new MauticApiException($"'{table}' is not a Mautic stats table name; Get-MauticStatTable lists them.", MauticErrorKind.InvalidArgument);
            query = query ?? new ListQuery();
            query.Validate();
            return Walk(table, query, ct, totalKnown);
        }

        /// <summary>
        /// Every row of <paramref name="table"/> (one with an id column) matching <paramref name="where"/>, walked by keyset:
        /// each request asks for <paramref name="pageSize"/> rows ordered by id with id greater than the last one seen, and
        /// a short page is the last. Rows added or deleted during the walk neither shift nor repeat the others, which
        /// offset paging (start) cannot promise. Measured on 5.1.0 and 7.0.0: id gt, order by id.
        /// </summary>
        public IEnumerable<MauticRecord> RowsById(string table, IEnumerable<WhereClause> where, int pageSize, CancellationToken ct = default)
        {
            var clauses = where.ToList();
            var page = new ListQuery { OrderBy = "id", PageSize = pageSize, First = pageSize };
            page.Validate();
            return Keyset(table, clauses, pageSize, ct);
        }

        IEnumerable<MauticRecord> Keyset(string table, List<WhereClause> clauses, int pageSize, CancellationToken ct)
        {
            long? last = null;
            while (true)
            {
                var q = new ListQuery { OrderBy = "id", PageSize = pageSize, First = pageSize };
                q.Where.AddRange(clauses);
                if (last.HasValue) q.Where.Add(new WhereClause("id", "gt", last.Value));
                var n = 0;
                foreach (var row in Rows(table, q, ct))
                {
                    n++;
                    if (row["id"] is long id) last = id;
                    else throw new MauticApiException($"A row of {table} came without a numeric id; it cannot be read by id.", MauticErrorKind.Protocol);
                    yield return row;
                }
                if (n < pageSize) yield break;
            }
        }

        IEnumerable<MauticRecord> Walk(string table, ListQuery q, CancellationToken ct, Action<long?> totalKnown) =>
            OffsetWalk.Walk(q, "stats", (start, limit) =>
            {
                var request = MauticRequest.Get(Route + "/" + Uri.EscapeDataString(table)).With("start", start).With("limit", limit);
                if (!string.IsNullOrEmpty(q.OrderBy))
                    request.With("order[0][col]", q.OrderBy).With("order[0][dir]", q.Descending ? "DESC" : "ASC");
                WhereClause.AddTo(request, q.Where);
                var body = Send(request, table, ct);
                if (body?["stats"] == null && body?["availableTables"] != null)
                    throw new MauticApiException($"'{table}' is not a Mautic stats table; Get-MauticStatTable lists them.", MauticErrorKind.NotFound) { Method = "GET", Url = request.Path };
                return body;
            }, row => Row(row as JObject, table), totalKnown);

        /// <summary>A raw row as a Mautic.StatRow: id and *_id columns holding whole numbers become numbers, the rest stay as sent.</summary>
        static MauticRecord Row(JObject row, string table)
        {
            var r = new MauticRecord(RowType);
            if (row != null)
                foreach (var p in row.Properties())
                {
                    var isId = p.Name == "id" || p.Name.EndsWith("_id", StringComparison.Ordinal);
                    r[p.Name] = isId && p.Value.Type == JTokenType.String && long.TryParse((string)p.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        ? id : RecordShaper.Value(p.Name, p.Value);
                }
            r["Table"] = table;
            return r;
        }

        /// <summary>Sends one page request; Mautic's SQL error about a column it lacks becomes InvalidArgument naming the column.</summary>
        JObject Send(MauticRequest request, string table, CancellationToken ct)
        {
            try
            {
                return Client.Send(request, ct).Body as JObject;
            }
            catch (MauticApiException e) when (e.MauticMessage != null && UnknownColumn.IsMatch(e.MauticMessage))
            {
                var m = UnknownColumn.Match(e.MauticMessage);
                var clause = m.Groups[2].Value.StartsWith("ORDER", StringComparison.OrdinalIgnoreCase) ? "-OrderBy" : "-Where";
                throw new MauticApiException(
                    $"Table '{table}' has no column '{m.Groups[1].Value}' ({clause}); Get-MauticStatTable {table} lists its columns.",
                    MauticErrorKind.InvalidArgument, e) { Method = e.Method, Url = e.Url, StatusCode = e.StatusCode, MauticCode = e.MauticCode, MauticMessage = e.MauticMessage };
            }
        }
    }
}
