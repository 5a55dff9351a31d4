namespace Mautic.FakeServer;

/// <summary>
/// Dashboard widget data (DashboardBundle WidgetApiController), measured on a real Mautic 5.1.0: GET data lists the
/// widget types grouped by category, GET data/{type} answers {success, cached, execution_time, data}. The fake computes
/// data for created.leads.in.time (a line chart of contacts created per time unit) and created.leads (a table of the
/// newest contacts); every other known type answers an empty chart or table of its kind. See README.md, "Dashboard".
/// </summary>
static partial class Routes
{
    /// <summary>GET /api/data's types on a stock 5.1.0 (copied from its answer): category =&gt; (type, name).</summary>
    static readonly (string Category, (string Type, string Name)[] Types)[] WidgetTypes =
    [
        ("Asset Widgets", [("asset.downloads.in.time", "Downloads in time"), ("unique.vs.repetitive.downloads", "Unique vs repetitive downloads"), ("popular.assets", "Popular assets"), ("created.assets", "Created assets")]),
        ("Campaign Widgets", [("events.in.time", "Events triggered in time"), ("leads.added.in.time", "Leads added in time")]),
        ("Core Widgets", [("recent.activity", "Recent Activity")]),
        ("Email Widgets", [("emails.best.hours", "Best email read hours "), ("emails.in.time", "Emails in time"), ("sent.email.to.contacts", "Sent email to contacts"), ("most.hit.email.redirects", "Most hit email redirects"), ("ignored.vs.read.emails", "Ignored vs read"), ("upcoming.emails", "Upcoming emails"), ("most.sent.emails", "Most sent emails"), ("most.read.emails", "Most read emails"), ("created.emails", "Created emails"), ("device.granularity.email", "Devices for emails read")]),
        ("Form Widgets", [("submissions.in.time", "Submissions in time"), ("top.submission.referrers", "Top submission referrers"), ("top.submitters", "Top submitters"), ("created.forms", "Created forms")]),
        ("Contact Widgets", [("created.leads.in.time", "Created contacts in time"), ("anonymous.vs.identified.leads", "Anonymous vs identified contacts"), ("lead.lifetime", "Lifecycle"), ("map.of.leads", "Map"), ("top.lists", "Top segments"), ("segments.build.time", "Segments build time"), ("top.creators", "Top contact creators"), ("top.owners", "Top contact owners"), ("created.leads", "Created contacts")]),
        ("Page Widgets", [("page.hits.in.time", "Page visits in time"), ("unique.vs.returning.leads", "Unique vs returning visitors"), ("dwell.times", "Dwell times"), ("popular.pages", "Popular landing pages"), ("created.pages", "Created Landing pages"), ("device.granularity", "Device granularity")]),
        ("Point Widgets", [("points.in.time", "Points in time")]),
        ("Report Widgets", [("report", "Report Graph")]),
        ("Stage Widgets", [("stages.in.time", "Stages in time")]),
    ];

    /// <summary>Types answered as a line chart over time; the others known as a table (measured: created.leads, top.lists).</summary>
    static readonly string[] InTimeWidgets =
        ["asset.downloads.in.time", "events.in.time", "leads.added.in.time", "emails.in.time", "submissions.in.time", "created.leads.in.time", "page.hits.in.time", "points.in.time", "stages.in.time"];

    static void MapDashboard(WebApplication app, FakeState s)
    {
        app.MapGet("/api/data", ctx =>
        {
            var types = new JsonObject();
            foreach (var (category, list) in WidgetTypes)
                types[category] = new JsonObject(list.Select(t => KeyValuePair.Create(t.Type, (JsonNode?)t.Name)));
            return Json(ctx, 200, new JsonObject { ["success"] = 1, ["types"] = types });
        });
        app.MapGet("/api/data/{type}", ctx => Locked(s, () => WidgetData(ctx, s)));
    }

    static readonly string[] TimeUnits = ["s", "i", "H", "d", "W", "m", "Y"];

