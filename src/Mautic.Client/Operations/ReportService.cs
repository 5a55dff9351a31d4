using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// What reports have beyond the standard routes (measured on 5.1.0): GET reports/{id} compiles the report and answers
    /// {totalResults, data: [rows], dataColumns, limit, page, dateFrom?, dateTo?, debug, aggregatorColumns, report}; rows are
    /// objects keyed by column alias whose values are all strings ("" for NULL). It pages only when page and limit are sent
    /// (page counts from 1; limit 0 means Mautic's default 30), and filters on the source's date column between dateFrom and
    /// dateTo (read as UTC; without dateFrom Mautic takes the last 30 days). An edit that sends columns, filters, order,
    /// grouping, graphs or aggregators is refused ("This value is not valid.") unless it also sends the source, so the
    /// report's own source is added to such an edit.
    /// </summary>
    public sealed class ReportService : EntityService
    {
        public const string RowType = "Mautic.ReportRow";

        /// <summary>The fields whose allowed values Mautic's form takes from the submitted source.</summary>
        static readonly string[] SourceBound = { "columns", "filters", "tableOrder", "groupBy", "graphs", "aggregators" };

        public ReportService(MauticClient client) : base(client, MauticResources.Reports) { }

        public override IEnumerable<BatchOutcome<T>> Update<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default, bool replace = false)
        {
            var needSource = items.Where(i => i.Id.HasValue && i.Payload != null && i.Payload["source"] == null && SourceBound.Any(f => i.Payload[f] != null))
                .Select(i => i.Id.Value).Distinct().ToList();
            if (needSource.Count > 0)
            {
                var sources = new Dictionary<long, string>();
                try
                {
                    // The list, not GET reports/{id}: that one compiles the report's rows.
                    var query = new ListQuery { PageSize = needSource.Count, First = needSource.Count };
                    query.Where.Add(new WhereClause("id", "in", needSource));
                    foreach (var r in List(query, ct))
                        if (r.Id.HasValue && r["source"] is string src) sources[r.Id.Value] = src;
                }
                catch (MauticApiException) { /* the edit itself reports what is wrong */ }
                foreach (var i in items)
                    if (i.Id.HasValue && needSource.Contains(i.Id.Value) && sources.TryGetValue(i.Id.Value, out var s)) i.Payload["source"] = s;
            }
            return base.Update(items, ct, replace);
        }

        /// <summary>
        /// The rows of report <paramref name="id"/>, one page (<see cref="ListQuery.PageSize"/> rows) per request from
        /// <see cref="ListQuery.Skip"/> up to <see cref="ListQuery.First"/> rows, each a Mautic.ReportRow whose properties are
        /// the report's columns (ids as numbers, the rest as Mautic sent them).
        /// </summary>
        public IEnumerable<MauticRecord> Rows(long id, DateTime? from, DateTime? to, ListQuery query, CancellationToken ct = default, Action<long?> totalKnown = null)
        {
            CheckId(id);
            if (from.HasValue && to.HasValue && from.Value.ToUniversalTime() > to.Value.ToUniversalTime())
                throw new MauticApiException($"-DateFrom ({Sql(from.Value)} UTC) is after -DateTo ({Sql(to.Value)} UTC).", MauticErrorKind.InvalidArgument);
            query = query ?? new ListQuery();
            query.Validate();
            return Walk(id, from, to, query, ct, totalKnown);
        }

        IEnumerable<MauticRecord> Walk(long id, DateTime? from, DateTime? to, ListQuery q, CancellationToken ct, Action<long?> totalKnown)
        {
            var size = q.PageSize;
            var page = q.Skip / size + 1;
            var drop = (int)(q.Skip % size);
            long yielded = 0;
            var first = true;
            while (!q.First.HasValue || yielded < q.First.Value)
            {
                var request = MauticRequest.Get(Resource.Route + "/" + id.ToString(CultureInfo.InvariantCulture)).With("page", page).With("limit", size);
                if (from.HasValue) request.With("dateFrom", Sql(from.Value));
                if (to.HasValue) request.With("dateTo", Sql(to.Value));
                var body = Client.Send(request, ct).Body as JObject;
                var total = MauticJson.ToLong(body?["totalResults"]);
                if (first) totalKnown?.Invoke(total);
                first = false;
                var rows = MauticJson.Map(body?["data"]).Select(kv => kv.Value).ToList();
                foreach (var row in rows.Skip(drop))
                {
                    yielded++;
                    yield return RecordShaper.Shape(row, RowType, false);
                    if (q.First.HasValue && yielded >= q.First.Value) yield break;
                }
                drop = 0;
                if (rows.Count < size || (total.HasValue && page * size >= total.Value)) yield break;
                page++;
            }
        }

        /// <summary>A date as Mautic's report API reads it: UTC, "yyyy-MM-dd HH:mm:ss".</summary>
        internal static string Sql(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
