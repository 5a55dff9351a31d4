namespace Mautic.FakeServer;

/// <summary>One campaign event: its campaign (the record itself, whose id is set when it is saved) and its fields as sent.</summary>
public sealed class CampaignEvent
{
    public long Id;
    public required Entity Campaign;
    public JsonObject Data = new();
}

/// <summary>A contact in a campaign (a campaign_leads row).</summary>
public sealed class CampaignMember
{
    public DateTime DateAdded = DateTime.UtcNow;
    public bool ManuallyAdded = true;
    public bool ManuallyRemoved;
    public long Rotation = 1;
}

/// <summary>A contact's log of one campaign event.</summary>
public sealed class EventLog
{
    public DateTime? TriggerDate, DateTriggered;
    public bool IsScheduled;
    public JsonObject Metadata = new();
    public bool NonActionPathTaken;
    public string? Channel;
    public long? ChannelId;
}

/// <summary>The campaign area's state beyond the records: events, memberships, contact event logs (under FakeState.Sync).</summary>
public sealed class CampaignData
{
    public readonly SortedDictionary<long, CampaignEvent> Events = new();
    public long NextEventId = 1;
    public readonly Dictionary<(long Campaign, long Contact), CampaignMember> Members = new();
    public readonly Dictionary<(long Event, long Contact), EventLog> Logs = new();
    /// <summary>The uuids of campaigns and events (Mautic 7's export and import key on them), made when first needed.</summary>
    public readonly Dictionary<long, string> CampaignUuids = new(), EventUuids = new();

    public static string UuidOf(Dictionary<long, string> uuids, long id) =>
        uuids.TryGetValue(id, out var u) ? u : uuids[id] = Guid.NewGuid().ToString();

    public bool IsMember(long campaign, long contact) => Members.TryGetValue((campaign, contact), out var m) && !m.ManuallyRemoved;
}

/// <summary>
/// Campaigns (CampaignBundle CampaignApiController, EventApiController, EventLogApiController), measured on a real
/// Mautic 5.1.0: the ten standard routes through <see cref="CampaignArea"/>, plus membership, contacts, clone, the
/// events lists and contacts' event logs. See README.md, "Campaigns".
/// </summary>
static partial class Routes
{
    const string NoEvent = "At least one event is required. Use the Launch Campaign Builder button to add one.";
    const string NoSource = "At least one contact source is required. Use the Launch Campaign Builder button to add one.";

    /// <summary>
    /// The campaign row: header + id, name, category, description, allowRestart, publishUp, publishDown, events,
    /// forms, lists, canvasSettings; list keyed by id, total int; a single create or PUT needs events and a contact
    /// source (400), the batch routes do not; PUT resets description, allowRestart, isPublished and deletes the events
    /// and sources not sent.
    /// </summary>
    public static readonly AreaDef CampaignArea = new()
    {
        Route = "campaigns", Singular = "campaign", Plural = "campaigns", List = ListShape.KeyedById, Header = true,
        Fields =
        [
            new("name"), new("category", FieldKind.Category) { Tracked = false }, new("description"), new("allowRestart", FieldKind.Bool),
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("events", FieldKind.Raw), new("forms", FieldKind.Raw), new("lists", FieldKind.Raw), new("canvasSettings", FieldKind.Raw),
        ],
        Required = "name",
        SearchFields = ["name", "description"],
        SingleSaveCheck = CampaignCheck,
        BeforeSave = CampaignBeforeSave,
        Render = RenderCampaign,
        Deleted = CampaignDeleted,
    };

    static IEnumerable<JsonNode?> Items(JsonNode? n) => n switch
    {
        JsonArray a => a,
        JsonObject o => o.Select(kv => kv.Value),
        _ => [],
    };

