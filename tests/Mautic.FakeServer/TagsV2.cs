namespace Mautic.FakeServer;

/// <summary>
/// Tags through Mautic 7's v2 API: the only way to set a tag's description (measured on 7.0.0: v1's tags/new and
/// {id}/edit answer description null whatever is sent, and keep what v2 set; PATCH /api/v2/tags/{id} with a JSON merge
/// patch sets it and answers {id, tag, description, uuid}). The v2 gate (5.1's 404, client_credentials' 401) runs first.
/// </summary>
static partial class Routes
{
    static void MapTagsV2(WebApplication app, FakeState s)
    {
        app.MapPatch("/api/v2/tags/{id}", async ctx =>
        {
            if (!ContentTypeIs(ctx, "application/merge-patch+json")) { await V2Error(ctx, 415); return; }
            if (await ReadJson(ctx) is not JsonObject body) { await V2Error(ctx, 400); return; }
            JsonObject? answer = null;
            lock (s.Sync)
            {
                if (long.TryParse((string?)ctx.Request.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && s.Stores["tags"].Rows.TryGetValue(id, out var tag))
                {
                    if (body.TryGetPropertyValue("description", out var d)) tag.Values["description"] = d?.ToString();
                    if (body["tag"] is JsonValue t && t.ToString().Trim() is { Length: > 0 } name) tag.Values["tag"] = name;
                    answer = new JsonObject { ["id"] = tag.Id, ["tag"] = tag.Text("tag"), ["description"] = tag.Text("description"), ["uuid"] = TagUuid(tag.Id) };
                }
            }
            if (answer == null) await V2Error(ctx, 404);
            else await Json(ctx, 200, answer, version: null);
        });
    }

    /// <summary>A stable stand-in for the UUID Mautic 7 gives each tag.</summary>
    static string TagUuid(long id) => new Guid((int)id, 0x7a9, 0x7000, new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0 }).ToString();
}
