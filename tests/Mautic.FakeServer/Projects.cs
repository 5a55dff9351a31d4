namespace Mautic.FakeServer;

/// <summary>A project of Mautic 7's v2 API: {id, description (left out when null), name, properties (any JSON array or object)}.</summary>
public sealed class Project
{
    public long Id;
    public string Name = "";
    public string? Description;
    public JsonNode Properties = new JsonArray();
}

/// <summary>
/// Projects, as a real Mautic 7.0.0 answers them (README.md, "Projects"): /api/v2/projects (API Platform) only when the
/// fake runs as 7.x; the v1 records of fourteen areas carry a projects list [{id, name}], which a v1 edit with
/// {"projects": [ids]} replaces. On 5.1 an /api/v2 path is Mautic's 404 "Requested URL not found".
/// </summary>
static partial class Routes
{
    /// <summary>The v1 areas whose records carry projects on 7.x (by route).</summary>
    public static readonly HashSet<string> ProjectKinds =
        ["smses", "emails", "points", "points/triggers", "forms", "pages", "messages", "stages", "dynamiccontents", "campaigns", "segments", "companies", "assets", "focus"];

    /// <summary>API Platform's fixed page size (pagination_items_per_page 30; client page sizes are off).</summary>
    public const int ProjectPageSize = 30;

    const string GenericPrefix = "Looks like I encountered an error (error #";

