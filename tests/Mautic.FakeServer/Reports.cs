namespace Mautic.FakeServer;

/// <summary>
/// Reports (ReportBundle ReportApiController): the row of the ten standard routes, with GET reports/{id} answering the
/// compiled report. Measured on a real Mautic 5.1.0; see README.md, "Reports".
/// </summary>
static partial class Routes
{
    /// <summary>The "leads" source's data columns as 5.1.0 lists them (alias =&gt; column), from GET reports/{id} of a leads report.</summary>
    static readonly (string Alias, string Column)[] LeadReportColumns =
    [
        ("address1", "l.address1"), ("address2", "l.address2"), ("attribution", "l.attribution"), ("attribution_date", "l.attribution_date"), ("city", "l.city"),
        ("companyaddress1", "comp.companyaddress1"), ("companyaddress2", "comp.companyaddress2"), ("companyannual_revenue", "comp.companyannual_revenue"),
        ("companycity", "comp.companycity"), ("companyemail", "comp.companyemail"), ("companyname", "comp.companyname"), ("companycountry", "comp.companycountry"),
        ("companydescription", "comp.companydescription"), ("companyfax", "comp.companyfax"), ("comp_id", "comp.id"), ("companyindustry", "comp.companyindustry"),
        ("companynumber_of_employees", "comp.companynumber_of_employees"), ("companyphone", "comp.companyphone"), ("companystate", "comp.companystate"),
        ("companywebsite", "comp.companywebsite"), ("companyzipcode", "comp.companyzipcode"), ("id", "l.id"), ("country", "l.country"), ("date_added", "l.date_added"),
        ("last_active", "l.last_active"), ("date_added1", "companies_lead.date_added"), ("date_identified", "l.date_identified"), ("email", "l.email"),
        ("facebook", "l.facebook"), ("fax", "l.fax"), ("firstname", "l.firstname"), ("foursquare", "l.foursquare"), ("ip_address", "i.ip_address"),
        ("instagram", "l.instagram"), ("is_primary", "companies_lead.is_primary"), ("lastname", "l.lastname"), ("linkedin", "l.linkedin"), ("mobile", "l.mobile"),
        ("owner_id", "l.owner_id"), ("first_name", "u.first_name"), ("last_name", "u.last_name"), ("phone", "l.phone"), ("points", "l.points"),
        ("position", "l.position"), ("preferred_locale", "l.preferred_locale"), ("timezone", "l.timezone"), ("company", "l.company"), ("skype", "l.skype"),
        ("stage_date_added", "ss.date_added"), ("stage_id", "l.stage_id"), ("stage_name", "ss.name"), ("state", "l.state"), ("title", "l.title"),
        ("twitter", "l.twitter"), ("website", "l.website"), ("zipcode", "l.zipcode"),
    ];

    /// <summary>
    /// Sources a report may read (the ones a stock 5.1.0 showed, "leads" and the system reports' ones, plus the sources of
    /// ReportBundle's subscribers); only "leads" has columns and rows in the fake.
    /// </summary>
    static readonly string[] ReportSources =
    [
        "leads", "companies", "lead.pointlog", "email.stats", "emails", "asset.downloads", "assets", "form.submissions", "forms", "page.hits", "pages",
        "campaign_lead_event_log", "campaigns", "contact.frequencyrules", "audit.log",
    ];

    static readonly string[] ReportConditions =
        ["eq", "neq", "gt", "gte", "lt", "lte", "like", "notLike", "empty", "notEmpty", "in", "notIn", "between", "notBetween", "startsWith", "endsWith", "contains"];

