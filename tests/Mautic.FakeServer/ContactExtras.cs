namespace Mautic.FakeServer;

/// <summary>
/// What hangs off a contact besides its fields, as Mautic 5.1.0 answered it: do-not-contact entries, UTM tags,
/// points and point-group scores, devices, the activity timeline, and the segments a user may use.
/// </summary>
static partial class Routes
{
    static void MapContactExtras(WebApplication app, FakeState s)
    {
        app.MapPost("/api/contacts/{id:long}/dnc/{channel}/add", ctx => DncAdd(ctx, s));
        app.MapPost("/api/contacts/{id:long}/dnc/{channel}/remove", ctx => DncRemove(ctx, s));
        app.MapPost("/api/contacts/{id:long}/utm/add", ctx => UtmAdd(ctx, s));
        app.MapPost("/api/contacts/{id:long}/utm/{utmid:long}/remove", ctx => UtmRemove(ctx, s));
        app.MapPost("/api/contacts/{id:long}/points/{op}/{delta}", ctx => AdjustPoints(ctx, s));
        app.MapGet("/api/contacts/{id:long}/points/groups", ctx => GroupScores(ctx, s, one: false));
        app.MapGet("/api/contacts/{id:long}/points/groups/{gid:long}", ctx => GroupScores(ctx, s, one: true));
        app.MapPost("/api/contacts/{id:long}/points/groups/{gid:long}/{op}/{value}", ctx => AdjustGroup(ctx, s));
        app.MapGet("/api/contacts/{id:long}/devices", ctx => Devices(ctx, s));
        app.MapGet("/api/contacts/{id:long}/activity", ctx => Activity(ctx, s, Id(ctx)));
        app.MapGet("/api/contacts/activity", ctx => Activity(ctx, s, null));
        app.MapGet("/api/contacts/list/segments", ctx => Locked(s, () =>
        {
            // ListModel::getUserLists: global segments and the user's own, by name; keyed by id.
            var who = Who(ctx);
            var rows = s.Segments.Values.Where(g => g.IsGlobal || g.CreatedBy == who.UserId).OrderBy(g => g.Name, Collation).ThenBy(g => g.Id)
                .Select(g => (g.Id.ToString(CultureInfo.InvariantCulture), (JsonNode?)new JsonObject { ["id"] = g.Id, ["name"] = g.Name, ["alias"] = g.Alias }))
                .ToList();
            return Json(ctx, 200, rows.Count == 0 ? new JsonArray() : PhpMap(rows));
        }));
    }

    static Contact? FindContact(HttpContext ctx, FakeState s) => s.Contacts.GetValueOrDefault(Id(ctx));

    /// <summary>
    /// The contact as the dnc and utm routes answer it: field values also at the top level (non-empty ones, after
    /// points), the field groups without 'all', dnc entries with dateAdded and without a null channelId.
    /// </summary>
    static JsonObject RenderChanged(Contact c, FakeState s, bool utmDropNulls)
    {
        var full = RenderContact(c, s);
        var answer = new JsonObject();
        foreach (var (k, v) in full)
        {
            if (k is "color" or "owner" or "stage" or "preferredProfileImage" or "lastActive") continue;
            if (k == "fields")
            {
                var f = (JsonObject)v!.DeepClone();
                f.Remove("all");
                answer["fields"] = f;
                continue;
            }
            if (k == "doNotContact")
            {
                answer[k] = new JsonArray(c.Dnc.Select(d =>
                {
                    var o = new JsonObject { ["id"] = d.Id, ["dateAdded"] = Date(d.DateAdded), ["reason"] = d.Reason, ["comments"] = d.Comments, ["channel"] = d.Channel };
                    if (d.ChannelId.HasValue) o["channelId"] = d.ChannelId.Value;
                    return (JsonNode)o;
                }).ToArray());
                continue;
            }
            if (k == "utmtags")
            {
                answer[k] = new JsonArray(c.Utm.Select(u => (JsonNode)RenderUtm(u, utmDropNulls)).ToArray());
                continue;
            }
            answer[k] = v?.DeepClone();
            if (k == "points")
                foreach (var def in FakeState.FieldDefs)
                    if (c.Fields.TryGetValue(def.Alias, out var val) && !string.IsNullOrEmpty(val)) answer[def.Alias] = val;
        }
        return answer;
    }