    /// <summary>Ids of [{id: n}] entries; plain numbers are ignored, as Mautic ignores "lists": [31] (measured).</summary>
    static List<long> RefIds(JsonNode? n) => Items(n).OfType<JsonObject>()
        .Select(o => long.TryParse(o["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList();

    static string? CampaignCheck(JsonObject payload)
    {
        if (!Items(payload["events"]).Any()) return NoEvent;
        if (RefIds(payload["lists"]).Count == 0 && RefIds(payload["forms"]).Count == 0) return NoSource;
        return null;
    }

    /// <summary>Turns what a save sent (raw JSON) into stored events and references; values already stored (lists of ids) stay.</summary>
    static void CampaignBeforeSave(FakeState s, Entity c)
    {
        var d = s.Campaigns;
        var renamed = new Dictionary<string, string>();
        if (c["events"] is not List<long>)
        {
            var keep = new List<long>();
            foreach (var node in Items(c["events"] as JsonNode).OfType<JsonObject>())
            {
                var sentId = node["id"]?.ToString() ?? "";
                CampaignEvent ev;
                if (long.TryParse(sentId, NumberStyles.None, CultureInfo.InvariantCulture, out var eid) && d.Events.TryGetValue(eid, out var old) && old.Campaign == c) ev = old;
                else
                {
                    ev = new CampaignEvent { Id = d.NextEventId++, Campaign = c };
                    d.Events[ev.Id] = ev;
                }
                renamed[sentId] = ev.Id.ToString(CultureInfo.InvariantCulture);
                ev.Data = (JsonObject)node.DeepClone();
                keep.Add(ev.Id);
            }
            // Events not sent are deleted (PUT and any save that sends events).
            foreach (var gone in d.Events.Values.Where(e => e.Campaign == c && !keep.Contains(e.Id)).Select(e => e.Id).ToList()) d.Events.Remove(gone);
            c.Values["events"] = keep;
            if (c["canvasSettings"] is JsonObject canvas)
            {
                foreach (var n in Items(canvas["nodes"]).OfType<JsonObject>())
                    if (renamed.TryGetValue(n["id"]?.ToString() ?? "", out var to)) n["id"] = to;
                foreach (var n in Items(canvas["connections"]).OfType<JsonObject>())
                    foreach (var k in new[] { "sourceId", "targetId" })
                        if (renamed.TryGetValue(n[k]?.ToString() ?? "", out var to)) n[k] = to;
            }
            else if (keep.Count > 0) c.Values["canvasSettings"] = new JsonObject { ["nodes"] = new JsonArray(), ["connections"] = new JsonArray() };
        }
        if (c["lists"] is not List<long>) c.Values["lists"] = RefIds(c["lists"] as JsonNode).Where(s.Segments.ContainsKey).ToList();
        if (c["forms"] is not List<long>) c.Values["forms"] = RefIds(c["forms"] as JsonNode);
    }

    static void CampaignDeleted(FakeState s, Entity c)
    {
        var d = s.Campaigns;
        var events = d.Events.Values.Where(e => e.Campaign == c).Select(e => e.Id).ToList();
        foreach (var id in events) d.Events.Remove(id);
        foreach (var k in d.Logs.Keys.Where(k => events.Contains(k.Event)).ToList()) d.Logs.Remove(k);
        foreach (var k in d.Members.Keys.Where(k => k.Campaign == c.Id).ToList()) d.Members.Remove(k);
    }

    static JsonObject RenderCampaign(FakeState s, Entity c, RenderMode mode)
    {
        var o = RenderFlat(s, CampaignArea, c, mode);
        o["events"] = new JsonArray((c["events"] as List<long> ?? []).Where(s.Campaigns.Events.ContainsKey)
            .Select(id => (JsonNode)RenderEvent(s.Campaigns.Events[id], withProperties: true)).ToArray());
        o["forms"] = new JsonArray((c["forms"] as List<long> ?? []).Select(id => (JsonNode)new JsonObject { ["id"] = id, ["name"] = null }).ToArray());
        o["lists"] = new JsonArray((c["lists"] as List<long> ?? []).Where(s.Segments.ContainsKey).Select(id =>
        {
            var g = s.Segments[id];
            return (JsonNode)new JsonObject
            {
                ["createdByUser"] = g.CreatedByUser, ["modifiedByUser"] = g.ModifiedByUser, ["id"] = g.Id, ["name"] = g.Name,
                ["publicName"] = g.PublicName ?? g.Name, ["alias"] = g.Alias, ["description"] = g.Description, ["category"] = null,
            };
        }).ToArray());
        o["canvasSettings"] = c["canvasSettings"] is JsonNode canvas ? canvas.DeepClone() : new JsonArray();
        return o;
    }

    static JsonObject CampaignRef(Entity c) => new() { ["id"] = c.Id, ["name"] = c.Text("name"), ["category"] = null, ["description"] = c.Text("description") };

    /// <summary>An event as a campaign shows it; withProperties false is the contact log routes' shape (no properties, no children).</summary>
    static JsonObject RenderEvent(CampaignEvent e, bool withProperties)
    {
        JsonNode? D(string k, JsonNode? dflt = null) => e.Data[k]?.DeepClone() ?? dflt;
        var o = new JsonObject
        {
            ["id"] = e.Id, ["name"] = D("name"), ["description"] = D("description"), ["type"] = D("type"), ["eventType"] = D("eventType"),
            ["channel"] = D("channel"), ["channelId"] = D("channelId"), ["order"] = D("order"),
        };
        if (withProperties) o["properties"] = D("properties", new JsonArray());
        o["triggerDate"] = D("triggerDate");
        o["triggerInterval"] = D("triggerInterval");
        o["triggerIntervalUnit"] = D("triggerIntervalUnit");
        o["triggerHour"] = null;
        o["triggerRestrictedStartHour"] = null;
        o["triggerRestrictedStopHour"] = null;
        o["triggerRestrictedDaysOfWeek"] = new JsonArray();
        o["triggerMode"] = D("triggerMode");
        o["decisionPath"] = D("decisionPath");
        o["parent"] = null;
        if (withProperties) o["children"] = new JsonArray();
        return o;
    }

    static JsonObject RenderLog(EventLog l) => new()
    {
        ["ipAddress"] = null, ["dateTriggered"] = l.DateTriggered.HasValue ? Date(l.DateTriggered.Value) : null, ["isScheduled"] = l.IsScheduled,
        ["triggerDate"] = l.TriggerDate.HasValue ? Date(l.TriggerDate.Value) : null, ["metadata"] = l.Metadata.Count == 0 ? new JsonArray() : l.Metadata.DeepClone(),
        ["nonActionPathTaken"] = l.NonActionPathTaken, ["channel"] = l.Channel, ["channelId"] = l.ChannelId, ["rotation"] = 1,
    };

    static void MapCampaigns(WebApplication app, FakeState s)
    {
        app.MapPost("/api/campaigns/{id:long}/contact/{cid:long}/add", ctx => CampaignMembership(ctx, s, add: true));
        app.MapPost("/api/campaigns/{id:long}/contact/{cid:long}/remove", ctx => CampaignMembership(ctx, s, add: false));
        app.MapGet("/api/campaigns/{id:long}/contacts", ctx => CampaignContacts(ctx, s));
        app.MapGet("/api/contacts/{id:long}/campaigns", ctx => ContactCampaigns(ctx, s));
        app.MapPost("/api/campaigns/clone/{id:long}", ctx => CloneCampaign(ctx, s));
        app.MapGet("/api/campaigns/events", ctx => ListEvents(ctx, s));
        app.MapGet("/api/campaigns/events/{id:long}", ctx => Locked(s, () =>
            s.Campaigns.Events.TryGetValue(Id(ctx), out var e) ? Json(ctx, 200, new JsonObject { ["event"] = EventWithCampaign(e) }) : NotFound(ctx)));
        app.MapGet("/api/campaigns/events/contact/{cid:long}", ctx => Locked(s, () =>
            // Logs written through the API (the only ones the fake has) were never listed here by 5.1.0 (measured).
            s.Contacts.ContainsKey(Id(ctx, "cid")) ? Json(ctx, 200, new JsonObject { ["total"] = 0, ["events"] = new JsonArray() }) : ApiError(ctx, 404, "Contact not found.")));
        app.MapGet("/api/campaigns/{id:long}/events/contact/{cid:long}", ctx => CampaignContactEvents(ctx, s));
        app.MapPut("/api/campaigns/events/{id:long}/contact/{cid:long}/edit", ctx => EditContactEvent(ctx, s));
        app.MapPut("/api/campaigns/events/batch/edit", ctx => EditContactEvents(ctx, s));
        MapCampaignTransfer(app, s);
    }

    static JsonObject EventWithCampaign(CampaignEvent e)
    {
        var o = RenderEvent(e, withProperties: true);
        o["campaign"] = CampaignRef(e.Campaign);
        return o;
    }

    static Task CampaignMembership(HttpContext ctx, FakeState s, bool add) => Locked(s, () =>
    {
        var id = Id(ctx);
        var cid = Id(ctx, "cid");
        if (!s.CampaignStore.Rows.ContainsKey(id) || !s.Contacts.ContainsKey(cid)) return NotFound(ctx);
        var d = s.Campaigns;
        if (add)
        {
            if (!d.Members.TryGetValue((id, cid), out var m) || m.ManuallyRemoved) d.Members[(id, cid)] = new CampaignMember();
        }
        else if (d.Members.TryGetValue((id, cid), out var m)) { m.ManuallyRemoved = true; m.ManuallyAdded = false; }
        return Json(ctx, 200, new JsonObject { ["success"] = 1 });
    });

    static Task CampaignContacts(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var id = Id(ctx);
        if (!s.CampaignStore.Rows.ContainsKey(id)) return NotFound(ctx);
        var q = ctx.Request.Query;
        int.TryParse(q["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var start);
        var limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : 100;
        var rows = s.Campaigns.Members.Where(kv => kv.Key.Campaign == id && !kv.Value.ManuallyRemoved).OrderBy(kv => kv.Key.Contact).ToList();
        static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        var page = rows.Skip(start).Take(limit).Select(kv => (JsonNode)new JsonObject
        {
            // a raw campaign_leads row: every value a string
            ["campaign_id"] = N(id), ["lead_id"] = N(kv.Key.Contact), ["date_added"] = SqlDate(kv.Value.DateAdded),
            ["manually_removed"] = kv.Value.ManuallyRemoved ? "1" : "0", ["manually_added"] = kv.Value.ManuallyAdded ? "1" : "0", ["rotation"] = N(kv.Value.Rotation),
        }).ToArray();
        JsonNode contacts = page.Length == 0 ? new JsonObject() : new JsonArray(page);
        return Json(ctx, 200, new JsonObject { ["total"] = N(rows.Count), ["contacts"] = contacts });
    });

    static Task ContactCampaigns(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var cid = Id(ctx);
        if (!s.Contacts.ContainsKey(cid)) return NotFound(ctx);
        // Only published campaigns are listed (measured: an unpublished campaign's member sees none).
        var entries = s.Campaigns.Members.Where(kv => kv.Key.Contact == cid && !kv.Value.ManuallyRemoved)
            .Select(kv => (kv, c: s.CampaignStore.Rows.GetValueOrDefault(kv.Key.Campaign))).Where(x => x.c is { IsPublished: true })
            .OrderBy(x => x.c!.Id)
            .Select(x => (x.c!.Id.ToString(CultureInfo.InvariantCulture), (JsonNode?)new JsonObject
            {
                ["id"] = x.c.Id, ["name"] = x.c.Text("name"),
                ["listMembership"] = new JsonArray((x.c["lists"] as List<long> ?? []).Select(l => (JsonNode)l).ToArray()),
                ["dateAdded"] = Date(x.kv.Value.DateAdded), ["manuallyRemoved"] = false, ["manuallyAdded"] = x.kv.Value.ManuallyAdded,
            })).ToList();
        return Json(ctx, 200, new JsonObject { ["total"] = entries.Count, ["campaigns"] = entries.Count == 0 ? new JsonArray() : PhpMap(entries) });
    });

    static Task CloneCampaign(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var store = s.CampaignStore;
        if (!store.Rows.TryGetValue(Id(ctx), out var from)) return NotFound(ctx);
        // 5.1.0's clone: same name and description, unpublished, the canvas copied but no events and no sources (measured).
        var copy = store.Blank();
        foreach (var k in new[] { "name", "description", "allowRestart", "publishUp", "publishDown", "category" }) copy.Values[k] = from[k];
        copy.Values["canvasSettings"] = (from["canvasSettings"] as JsonNode)?.DeepClone();
        copy.Values["events"] = new List<long>();
        copy.Values["lists"] = new List<long>();
        copy.Values["forms"] = new List<long>();
        copy.IsPublished = false;
        copy.Created(Who(ctx));
        copy.Modified(Who(ctx));
        copy.DateModified = copy.DateAdded;
        copy.Id = store.NextId++;
        store.Rows[copy.Id] = copy;
        ctx.Response.Headers.Location = "/api/campaigns/" + copy.Id;
        return Json(ctx, 200, new JsonObject { ["campaign"] = RenderCampaign(s, copy, RenderMode.One) });
    });

    /// <summary>A column GET campaigns/events filters on (where[]); another one is Mautic's generic 500.</summary>
    static string? EventColumn(CampaignEvent e, string col) => col switch
    {
        "id" => e.Id.ToString(CultureInfo.InvariantCulture),
        // the campaign association: 5.1.0 and 7.0.0 filter where[campaign] eq id (measured)
        "campaign" => e.Campaign.Id.ToString(CultureInfo.InvariantCulture),
        "name" or "description" or "type" or "eventType" or "order" or "triggerMode" or "channel" => e.Data[col]?.ToString(),
        _ => throw new ArgumentException("Unknown column " + col),
    };

    static Task ListEvents(HttpContext ctx, FakeState s)
    {
        var where = ParseWhere(ctx);
        var (start, limit, _, desc) = Paging(ctx, "id");
        lock (s.Sync)
        {
            List<CampaignEvent> all;
            try
            {
                all = s.Campaigns.Events.Values.Where(e => where.All(w => Compare(EventColumn(e, w.Col), w.Expr, w.Val))).ToList();
            }
            catch (ArgumentException) { return Oops(ctx, 500); }
            if (desc) all.Reverse();
            var page = all.Skip(start).Take(limit ?? int.MaxValue).Select(e => (JsonNode)EventWithCampaign(e)).ToArray();
            return Json(ctx, 200, new JsonObject { ["total"] = all.Count, ["events"] = new JsonArray(page) });
        }
    }

    static Task CampaignContactEvents(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var id = Id(ctx);
        var cid = Id(ctx, "cid");
        if (!s.Contacts.ContainsKey(cid)) return ApiError(ctx, 404, "Contact not found.");
        if (!s.CampaignStore.Rows.TryGetValue(id, out var c)) return NotFound(ctx);
        // Mautic leaves the placeholders of this message untranslated (measured).
        if (!s.Campaigns.IsMember(id, cid)) return ApiError(ctx, 409, "The contact %contact% is not in the campaign %campaign%.");
        var m = s.Campaigns.Members[(id, cid)];
        var events = s.Campaigns.Events.Values.Where(e => e.Campaign == c).Select(e =>
        {
            var o = RenderEvent(e, withProperties: false);
            o["contactLog"] = new JsonArray(); // logs written through the API were not shown here by 5.1.0 (measured)
            return (JsonNode)o;
        }).ToArray();
        return Json(ctx, 200, new JsonObject
        {
            ["total"] = events.Length, ["events"] = new JsonArray(events), ["campaign"] = CampaignRef(c),
            ["membership"] = new JsonArray(new JsonObject
            {
                ["dateAdded"] = Date(m.DateAdded), ["manuallyRemoved"] = m.ManuallyRemoved, ["manuallyAdded"] = m.ManuallyAdded, ["rotation"] = m.Rotation, ["dateLastExited"] = null,
            }),
        });
    });

    /// <summary>Applies one log change; null when done (created tells whether the log is new), else the error status and message.</summary>
    static (int Status, string Message)? ChangeLog(FakeState s, long eventId, long contactId, JsonObject body, out bool created)
    {
        created = false;
        if (!s.Campaigns.Events.TryGetValue(eventId, out var e)) return (404, "Item was not found.");
        if (!s.Contacts.ContainsKey(contactId)) return (404, "Contact not found.");
        if (!s.Campaigns.IsMember(e.Campaign.Id, contactId)) return (409, $"The contact {contactId} is not in the campaign {e.Campaign.Id}.");
        DateTime? When(string k)
        {
            if (body[k] is not JsonNode n) return null;
            // PHP's new \DateTime() on a value it cannot read: Mautic's generic 500 (measured with "garbage").
            if (!DateTime.TryParse(n.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)) throw new ServerError(null);
            return d;
        }
        var trigger = When("triggerDate");
        var triggered = When("dateTriggered");
        created = !s.Campaigns.Logs.TryGetValue((eventId, contactId), out var log);
        log ??= new EventLog { IsScheduled = true };
        if (trigger.HasValue) { log.TriggerDate = trigger; log.IsScheduled = true; }
        if (triggered.HasValue) log.DateTriggered = triggered;
        if (body["metadata"] is JsonObject meta)
            foreach (var (k, v) in meta) log.Metadata[k] = v is JsonValue ? v.ToString() : v?.DeepClone(); // PHP keeps form values as strings (measured)
        if (body["nonActionPathTaken"] is JsonNode nap) log.NonActionPathTaken = Truthy(nap);
        if (body["channel"] is JsonNode ch) log.Channel = ch.ToString();
        if (body["channelId"] is JsonNode chi && long.TryParse(chi.ToString(), out var chid)) log.ChannelId = chid;
        s.Campaigns.Logs[(eventId, contactId)] = log;
        return null;
    }

    /// <summary>The event as the edit routes answer it: no properties, its campaign in full (events []), the logs named.</summary>
    static JsonObject EditedEvent(FakeState s, CampaignEvent e, IEnumerable<long> contacts)
    {
        var o = RenderEvent(e, withProperties: false);
        var c = e.Campaign;
        o["campaign"] = new JsonObject
        {
            ["id"] = c.Id, ["name"] = c.Text("name"), ["category"] = null, ["description"] = c.Text("description"), ["allowRestart"] = Equals(c["allowRestart"], true),
            ["publishUp"] = ValueNode(c["publishUp"]), ["publishDown"] = ValueNode(c["publishDown"]), ["events"] = new JsonArray(), ["deleted"] = null,
        };
        o["contactLog"] = new JsonArray(contacts.Select(cid => (JsonNode)RenderLog(s.Campaigns.Logs[(e.Id, cid)])).ToArray());
        return o;
    }

    static async Task EditContactEvent(HttpContext ctx, FakeState s)
    {
        var (ok, node) = await ReadBody(ctx);
        if (!ok) { await Oops(ctx, 400); return; }
        Reply reply;
        lock (s.Sync)
        {
            try
            {
                var eventId = Id(ctx);
                var cid = Id(ctx, "cid");
                var failed = ChangeLog(s, eventId, cid, AsPayload(node), out var created);
                reply = failed is var (status, message)
                    ? new Reply(status, ApiErrorJson(status, message, null))
                    : new Reply(created ? 201 : 200, new JsonObject { ["event"] = EditedEvent(s, s.Campaigns.Events[eventId], [cid]) });
            }
            catch (ServerError e) { reply = Reply.Of(e); }
        }
        await Send(ctx, reply);
    }

    /// <summary>
    /// PUT campaigns/events/batch/edit: [{eventId, contactId, ...}]; events keyed by event id (two contacts of one
    /// event share one entry), errors keyed by request position with 5.1.0's message, typo included (measured).
    /// </summary>
    static async Task EditContactEvents(HttpContext ctx, FakeState s)
    {
        var (ok, node) = await ReadBody(ctx);
        if (!ok || node is not JsonArray items) { await Oops(ctx, 500); return; }
        if (items.Count > s.BatchLimit) { await ApiError(ctx, 500, $"A max of {s.BatchLimit} entities are supported at a time."); return; }
        Reply reply;
        lock (s.Sync)
        {
            try
            {
                var done = new Dictionary<long, List<long>>();
                var order = new List<long>();
                var errors = new List<(string, JsonNode?)>();
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i] as JsonObject ?? new JsonObject();
                    long.TryParse(item["eventId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var eid);
                    long.TryParse(item["contactId"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var cid);
                    var failed = eid > 0 && cid > 0 && s.Contacts.ContainsKey(cid) && s.Campaigns.Events.ContainsKey(eid)
                        ? ChangeLog(s, eid, cid, item, out _)
                        : (404, "contactId and/or eventId are misssing from this item's parameters.");
                    if (failed is var (status, message))
                    {
                        errors.Add((i.ToString(CultureInfo.InvariantCulture), new JsonObject { ["code"] = status, ["message"] = message, ["details"] = new JsonArray(), ["type"] = null }));
                        continue;
                    }
                    if (!done.TryGetValue(eid, out var contacts)) { done[eid] = contacts = []; order.Add(eid); }
                    contacts.Add(cid);
                }
                var events = order.Select(eid => (eid.ToString(CultureInfo.InvariantCulture), (JsonNode?)EditedEvent(s, s.Campaigns.Events[eid], done[eid]))).ToList();
                var answer = new JsonObject { ["events"] = PhpMap(events) };
                if (errors.Count > 0) answer["errors"] = PhpMap(errors);
                reply = new Reply(200, answer);
            }
            catch (ServerError e) { reply = Reply.Of(e); }
        }
        await Send(ctx, reply);
    }
}
