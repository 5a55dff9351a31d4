namespace Mautic.FakeServer;

/// <summary>
/// Notes and custom field definitions: the hooks of their <see cref="FakeAreas"/> rows (the ten standard routes come
/// from there), a contact's notes (GET contacts/{id}/notes) and the published fields (GET contacts/list/fields).
/// Measured on a real Mautic 5.1.0; see README.md.
/// </summary>
static partial class Routes
{
    static void MapNotesFields(WebApplication app, FakeState s)
    {
        app.MapGet("/api/contacts/{id:long}/notes", ctx => ContactNotes(ctx, s));
        app.MapGet("/api/contacts/list/fields", ctx => PublishedFields(ctx, s));
    }

    // ---------- notes ----------

    /// <summary>A note's lead, checked before the form: missing is a 400, an unknown contact a 404 (PATCH/PUT of an existing note may leave it out).</summary>
    internal static void NoteLead(FakeState s, JsonObject payload, bool isNew)
    {
        if (!payload.TryGetPropertyValue("lead", out var lead) || lead == null)
        {
            if (isNew) throw new Refusal(400, "lead ID is mandatory");
            return;
        }
        // An object ({"id": 5}) is no contact id either (measured: 404).
        if (lead is not JsonValue || !long.TryParse(lead.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !s.Contacts.ContainsKey(id))
            throw new Refusal(404, "Contact not found.");
    }

    /// <summary>A new note without a type is "general"; PUT on an existing one resets it to null (measured).</summary>
    internal static void NoteType(FakeState s, Entity note)
    {
        if (note.Id == 0 && note["type"] == null) note.Values["type"] = "general";
    }

    /// <summary>
    /// {id, text, type, dateTime, lead}: the lead is the contact as {id, points, color, fields}; its field groups are
    /// filled only in the answer that created the note, [] everywhere else (measured).
    /// </summary>
    internal static JsonObject RenderNote(FakeState s, Entity note, RenderMode mode)
    {
        JsonNode? lead = null;
        if (note["lead"] is long cid && s.Contacts.TryGetValue(cid, out var c))
        {
            JsonNode fields = new JsonArray();
            if (mode == RenderMode.Created)
            {
                var groups = (JsonObject)RenderContact(c, s)["fields"]!.DeepClone();
                groups.Remove("all");
                fields = groups;
            }
            lead = new JsonObject { ["id"] = c.Id, ["points"] = c.Points, ["color"] = null, ["fields"] = fields };
        }
        return new JsonObject
        {
            ["id"] = mode == RenderMode.Deleted ? null : note.Id,
            ["text"] = note.Text("text"), ["type"] = note.Text("type"), ["dateTime"] = ValueNode(note["dateTime"]),
            ["lead"] = lead,
        };
    }

    /// <summary>Mautic deletes a contact's notes with the contact (a foreign key with ON DELETE CASCADE).</summary>
    internal static void ContactNotesGone(FakeState s, long contactId)
    {
        foreach (var id in s.Notes.Rows.Values.Where(n => n["lead"] is long l && l == contactId).Select(n => n.Id).ToList())
            s.Notes.Rows.Remove(id);
    }

    /// <summary>
    /// GET contacts/{id}/notes: {total, notes: [...]}, newest first (orderBy n.dateAdded DESC, a column of whole seconds;
    /// notes of the same second came in id order on 5.1.0), search on the text,
    /// start/limit; each note is {id, text, type, dateTime} with null values left out and lead as {} (measured).
    /// </summary>
    static Task ContactNotes(HttpContext ctx, FakeState s)
    {
        var (start, limit, _, _) = Paging(ctx, "id");
        var search = ctx.Request.Query["search"].FirstOrDefault();
        Reply r;
        lock (s.Sync)
        {
            if (!s.Contacts.ContainsKey(Id(ctx))) r = Reply.NotFound;
            else
            {
                var notes = s.Notes.Rows.Values.Where(n => n["lead"] is long l && l == Id(ctx))
                    .Where(n => string.IsNullOrEmpty(search) || MauticSearch.MatchEntity(FakeAreas.Notes, n, search))
                    .OrderByDescending(n => n.DateAdded.Ticks / TimeSpan.TicksPerSecond).ThenBy(n => n.Id).ToList();
                var page = new JsonArray();
                foreach (var n in notes.Skip(start).Take(limit ?? int.MaxValue))
                {
                    var o = new JsonObject { ["id"] = n.Id, ["text"] = n.Text("text") };
                    if (n["type"] != null) o["type"] = n.Text("type");
                    if (n["dateTime"] != null) o["dateTime"] = ValueNode(n["dateTime"]);
                    o["lead"] = new JsonObject();
                    page.Add(o);
                }
                r = new Reply(200, new JsonObject { ["total"] = notes.Count, ["notes"] = page });
            }
        }
        return Send(ctx, r);
    }

    // ---------- custom field definitions ----------

    /// <summary>The field types of a stock 5.1.0 (any other is "type: This value is not valid.").</summary>
    static readonly string[] FieldTypes =
    [
        "boolean", "country", "date", "datetime", "email", "html", "locale", "lookup", "multiselect", "number", "region",
        "select", "tel", "text", "textarea", "time", "timezone", "url",
    ];

    /// <summary>The columns of Mautic's lead_fields that the API reads and writes, in the order it renders them.</summary>
    static FieldSpec[] FieldColumns() =>
    [
        new("label") { RequiredMessage = "A label is required." }, new("alias") { CreateOnly = true },
        // Measured: PUT with only a label is the generic 500.
        new("type", FieldKind.Select) { Options = FieldTypes, Default = "text", PutMissingIsServerError = true },
        new("group", FieldKind.Select) { Options = ["core", "social", "personal", "professional"], Default = "core" },
        new("order", FieldKind.Int), new("defaultValue"),
        new("isRequired", FieldKind.Bool), new("isListable", FieldKind.Bool) { Default = true },
        new("isVisible", FieldKind.Bool) { Default = true }, new("isShortVisible", FieldKind.Bool) { Default = true },
        new("isUniqueIdentifier", FieldKind.Bool), new("isPubliclyUpdatable", FieldKind.Bool),
        new("properties", FieldKind.Json),
    ];

    /// <summary>One of the two field routes (fields/contact, fields/company) over the shared table.</summary>
    internal static AreaDef FieldArea(string route, string objectName) => new()
    {
        Route = "fields/" + route, Singular = "field", Plural = "fields", List = ListShape.KeyedById, Header = true,
        Fields = FieldColumns(),
        Unique = "alias", UniqueCode = 400,
        UniqueMessage = "Another field is already using this alias. Please choose another or leave blank to have it autogenerated.",
        DefaultOrder = "order",
        SearchFields = ["label", "alias"],
        Lists = e => (string?)e["object"] == objectName,
        BeforeSave = (s, e) => FieldBeforeSave(s, e, objectName),
        Render = RenderField,
    };

    /// <summary>A new field: its object, an alias made from the label when none was sent (unique), its order after the last custom field.</summary>
    static void FieldBeforeSave(FakeState s, Entity e, string objectName)
    {
        if (e.Id != 0) return;
        e.Values["object"] = objectName;
        e.Values["isFixed"] = false;
        var others = s.Fields.Rows.Values.Where(o => o != e);
        if (e["alias"] == null)
        {
            var alias = Regex.Replace((e.Text("label") ?? "").ToLowerInvariant(), "[^a-z0-9]+", "_").Trim('_');
            var taken = others.Select(o => o.Text("alias")).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unique = alias;
            for (var n = 1; taken.Contains(unique); n++) unique = alias + n.ToString(CultureInfo.InvariantCulture);
            e.Values["alias"] = unique;
        }
        e.Values["order"] = others.Where(o => o["stock"] == null).Select(o => o["order"] as long? ?? 0).DefaultIfEmpty(0).Max() + 1;
    }

    static JsonObject RenderField(FakeState s, Entity e, RenderMode mode)
    {
        var stock = e["stock"] != null; // the fields a stock Mautic comes with have no dates and no author
        var o = new JsonObject
        {
            ["isPublished"] = e.IsPublished,
            ["dateAdded"] = stock ? null : Date(e.DateAdded),
            ["dateModified"] = e.DateModified.HasValue ? Date(e.DateModified.Value) : null,
            ["createdBy"] = stock ? null : e.CreatedBy, ["createdByUser"] = stock ? null : e.CreatedByUser,
            ["modifiedBy"] = e.ModifiedBy, ["modifiedByUser"] = e.ModifiedByUser,
            ["id"] = mode == RenderMode.Deleted ? null : e.Id,
        };
        foreach (var name in new[] { "label", "alias", "type", "group", "order", "object", "defaultValue", "isRequired", "isFixed", "isListable",
                     "isVisible", "isShortVisible", "isUniqueIdentifier", "isPubliclyUpdatable" })
            o[name] = ValueNode(e[name]);
        o["properties"] = ValueNode(e["properties"]) ?? new JsonObject();
        return o;
    }

    /// <summary>The field table of a fresh fake: its contacts' fields (<see cref="FakeState.FieldDefs"/>) and its companies' (<see cref="CompanyFields"/>).</summary>
    internal static void SeedFields(FakeState s)
    {
        var table = s.Fields;
        void Add(long id, string alias, string label, string type, string group, string obj, bool isFixed, long order, JsonNode? properties)
        {
            var e = table.Blank();
            e.Id = id;
            e.Values["label"] = label; e.Values["alias"] = alias; e.Values["type"] = type; e.Values["group"] = group;
            e.Values["object"] = obj; e.Values["isFixed"] = isFixed; e.Values["order"] = order; e.Values["stock"] = true;
            e.Values["properties"] = properties;
            // Out of the box (5.1.0 and 7.0.0, measured) a contact's email and a company's companyname are the unique identifiers.
            e.Values["isUniqueIdentifier"] = (obj, alias) is ("lead", "email") or ("company", "companyname");
            table.Rows[id] = e;
        }
        var n = 0L;
        foreach (var f in FakeState.FieldDefs)
            Add(f.Id, f.Alias, f.Label, f.Type, f.Group, "lead", f.Group == "core" && f.Alias is not ("fax" or "website"), ++n, null);
        n = 0;
        foreach (var f in CompanyFields)
        {
            JsonNode? props = f.Options != null ? new JsonObject { ["list"] = new JsonArray(f.Options.Select(x => (JsonNode)new JsonObject { ["label"] = x, ["value"] = x }).ToArray()) }
                : f.Kind == FieldKind.Number ? new JsonObject { ["roundmode"] = 4, ["scale"] = f.Scale } : null;
            Add(f.FieldId, f.Name, f.Label, f.Type, f.Group, "company", f.IsFixed, ++n, props);
        }
        table.NextId = table.Rows.Keys.Max() + 1;
    }

    /// <summary>
    /// GET contacts/list/fields: every published field, contact and company ones alike, as a bare object keyed by id,
    /// ordered by order; each {id, label, alias, type, group, order, object, properties} (measured).
    /// </summary>
    static Task PublishedFields(HttpContext ctx, FakeState s)
    {
        var answer = new JsonObject();
        lock (s.Sync)
            foreach (var f in s.Fields.Rows.Values.Where(f => f.IsPublished).OrderBy(f => f["order"] as long? ?? 0).ThenBy(f => f.Id))
                answer[f.Id.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                {
                    ["id"] = f.Id, ["label"] = f.Text("label"), ["alias"] = f.Text("alias"), ["type"] = f.Text("type"),
                    ["group"] = f.Text("group"), ["order"] = ValueNode(f["order"]), ["object"] = f.Text("object"),
                    ["properties"] = ValueNode(f["properties"]) ?? new JsonObject(),
                };
        return Json(ctx, 200, answer);
    }
}
