namespace Mautic.FakeServer;

/// <summary>A contact's subscription to a category (Mautic's lead_categories row).</summary>
public sealed class ContactCategory
{
    public long Id, ContactId, CategoryId;
    public DateTime DateAdded;
    public bool ManuallyAdded, ManuallyRemoved;
}

/// <summary>
/// Contacts' category subscriptions through Mautic 7's v2 API (/api/v2/contactcategories), as a real 7.0.0 answers them
/// (README.md, "Contact categories"): POST {category, lead (IRIs), dateAdded, manuallyAdded, manuallyRemoved} answers 201
/// {id, category: {id, title, alias, bundle}, lead: IRI, dateAdded, manuallyRemoved, manuallyAdded}; without dateAdded,
/// lead or category a 500 (a null column); an IRI naming no record the 500 "Item not found for \"/api/v2/contacts/9\"."; the
/// same pair twice makes a second row. GET {id} answers the row; PATCH (merge patch) changes what is sent; PUT needs
/// category, lead and dateAdded (else the 500) and resets a flag not sent to false; DELETE answers 204, then 404. v1 reads
/// the rows as the stats table lead_categories (Stats.cs). A row goes with its contact or category (Mautic's foreign keys cascade).
/// </summary>
static partial class Routes
{
    /// <summary>The rows whose contact and category still exist.</summary>
    internal static IEnumerable<ContactCategory> LiveContactCategories(FakeState s) =>
        s.ContactCategories.Values.Where(r => s.Contacts.ContainsKey(r.ContactId) && s.Categories.Rows.ContainsKey(r.CategoryId));

    static JsonObject RenderContactCategory(FakeState s, ContactCategory r)
    {
        var c = s.Categories.Rows[r.CategoryId];
        return new JsonObject
        {
            ["id"] = r.Id,
            ["category"] = new JsonObject { ["id"] = c.Id, ["title"] = c.Text("title"), ["alias"] = c.Text("alias"), ["bundle"] = c.Text("bundle") },
            ["lead"] = "/api/v2/contacts/" + N(r.ContactId),
            ["dateAdded"] = r.DateAdded.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture),
            ["manuallyRemoved"] = r.ManuallyRemoved,
            ["manuallyAdded"] = r.ManuallyAdded,
        };
    }

    static ContactCategory? FindContactCategory(HttpContext ctx, FakeState s) =>
        long.TryParse((string?)ctx.Request.RouteValues["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && s.ContactCategories.TryGetValue(id, out var r) && LiveContactCategories(s).Contains(r) ? r : null;

    static void MapContactCategories(WebApplication app, FakeState s)
    {
        app.MapGet("/api/v2/contactcategories/{id}", ctx => Locked(s, () =>
            FindContactCategory(ctx, s) is { } r ? Json(ctx, 200, RenderContactCategory(s, r), version: null) : V2Error(ctx, 404)));
        app.MapPost("/api/v2/contactcategories", ctx => SaveContactCategory(ctx, s, create: true, merge: false));
        app.MapPut("/api/v2/contactcategories/{id}", ctx => SaveContactCategory(ctx, s, create: false, merge: false));
        app.MapPatch("/api/v2/contactcategories/{id}", ctx => SaveContactCategory(ctx, s, create: false, merge: true));
        app.MapDelete("/api/v2/contactcategories/{id}", ctx => Locked(s, () =>
        {
            if (FindContactCategory(ctx, s) is not { } r) return V2Error(ctx, 404);
            s.ContactCategories.Remove(r.Id);
            ctx.Response.StatusCode = 204;
            ctx.Response.Headers.Remove("Mautic-Version");
            return Task.CompletedTask;
        }));
    }

    /// <summary>Mautic's 500 for a bad IRI, with its own text (measured: "Item not found for \"/api/v2/categories/9999\".", "Invalid IRI \"abc\".").</summary>
    static Task IriError(HttpContext ctx, string message) =>
        Json(ctx, 500, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["code"] = 500, ["type"] = null }),
        }, version: null);

    static async Task SaveContactCategory(HttpContext ctx, FakeState s, bool create, bool merge)
    {
        var types = merge ? new[] { "application/merge-patch+json" } : ["application/json", "application/ld+json"];
        if (!ContentTypeIs(ctx, types)) { await V2Error(ctx, 415); return; }
        if (await ReadJson(ctx) is not JsonObject body) { await V2Error(ctx, 400); return; }
        JsonObject? answer = null;
        string? iriError = null;
        var status = 500;
        lock (s.Sync)
        {
            var existing = create ? null : FindContactCategory(ctx, s);
            if (!create && existing == null) status = 404;
            else
            {
                // PUT starts from nothing but the row's id (what is not sent is null or false); PATCH from the row.
                long? contact = merge ? existing!.ContactId : null, category = merge ? existing!.CategoryId : null;
                DateTime? date = merge ? existing!.DateAdded : null;
                bool added = merge && existing!.ManuallyAdded, removed = merge && existing!.ManuallyRemoved;
                var bad = false;
                if (body.TryGetPropertyValue("lead", out var l)) contact = Iri(l, "contacts", s.Contacts.ContainsKey, ref iriError, ref bad);
                if (body.TryGetPropertyValue("category", out var c)) category = Iri(c, "categories", s.Categories.Rows.ContainsKey, ref iriError, ref bad);
                if (body.TryGetPropertyValue("dateAdded", out var d))
                {
                    if (d is JsonValue dv && dv.GetValueKind() == System.Text.Json.JsonValueKind.String
                        && DateTimeOffset.TryParse(dv.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) date = parsed.UtcDateTime;
                    else if (d == null) date = null;
                    else bad = true;
                }
                if (body.TryGetPropertyValue("manuallyAdded", out var a)) bad |= !Flag(a, ref added);
                if (body.TryGetPropertyValue("manuallyRemoved", out var r)) bad |= !Flag(r, ref removed);
                if (iriError == null && !bad && contact != null && category != null && date != null)
                {
                    var row = existing ?? new ContactCategory { Id = s.NextContactCategoryId++ };
                    row.ContactId = contact.Value; row.CategoryId = category.Value; row.DateAdded = date.Value;
                    row.ManuallyAdded = added; row.ManuallyRemoved = removed;
                    s.ContactCategories[row.Id] = row;
                    status = create ? 201 : 200;
                    answer = RenderContactCategory(s, row);
                }
            }
        }
        if (answer != null) await Json(ctx, status, answer, version: null);
        else if (iriError != null) await IriError(ctx, iriError);
        else await V2Error(ctx, status);
    }

    /// <summary>
    /// An IRI "/api/v2/{route}/{id}" of a record that exists: its id. A string that is no IRI sets <paramref name="error"/>
    /// to "Invalid IRI", the IRI of a missing record to "Item not found"; not a string (null included) sets <paramref name="bad"/>.
    /// </summary>
    static long? Iri(JsonNode? node, string route, Func<long, bool> exists, ref string? error, ref bool bad)
    {
        if (node is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String) { bad = true; return null; }
        var text = v.GetValue<string>();
        var prefix = "/api/v2/" + route + "/";
        if (!text.StartsWith(prefix, StringComparison.Ordinal) || !long.TryParse(text[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            error ??= $"Invalid IRI \"{text}\".";
            return null;
        }
        if (!exists(id)) { error ??= $"Item not found for \"{text}\"."; return null; }
        return id;
    }

    static bool Flag(JsonNode? node, ref bool flag)
    {
        if (node is not JsonValue v || v.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)) return false;
        flag = v.GetValue<bool>();
        return true;
    }
}