    /// <summary>
    /// GET data/{type}: timeUnit other than s, i, H, d, W, m, Y is 400 "Unit 'X' is not supported. Use one of these: ...";
    /// dateFrom/dateTo default to now; "report" (it needs a report widget's params) and unknown types are 404.
    /// </summary>
    static Task WidgetData(HttpContext ctx, FakeState s)
    {
        var q = ctx.Request.Query;
        var type = (string)ctx.Request.RouteValues["type"]!;
        var unit = q.ContainsKey("timeUnit") ? q["timeUnit"].ToString() : "Y";
        if (!TimeUnits.Contains(unit)) return ApiError(ctx, 400, $"Unit '{unit}' is not supported. Use one of these: s, i, H, d, W, m, Y");
        if (type == "report" || !WidgetTypes.Any(c => c.Types.Any(t => t.Type == type))) return NotFound(ctx);
        var now = DateTime.UtcNow;
        DateTime At(string name) => q.ContainsKey(name) && DateTime.TryParse(q[name], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : now;
        var from = At("dateFrom");
        var to = At("dateTo");
        var raw = q["dataFormat"] == "raw";
        JsonNode data;
        if (InTimeWidgets.Contains(type))
        {
            var points = new List<(string Label, long Count)>();
            for (var t = Floor(from, unit); t <= to; t = Next(t, unit))
            {
                var end = Next(t, unit);
                var n = type == "created.leads.in.time" ? s.Contacts.Values.Count(c => c.DateAdded >= t && c.DateAdded < end && c.DateAdded >= from.AddSeconds(-1) && c.DateAdded <= to.AddSeconds(1)) : 0;
                points.Add((Label(t, unit), n));
            }
            var dataset = type == "created.leads.in.time" ? "All contacts" : "Count";
            if (raw)
                data = new JsonObject { [dataset] = new JsonObject(points.Select(p => KeyValuePair.Create(p.Label, (JsonNode?)p.Count))) };
            else
                data = new JsonObject
                {
                    ["chartType"] = "line", ["chartHeight"] = 220,
                    ["chartData"] = new JsonObject
                    {
                        ["labels"] = new JsonArray(points.Select(p => (JsonNode?)p.Label).ToArray()),
                        ["datasets"] = new JsonArray(new JsonObject { ["label"] = dataset, ["data"] = new JsonArray(points.Select(p => (JsonNode?)p.Count).ToArray()) }),
                    },
                };
        }
        else
        {
            var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 10;
            var rows = type == "created.leads"
                ? s.Contacts.Values.Where(c => c.DateAdded >= from.AddSeconds(-1) && c.DateAdded <= to.AddSeconds(1)).OrderByDescending(c => c.DateAdded).ThenByDescending(c => c.Id).Take(limit)
                    .Select(c => (Id: c.Id, Added: c.DateAdded, Name: string.Join(" ", new[] { c.Fields.GetValueOrDefault("firstname"), c.Fields.GetValueOrDefault("lastname") }.Where(x => !string.IsNullOrEmpty(x))))).ToList()
                : [];
            if (raw)
                data = rows.Count == 0 && type == "created.leads"
                    ? new JsonArray(new JsonObject { ["name"] = "No data returned for this report" })
                    : new JsonArray(rows.Select(r => (JsonNode?)new JsonObject
                    {
                        ["id"] = r.Id.ToString(CultureInfo.InvariantCulture), ["date_added"] = r.Added.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), ["name"] = r.Name,
                    }).ToArray());
            else
                data = new JsonObject
                {
                    ["headItems"] = new JsonArray("mautic.dashboard.label.title"),
                    ["bodyItems"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(new JsonObject { ["value"] = r.Name, ["type"] = "link", ["link"] = $"/s/contacts/view/{r.Id}" })).ToArray()),
                };
        }
        return Json(ctx, 200, new JsonObject { ["success"] = 1, ["cached"] = false, ["execution_time"] = 0.005, ["data"] = data });
    }

    static DateTime Floor(DateTime d, string unit) => unit switch
    {
        "Y" => new DateTime(d.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        "m" => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        "W" => d.Date.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        "d" => d.Date,
        "H" => new DateTime(d.Year, d.Month, d.Day, d.Hour, 0, 0, DateTimeKind.Utc),
        "i" => new DateTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, 0, DateTimeKind.Utc),
        _ => new DateTime(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second, DateTimeKind.Utc),
    };

    static DateTime Next(DateTime d, string unit) => unit switch
    {
        "Y" => d.AddYears(1), "m" => d.AddMonths(1), "W" => d.AddDays(7), "d" => d.AddDays(1), "H" => d.AddHours(1), "i" => d.AddMinutes(1), _ => d.AddSeconds(1),
    };

    /// <summary>Chart labels as 5.1.0 writes them: "2026" (Y), "Nov 2026" (m), "Nov 20, 26" (d); the other units modelled alike.</summary>
    static string Label(DateTime d, string unit) => unit switch
    {
        "Y" => d.ToString("yyyy", CultureInfo.InvariantCulture),
        "m" => d.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        "W" => "Week " + ISOWeek.GetWeekOfYear(d).ToString(CultureInfo.InvariantCulture),
        "d" => d.ToString("MMM d, yy", CultureInfo.InvariantCulture),
        "H" => d.ToString("MMM d, yy HH:00", CultureInfo.InvariantCulture),
        "i" => d.ToString("MMM d, yy HH:mm", CultureInfo.InvariantCulture),
        _ => d.ToString("MMM d, yy HH:mm:ss", CultureInfo.InvariantCulture),
    };
}
