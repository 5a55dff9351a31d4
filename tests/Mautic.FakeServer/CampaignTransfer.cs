using System.IO.Compression;

namespace Mautic.FakeServer;

/// <summary>
/// Mautic 7.0's campaign export and import (CampaignApiController::exportCampaignAction / importCampaignAction),
/// as a real 7.0.0 answered them; on 5.x both are unknown routes (404 Requested URL not found). See README.md,
/// "Campaign export and import (7.0)".
/// </summary>
static partial class Routes
{
    const string ImportFinished = "Import successful: Imported campaigns are switched off by default.";
    const string ImportNoFile = "No JSON content found and exactly one ZIP file must be uploaded.";
    const string ImportNotZip = "Unsupported file type. Only ZIP archives are supported.";

    static void MapCampaignTransfer(WebApplication app, FakeState s)
    {
        app.MapGet("/api/campaigns/export/{id:long}", ctx => s.IsV7 ? ExportCampaign(ctx, s) : UnknownRoute(ctx, s));
        app.MapPost("/api/campaigns/import", ctx => s.IsV7 ? ImportCampaigns(ctx, s) : UnknownRoute(ctx, s));
    }

    /// <summary>What Mautic answers for a route it does not have (5.1.0 for the 7.0 routes, measured): no Mautic-Version header.</summary>
    static Task UnknownRoute(HttpContext ctx, FakeState s) => Error(ctx, 404, "Requested URL not found: " + ctx.Request.Path.Value, null, version: null);

