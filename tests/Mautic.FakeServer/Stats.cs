namespace Mautic.FakeServer;

/// <summary>
/// The stats tables (CoreBundle StatsApiController::listAction), measured on a real Mautic 5.1.0: GET /api/stats and
/// GET /api/stats/{unknown} answer the table list; GET /api/stats/{table} answers {total: numeric string, stats: rows}
/// with every value a string and null columns left out. Rows come from the fake's state for lead_lists_leads,
/// campaign_leads and companies_leads; the other tables are empty. See README.md, "Stats".
/// </summary>
static partial class Routes
{
    /// <summary>The tables and columns GET /api/stats lists on 5.1.0 (copied from its answer).</summary>
    static readonly (string Table, string[] Columns)[] StatTables =
    [
        ("asset_downloads", ["asset_id", "code", "date_download", "email_id", "id", "ip_id", "lead_id", "referer", "source", "source_id", "tracking_id", "utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term"]),
        ("audit_log", ["action", "bundle", "date_added", "details", "id", "ip_address", "object", "object_id", "user_id", "user_name"]),
        ("campaign_lead_event_log", ["campaign_id", "channel", "channel_id", "date_triggered", "event_id", "id", "ip_id", "is_scheduled", "lead_id", "metadata", "non_action_path_taken", "rotation", "system_triggered", "trigger_date"]),
        ("campaign_leads", ["campaign_id", "date_added", "date_last_exited", "lead_id", "manually_added", "manually_removed", "rotation"]),
        ("channel_url_trackables", ["channel", "channel_id", "hits", "redirect_id", "unique_hits"]),
        ("companies_leads", ["company_id", "date_added", "is_primary", "lead_id"]),
        ("dynamic_content_lead_data", ["date_added", "dynamic_content_id", "id", "lead_id", "slot"]),
        ("dynamic_content_stats", ["date_sent", "dynamic_content_id", "id", "last_sent", "lead_id", "sent_count", "sent_details", "source", "source_id", "tokens"]),
        ("email_stat_replies", ["date_replied", "id", "message_id", "stat_id"]),
        ("email_stats", ["copy_id", "date_read", "date_sent", "email_address", "email_id", "id", "ip_id", "is_failed", "is_read", "last_opened", "lead_id", "list_id", "open_count", "open_details", "retry_count", "source", "source_id", "tokens", "tracking_hash", "viewed_in_browser"]),
        ("email_stats_devices", ["date_opened", "device_id", "id", "ip_id", "stat_id"]),
        ("focus_stats", ["date_added", "focus_id", "id", "lead_id", "type", "type_id"]),
        ("form_submissions", ["date_submitted", "form_id", "id", "ip_id", "lead_id", "page_id", "referer", "tracking_id"]),
        ("ip_addresses", ["id", "ip_address", "ip_details"]),
        ("lead_categories", ["category_id", "date_added", "id", "lead_id", "manually_added", "manually_removed"]),
        ("lead_companies_change_log", ["action_name", "company_id", "date_added", "event_name", "id", "lead_id", "type"]),
        ("lead_devices", ["client_info", "date_added", "device", "device_brand", "device_model", "device_os_name", "device_os_platform", "device_os_shortname", "device_os_version", "id", "lead_id", "tracking_id"]),
        ("lead_donotcontact", ["channel", "channel_id", "comments", "date_added", "id", "lead_id", "reason"]),
        ("lead_event_log", ["action", "bundle", "date_added", "id", "lead_id", "object", "object_id", "properties", "user_id", "user_name"]),
        ("lead_frequencyrules", ["channel", "date_added", "frequency_number", "frequency_time", "id", "lead_id", "pause_from_date", "pause_to_date", "preferred_channel"]),
        ("lead_lists_leads", ["date_added", "leadlist_id", "lead_id", "manually_added", "manually_removed"]),
        ("lead_points_change_log", ["action_name", "date_added", "delta", "event_name", "group_id", "id", "ip_id", "lead_id", "type"]),
        ("lead_stages_change_log", ["action_name", "date_added", "event_name", "id", "lead_id", "stage_id"]),
        ("lead_utmtags", ["date_added", "id", "lead_id", "query", "referer", "remote_host", "url", "user_agent", "utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term"]),
        ("page_hits", ["browser_languages", "city", "code", "country", "date_hit", "date_left", "device_id", "email_id", "id", "ip_id", "isp", "lead_id", "organization", "page_id", "page_language", "query", "redirect_id", "referer", "region", "remote_host", "source", "source_id", "tracking_id", "url", "url_title", "user_agent"]),
        ("page_redirects", ["checked_out", "checked_out_by", "checked_out_by_user", "created_by", "created_by_user", "date_added", "date_modified", "hits", "id", "is_published", "modified_by", "modified_by_user", "redirect_id", "unique_hits", "url"]),
        ("point_lead_action_log", ["date_fired", "ip_id", "lead_id", "point_id"]),
        ("point_lead_event_log", ["date_fired", "event_id", "ip_id", "lead_id"]),
        ("push_notification_stats", ["click_count", "click_details", "date_clicked", "date_read", "date_sent", "id", "ip_id", "is_clicked", "last_clicked", "lead_id", "list_id", "notification_id", "retry_count", "source", "source_id", "tokens", "tracking_hash"]),
        ("sms_message_stats", ["date_sent", "details", "id", "ip_id", "is_failed", "lead_id", "list_id", "sms_id", "source", "source_id", "tokens", "tracking_hash"]),
        ("stage_lead_action_log", ["date_fired", "ip_id", "lead_id", "stage_id"]),
        ("tweet_stats", ["date_sent", "favorite_count", "handle", "id", "is_failed", "lead_id", "response_details", "retry_count", "retweet_count", "source", "source_id", "tweet_id", "twitter_tweet_id"]),
        ("video_hits", ["browser_languages", "channel", "channel_id", "city", "code", "country", "date_hit", "date_left", "duration", "guid", "id", "ip_id", "isp", "lead_id", "organization", "page_language", "query", "referer", "region", "remote_host", "time_watched", "url", "user_agent"]),
        ("webhook_logs", ["date_added", "id", "note", "runtime", "status_code", "webhook_id"]),
    ];

