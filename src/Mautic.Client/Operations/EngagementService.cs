using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>What happened to an e-mail sent to a contact.</summary>
    public enum EngagementKind { Sent, Opened, Clicked, Bounced }

    /// <summary>The filters of an engagement read; every one optional.</summary>
    public sealed class EngagementQuery
    {
        /// <summary>Events at or after this moment (UTC; a local time is converted).</summary>
        public DateTime? Since { get; set; }
        /// <summary>Events before this moment (UTC; a local time is converted).</summary>
        public DateTime? Until { get; set; }
        /// <summary>Only these contacts; null for every contact (an empty list reads nothing).</summary>
        public IReadOnlyCollection<long> ContactIds { get; set; }
        /// <summary>Only these e-mails; null for every e-mail (an empty list reads nothing).</summary>
        public IReadOnlyCollection<long> EmailIds { get; set; }
        /// <summary>The kinds to read; null or empty for all four.</summary>
        public ICollection<EngagementKind> Kinds { get; set; }
        /// <summary>Rows per request.</summary>
        public int PageSize { get; set; } = ListQuery.DefaultPageSize;
    }

    /// <summary>
    /// Per contact and e-mail: sends, opens, clicks and bounces, read in bulk from Mautic's stats tables (GET
    /// stats/{table}, every read a keyset walk on the table's id, <see cref="StatsService.RowsById"/>), never a request per
    /// contact. Measured on real 5.1.0 and 7.0.0 after a send (emails/{id}/contact/{cid}/send), an open of the pixel
    /// (GET /email/{hash}.gif) and a click of the tracked link (GET /r/{redirect}?ct=...), both servers alike:
    /// <list type="bullet">
    /// <item>Sent: an email_stats row (id, email_id, lead_id, email_address, date_sent, is_read, date_read, last_opened,
    /// open_count, open_details, tracking_hash, ...), one per send.</item>
    /// <item>Opened: an email_stats_devices row (id, stat_id, device_id, ip_id, date_opened), one per open of the pixel;
    /// the open also sets the stat's is_read, date_read (first open), last_opened (latest) and open_count. The rows
    /// carry no contact or e-mail, so the stats opened in the range are read first (last_opened at or after Since,
    /// date_read before Until, the contact and e-mail filters) and their opens then by stat_id.</item>
    /// <item>Clicked: a page_hits row with email_id set (source "email", source_id the e-mail, lead_id, redirect_id,
    /// url the link's target, date_hit), one per click.</item>
    /// <item>Bounced: a lead_donotcontact row with channel "email" and reason 2 (channel_id the e-mail, comments,
    /// date_added). A contact has at most one entry per channel.</item>
    /// </list>
    /// Dates are 'yyyy-MM-dd HH:mm:ss' UTC text; the where operators gte and lt compare them as such, and in takes a
    /// comma-separated list (sent <see cref="IdsPerRequest"/> ids at a time). Results are Mautic.EmailActivity records
    /// in time order (then Sent, Opened, Clicked, Bounced; then contact; then row id).
    /// </summary>
    public sealed class EngagementService : ClientService
    {
        public const string TypeName = "Mautic.EmailActivity";
        /// <summary>Ids in one where ... in list (a URL of a few kilobytes).</summary>
        public const int IdsPerRequest = Chunk.MaxBatchSize;
        const int Bounced = (int)DncReason.Bounced;

        public EngagementService(MauticClient client) : base(client) { }

        StatsService Stats => new StatsService(Client);

        /// <summary>Every event the query asks for, in time order.</summary>
        public List<MauticRecord> Read(EngagementQuery query, CancellationToken ct = default)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            if (query.Since.HasValue && query.Until.HasValue && query.Since.Value.ToUniversalTime() >= query.Until.Value.ToUniversalTime())
                throw new MauticApiException($"Since ({Show(query.Since.Value)}) must be earlier than Until ({Show(query.Until.Value)}).", MauticErrorKind.InvalidArgument);
            foreach (var id in query.ContactIds ?? new long[0]) EntityService.CheckId("contact", id);
            foreach (var id in query.EmailIds ?? new long[0]) EntityService.CheckId("e-mail", id);
            if (query.PageSize < 1 || query.PageSize > 5000)
                throw new MauticApiException($"The page size must be between 1 and 5000, not {query.PageSize}.", MauticErrorKind.InvalidArgument);
            var kinds = query.Kinds == null || query.Kinds.Count == 0 ? new HashSet<EngagementKind>((EngagementKind[])Enum.GetValues(typeof(EngagementKind))) : new HashSet<EngagementKind>(query.Kinds);
            var events = new List<MauticRecord>();
            if ((query.ContactIds != null && query.ContactIds.Count == 0) || (query.EmailIds != null && query.EmailIds.Count == 0)) return events;
            if (kinds.Contains(EngagementKind.Sent)) events.AddRange(Sends(query, ct));
            if (kinds.Contains(EngagementKind.Opened)) events.AddRange(Opens(query, ct));
            if (kinds.Contains(EngagementKind.Clicked)) events.AddRange(Clicks(query, ct));
            if (kinds.Contains(EngagementKind.Bounced)) events.AddRange(Bounces(query, ct));
            return events
                .OrderBy(e => (DateTime)e["Date"])
                .ThenBy(e => (int)(EngagementKind)Enum.Parse(typeof(EngagementKind), (string)e["Kind"]))
                .ThenBy(e => e["ContactId"] as long? ?? 0)
                .ThenBy(e => (long)e["RowId"])
                .ToList();
        }

        static string Show(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        IEnumerable<MauticRecord> Sends(EngagementQuery q, CancellationToken ct) =>
            Walk("email_stats", q, "lead_id", "email_id", "date_sent", null, ct)
                .Select(r => Event(EngagementKind.Sent, r, "date_sent", Id(r["lead_id"]), Id(r["email_id"]), Id(r["id"]), null, null));

        IEnumerable<MauticRecord> Opens(EngagementQuery q, CancellationToken ct)
        {
            // The stats opened within the range: last open at or after Since, first open before Until.
            var opened = new List<WhereClause>();
            if (q.Since.HasValue) opened.Add(new WhereClause("last_opened", "gte", q.Since.Value));
            else opened.Add(new WhereClause("is_read", "eq", 1));
            if (q.Until.HasValue) opened.Add(new WhereClause("date_read", "lt", q.Until.Value));
            var stats = new Dictionary<long, MauticRecord>();
            foreach (var filter in Filters(q, "lead_id", "email_id"))
                foreach (var stat in Stats.RowsById("email_stats", filter.Concat(opened), q.PageSize, ct))
                    if (Id(stat["id"]) is long id) stats[id] = stat;
            var events = new List<MauticRecord>();
            foreach (var chunk in Chunk.Of(stats.Keys.OrderBy(k => k), IdsPerRequest))
            {
                var where = new List<WhereClause> { In("stat_id", chunk) };
                where.AddRange(Range("date_opened", q));
                foreach (var open in Stats.RowsById("email_stats_devices", where, q.PageSize, ct))
                {
                    var stat = Id(open["stat_id"]) is long sid && stats.TryGetValue(sid, out var s) ? s : null;
                    events.Add(Event(EngagementKind.Opened, open, "date_opened", Id(stat?["lead_id"]), Id(stat?["email_id"]), Id(open["stat_id"]), null, null));
                }
            }
            return events;
        }

        IEnumerable<MauticRecord> Clicks(EngagementQuery q, CancellationToken ct) =>
            Walk("page_hits", q, "lead_id", "email_id", "date_hit", q.EmailIds == null ? new[] { new WhereClause("email_id", "isNotNull", null) } : null, ct)
                .Select(r => Event(EngagementKind.Clicked, r, "date_hit", Id(r["lead_id"]), Id(r["email_id"]), null, r["url"] as string, null));

        IEnumerable<MauticRecord> Bounces(EngagementQuery q, CancellationToken ct) =>
            Walk("lead_donotcontact", q, "lead_id", "channel_id", "date_added",
                    new[] { new WhereClause("channel", "eq", "email"), new WhereClause("reason", "eq", Bounced) }, ct)
                .Select(r => Event(EngagementKind.Bounced, r, "date_added", Id(r["lead_id"]), Id(r["channel_id"]), null, null, r["comments"] as string));

        /// <summary>The rows of a table within the query's range, contacts and e-mails, one keyset walk per chunk of ids.</summary>
        IEnumerable<MauticRecord> Walk(string table, EngagementQuery q, string contactColumn, string emailColumn, string dateColumn,
            IEnumerable<WhereClause> extra, CancellationToken ct)
        {
            foreach (var filter in Filters(q, contactColumn, emailColumn))
            {
                var where = filter.Concat(Range(dateColumn, q)).Concat(extra ?? Enumerable.Empty<WhereClause>()).ToList();
                foreach (var row in Stats.RowsById(table, where, q.PageSize, ct)) yield return row;
            }
        }

        static IEnumerable<WhereClause> Range(string column, EngagementQuery q)
        {
            if (q.Since.HasValue) yield return new WhereClause(column, "gte", q.Since.Value);
            if (q.Until.HasValue) yield return new WhereClause(column, "lt", q.Until.Value);
        }

        /// <summary>The contact and e-mail clauses, one set per pair of id chunks (no clause for a filter not given).</summary>
        static IEnumerable<List<WhereClause>> Filters(EngagementQuery q, string contactColumn, string emailColumn)
        {
            var contacts = q.ContactIds == null ? new List<List<long>> { null } : Chunk.Of(q.ContactIds.Distinct().OrderBy(i => i), IdsPerRequest).ToList();
            var emails = q.EmailIds == null ? new List<List<long>> { null } : Chunk.Of(q.EmailIds.Distinct().OrderBy(i => i), IdsPerRequest).ToList();
            foreach (var c in contacts)
                foreach (var e in emails)
                {
                    var where = new List<WhereClause>();
                    if (c != null) where.Add(In(contactColumn, c));
                    if (e != null) where.Add(In(emailColumn, e));
                    yield return where;
                }
        }

        static WhereClause In(string column, IReadOnlyList<long> ids) =>
            ids.Count == 1 ? new WhereClause(column, "eq", ids[0]) : new WhereClause(column, "in", ids);

        static long? Id(object v)
        {
            switch (v)
            {
                case long l: return l;
                case int i: return i;
                case string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p): return p;
                default: return null;
            }
        }

        /// <summary>A stats date ('yyyy-MM-dd HH:mm:ss', UTC) as a UTC DateTime.</summary>
        static DateTime Date(object v, string table, string column)
        {
            if (v is DateTime d) return d.Kind == DateTimeKind.Utc ? d : DateTime.SpecifyKind(d, DateTimeKind.Utc);
            if (v is string s && DateTime.TryParseExact(s, new[] { "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd" }, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return parsed;
            throw new MauticApiException($"A row of {table} has '{v}' in {column}, which is not a date.", MauticErrorKind.Protocol);
        }

        static MauticRecord Event(EngagementKind kind, MauticRecord row, string dateColumn, long? contactId, long? emailId, long? statId, string url, string comments)
        {
            var table = (string)row["Table"];
            var r = new MauticRecord(TypeName);
            r["Kind"] = kind.ToString();
            r["Date"] = Date(row[dateColumn], table, dateColumn);
            r["ContactId"] = contactId;
            r["EmailId"] = emailId;
            r["Url"] = url;
            r["Comments"] = comments;
            r["StatId"] = statId;
            r["Table"] = table;
            r["RowId"] = Id(row["id"]);
            return r;
        }
    }
}