    /// <summary>
    /// Reports, measured on 5.1.0: {id, name, description, system, isScheduled, source, columns, filters, tableOrder, graphs,
    /// groupBy, settings, aggregators, scheduleUnit, toAddress, scheduleDay, scheduleMonthFrequency} with no header in
    /// lists and write answers (isPublished is still kept: GET reports/{id} shows it); list an array ordered by name,
    /// total int; name required; a create without a source is the generic 500, an unknown source 400 "source: This value
    /// is not valid."; columns and filters are checked against the source sent with them, so an edit of them without the
    /// source is 400 "columns: This value is not valid." (a bad filter: "column: ..., condition: ..."); a PUT on an existing
    /// report without system (or source) is the generic 500.
    /// </summary>
    internal static readonly AreaDef ReportArea = new()
    {
        Route = "reports", Singular = "report", Plural = "reports", List = ListShape.Array, SetsPublished = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("description"),
            new("system", FieldKind.Bool) { PutMissingIsServerError = true }, new("isScheduled", FieldKind.Bool),
            new("source") { PutMissingIsServerError = true },
            new("columns", FieldKind.Raw), new("filters", FieldKind.Raw), new("tableOrder", FieldKind.Raw), new("graphs", FieldKind.Raw),
            new("groupBy", FieldKind.Raw), new("settings", FieldKind.Raw), new("aggregators", FieldKind.Raw),
            new("scheduleUnit"), new("toAddress"), new("scheduleDay"), new("scheduleMonthFrequency"),
        ],
        DefaultOrder = "name",
        SearchFields = ["name"],
        Validate = ValidateReport, Render = RenderReport,
    };

    static IReadOnlyDictionary<string, string> ValidateReport(FakeState s, Entity e, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        var source = payload["source"] is JsonValue sv ? sv.ToString() : null;
        if (source != null && !ReportSources.Contains(source)) errors["source"] = "This value is not valid.";
        var columns = source == "leads" ? LeadReportColumns.Select(c => c.Column).ToHashSet() : null;
        bool Known(string? c) => source != null && (columns == null || (c != null && columns.Contains(c)));
        if (payload["columns"] is JsonArray cols && cols.Any(c => !Known(c?.ToString()))) errors["columns"] = "This value is not valid.";
        if (payload["filters"] is JsonArray filters)
            foreach (var f in filters.OfType<JsonObject>())
            {
                if (!Known(f["column"]?.ToString())) errors.TryAdd("column", "This value is not valid.");
                if (source == null || !ReportConditions.Contains(f["condition"]?.ToString() ?? "")) errors.TryAdd("condition", "This value is not valid.");
            }
        // A new report without a source passes the form and fails on its NOT NULL column (measured: the generic 500).
        if (isNew && source == null && errors.Count == 0 && payload["name"] is JsonValue) throw new ServerError(null);
        return errors;
    }

    static JsonNode ReportArray(Entity e, string field) => e[field] is JsonArray a ? a.DeepClone() : new JsonArray();

    /// <summary>The record as lists and write answers show it: no header, arrays as [], settings with its three keys.</summary>
    static JsonObject RenderReport(FakeState s, Entity e, RenderMode mode) => new()
    {
        ["id"] = mode == RenderMode.Deleted ? null : e.Id,
        ["name"] = e.Text("name"), ["description"] = e.Text("description"),
        ["system"] = e["system"] as bool? ?? false, ["isScheduled"] = e["isScheduled"] as bool? ?? false, ["source"] = e.Text("source"),
        ["columns"] = ReportArray(e, "columns"), ["filters"] = ReportArray(e, "filters"), ["tableOrder"] = ReportArray(e, "tableOrder"),
        ["graphs"] = ReportArray(e, "graphs"), ["groupBy"] = ReportArray(e, "groupBy"),
        ["settings"] = e["settings"] is JsonObject { Count: > 0 } set ? set.DeepClone()
            : new JsonObject { ["showGraphsAboveTable"] = null, ["showDynamicFilters"] = null, ["hideDateRangeFilter"] = null },
        ["aggregators"] = ReportArray(e, "aggregators"),
        ["scheduleUnit"] = e.Text("scheduleUnit"), ["toAddress"] = e.Text("toAddress"), ["scheduleDay"] = e.Text("scheduleDay"),
        ["scheduleMonthFrequency"] = e.Text("scheduleMonthFrequency"),
    };

    /// <summary>The record inside GET reports/{id}: the header first, null values left out, settings [] when not set.</summary>
    static JsonObject RenderCompiledReport(Entity e)
    {
        var o = new JsonObject
        {
            ["isPublished"] = e.IsPublished, ["dateAdded"] = Date(e.DateAdded),
            ["dateModified"] = e.DateModified.HasValue ? Date(e.DateModified.Value) : null,
            ["createdBy"] = e.CreatedBy, ["createdByUser"] = e.CreatedByUser, ["modifiedBy"] = e.ModifiedBy, ["modifiedByUser"] = e.ModifiedByUser,
        };
        foreach (var (k, v) in RenderReport(null!, e, RenderMode.One))
            o[k] = k == "settings" && v is JsonObject set && set.All(p => p.Value == null) ? new JsonArray() : v?.DeepClone();
        foreach (var k in o.Where(p => p.Value == null).Select(p => p.Key).ToList()) o.Remove(k);
        return o;
    }

    static DateTime? ReportDate(HttpContext ctx, string name, out bool bad)
    {
        bad = false;
        if (!ctx.Request.Query.ContainsKey(name)) return null;
        var text = ctx.Request.Query[name].ToString();
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)) return d;
        bad = true;
        return null;
    }

    /// <summary>A contact's value of a leads report column, as Mautic sends it: text, "" for NULL.</summary>
    static string LeadColumn(Contact c, string col) => col switch
    {
        "l.id" => c.Id.ToString(CultureInfo.InvariantCulture),
        "l.date_added" => c.DateAdded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        "l.points" => c.Points.ToString(CultureInfo.InvariantCulture),
        _ when col.StartsWith("l.", StringComparison.Ordinal) => c.Fields.GetValueOrDefault(col[2..]) ?? "",
        _ => "",
    };

    /// <summary>A report filter on one value: eq, neq, like and notLike (SQL % and _, case-insensitive), empty, notEmpty, gt/gte/lt/lte; others match everything.</summary>
    static bool ReportFilterMatches(JsonObject f, string value)
    {
        var want = f["value"]?.ToString() ?? "";
        bool Like() => System.Text.RegularExpressions.Regex.IsMatch(value, "^" + System.Text.RegularExpressions.Regex.Escape(want).Replace("%", ".*").Replace("_", ".") + "$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
        int Cmp() => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(want, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b) : string.Compare(value, want, StringComparison.OrdinalIgnoreCase);
        return f["condition"]?.ToString() switch
        {
            "eq" => string.Equals(value, want, StringComparison.OrdinalIgnoreCase),
            "neq" => !string.Equals(value, want, StringComparison.OrdinalIgnoreCase),
            "like" => Like(),
            "notLike" => !Like(),
            "empty" => value.Length == 0,
            "notEmpty" => value.Length > 0,
            "gt" => Cmp() > 0, "gte" => Cmp() >= 0, "lt" => Cmp() < 0, "lte" => Cmp() <= 0,
            _ => true,
        };
    }

    /// <summary>
    /// GET reports/{id}: {totalResults, data, dataColumns, limit, page, [dateFrom, dateTo,] debug, aggregatorColumns, report}.
    /// Rows (leads reports only) are contacts whose date_added is between dateFrom (default 30 days ago) and dateTo
    /// (default now; today's date means now, as Mautic adjusts it only when dateFrom is given), keyed by column alias,
    /// every value a string ("" for null). page and limit page (page from 1; limit missing or 0 is 30; a page without a
    /// limit is page 1 of 30); an unparsable date is the generic 500.
    /// </summary>
    static Task CompiledReport(HttpContext ctx, FakeState s)
    {
        if (!s.Stores[ReportArea.Route].Rows.TryGetValue(Id(ctx), out var report)) return Send(ctx, Reply.NotFound);
        var from = ReportDate(ctx, "dateFrom", out var badFrom);
        var to = ReportDate(ctx, "dateTo", out var badTo);
        if (badFrom || badTo) return Send(ctx, Reply.Generic(500));
        var now = DateTime.UtcNow;
        if (from.HasValue && (!to.HasValue || to.Value.Date == now.Date)) to = now;
        var source = report.Text("source");
        var selected = (report["columns"] as JsonArray ?? []).Select(c => c?.ToString() ?? "").ToList();
        var rows = new List<JsonNode>();
        if (source == "leads" && selected.Count > 0)
        {
            var lo = from ?? now.AddDays(-30);
            var hi = to ?? now;
            var filters = (report["filters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var c in s.Contacts.Values.OrderBy(c => c.Id).Where(c => c.DateAdded >= lo.AddSeconds(-1) && c.DateAdded <= hi.AddSeconds(1)))
            {
                if (!filters.All(f => ReportFilterMatches(f, LeadColumn(c, f["column"]?.ToString() ?? "")))) continue;
                var row = new JsonObject();
                foreach (var col in selected)
                {
                    var alias = LeadReportColumns.FirstOrDefault(x => x.Column == col).Alias ?? col[(col.IndexOf('.') + 1)..];
                    row[alias] = LeadColumn(c, col);
                }
                rows.Add(row);
            }
        }
        var q = ctx.Request.Query;
        var paginate = q.ContainsKey("page") || q.ContainsKey("limit");
        var limit = 0;
        JsonNode? page = 1;
        var total = rows.Count;
        if (paginate)
        {
            limit = 30;
            var pageNo = 1;
            if (int.TryParse(q["limit"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) && l != 0)
            {
                limit = l;
                pageNo = int.TryParse(q["page"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : 0;
                page = q.ContainsKey("page") ? pageNo : null;
            }
            var start = pageNo <= 1 ? 0 : (pageNo - 1) * limit;
            if (limit > 0) rows = rows.Skip(start).Take(limit).ToList();
        }
        var body = new JsonObject
        {
            ["totalResults"] = total,
            ["data"] = new JsonArray(rows.ToArray()),
            ["dataColumns"] = source == "leads" ? new JsonObject(LeadReportColumns.Select(c => KeyValuePair.Create(c.Alias, (JsonNode?)c.Column))) : new JsonObject(),
            ["limit"] = limit,
            ["page"] = page,
        };
        if (from.HasValue) body["dateFrom"] = Date(from.Value);
        if (to.HasValue) body["dateTo"] = Date(to.Value);
        body["debug"] = new JsonArray();
        body["aggregatorColumns"] = new JsonArray();
        body["report"] = RenderCompiledReport(report);
        return Json(ctx, 200, body);
    }
}