    /// <summary>
    /// [{campaign: [{id, name, description, is_published, canvas_settings, uuid}], campaign_event: [{id, campaign_id,
    /// name, ..., uuid}], dependencies: [{campaign_event: [{campaign, campaign_event}]}]}] (a campaign without events
    /// has no campaign_event key); a missing campaign is 404 Item was not found.
    /// </summary>
    static Task ExportCampaign(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        if (!s.CampaignStore.Rows.TryGetValue(Id(ctx), out var c)) return NotFound(ctx);
        var d = s.Campaigns;
        var campaign = new JsonObject
        {
            ["id"] = c.Id, ["name"] = c.Text("name"), ["description"] = c.Text("description"), ["is_published"] = c.IsPublished,
            ["canvas_settings"] = c["canvasSettings"] is JsonNode canvas ? canvas.DeepClone() : new JsonArray(),
            ["uuid"] = CampaignData.UuidOf(d.CampaignUuids, c.Id),
        };
        var item = new JsonObject { ["campaign"] = new JsonArray(campaign) };
        var events = d.Events.Values.Where(e => e.Campaign == c).ToList();
        var links = new JsonArray();
        if (events.Count > 0)
        {
            item["campaign_event"] = new JsonArray(events.Select(e => (JsonNode)ExportEvent(d, e)).ToArray());
            foreach (var e in events) links.Add(new JsonObject { ["campaign"] = c.Id, ["campaign_event"] = e.Id });
        }
        item["dependencies"] = new JsonArray(new JsonObject { ["campaign_event"] = links });
        return Json(ctx, 200, new JsonArray(item));
    });

    static JsonObject ExportEvent(CampaignData d, CampaignEvent e)
    {
        JsonNode? D(string k, JsonNode? dflt = null) => e.Data[k]?.DeepClone() ?? dflt;
        return new JsonObject
        {
            ["id"] = e.Id, ["campaign_id"] = e.Campaign.Id, ["name"] = D("name"), ["description"] = D("description"), ["type"] = D("type"),
            ["event_type"] = D("eventType"), ["event_order"] = D("order"), ["properties"] = D("properties", new JsonArray()),
            ["trigger_interval"] = D("triggerInterval", 0), ["trigger_interval_unit"] = D("triggerIntervalUnit"), ["trigger_mode"] = D("triggerMode"),
            ["trigger_date"] = D("triggerDate"), ["trigger_hour"] = null, ["triggerRestrictedStartHour"] = null, ["triggerRestrictedStopHour"] = null,
            ["triggerRestrictedDaysOfWeek"] = new JsonArray(), ["triggerWindow"] = null, ["decisionPath"] = D("decisionPath"),
            ["channel"] = D("channel"), ["channel_id"] = D("channelId"), ["parent_id"] = null, ["uuid"] = CampaignData.UuidOf(d.EventUuids, e.Id),
        };
    }

    /// <summary>
    /// The export as the raw JSON body ([0].campaign present), or else exactly one uploaded .zip (any field name)
    /// holding it: 400 {"error": ...} for no file or several, a file not named .zip, a zip that does not open, a zip
    /// without a .json. Campaigns and events are matched by uuid (updated, the campaign unpublished) or created
    /// unpublished; 201 ["Import successful: ..."]. A malformed export (no dependencies, an empty campaign list) is
    /// Mautic's generic 500.
    /// </summary>
    static async Task ImportCampaigns(HttpContext ctx, FakeState s)
    {
        JsonNode? data = null;
        if (!ctx.Request.HasFormContentType)
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            try { data = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { data = null; }
            if (!(data is JsonArray a && a.Count > 0 && a[0] is JsonObject first && first.ContainsKey("campaign"))) data = null;
            if (data == null) { await Json(ctx, 400, new JsonObject { ["error"] = ImportNoFile }); return; }
        }
        else
        {
            var form = await ctx.Request.ReadFormAsync();
            if (form.Files.Count != 1) { await Json(ctx, 400, new JsonObject { ["error"] = ImportNoFile }); return; }
            var file = form.Files[0];
            if (!string.Equals(Path.GetExtension(file.FileName), ".zip", StringComparison.OrdinalIgnoreCase))
            {
                await Json(ctx, 400, new JsonObject { ["error"] = ImportNotZip });
                return;
            }
            var temp = "/tmp/php" + Guid.NewGuid().ToString("N")[..6];
            try
            {
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                ms.Position = 0;
                using var zip = new ZipArchive(ms, ZipArchiveMode.Read);
                var entry = zip.Entries.LastOrDefault(e => !e.FullName.StartsWith("assets/", StringComparison.Ordinal) && e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
                if (entry == null) { await Json(ctx, 400, new JsonObject { ["error"] = "JSON file not found or not readable in ZIP archive." }); return; }
                using var r = new StreamReader(entry.Open(), Encoding.UTF8);
                data = JsonNode.Parse(await r.ReadToEndAsync());
            }
            catch (InvalidDataException)
            {
                await Json(ctx, 400, new JsonObject { ["error"] = "Unable to open ZIP file: " + temp });
                return;
            }
            catch (System.Text.Json.JsonException) { data = null; }
        }
        bool ok;
        lock (s.Sync) ok = data is JsonArray items && Import(ctx, s, items);
        if (!ok) { await Oops(ctx, 500); return; }
        await Json(ctx, 201, new JsonArray(ImportFinished));
    }

    /// <summary>Checks every item first (Mautic fails on a malformed one), then saves; false for the generic 500.</summary>
    static bool Import(HttpContext ctx, FakeState s, JsonArray items)
    {
        foreach (var node in items)
        {
            if (node is not JsonObject item || item["campaign"] is not JsonArray list || list.Count == 0 || item["dependencies"] is not JsonArray) return false;
            if (list.Any(c => c is not JsonObject o || o["uuid"] is null || o["id"] is null)) return false;
        }
        var d = s.Campaigns;
        var store = s.CampaignStore;
        foreach (var item in items.Cast<JsonObject>())
        {
            var idMap = new Dictionary<string, long>();
            foreach (var c in ((JsonArray)item["campaign"]!).Cast<JsonObject>())
            {
                var uuid = c["uuid"]!.ToString();
                var existing = d.CampaignUuids.Where(kv => kv.Value == uuid && store.Rows.ContainsKey(kv.Key)).Select(kv => store.Rows[kv.Key]).FirstOrDefault();
                var campaign = existing ?? store.Blank();
                campaign.Values["name"] = c["name"]?.ToString() ?? "";
                campaign.Values["description"] = c["description"]?.ToString() ?? "";
                campaign.IsPublished = false;
                if (existing == null)
                {
                    campaign.Values["events"] = new List<long>();
                    campaign.Values["lists"] = new List<long>();
                    campaign.Values["forms"] = new List<long>();
                    campaign.Created(Who(ctx));
                    campaign.Id = store.NextId++;
                    store.Rows[campaign.Id] = campaign;
                    d.CampaignUuids[campaign.Id] = uuid;
                }
                campaign.Modified(Who(ctx));
                idMap[c["id"]!.ToString()] = campaign.Id;
            }
            var eventMap = new Dictionary<string, string>();
            foreach (var e in (item["campaign_event"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (!idMap.TryGetValue(e["campaign_id"]?.ToString() ?? "", out var cid)) continue;
                var campaign = store.Rows[cid];
                var uuid = e["uuid"]?.ToString();
                var ev = uuid == null ? null : d.EventUuids.Where(kv => kv.Value == uuid && d.Events.ContainsKey(kv.Key)).Select(kv => d.Events[kv.Key]).FirstOrDefault();
                if (ev == null)
                {
                    ev = new CampaignEvent { Id = d.NextEventId++, Campaign = campaign };
                    d.Events[ev.Id] = ev;
                    if (uuid != null) d.EventUuids[ev.Id] = uuid;
                }
                ev.Data = new JsonObject
                {
                    ["name"] = e["name"]?.DeepClone(), ["description"] = e["description"]?.DeepClone(), ["type"] = e["type"]?.DeepClone(),
                    ["eventType"] = e["event_type"]?.DeepClone(), ["order"] = e["event_order"]?.DeepClone(), ["properties"] = e["properties"]?.DeepClone(),
                    ["triggerInterval"] = e["trigger_interval"]?.DeepClone(), ["triggerIntervalUnit"] = e["trigger_interval_unit"]?.DeepClone(),
                    ["triggerMode"] = e["trigger_mode"]?.DeepClone(), ["triggerDate"] = e["trigger_date"]?.DeepClone(), ["decisionPath"] = e["decisionPath"]?.DeepClone(),
                    ["channel"] = e["channel"]?.DeepClone(), ["channelId"] = e["channel_id"]?.DeepClone(),
                };
                var events = (List<long>)campaign.Values["events"]!;
                if (!events.Contains(ev.Id)) events.Add(ev.Id);
                eventMap[e["id"]?.ToString() ?? ""] = ev.Id.ToString(CultureInfo.InvariantCulture);
            }
            // The canvas comes from the file, its event ids turned into the saved events' ids.
            foreach (var c in ((JsonArray)item["campaign"]!).Cast<JsonObject>())
            {
                var campaign = store.Rows[idMap[c["id"]!.ToString()]];
                var canvas = c["canvas_settings"]?.DeepClone() ?? new JsonArray();
                if (canvas is JsonObject co)
                {
                    foreach (var n in Items(co["nodes"]).OfType<JsonObject>())
                        if (eventMap.TryGetValue(n["id"]?.ToString() ?? "", out var to)) n["id"] = to;
                    foreach (var n in Items(co["connections"]).OfType<JsonObject>())
                        foreach (var k in new[] { "sourceId", "targetId" })
                            if (eventMap.TryGetValue(n[k]?.ToString() ?? "", out var to)) n[k] = to;
                }
                campaign.Values["canvasSettings"] = canvas;
            }
        }
        return true;
    }
}