    static readonly (string Key, string Json)[] UtmColumns =
    [
        ("referer", "referer"), ("remotehost", "remoteHost"), ("url", "url"), ("useragent", "userAgent"), ("utm_campaign", "utmCampaign"),
        ("utm_content", "utmContent"), ("utm_medium", "utmMedium"), ("utm_source", "utmSource"), ("utm_term", "utmTerm"),
    ];

    /// <summary>A UTM tag set; the remove route's answer leaves out the null columns.</summary>
    static JsonObject RenderUtm(UtmEntry u, bool dropNulls)
    {
        var o = new JsonObject { ["id"] = u.Id, ["query"] = u.Query?.DeepClone() ?? new JsonArray() };
        foreach (var (key, json) in UtmColumns)
        {
            var v = u.Values.GetValueOrDefault(key);
            if (v != null || !dropNulls) o[json] = v;
        }
        return o;
    }

    // ---------- do not contact ----------

    static async Task DncAdd(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject ?? new JsonObject();
        var channel = (string)ctx.Request.RouteValues["channel"]!;
        await Locked(s, () =>
        {
            var c = FindContact(ctx, s);
            if (c == null) return NotFound(ctx);
            var reason = 3;
            if (body["reason"] != null && !(int.TryParse(body["reason"]!.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out reason) && reason > 0))
            {
                return Json(ctx, 400, ApiErrorJson(400, "Invalid reason code given", null, new JsonArray("Reason code needs to be an integer and higher than 0.")));
            }
            long? channelId = long.TryParse(body["channelId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var cid) ? cid : null;
            // A channel that already has an entry keeps it as it was (reason, comments).
            if (!c.Dnc.Any(d => d.Channel == channel))
                c.Dnc.Add(new DncEntry(s.NextDncId++, channel, reason, body["comments"]?.ToString() ?? "", channelId, DateTime.UtcNow));
            c.Modified(Who(ctx));
            return Json(ctx, 200, new JsonObject { ["contact"] = RenderChanged(c, s, utmDropNulls: false) });
        });
    }

    static Task DncRemove(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var c = FindContact(ctx, s);
        if (c == null) return NotFound(ctx);
        var channel = (string)ctx.Request.RouteValues["channel"]!;
        var found = c.Dnc.RemoveAll(d => d.Channel == channel) > 0;
        c.Modified(Who(ctx));
        return Json(ctx, 200, new JsonObject { ["recordFound"] = found, ["contact"] = RenderChanged(c, s, utmDropNulls: false) });
    });

    static JsonObject ApiErrorJson(int status, string message, JsonObject? details, JsonArray? listDetails) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["code"] = status, ["message"] = message, ["details"] = (JsonNode?)details ?? listDetails ?? new JsonArray() }) };

    // ---------- UTM tags ----------

    static async Task UtmAdd(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject ?? new JsonObject();
        await Locked(s, () =>
        {
            var c = FindContact(ctx, s);
            if (c == null) return NotFound(ctx);
            var values = UtmColumns.ToDictionary(u => u.Key, u => body[u.Key] is JsonNode n ? n.ToString() : null);
            var query = body["query"] is JsonObject q && q.Count > 0 ? q.DeepClone() : null;
            c.Utm.Add(new UtmEntry(s.NextUtmId++, values, query, DateTime.UtcNow));
            // Mautic records the user agent as a device of the contact.
            var ua = values["useragent"];
            // The fake keeps it in the devices store (GET devices lists it too) with its user agent, which is not rendered.
            var devices = s.Stores[FakeAreas.Devices.Route];
            if (!string.IsNullOrEmpty(ua) && !devices.Rows.Values.Any(d => d["lead"] is long l && l == c.Id && d.Text("userAgent") == ua))
                devices.Add(new Dictionary<string, object?> { ["lead"] = c.Id, ["userAgent"] = ua, ["device"] = "", ["deviceBrand"] = "", ["deviceModel"] = "" });
            c.Modified(Who(ctx));
            var answer = RenderChanged(c, s, utmDropNulls: false);
            if (body["lastActive"] is JsonNode la && DateTime.TryParse(la.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
                answer["lastActive"] = Date(when);
            return Json(ctx, 200, new JsonObject { ["contact"] = answer });
        });
    }

    static Task UtmRemove(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var c = FindContact(ctx, s);
        if (c == null) return NotFound(ctx);
        var utmId = Id(ctx, "utmid");
        // A tag id the contact does not have: a bare 400.
        if (c.Utm.RemoveAll(u => u.Id == utmId) == 0) return ApiError(ctx, 400, "This is a bad request.");
        c.Modified(Who(ctx));
        return Json(ctx, 200, new JsonObject { ["recordFound"] = true, ["contact"] = RenderChanged(c, s, utmDropNulls: true) });
    });

    // ---------- points ----------

    /// <summary>PHP's (int) of the URL value: "2.5" is 2; text that is no number is Mautic's 500.</summary>
    static int? IntOf(string raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (int)Math.Truncate(d) : null;

    static async Task AdjustPoints(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject ?? new JsonObject();
        var op = (string)ctx.Request.RouteValues["op"]!;
        await Locked(s, () =>
        {
            var c = FindContact(ctx, s);
            if (c == null) return ApiError(ctx, 404, "Contact not found.");
            var names = new Dictionary<string, string> { ["plus"] = "add (+)", ["minus"] = "subtract (-)", ["times"] = "multiply (x)", ["divide"] = "divide (/)" };
            if (!names.TryGetValue(op, out var eventName)) return ApiError(ctx, 400, "Invalid operator");
            var delta = IntOf((string)ctx.Request.RouteValues["delta"]!);
            if (delta == null) return Oops(ctx, 500);
            var d = delta.Value;
            c.Points = op switch
            {
                "plus" => c.Points + d,
                "minus" => c.Points - d,
                "times" => c.Points * d,
                // PHP round(): 7/2 is 4, 5/2 is 3, -7/2 is -4, 11/4 is 3; a division by 0 changes nothing
                _ => d == 0 ? c.Points : (int)Math.Round(c.Points / (double)d, MidpointRounding.AwayFromZero),
            };
            c.PointLogs.Add(new PointLog(s.NextPointLogId++, body["eventName"]?.ToString() ?? eventName, body["actionName"]?.ToString() ?? "API", d, null, DateTime.UtcNow));
            return Json(ctx, 200, new JsonObject { ["success"] = 1 });
        });
    }

    static Entity? FindGroup(HttpContext ctx, FakeState s) => s.Stores["points/groups"].Rows.GetValueOrDefault(Id(ctx, "gid"));

    static JsonObject RenderScore(Entity group, int score) =>
        new() { ["score"] = score, ["group"] = new JsonObject { ["id"] = group.Id, ["name"] = group.Text("name") } };

    static Task GroupScores(HttpContext ctx, FakeState s, bool one) => Locked(s, () =>
    {
        var c = FindContact(ctx, s);
        if (c == null) return ApiError(ctx, 404, "Contact could not be found.");
        var groups = s.Stores["points/groups"].Rows;
        if (!one)
        {
            var scores = c.GroupScores.Where(kv => groups.ContainsKey(kv.Key)).Select(kv => (JsonNode)RenderScore(groups[kv.Key], kv.Value)).ToArray();
            return Json(ctx, 200, new JsonObject { ["total"] = scores.Length, ["groupScores"] = new JsonArray(scores) });
        }
        var g = FindGroup(ctx, s);
        if (g == null) return ApiError(ctx, 404, "The specified point group was not found.");
        // No score in that group yet: a bare [].
        return c.GroupScores.TryGetValue(g.Id, out var score) ? Json(ctx, 200, new JsonObject { ["groupScore"] = RenderScore(g, score) }) : Json(ctx, 200, new JsonArray());
    });

    static async Task AdjustGroup(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject ?? new JsonObject();
        var op = (string)ctx.Request.RouteValues["op"]!;
        await Locked(s, () =>
        {
            var c = FindContact(ctx, s);
            if (c == null) return ApiError(ctx, 404, "Contact could not be found.");
            var g = FindGroup(ctx, s);
            if (g == null) return ApiError(ctx, 404, "The specified point group was not found.");
            if (op is not ("plus" or "minus" or "times" or "divide" or "set")) return ApiError(ctx, 400, "The requested operation is not permitted.");
            var value = IntOf((string)ctx.Request.RouteValues["value"]!);
            if (value == null) return Oops(ctx, 500);
            var v = value.Value;
            var old = c.GroupScores.GetValueOrDefault(g.Id);
            // A division that does not come out whole (or by 0) is Mautic's 500: the score is an int column.
            if (op == "divide" && (v == 0 || old % v != 0)) return Oops(ctx, 500);
            var score = op switch { "plus" => old + v, "minus" => old - v, "times" => old * v, "divide" => old / v, _ => v };
            c.GroupScores[g.Id] = score;
            c.PointLogs.Add(new PointLog(s.NextPointLogId++, body["eventName"]?.ToString() ?? "Manual change", body["actionName"]?.ToString() ?? "API", score - old, g.Text("name"), DateTime.UtcNow));
            return Json(ctx, 200, new JsonObject { ["groupScore"] = RenderScore(g, score) });
        });
    }

    // ---------- devices ----------

    static Task Devices(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var c = FindContact(ctx, s);
        if (c == null) return NotFound(ctx);
        var (start, limit, _, _) = Paging(ctx, "id");
        // Newest first (d.dateAdded DESC); the fake does not parse user agents, so brand, model and OS stay empty.
        var all = s.Stores[FakeAreas.Devices.Route].Rows.Values.Where(d => d["lead"] is long l && l == c.Id).ToList();
        var rows = all.OrderByDescending(d => d.DateAdded).ThenByDescending(d => d.Id).Skip(start).Take(limit ?? int.MaxValue)
            .Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["lead"] = new JsonObject(), ["device"] = d.Text("device") ?? "", ["deviceBrand"] = d.Text("deviceBrand") ?? "", ["deviceModel"] = d.Text("deviceModel") ?? "" }).ToArray();
        return Json(ctx, 200, new JsonObject { ["total"] = all.Count, ["devices"] = new JsonArray(rows) });
    });

    // ---------- activity ----------

    static readonly (string Type, string Label)[] EventTypes =
    [
        ("asset.download", "Asset downloaded"), ("campaign.event", "Campaign action triggered"), ("campaign.event.scheduled", "Campaign event scheduled"),
        ("campaign_membership", "Campaign membership change"), ("lead.source.created", "Contact created by source"),
        ("lead.source.identified", "Contact identified by source"), ("lead.donotcontact", "Do not contact"), ("dynamic.content.sent", "Dynamic Content Triggered"),
        ("email.failed", "Email failed"), ("email.read", "Email read"), ("email.replied", "Email replied"), ("email.sent", "Email sent"), ("sms.failed", "Failed"),
        ("focus.on_click", "Focus click"), ("focus.on_view", "Focus view"), ("form.submitted", "Form submitted"), ("lead.imported", "Imported"),
        ("integration_sync_issues", "Integration sync notice"), ("message.queue", "Message Queue"), ("page.hit", "Page hit"), ("point.gained", "Point gained"),
        ("segment_membership", "Segment membership change"), ("sms.sent", "Sent"), ("stage.changed", "Stage changed"), ("sms_reply", "Text message received"),
        ("lead.utmtagsadded", "UTM tags recorded"), ("page.videohit", "Video view event"),
    ];

    sealed record Event(string Type, long Id, string Label, DateTime At, long ContactId, JsonObject Details);

    /// <summary>A contact's timeline, built from what the fake keeps: do-not-contact entries, UTM tag sets, point changes.</summary>
    static IEnumerable<Event> EventsOf(Contact c)
    {
        var cid = c.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var d in c.Dnc)
        {
            var dnc = new JsonObject { ["id"] = d.Id.ToString(CultureInfo.InvariantCulture), ["channel"] = d.Channel };
            if (d.ChannelId.HasValue) dnc["channel_id"] = d.ChannelId.Value.ToString(CultureInfo.InvariantCulture);
            dnc["date_added"] = Date(d.DateAdded);
            dnc["reason"] = d.Reason switch
            {
                1 => "Contact unsubscribed from this channel.", 2 => "Contact was set as do not contact for this channel because of a bounce.",
                _ => "Contact was manually set as do not contact for this channel.",
            };
            dnc["comments"] = d.Comments;
            yield return new Event("lead.donotcontact", d.Id, char.ToUpperInvariant(d.Channel[0]) + d.Channel[1..], d.DateAdded, c.Id, new JsonObject { ["dnc"] = dnc });
        }
        foreach (var u in c.Utm)
        {
            var tags = new JsonObject { ["id"] = u.Id.ToString(CultureInfo.InvariantCulture), ["lead_id"] = cid, ["date_added"] = Date(u.DateAdded), ["query"] = u.Query?.DeepClone() ?? new JsonArray() };
            foreach (var (key, _) in UtmColumns) if (u.Values.GetValueOrDefault(key) is string v) tags[key] = v;
            yield return new Event("lead.utmtagsadded", u.Id, "UTM tags recorded", u.DateAdded, c.Id, new JsonObject { ["utmtags"] = tags });
        }
        foreach (var p in c.PointLogs)
        {
            var log = new JsonObject
            {
                ["eventName"] = p.EventName, ["actionName"] = p.ActionName, ["dateAdded"] = Date(p.DateAdded), ["type"] = "API",
                ["delta"] = p.Delta.ToString(CultureInfo.InvariantCulture), ["id"] = p.Id.ToString(CultureInfo.InvariantCulture), ["lead_id"] = cid,
            };
            if (p.GroupName != null) log["groupName"] = p.GroupName;
            yield return new Event("point.gained", p.Id, $"{p.EventName} / {p.Delta}" + (p.GroupName != null ? $" ({p.GroupName})" : ""), p.DateAdded, c.Id, new JsonObject { ["log"] = log });
        }
    }

    static DateTime? FilterDate(string? raw) =>
        DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    /// <summary>
    /// GET contacts/{id}/activity and contacts/activity. Mautic pages each event type on its own (page and limit apply per
    /// type, then the types are merged and sorted), total counts every event, maxPages follows the busiest type
    /// (a float, 1 as an int when there is nothing). filters[includeEvents] without [] is its 500; start is ignored.
    /// </summary>
    static Task Activity(HttpContext ctx, FakeState s, long? contactId) => Locked(s, () =>
    {
        var q = ctx.Request.Query;
        if (q.ContainsKey("filters[includeEvents]") || q.ContainsKey("filters[excludeEvents]")) return Oops(ctx, 500);
        IEnumerable<Contact> contacts;
        if (contactId.HasValue)
        {
            if (!s.Contacts.TryGetValue(contactId.Value, out var one)) return NotFound(ctx);
            contacts = [one];
        }
        else contacts = s.Contacts.Values;
        var include = q["filters[includeEvents][]"].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).ToList();
        var exclude = q["filters[excludeEvents][]"].Where(x => !string.IsNullOrEmpty(x)).Select(x => x!).ToList();
        var search = q["filters[search]"].FirstOrDefault() ?? "";
        var from = FilterDate(q["filters[dateFrom]"].FirstOrDefault());
        var to = FilterDate(q["filters[dateTo]"].FirstOrDefault());
        var asc = string.Equals(q["order[1]"].FirstOrDefault(), "ASC", StringComparison.OrdinalIgnoreCase);
        var page = Math.Max(1, int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var pg) ? pg : 1);
        var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var lm) && lm > 0 ? lm : 25;

        var events = contacts.SelectMany(EventsOf)
            .Where(e => include.Count == 0 || include.Contains(e.Type))
            .Where(e => !exclude.Contains(e.Type))
            .Where(e => search.Length == 0 || e.Label.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(e => (from == null || e.At >= from) && (to == null || e.At <= to))
            .ToList();
        Func<IEnumerable<Event>, IOrderedEnumerable<Event>> order = x => asc ? x.OrderBy(e => e.At).ThenBy(e => e.Id) : x.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
        var byType = events.GroupBy(e => e.Type).ToList();
        var pageEvents = order(byType.SelectMany(t => order(t).Skip((page - 1) * limit).Take(limit))).ToList();
        var busiest = byType.Count == 0 ? 0 : byType.Max(t => t.Count());

        var filters = new JsonObject();
        if (q["filters[dateFrom]"].FirstOrDefault() is string df) filters["dateFrom"] = df;
        if (q["filters[dateTo]"].FirstOrDefault() is string dt) filters["dateTo"] = dt;
        filters["search"] = search;
        filters["includeEvents"] = new JsonArray(include.Select(x => (JsonNode)x).ToArray());
        filters["excludeEvents"] = new JsonArray(exclude.Select(x => (JsonNode)x).ToArray());
        var types = new JsonObject();
        foreach (var (t, label) in EventTypes) types[t] = label;
        return Json(ctx, 200, new JsonObject
        {
            ["events"] = new JsonArray(pageEvents.Select(e => (JsonNode)new JsonObject
            {
                ["event"] = e.Type, ["eventId"] = e.Type + e.Id.ToString(CultureInfo.InvariantCulture), ["eventLabel"] = e.Label,
                ["eventType"] = EventTypes.First(t => t.Type == e.Type).Label, ["timestamp"] = Date(e.At),
                ["contactId"] = e.ContactId.ToString(CultureInfo.InvariantCulture), ["details"] = e.Details.DeepClone(),
            }).ToArray()),
            ["filters"] = filters,
            ["order"] = new JsonArray("timestamp", asc ? "ASC" : "DESC"),
            ["types"] = types,
            ["total"] = events.Count,
            ["page"] = page,
            ["limit"] = limit,
            ["maxPages"] = busiest == 0 ? JsonValue.Create(1) : JsonValue.Create((double)(int)Math.Ceiling(busiest / (double)limit)),
        });
    });
}