    /// <summary>Mautic's exception listener renders API Platform's errors in its own v1 shape, with a generic text for all but 404.</summary>
    static Task V2Error(HttpContext ctx, int status) =>
        Json(ctx, status, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["message"] = status == 404 ? "Not Found" : $"{GenericPrefix}{status}). If I do it again, please report me to the system administrator!",
                ["code"] = status, ["type"] = null,
            }),
        }, version: null);

    /// <summary>
    /// Runs before any /api/v2 route: on 5.1 the v1 404 (no Mautic-Version header, measured); a client_credentials token
    /// is refused with 401 {"message":"Invalid credentials."} (measured on 7.0.0: the same token reads /api/segments).
    /// Returns true when it answered.
    /// </summary>
    internal static async Task<bool> V2Gate(HttpContext ctx, FakeState s, string path)
    {
        if (!s.IsV7)
        {
            await Error(ctx, 404, "Requested URL not found: " + path, null, version: null);
            return true;
        }
        ctx.Response.Headers.Remove("Mautic-Version");
        if (Who(ctx).UserId == null)
        {
            await Json(ctx, 401, new JsonObject { ["message"] = "Invalid credentials." }, version: null);
            return true;
        }
        return false;
    }

    static JsonObject RenderProject(Project p)
    {
        var o = new JsonObject { ["id"] = p.Id };
        if (p.Description != null) o["description"] = p.Description;
        o["name"] = p.Name;
        o["properties"] = p.Properties.DeepClone();
        return o;
    }

    static bool Accepts(HttpContext ctx, string type) => ctx.Request.Headers.Accept.ToString().Contains(type, StringComparison.OrdinalIgnoreCase);

    static bool ContentTypeIs(HttpContext ctx, params string[] types)
    {
        var ct = (ctx.Request.ContentType ?? "").Split(';')[0].Trim();
        return types.Any(t => string.Equals(t, ct, StringComparison.OrdinalIgnoreCase));
    }

    static void MapProjects(WebApplication app, FakeState s)
    {
        app.MapGet("/api/v2/projects", ctx =>
        {
            var pageText = ctx.Request.Query["page"].ToString();
            var page = 1L;
            if (pageText.Length > 0 && !long.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page)) page = 1;
            if (page < 1) return V2Error(ctx, 500);
            lock (s.Sync)
            {
                var all = s.Projects.Values.ToList();
                var rows = all.Skip((int)Math.Min((page - 1) * ProjectPageSize, int.MaxValue)).Take(ProjectPageSize).Select(p => (JsonNode?)RenderProject(p)).ToArray();
                if (!Accepts(ctx, "application/ld+json")) return Json(ctx, 200, new JsonArray(rows), version: null);
                var last = Math.Max(1, (all.Count + ProjectPageSize - 1) / ProjectPageSize);
                var answer = new JsonObject
                {
                    ["@context"] = "/api/v2/contexts/Project", ["@id"] = "/api/v2/projects", ["@type"] = "Collection",
                    ["totalItems"] = all.Count, ["member"] = new JsonArray(rows),
                };
                if (last > 1)
                {
                    var view = new JsonObject
                    {
                        ["@id"] = $"/api/v2/projects?page={page}", ["@type"] = "PartialCollectionView",
                        ["first"] = "/api/v2/projects?page=1", ["last"] = $"/api/v2/projects?page={last}",
                    };
                    if (page > 1) view["previous"] = $"/api/v2/projects?page={page - 1}";
                    if (page < last) view["next"] = $"/api/v2/projects?page={page + 1}";
                    answer["view"] = view;
                }
                return JsonLd(ctx, answer);
            }
        });
        app.MapGet("/api/v2/projects/{id}", ctx => Locked(s, () =>
            FindProject(ctx, s) is { } p ? Json(ctx, 200, RenderProject(p), version: null) : V2Error(ctx, 404)));
        app.MapPost("/api/v2/projects", ctx => SaveProject(ctx, s, create: true, merge: false));
        app.MapPut("/api/v2/projects/{id}", ctx => SaveProject(ctx, s, create: false, merge: false));
        app.MapPatch("/api/v2/projects/{id}", ctx => SaveProject(ctx, s, create: false, merge: true));
        app.MapDelete("/api/v2/projects/{id}", ctx => Locked(s, () =>
        {
            if (FindProject(ctx, s) is not { } p) return V2Error(ctx, 404);
            s.Projects.Remove(p.Id);
            // Mautic takes the project off every record that had it (measured on a company).
            foreach (var store in s.Stores.Values)
                foreach (var e in store.Rows.Values) if (e.Projects.Contains(p.Id)) e.Projects = e.Projects.Where(i => i != p.Id).ToList();
            foreach (var g in s.Segments.Values) if (g.Projects.Contains(p.Id)) g.Projects = g.Projects.Where(i => i != p.Id).ToList();
            ctx.Response.StatusCode = 204;
            ctx.Response.Headers.Remove("Mautic-Version");
            return Task.CompletedTask;
        }));
    }

    static Task JsonLd(HttpContext ctx, JsonObject o)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/ld+json; charset=utf-8";
        return ctx.Response.WriteAsync(o.ToJsonString());
    }

    /// <summary>The project of the route's {id}; a non-numeric id is the same 404 (measured: /api/v2/projects/abc).</summary>
    static Project? FindProject(HttpContext ctx, FakeState s) =>
        long.TryParse((string?)ctx.Request.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && s.Projects.TryGetValue(id, out var p) ? p : null;

    /// <summary>
    /// POST and PUT take application/json or application/ld+json, PATCH application/merge-patch+json; another type is a
    /// 415. PUT replaces (description null and properties [] unless sent), PATCH merges; a blank name is the 422.
    /// </summary>
    static async Task SaveProject(HttpContext ctx, FakeState s, bool create, bool merge)
    {
        var types = merge ? new[] { "application/merge-patch+json" } : ["application/json", "application/ld+json"];
        if (!ContentTypeIs(ctx, types)) { await V2Error(ctx, 415); return; }
        var node = await ReadJson(ctx);
        if (node is not JsonObject body) { await V2Error(ctx, 400); return; }
        int status;
        JsonObject? answer = null;
        lock (s.Sync)
        {
            var existing = create ? null : FindProject(ctx, s);
            if (!create && existing == null) status = 404;
            else
            {
                var target = existing == null ? new Project() : new Project { Id = existing.Id, Name = existing.Name, Description = existing.Description, Properties = existing.Properties.DeepClone() };
                if (!merge && !create) { target.Description = null; target.Properties = new JsonArray(); }
                if (body.TryGetPropertyValue("name", out var n)) target.Name = n?.GetValueKind() == System.Text.Json.JsonValueKind.String ? n.GetValue<string>() : n?.ToJsonString() ?? "";
                else if (!merge) target.Name = "";
                if (body.TryGetPropertyValue("description", out var d)) target.Description = d?.ToString();
                if (body.TryGetPropertyValue("properties", out var pr))
                    target.Properties = pr is JsonArray or JsonObject ? pr.DeepClone() : new JsonArray();
                if (string.IsNullOrWhiteSpace(target.Name)) status = 422;
                else
                {
                    if (existing == null)
                    {
                        target.Id = s.NextProjectId++;
                        s.Projects[target.Id] = target;
                        status = 201;
                    }
                    else
                    {
                        existing.Name = target.Name; existing.Description = target.Description; existing.Properties = target.Properties;
                        target = existing;
                        status = 200;
                    }
                    answer = RenderProject(target);
                }
            }
        }
        if (answer == null) await V2Error(ctx, status);
        else await Json(ctx, status, answer, version: null);
    }

    /// <summary>
    /// A v1 payload's projects (7.x, the fourteen areas): null when it sends none, else the ids; an id Mautic does not
    /// have makes <paramref name="error"/> "The selected choice is invalid." (400, keyed "projects", measured).
    /// </summary>
    internal static List<long>? ProjectsOf(FakeState s, string route, JsonObject payload, out string? error)
    {
        error = null;
        if (!s.IsV7 || !ProjectKinds.Contains(route) || !payload.TryGetPropertyValue("projects", out var node)) return null;
        var ids = new List<long>();
        foreach (var (_, item) in PhpItems(node))
        {
            var v = item is JsonObject o ? o["id"] : item;
            if (v == null || !long.TryParse(v.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !s.Projects.ContainsKey(id))
            {
                error = "The selected choice is invalid.";
                return null;
            }
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    static IEnumerable<(string, JsonNode?)> PhpItems(JsonNode? node) => node switch
    {
        JsonArray a => a.Select((x, i) => (i.ToString(CultureInfo.InvariantCulture), x)),
        JsonObject o => o.Select(p => (p.Key, p.Value)),
        null => [],
        _ => [("0", node)],
    };

    /// <summary>How a v1 record shows its projects on 7.x: [{id, name}] (measured on a segment and a company).</summary>
    static void AddProjects(FakeState s, string route, JsonObject rendered, List<long> ids)
    {
        if (!s.IsV7 || !ProjectKinds.Contains(route)) return;
        rendered["projects"] = new JsonArray(ids.Where(s.Projects.ContainsKey)
            .Select(i => (JsonNode?)new JsonObject { ["id"] = i, ["name"] = s.Projects[i].Name }).ToArray());
    }
}