    static void MapStats(WebApplication app, FakeState s)
    {
        app.MapGet("/api/stats", ctx => Json(ctx, 200, StatTableList()));
        app.MapGet("/api/stats/{table}", ctx => Locked(s, () => StatRows(ctx, s)));
    }

    /// <summary>{availableTables: [names], tableColumns: {name: [columns sorted]}}, as 5.1.0 sends it.</summary>
    static JsonObject StatTableList()
    {
        var columns = new JsonObject();
        foreach (var (t, c) in StatTables) columns[t] = new JsonArray(c.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
        return new JsonObject
        {
            ["availableTables"] = new JsonArray(StatTables.Select(t => (JsonNode)JsonValue.Create(t.Table)).ToArray()),
            ["tableColumns"] = columns,
        };
    }

    static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
    static string B(bool v) => v ? "1" : "0";
    static string Sql(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The rows the fake's state holds for a table, in the table's natural order (its key), values as strings.</summary>
    static List<List<(string Col, string? Val)>> StatTableRows(FakeState s, string table)
    {
        switch (table)
        {
            case "lead_lists_leads":
                // The fake does not record when a contact joined a segment: the later of the segment's and the contact's creation.
                return s.Segments.Values.SelectMany(g => g.Members.OrderBy(m => m).Select(m => new List<(string, string?)>
                {
                    ("leadlist_id", N(g.Id)), ("lead_id", N(m)),
                    ("date_added", Sql(s.Contacts.TryGetValue(m, out var c) && c.DateAdded > g.DateAdded ? c.DateAdded : g.DateAdded)),
                    ("manually_removed", "0"), ("manually_added", "1"),
                })).ToList();
            case "campaign_leads":
                return s.Campaigns.Members.OrderBy(kv => kv.Key.Campaign).ThenBy(kv => kv.Key.Contact).Select(kv => new List<(string, string?)>
                {
                    ("campaign_id", N(kv.Key.Campaign)), ("lead_id", N(kv.Key.Contact)), ("date_added", Sql(kv.Value.DateAdded)),
                    ("manually_removed", B(kv.Value.ManuallyRemoved)), ("manually_added", B(kv.Value.ManuallyAdded)),
                    ("date_last_exited", null), ("rotation", N(kv.Value.Rotation)),
                }).ToList();
            case "companies_leads":
                return s.Contacts.Values.OrderBy(c => c.Id).SelectMany(c => c.Companies.Select(l => new List<(string, string?)>
                {
                    ("company_id", N(l.CompanyId)), ("lead_id", N(c.Id)), ("date_added", Sql(l.Associated)), ("is_primary", B(l.Primary)),
                })).ToList();
            case "lead_categories":
                return LiveContactCategories(s).Select(r => new List<(string, string?)>
                {
                    ("id", N(r.Id)), ("category_id", N(r.CategoryId)), ("lead_id", N(r.ContactId)), ("date_added", Sql(r.DateAdded)),
                    ("manually_removed", B(r.ManuallyRemoved)), ("manually_added", B(r.ManuallyAdded)),
                }).ToList();
            case "email_stats":
                return EmailStatRows(s);
            case "email_stat_replies":
                return EmailReplyRows(s);
            case "email_stats_devices":
                return EmailOpenRows(s);
            case "page_hits":
                return PageHitRows(s);
            case "page_redirects":
                return RedirectRows(s);
            case "channel_url_trackables":
                return TrackableRows(s);
            case "lead_donotcontact":
                return DncRows(s);
            default:
                return new();
        }
    }

    static Task StatError(HttpContext ctx, string message, int code) =>
        Json(ctx, 200, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["code"] = code }) });

    static Task UnknownStatColumn(HttpContext ctx, string col, string clause) =>
        StatError(ctx, $"An exception occurred while executing a query: SQLSTATE[42S22]: Column not found: 1054 Unknown column 'e.{col}' in '{clause}'", 1054);

    static Task StatRows(HttpContext ctx, FakeState s)
    {
        var table = (string)ctx.Request.RouteValues["table"]!;
        var def = StatTables.FirstOrDefault(t => t.Table == table);
        if (def.Table == null) return Json(ctx, 200, StatTableList());   // measured: an unknown table answers the list
        var q = ctx.Request.Query;
        var rows = StatTableRows(s, table);
        for (var n = 0; q.ContainsKey($"where[{n}][col]"); n++)
        {
            var col = q[$"where[{n}][col]"].ToString();
            if (!q.ContainsKey($"where[{n}][expr]")) return StatError(ctx, "\"expr\" is missing in the where clause array.", 0);
            var expr = q[$"where[{n}][expr]"].ToString();
            var val = q[$"where[{n}][val]"].ToString();
            if (!def.Columns.Contains(col)) return UnknownStatColumn(ctx, col, "WHERE");
            if (!KnownExprs.Contains(expr)) continue;   // measured: an expression Mautic does not know is ignored (every row)
            rows = rows.Where(r => Compare(r.FirstOrDefault(c => c.Col == col).Val, expr, val)).ToList();
        }
        IOrderedEnumerable<List<(string Col, string? Val)>>? ordered = null;
        for (var n = 0; q.ContainsKey($"order[{n}][col]"); n++)
        {
            var col = q[$"order[{n}][col]"].ToString();
            if (!def.Columns.Contains(col)) return UnknownStatColumn(ctx, col, "ORDER BY");
            var desc = string.Equals(q[$"order[{n}][dir]"].ToString(), "DESC", StringComparison.OrdinalIgnoreCase);
            Func<List<(string Col, string? Val)>, string?> key = r => r.FirstOrDefault(c => c.Col == col).Val;
            ordered = ordered == null
                ? (desc ? rows.OrderByDescending(key, SqlOrder.Instance) : rows.OrderBy(key, SqlOrder.Instance))
                : (desc ? ordered.ThenByDescending(key, SqlOrder.Instance) : ordered.ThenBy(key, SqlOrder.Instance));
        }
        if (ordered != null) rows = ordered.ToList();
        int.TryParse(q["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var start);
        var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 100;   // limit=0: no rows (measured)
        var page = rows.Skip(start).Take(limit).Select(r =>
        {
            var o = new JsonObject();
            foreach (var (col, v) in r) if (v != null) o[col] = v;   // null columns are left out (measured on email_stats)
            return (JsonNode)o;
        }).ToArray();
        return Json(ctx, 200, new JsonObject { ["total"] = N(rows.Count), ["stats"] = new JsonArray(page) });
    }

    sealed class SqlOrder : IComparer<string?>
    {
        public static readonly SqlOrder Instance = new();
        public int Compare(string? a, string? b)
        {
            if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;   // NULL sorts first in MySQL
            if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                return x.CompareTo(y);
            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }
}
