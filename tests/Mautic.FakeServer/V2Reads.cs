namespace Mautic.FakeServer;

/// <summary>
/// Mautic 7's v2 reads of the records the v1 API serves without their uuid (measured on 7.0.0, README.md "v2 reads"):
/// GET /api/v2/{resource} answers, as plain JSON, an array of 30 records a page (?page=n from 1, ordered by id;
/// itemsPerPage and filters ignored), as JSON-LD a Collection with totalItems, member and a view; GET
/// /api/v2/{resource}/{id} one record, an unknown id the 404 {"errors":[{"message":"Not Found","code":404,"type":null}]}.
/// Each record carries its uuid. The fake renders the id, the name, alias where v1 has one, isPublished and the uuid;
/// a real record has every column (the module reads only id and uuid). The v2 gate (5.1's 404, client_credentials'
/// 401) runs first.
/// </summary>
static partial class Routes
{
    /// <summary>The v2 resources read here, each with the fake's records of it (id, v1 name field, rendered core) under <see cref="FakeState.Sync"/>.</summary>
    static readonly (string Resource, Func<FakeState, IEnumerable<(long Id, JsonObject Item)>> Records)[] V2Readable =
    [
        ("segments", s => s.Segments.Values.Select(g => (g.Id, new JsonObject { ["id"] = g.Id, ["name"] = g.Name, ["alias"] = g.Alias, ["isPublished"] = g.IsPublished }))),
        ("campaigns", s => StoreRecords(s, "campaigns", "name", id => CampaignData.UuidOf(s.Campaigns.CampaignUuids, id))),
        ("events", s => s.Campaigns.Events.Values.Select(e => (e.Id, new JsonObject
            { ["id"] = e.Id, ["name"] = e.Data["name"]?.DeepClone(), ["uuid"] = CampaignData.UuidOf(s.Campaigns.EventUuids, e.Id) }))),
        ("lead_fields", s => StoreRecords(s, "fields/contact", "label")),
        ("emails", s => StoreRecords(s, "emails", "name")), ("stages", s => StoreRecords(s, "stages", "name")),
        ("categories", s => StoreRecords(s, "categories", "title")), ("roles", s => StoreRecords(s, "roles", "name")),
        ("points", s => StoreRecords(s, "points", "name")), ("triggers", s => StoreRecords(s, "points/triggers", "name")),
        ("focus_items", s => StoreRecords(s, "focus", "name")), ("pages", s => StoreRecords(s, "pages", "title")),
        ("assets", s => StoreRecords(s, "assets", "title")), ("forms", s => StoreRecords(s, "forms", "name")),
        ("sms", s => StoreRecords(s, "smses", "name")), ("notifications", s => StoreRecords(s, "notifications", "name")),
        ("dynamic_contents", s => StoreRecords(s, "dynamiccontents", "name")), ("messages", s => StoreRecords(s, "messages", "name")),
        ("reports", s => StoreRecords(s, "reports", "name")),
    ];

    public const int V2PageSize = 30;

    static IEnumerable<(long, JsonObject)> StoreRecords(FakeState s, string store, string nameField, Func<long, string>? uuid = null) =>
        s.Stores[store].Rows.Values.Select(e => (e.Id, new JsonObject
        {
            ["id"] = e.Id, [nameField] = e.Text(nameField), ["uuid"] = uuid?.Invoke(e.Id) ?? s.UuidOf(store, e.Id), ["isPublished"] = e.IsPublished,
        }));

    static void MapV2Reads(WebApplication app, FakeState s)
    {
        foreach (var (resource, records) in V2Readable)
        {
            app.MapGet("/api/v2/" + resource, ctx =>
            {
                if (!long.TryParse(ctx.Request.Query["page"].ToString() is { Length: > 0 } p ? p : "1", NumberStyles.None, CultureInfo.InvariantCulture, out var page)) page = 1;
                if (page < 1) return V2Error(ctx, 500);
                lock (s.Sync)
                {
                    var all = records(s).OrderBy(r => r.Id).ToList();
                    var rows = all.Skip((int)Math.Min((page - 1) * V2PageSize, int.MaxValue)).Take(V2PageSize).Select(r => (JsonNode?)WithUuid(s, resource, r)).ToArray();
                    if (!Accepts(ctx, "application/ld+json")) return Json(ctx, 200, new JsonArray(rows), version: null);
                    var answer = new JsonObject
                    {
                        ["@context"] = "/api/v2/contexts/" + resource, ["@id"] = "/api/v2/" + resource, ["@type"] = "Collection",
                        ["totalItems"] = all.Count, ["member"] = new JsonArray(rows),
                    };
                    if (page * V2PageSize < all.Count) answer["view"] = new JsonObject { ["@type"] = "PartialCollectionView", ["next"] = $"/api/v2/{resource}?page={page + 1}" };
                    return JsonLd(ctx, answer);
                }
            });
            app.MapGet("/api/v2/" + resource + "/{id}", ctx =>
            {
                lock (s.Sync)
                {
                    var found = long.TryParse((string?)ctx.Request.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        ? records(s).Where(r => r.Id == id).Select(r => WithUuid(s, resource, r)).FirstOrDefault() : null;
                    return found == null
                        ? Json(ctx, 404, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "Not Found", ["code"] = 404, ["type"] = null }) }, version: null)
                        : Json(ctx, 200, found, version: null);
                }
            });
        }
    }

    static JsonObject WithUuid(FakeState s, string resource, (long Id, JsonObject Item) r)
    {
        if (r.Item["uuid"] == null) r.Item["uuid"] = s.UuidOf(resource, r.Id);
        return r.Item;
    }
}
