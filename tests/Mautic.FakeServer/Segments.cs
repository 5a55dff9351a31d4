namespace Mautic.FakeServer;

/// <summary>
/// Segments' edits and batches (list, get, new, delete and membership are in Routes.cs). Segments keep their own
/// <see cref="Segment"/> records (contacts, e-mails and search use them), but answer like the table's areas, as
/// measured on Mautic 5.1.0 (README.md).
/// </summary>
static partial class Routes
{
    /// <summary>
    /// Validates a segment payload and applies it; the refused fields, or null. PUT (<paramref name="replace"/>) resets
    /// what it does not send: description null, isPublished/isGlobal/isPreferenceCenter false, publicName to the
    /// name, and the alias is made again from the name. A new segment is published and global.
    /// </summary>
    static JsonObject? ApplySegment(FakeState s, Segment g, bool isNew, JsonObject payload, bool replace, Principal who)
    {
        string? Text(string key) => payload[key] is { } n && n.ToString() is { Length: > 0 } t ? t : null;
        bool Has(string key) => payload.ContainsKey(key);
        var name = Has("name") ? Text("name") : replace ? null : g.Name is { Length: > 0 } n ? n : null;
        var projects = ProjectsOf(s, "segments", payload, out var projectError);
        if (name == null || projectError != null)
        {
            var details = new JsonObject();
            if (name == null) details["name"] = new JsonArray("A name is required.");
            if (projectError != null) details["projects"] = new JsonArray(projectError);
            return details;
        }
        if (projects != null) g.Projects = projects;

        g.Name = name;
        if (Has("description") || replace) g.Description = Text("description");
        if (Has("publicName") || replace || isNew) g.PublicName = Text("publicName") ?? (isNew || replace ? name : g.PublicName);
        if (Has("isPublished")) g.IsPublished = Truthy(payload["isPublished"]);
        else if (replace) g.IsPublished = false;
        if (Has("isGlobal")) g.IsGlobal = Truthy(payload["isGlobal"]);
        else if (replace) g.IsGlobal = false;
        if (Has("isPreferenceCenter")) g.IsPreferenceCenter = Truthy(payload["isPreferenceCenter"]);
        else if (replace) g.IsPreferenceCenter = false;
        if (isNew || replace || Has("alias"))
        {
            var others = s.Segments.Values.Where(o => o != g).Select(o => o.Alias);
            g.Alias = Alias(Text("alias") ?? name, others);
        }
        if (isNew)
        {
            g.Created(who);
            g.Id = s.NextSegmentId++;
            s.Segments[g.Id] = g;
        }
        else g.Modified(who);
        return null;
    }

    static JsonObject SegmentErrors(JsonObject details) =>
        new() { ["code"] = 400, ["message"] = DetailsMessage(details), ["details"] = details };

    /// <summary>PUT|PATCH /api/segments/{id}/edit: PATCH 404s a missing id, PUT creates it (201 + Location).</summary>
    static async Task EditSegment(HttpContext ctx, FakeState s)
    {
        var (ok, node) = await ReadBody(ctx);
        if (!ok) { await Oops(ctx, 400); return; }
        var payload = AsPayload(node);
        var put = ctx.Request.Method == "PUT";
        Reply reply;
        lock (s.Sync)
        {
            var exists = s.Segments.TryGetValue(Id(ctx), out var g);
            if (!exists && !put) reply = Reply.NotFound;
            else
            {
                var isNew = !exists;
                // Validate on a copy: a refused edit leaves the segment as it was.
                var target = isNew ? new Segment() : CopyOf(g!);
                var details = ApplySegment(s, target, isNew, payload, replace: put && !isNew, Who(ctx));
                if (details != null) reply = new Reply(400, new JsonObject { ["errors"] = new JsonArray(SegmentErrors(details)) });
                else
                {
                    if (!isNew) CopyInto(target, g!);
                    var saved = isNew ? target : g!;
                    reply = new Reply(isNew ? 201 : 200, new JsonObject { ["list"] = RenderSegment(saved, s) }, isNew ? "/api/segments/" + saved.Id : null);
                }
            }
        }
        await Send(ctx, reply);
    }

    static Segment CopyOf(Segment g) => new()
    {
        Id = g.Id, Name = g.Name, Alias = g.Alias, Description = g.Description, PublicName = g.PublicName,
        IsPublished = g.IsPublished, IsGlobal = g.IsGlobal, IsPreferenceCenter = g.IsPreferenceCenter, Members = g.Members, Projects = g.Projects,
        CreatedBy = g.CreatedBy, CreatedByUser = g.CreatedByUser, ModifiedBy = g.ModifiedBy, ModifiedByUser = g.ModifiedByUser,
        DateAdded = g.DateAdded, DateModified = g.DateModified,
    };

    static void CopyInto(Segment from, Segment to)
    {
        to.Name = from.Name; to.Alias = from.Alias; to.Description = from.Description; to.PublicName = from.PublicName;
        to.Projects = from.Projects;
        to.IsPublished = from.IsPublished; to.IsGlobal = from.IsGlobal; to.IsPreferenceCenter = from.IsPreferenceCenter;
        to.ModifiedBy = from.ModifiedBy; to.ModifiedByUser = from.ModifiedByUser; to.DateModified = from.DateModified;
    }

    /// <summary>batch/new and batch/edit: as the table's areas (found first, then created; errors keyed by index).</summary>
    static Task SegmentBatch(HttpContext ctx, FakeState s, bool edit)
    {
        var who = Who(ctx);
        return RunBatch(ctx, s, "lists", edit, (key, payload, put, b) =>
        {
            Segment? existing = null;
            if (edit)
            {
                var hasId = long.TryParse(payload["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id);
                if (!(hasId && s.Segments.TryGetValue(id, out existing)) && !put) { b.NotFound(key); return; }
            }
            var isNew = existing == null;
            var target = isNew ? new Segment() : CopyOf(existing!);
            var details = ApplySegment(s, target, isNew, payload, replace: put && !isNew, who);
            if (details != null)
            {
                b.Codes.Add((key, 400));
                var error = SegmentErrors(details);
                error["type"] = null;
                b.Errors.Add((key, error));
                // A refused existing segment is still listed, as the form left it (assumed like point groups: name null).
                if (!isNew)
                {
                    var shown = CopyOf(existing!);
                    if (payload.ContainsKey("name")) shown.Name = null!;
                    b.Found.Add((key, RenderSegment(shown, s)));
                }
                return;
            }
            if (!isNew) CopyInto(target, existing!);
            b.Codes.Add((key, isNew ? 201 : 200));
            (edit && isNew ? b.Created : b.Found).Add((key, RenderSegment(isNew ? target : existing!, s)));
        });
    }

    /// <summary>batch/delete: rendered before removal (ids kept), keyed by the id's position; unknown ids skipped (measured).</summary>
    static Task DeleteSegments(HttpContext ctx, FakeState s)
    {
        var deleted = new List<(string, JsonNode?)>();
        lock (s.Sync)
        {
            var ids = QueryIds(ctx);
            if (RefusedOnV7(s, ids, s.Segments.ContainsKey)) return Send(ctx, Reply.Generic(500));
            for (var i = 0; i < ids.Count; i++)
            {
                if (!s.Segments.TryGetValue(ids[i], out var g)) continue;
                deleted.Add((i.ToString(CultureInfo.InvariantCulture), RenderSegment(g, s)));
                s.Segments.Remove(g.Id);
            }
        }
        return Json(ctx, 200, new JsonObject { ["lists"] = PhpMap(deleted) });
    }
}
