using System.Text.Json;

namespace Mautic.FakeServer;

/// <summary>
/// Mautic's ten standard routes, once, for every row of <see cref="FakeAreas"/>: what CommonApiController does for
/// an entity, with the per-area differences read from the row. Shapes measured on a real Mautic 5.1.0 (README.md).
/// </summary>
static partial class Routes
{
    /// <summary>A save that ends in Mautic's exception handler (HTTP 500); a null message is its generic "Looks like I encountered an error".</summary>
    sealed class ServerError(string? text) : Exception(text)
    {
        public string? Text { get; } = text;
    }

    /// <summary>A payload refused before its form runs (<see cref="AreaDef.BeforeForm"/>): status and message.</summary>
    internal sealed class Refusal(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    /// <summary>One answer worked out under the state lock and written after it.</summary>
    sealed record Reply(int Status, JsonNode Body, string? Location = null)
    {
        public static Reply Of(ServerError e) => e.Text == null ? Generic(500) : new Reply(500, ErrorJson(500, e.Text, null));
        public static Reply Generic(int status) => new(status, ErrorJson(status, $"Looks like I encountered an error (error #{status}). If I do it again, please report me to the system administrator!", null));
        public static readonly Reply NotFound = new(404, ApiErrorJson(404, "Item was not found.", null));
    }

    static Task Send(HttpContext ctx, Reply r)
    {
        if (r.Location != null) ctx.Response.Headers.Location = r.Location;
        return Json(ctx, r.Status, r.Body);
    }

    static JsonObject ErrorJson(int status, string message, string? type) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["code"] = status, ["type"] = type }) };

    static JsonObject ApiErrorJson(int status, string message, JsonObject? details) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["code"] = status, ["message"] = message, ["details"] = details ?? (JsonNode)new JsonArray() }) };

    static void MapArea(WebApplication app, FakeState s, AreaDef a)
    {
        var root = "/api/" + a.Route;
        app.MapGet(root, ctx => ListArea(ctx, s, a));
        if (a == ReportArea) app.MapGet(root + "/{id:long}", ctx => Locked(s, () => CompiledReport(ctx, s)));
        else app.MapGet(root + "/{id:long}", ctx =>
        {
            Reply r;
            lock (s.Sync)
                r = s.Stores[a.Route].Rows.TryGetValue(Id(ctx), out var e)
                    ? new Reply(200, new JsonObject { [a.Singular] = RenderEntity(s, a, e, RenderMode.One) })
                    : Reply.NotFound;
            return Send(ctx, r);
        });
        app.MapPost(root + "/new", ctx => SaveOne(ctx, s, a, create: true));
        app.MapMethods(root + "/{id:long}/edit", ["PUT", "PATCH"], ctx => SaveOne(ctx, s, a, create: false));
        app.MapPost(root + "/batch/new", ctx => SaveBatch(ctx, s, a, edit: false));
        app.MapMethods(root + "/batch/edit", ["PUT", "PATCH"], ctx => SaveBatch(ctx, s, a, edit: true));
        app.MapDelete(root + "/{id:long}/delete", ctx => DeleteOne(ctx, s, a));
        app.MapDelete(root + "/batch/delete", ctx => DeleteBatch(ctx, s, a));
        if (a == FakeAreas.Points) app.MapGet(root + "/actions/types", PointActionTypes);
        if (a == FakeAreas.Focus) app.MapPost(root + "/{id:long}/js", ctx => FocusJs(ctx, s));
        if (a == FakeAreas.Forms) MapForms(app, s);
        if (a == FakeAreas.Smses) app.MapGet(root + "/{id:long}/contact/{cid:long}/send", ctx => SmsSend(ctx, s));
        if (a == WebhookArea) app.MapGet(root + "/triggers", ctx => Json(ctx, 200, WebhookTriggerList()));
        if (a == FakeAreas.Triggers)
        {
            app.MapGet(root + "/events/types", PointTriggerEventTypes);
            app.MapDelete(root + "/{id:long}/events/delete", ctx => DeleteTriggerEvents(ctx, s));
        }
    }

    // ---------- reading a payload ----------

    /// <summary>The request body: an empty one is an empty payload; null when it is not JSON.</summary>
    static async Task<(bool Ok, JsonNode? Node)> ReadBody(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(text)) return (true, new JsonObject());
        try { return (true, JsonNode.Parse(text)); }
        catch (JsonException) { return (false, null); }
    }

    static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>One field's value as Mautic's form reads it; false with the message the form gives when it refuses it.</summary>
    static bool TryField(FakeState s, FieldSpec f, JsonNode? node, out object? value, out string error)
    {
        value = null;
        error = "This value is not valid.";
        var text = node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "1" : "0",
            JsonValue v => v.ToString(),
            _ => node.ToJsonString(),
        };
        if (f.Trim) text = text?.Trim();
        if (f.Kind is FieldKind.EmptyArray) return true;
        if (f.Kind == FieldKind.Raw)
        {
            value = node?.DeepClone();
            return true;
        }
        if (f.Kind == FieldKind.TriggerEvents)
        {
            value = TriggerEvents(s, node);
            return true;
        }
        if (f.Kind == FieldKind.Json)
        {
            value = node is JsonObject { Count: > 0 } o ? o.DeepClone() : null;
            return true;
        }
        if (string.IsNullOrEmpty(text))
        {
            value = f.Default;
            return true;
        }
        switch (f.Kind)
        {
            case FieldKind.Int:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return false;
                value = n;
                return true;
            case FieldKind.DateTime:
                if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)) return false;
                value = d;
                return true;
            case FieldKind.Category:
                // A category of any bundle will do (measured: a stage-bundle category on a point action).
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cid) && s.Categories.Rows.ContainsKey(cid))
                {
                    value = cid;
                    return true;
                }
                throw new ServerError($"Category {text} does not exist");
            case FieldKind.Bool:
                value = text is not ("0" or "false");
                return true;
            case FieldKind.Email:
                if (!EmailRule.IsMatch(text)) { error = $"{text} is invalid."; return false; }
                value = text;
                return true;
            case FieldKind.Url:
                value = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
                return true;
            case FieldKind.Number:
                // Measured: scale 0 keeps the integer part (12.6 and "12.6" are 12, -12.6 is -12); a larger scale
                // rounds the decimal text half to even ("2.345" is 2.34, "5.555" is 5.56), as ICU's NumberFormatter does.
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) return false;
                value = f.Scale == 0 ? (object)(long)decimal.Truncate(x) : (double)Math.Round(x, f.Scale, MidpointRounding.ToEven);
                return true;
            case FieldKind.Select:
                if (f.Options == null || !f.Options.Contains(text, StringComparer.Ordinal)) return false;
                value = text;
                return true;
            default:
                value = text;
                return true;
        }
    }

    /// <summary>
    /// Validates a payload and applies it to <paramref name="target"/> (a <see cref="EntityStore.Blank"/> when new, then
    /// stored). With <paramref name="replace"/> (PUT on an existing record) every field not sent goes back to its
    /// default and isPublished to false. Returns the refused fields (and the record as far as it parsed), or nulls.
    /// </summary>
    static (JsonObject? Details, int Code, Entity? Attempt) Apply(FakeState s, AreaDef a, Entity target, bool isNew, JsonObject payload, bool replace, Principal who)
    {
        var store = s.Stores[a.Route];
        a.BeforeForm?.Invoke(s, payload, isNew);
        if (a.Prepare != null) payload = a.Prepare(s, target, payload, isNew, replace);
        var errors = new Dictionary<string, string>();
        var values = new Dictionary<string, object?>();
        var putServerError = false;
        foreach (var f in a.Fields)
        {
            if (f.CreateOnly && !isNew || f.Ignored) continue;
            if (f.Kind == FieldKind.Json)
            {
                // An object is stored as sent ({} as null); anything else is ignored.
                if (payload[f.Name] is JsonObject o) values[f.Name] = o.Count > 0 ? o.DeepClone() : null;
                continue;
            }
            if (!payload.TryGetPropertyValue(f.Name, out var node))
            {
                if (replace && !f.KeptOnPut)
                {
                    values[f.Name] = f.PutClears ? (f.Kind == FieldKind.Bool ? false : null) : f.Default;
                    putServerError |= f.PutMissingIsServerError || f.PutMissingIsServerErrorOn7 && s.IsV7;
                }
                continue;
            }
            if (TryField(s, f, node, out var v, out var error))
            {
                // PATCH adds to what is stored (a webhook's triggers): Mautic adds an event per name and removes none.
                if (f.MergedOnPatch && !isNew && !replace && v is JsonArray sent && target[f.Name] is JsonArray stored)
                {
                    var union = (JsonArray)stored.DeepClone();
                    foreach (var x in sent)
                        if (!union.Any(u => u?.ToString() == x?.ToString())) union.Add(x?.DeepClone());
                    v = union;
                }
                values[f.Name] = v;
            }
            else errors[f.Name] = error;
        }
        bool? published = null;
        if (a.Publishes)
        {
            if (payload.TryGetPropertyValue("isPublished", out var p)) published = Truthy(p);
            else if (replace) published = false;
        }

        object? Merged(string field) => values.TryGetValue(field, out var v) ? v : target[field];
        if (a.Required != null && !errors.ContainsKey(a.Required) && Merged(a.Required) is null or "")
        {
            if (a.RequiredIsServerError) throw new ServerError(null);
            errors[a.Required] = a.RequiredMessage;
        }
        foreach (var f in a.Fields)
            if (f.RequiredMessage != null && !errors.ContainsKey(f.Name) && Merged(f.Name) is null or "")
                errors[f.Name] = s.IsV7 ? f.RequiredMessage7 ?? f.RequiredMessage : f.RequiredMessage;
        if (a.ValidateMerged != null)
            foreach (var (k, m) in a.ValidateMerged(s, Merged)) errors.TryAdd(k, m);
        if (a.ExtraErrors != null)
            foreach (var (k, m) in a.ExtraErrors(payload)) errors.TryAdd(k, m);
        if (a.Validate != null)
            foreach (var (k, m) in a.Validate(s, target, payload, isNew)) errors.TryAdd(k, m);
        var projects = ProjectsOf(s, a.Route, payload, out var projectError);
        if (projectError != null) errors.TryAdd("projects", projectError);
        // The form checks everything at once; a uniqueness violation makes the whole answer a 422 (measured with a bad e-mail too).
        var code = 400;
        if (a.Unique != null && !errors.ContainsKey(a.Unique) && Merged(a.Unique) is string unique
            && store.Rows.Values.Any(o => o != target && Collation.Equals(o.Text(a.Unique) ?? "", unique)))
        {
            errors[a.Unique] = a.UniqueMessage;
            code = a.UniqueCode;
        }
        if (errors.Count > 0)
        {
            var attempt = target.Clone();
            foreach (var (k, v) in values) attempt.Values[k] = v;
            var details = new JsonObject();
            var order = (a.FormOrder ?? []).Concat(a.Fields.Select(f => f.Name)).Concat(errors.Keys).Distinct();
            foreach (var name in order)
                if (errors.TryGetValue(name, out var m)) details[name] = new JsonArray(m);
            return (details, code, attempt);
        }
        // The form was valid; saving NULL into a NOT NULL column is Mautic's generic 500, nothing saved.
        if (putServerError) throw new ServerError(null);
        foreach (var f in a.Fields.Where(f => f.NotNull))
            if (Merged(f.Name) is null or "" || payload[f.Name] is JsonValue blank && blank.ToString() == "") throw new ServerError(null);

        var before = new Dictionary<string, object?>(target.Values, StringComparer.Ordinal);
        var wasPublished = target.IsPublished;
        foreach (var (k, v) in values) target.Values[k] = v;
        if (published.HasValue) target.IsPublished = published.Value;
        if (projects != null) target.Projects = projects;
        a.BeforeSave?.Invoke(s, target);
        if (isNew)
        {
            target.Created(who);
            if (a.CreatedIsModified || (a.CreatedIsModifiedOnV7 && s.IsV7))
            {
                target.Modified(who);
                target.DateModified = target.DateAdded;
            }
            target.Id = store.NextId++;
            store.Rows[target.Id] = target;
            return (null, 0, null);
        }
        // modifiedBy is stamped on every edit; dateModified only when a tracked field changed.
        var changed = wasPublished != target.IsPublished || a.Fields.Any(f => f.Tracked && !Equals(before.GetValueOrDefault(f.Name), target[f.Name]));
        var lastModified = target.DateModified;
        target.Modified(who);
        if (!changed || (a.CreatedIsModifiedOnV7 && s.IsV7)) target.DateModified = lastModified;
        a.Changed?.Invoke(s, target, before);
        return (null, 0, null);
    }

    static string DetailsMessage(JsonObject details) =>
        string.Join(", ", details.Select(kv => kv.Key + ": " + string.Join(" ", kv.Value!.AsArray().Select(x => x!.ToString()))));

    /// <summary>The record a create payload names by <see cref="AreaDef.CreateMatches"/>, compared case-insensitively.</summary>
    static Entity? Match(FakeState s, AreaDef a, JsonObject payload)
    {
        if (a.CreateMatches == null || !payload.TryGetPropertyValue(a.CreateMatches, out var node)) return null;
        if (!TryField(s, a.Field(a.CreateMatches)!, node, out var v, out _) || v is not string name) return null;
        return s.Stores[a.Route].Rows.Values.FirstOrDefault(e => Collation.Equals(e.Text(a.CreateMatches) ?? "", name));
    }

    static JsonObject AsPayload(JsonNode? node) => node as JsonObject ?? new JsonObject();

    // ---------- the routes ----------

    static async Task SaveOne(HttpContext ctx, FakeState s, AreaDef a, bool create)
    {
        var (ok, node) = await ReadBody(ctx);
        if (!ok) { await Oops(ctx, 400); return; }
        var payload = AsPayload(node); // a JSON array is read as no fields at all (measured)
        var put = ctx.Request.Method == "PUT";
        if ((create || put) && a.SingleSaveCheck?.Invoke(payload) is string refused) { await ApiError(ctx, 400, refused); return; }
        var who = Who(ctx);
        Reply reply;
        lock (s.Sync)
        {
            var store = s.Stores[a.Route];
            try
            {
                Entity? target;
                bool isNew, replace;
                if (create)
                {
                    target = Match(s, a, payload);
                    isNew = target == null;
                    replace = !isNew; // a matched record is replaced by the payload (measured: companies and tags)
                    target ??= store.Blank();
                }
                else if (store.Rows.TryGetValue(Id(ctx), out target)) { isNew = false; replace = put; }
                else if (put) { target = store.Blank(); isNew = true; replace = false; }
                else { target = null; isNew = replace = false; }

                if (target == null) reply = Reply.NotFound;
                else if (a.PrepareBinding?.Invoke(s, target, payload, isNew) is string unbound) reply = new Reply(400, ApiErrorJson(400, unbound, null));
                else
                {
                    var (details, code, _) = Apply(s, a, target, isNew, payload, replace, who);
                    reply = details != null
                        ? new Reply(code, ApiErrorJson(code, DetailsMessage(details), details))
                        : new Reply(isNew ? 201 : 200, new JsonObject { [a.Singular] = RenderEntity(s, a, target, isNew ? RenderMode.Created : RenderMode.One) },
                            isNew ? $"/api/{a.Route}/{target.Id}" : null);
                }
            }
            catch (ServerError e) { reply = Reply.Of(e); }
            catch (Refusal e) { reply = new Reply(e.Status, ApiErrorJson(e.Status, e.Message, null)); }
        }
        await Send(ctx, reply);
    }

    /// <summary>What a batch new/edit answers: the records found first, the created ones after, each under its request index.</summary>
    sealed class BatchReply
    {
        public readonly List<(string, JsonNode?)> Found = new(), Created = new(), Codes = new(), Errors = new();

        public void NotFound(string key)
        {
            Codes.Add((key, 404));
            Errors.Add((key, ItemError("Item was not found.", 404)));
        }
    }

    /// <summary>
    /// batch/new and batch/edit of any area: reads and checks the body (an array of at most BatchLimit items), runs
    /// <paramref name="item"/> for each (key, payload, PUT?) under the lock, answers {plural, statusCodes, errors?}.
    /// An item that is not an object, or a ServerError, ends the request in a 500; the items before it stay saved.
    /// </summary>
    static async Task RunBatch(HttpContext ctx, FakeState s, string plural, bool edit, Action<string, JsonObject, bool, BatchReply> item)
    {
        var (ok, node) = await ReadBody(ctx);
        if (!ok || node is not JsonArray items) { await Oops(ctx, 500); return; }
        if (items.Count > s.BatchLimit) { await ApiError(ctx, 500, $"A max of {s.BatchLimit} entities are supported at a time."); return; }
        var put = ctx.Request.Method == "PUT";
        var b = new BatchReply();
        Reply reply;
        lock (s.Sync)
        {
            try
            {
                for (var i = 0; i < items.Count; i++)
                {
                    // An item that is not an object ends the request in the generic 500 (measured: [1,{...}]).
                    if (items[i] is not JsonObject payload) throw new ServerError(null);
                    item(i.ToString(CultureInfo.InvariantCulture), payload, put, b);
                }
                var answer = new JsonObject { [plural] = PhpMap(b.Found.Concat(b.Created).ToList()), ["statusCodes"] = PhpMap(b.Codes) };
                if (b.Errors.Count > 0) answer["errors"] = PhpMap(b.Errors);
                reply = new Reply(edit ? 200 : 201, answer);
            }
            catch (ServerError e) { reply = Reply.Of(e); }
            catch (Refusal) { reply = Reply.Generic(500); } // measured on notes: the items before it stay saved
        }
        await Send(ctx, reply);
    }

    static Task SaveBatch(HttpContext ctx, FakeState s, AreaDef a, bool edit)
    {
        var who = Who(ctx);
        var store = s.Stores[a.Route];
        return RunBatch(ctx, s, a.Plural, edit, (key, payload, put, b) =>
        {
            Entity target;
            bool isNew, replace;
            if (edit)
            {
                var hasId = long.TryParse(payload["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id);
                if (hasId && store.Rows.TryGetValue(id, out var existing)) { target = existing; isNew = false; replace = put; }
                else if (!put) { b.NotFound(key); return; }
                else { target = store.Blank(); isNew = true; replace = false; }
            }
            else
            {
                var match = a.BatchCreateMatches ? Match(s, a, payload) : null;
                isNew = match == null;
                replace = !isNew;
                target = match ?? store.Blank();
            }

            // Mautic submits a refusal of prepareParametersForBinding to the form as if it were the payload.
            if (a.PrepareBinding?.Invoke(s, target, payload, isNew) is string refused)
                payload = new JsonObject { ["code"] = 400, ["message"] = refused, ["details"] = new JsonArray(), ["type"] = null };
            var (details, code, attempt) = Apply(s, a, target, isNew, payload, replace, who);
            if (details != null)
            {
                b.Codes.Add((key, code));
                // A refused item carries its field messages and type null (a missing one has type "api").
                b.Errors.Add((key, new JsonObject { ["code"] = code, ["message"] = DetailsMessage(details), ["details"] = details, ["type"] = null }));
                // An existing record whose edit failed is still listed, as it stood after the form ran.
                if (edit && !isNew) b.Found.Add((key, RenderEntity(s, a, a.FailedEditShowsAttempt ? attempt! : target, RenderMode.FailedEdit)));
                return;
            }
            b.Codes.Add((key, isNew ? 201 : 200));
            var rendered = RenderEntity(s, a, target, isNew ? RenderMode.Created : RenderMode.Many);
            (edit && isNew ? b.Created : b.Found).Add((key, rendered));
        });
    }

    static Task DeleteOne(HttpContext ctx, FakeState s, AreaDef a)
    {
        Reply r;
        lock (s.Sync)
        {
            var store = s.Stores[a.Route];
            if (!store.Rows.TryGetValue(Id(ctx), out var e)) r = Reply.NotFound;
            else if (a.InUse?.Invoke(s, e) == true) r = Reply.Generic(500);
            else
            {
                var rendered = RenderEntity(s, a, e, RenderMode.Deleted);
                store.Rows.Remove(e.Id);
                a.Deleted?.Invoke(s, e);
                r = new Reply(200, new JsonObject { [a.Singular] = rendered });
            }
        }
        return Send(ctx, r);
    }

    /// <summary>The ids of ?ids=1,2,3 or ids[]=1&amp;ids[]=2.</summary>
    /// <summary>
    /// Mautic 7.0's batch/delete: an id that does not exist is a 500 (Call to undefined method getPreviousId(), in its
    /// log) and nothing is deleted, where 5.1 skips it (measured on 7.0.0 and 5.1.0: segments and the other areas;
    /// contacts excepted, which 7.0.0 deletes as 5.1.0 does).
    /// </summary>
    internal static bool RefusedOnV7(FakeState s, IEnumerable<long> ids, Func<long, bool> exists) => s.IsV7 && ids.Any(id => !exists(id));

    static List<long> QueryIds(HttpContext ctx)
    {
        var ids = new List<long>();
        foreach (var (k, v) in ctx.Request.Query)
        {
            if (k != "ids" && k != "ids[]") continue;
            foreach (var part in v.SelectMany(x => (x ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) ids.Add(id);
        }
        return ids.Distinct().ToList();
    }

    static Task DeleteBatch(HttpContext ctx, FakeState s, AreaDef a)
    {
        // Keyed by the id's position in the request: unknown ids are skipped without a word, so ids=1,999,2 answers
        // {"0":{...},"2":{...}} (measured on categories and segments); none at all answers [].
        var deleted = new List<(string, JsonNode?)>();
        lock (s.Sync)
        {
            var store = s.Stores[a.Route];
            var ids = QueryIds(ctx);
            if (RefusedOnV7(s, ids, store.Rows.ContainsKey)) return Send(ctx, Reply.Generic(500));
            for (var i = 0; i < ids.Count; i++)
            {
                var id = ids[i];
                if (!store.Rows.TryGetValue(id, out var e)) continue;
                // In the order given: a record in use ends the request in a 500, the ones before it stay deleted.
                if (a.InUse?.Invoke(s, e) == true) return Send(ctx, Reply.Generic(500));
                deleted.Add((i.ToString(CultureInfo.InvariantCulture), RenderEntity(s, a, e, RenderMode.Many))); // rendered before removal: the id is kept
                store.Rows.Remove(id);
                a.Deleted?.Invoke(s, e);
            }
        }
        return Json(ctx, 200, new JsonObject { [a.Plural] = PhpMap(deleted) });
    }

    // ---------- lists ----------

    static bool IsColumn(AreaDef a, string col) =>
        col is "id" or "dateAdded" or "date_added" or "dateModified" or "date_modified"
        || (a.Published != PublishedParam.Error && col is "isPublished" or "is_published")
        || a.Field(col) != null;

    /// <summary>A record's value in a column, for where[] and orderBy.</summary>
    static object? Column(Entity e, string col) => col switch
    {
        "id" => e.Id,
        "isPublished" or "is_published" => e.IsPublished ? 1L : 0L,
        "dateAdded" or "date_added" => e.DateAdded,
        "dateModified" or "date_modified" => e.DateModified,
        _ => e[col],
    };

    static string? ColumnText(Entity e, string col) => Column(e, col) switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    /// <summary>MySQL's ORDER BY: NULL first, numbers as numbers, text by the column's collation.</summary>
    sealed class ColumnOrder : IComparer<object?>
    {
        public static readonly ColumnOrder Instance = new();
        public int Compare(object? x, object? y)
        {
            if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
            if (x is string a && y is string b) return Collation.Compare(a, b);
            if (x is DateTime da && y is DateTime db) return da.CompareTo(db);
            return Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture));
        }
    }

    static async Task ListArea(HttpContext ctx, FakeState s, AreaDef a)
    {
        var where = ParseWhere(ctx);
        var (start, limit, orderBy, desc) = Paging(ctx, a.DefaultOrder);
        var published = Truthy(ctx.Request.Query["published"].FirstOrDefault());
        // An unknown column in where[] or orderBy, or published=1 where there is no isPublished: Mautic's generic 500.
        if (where.Any(w => !w.Cols.All(c => IsColumn(a, c))) || !IsColumn(a, orderBy) || (published && a.Published == PublishedParam.Error))
        {
            await Oops(ctx, 500);
            return;
        }
        var search = a.SearchIgnored ? null : ctx.Request.Query["search"].FirstOrDefault();
        JsonObject answer;
        lock (s.Sync)
        {
            IEnumerable<Entity> rows = s.Stores[a.Route].Rows.Values;
            if (a.Lists != null) rows = rows.Where(a.Lists);
            if (!string.IsNullOrEmpty(search)) rows = rows.Where(e => MauticSearch.MatchEntity(a, e, search));
            foreach (var w in where) rows = rows.Where(e => Matches(w, col => ColumnText(e, col)));
            if (published && a.Published == PublishedParam.Filter) rows = rows.Where(e => e.IsPublished);
            var list = rows.OrderBy(e => Column(e, orderBy), ColumnOrder.Instance).ThenBy(e => e.Id).ToList();
            if (desc) list.Reverse();
            var page = list.Skip(start).Take(limit ?? int.MaxValue).ToList();
            JsonNode records;
            if (a.List == ListShape.Array) records = new JsonArray(page.Select(e => (JsonNode)RenderEntity(s, a, e, RenderMode.Many)).ToArray());
            else if (page.Count == 0) records = a.EmptyListIsObject ? new JsonObject() : new JsonArray();
            else
            {
                var keyed = new JsonObject();
                foreach (var e in page) keyed[e.Id.ToString(CultureInfo.InvariantCulture)] = RenderEntity(s, a, e, RenderMode.Many);
                records = keyed;
            }
            answer = new JsonObject
            {
                ["total"] = a.TotalIsString ? JsonValue.Create(list.Count.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(list.Count),
                [a.Plural] = records,
            };
        }
        await Json(ctx, 200, answer);
    }

    // ---------- rendering ----------

    static JsonObject RenderEntity(FakeState s, AreaDef a, Entity e, RenderMode mode)
    {
        var o = a.Render?.Invoke(s, e, mode) ?? RenderFlat(s, a, e, mode);
        AddProjects(s, a.Route, o, e.Projects);
        return o;
    }

    /// <summary>The plain record: the header when the area has one, then id, then every field in the row's order.</summary>
    static JsonObject RenderFlat(FakeState s, AreaDef a, Entity e, RenderMode mode)
    {
        var o = new JsonObject();
        if (a.Header)
        {
            o["isPublished"] = e.IsPublished;
            o["dateAdded"] = Date(e.DateAdded);
            o["dateModified"] = e.DateModified.HasValue ? Date(e.DateModified.Value) : null;
            o["createdBy"] = e.CreatedBy;
            o["createdByUser"] = e.CreatedByUser;
            o["modifiedBy"] = e.ModifiedBy;
            o["modifiedByUser"] = e.ModifiedByUser;
        }
        o["id"] = mode == RenderMode.Deleted ? null : e.Id;
        foreach (var f in a.Fields.Where(f => !f.Hidden))
            o[f.Name] = f.Kind switch
            {
                FieldKind.EmptyArray => new JsonArray(),
                FieldKind.TriggerEvents => e[f.Name] is JsonArray ev ? ev.DeepClone() : new JsonArray(),
                FieldKind.Category => e[f.Name] is long cid && s.Categories.Rows.TryGetValue(cid, out var c) ? RenderCategoryRef(c) : null,
                _ => ValueNode(e[f.Name]),
            };
        return o;
    }

    /// <summary>A stored value as PHP's json_encode writes it (a float keeps its ".0").</summary>
    public static JsonNode? ValueNode(object? v) => v switch
    {
        null => null,
        string t => t,
        long n => n,
        int n => (long)n,
        bool b => b,
        DateTime d => Date(d),
        JsonNode j => j.DeepClone(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonNode.Parse(d.ToString("F1", CultureInfo.InvariantCulture)),
        double d => d,
        _ => v.ToString(),
    };

    // ---------- categories, roles, point actions ----------

    /// <summary>How a record shows the category it is in (measured on a stage and a point action).</summary>
    static JsonObject RenderCategoryRef(Entity c) => new()
    {
        ["createdByUser"] = c.CreatedByUser, ["modifiedByUser"] = c.ModifiedByUser, ["id"] = c.Id,
        ["title"] = c.Text("title"), ["alias"] = c.Text("alias"), ["description"] = c.Text("description"),
        ["color"] = c.Text("color"), ["bundle"] = c.Text("bundle"),
    };

    /// <summary>A category's alias: the alias sent, or else the title, as a slug, made unique within its bundle.</summary>
    internal static void CategoryAlias(FakeState s, Entity c)
    {
        var bundle = c.Text("bundle");
        var others = s.Categories.Rows.Values.Where(o => o != c && o.Id != c.Id && o.Text("bundle") == bundle).Select(o => o.Text("alias") ?? "");
        c.Values["alias"] = Alias(c.Text("alias") ?? c.Text("title") ?? "", others);
    }

    /// <summary>Records in a deleted category are left without one (assumed: not measured).</summary>
    internal static void CategoryDeleted(FakeState s, Entity category)
    {
        foreach (var store in s.Stores.Values)
            foreach (var f in store.Area.Fields.Where(f => f.Kind == FieldKind.Category))
                foreach (var e in store.Rows.Values)
                    if (e[f.Name] is long id && id == category.Id) e.Values[f.Name] = null;
    }

    /// <summary>A role's "permissions" is a sub-form with no fields of its own: any key in it is refused (measured with a flat one).</summary>
    internal static IReadOnlyDictionary<string, string> RoleExtraErrors(JsonObject payload) =>
        payload["permissions"] is JsonObject { Count: > 0 } or JsonValue
            ? new Dictionary<string, string> { ["permissions"] = "This form should not contain extra fields." }
            : new Dictionary<string, string>();

    static Task PointActionTypes(HttpContext ctx)
    {
        var types = new JsonObject();
        foreach (var (type, label) in FakeAreas.PointActionTypes) types[type] = label;
        return Json(ctx, 200, new JsonObject { ["pointActionTypes"] = types });
    }

    // ---------- tags and stages: how they meet contacts ----------

    /// <summary>Mautic 5.1.0 cannot delete a tag a contact has (the contact-tag link refuses it): its generic 500 (measured).</summary>
    internal static bool TagInUse(FakeState s, Entity tag)
    {
        var name = tag.Text("tag");
        return s.Contacts.Values.Any(c => c.Tags.Any(x => string.Equals(x, name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Contacts refer to a tag by id, so a renamed tag is renamed on every contact that has it.</summary>
    internal static void TagChanged(FakeState s, Entity tag, IReadOnlyDictionary<string, object?> before)
    {
        var old = before.GetValueOrDefault("tag") as string;
        var now = tag.Text("tag");
        if (old == null || now == null || old == now) return;
        foreach (var c in s.Contacts.Values)
            for (var i = 0; i < c.Tags.Count; i++)
                if (string.Equals(c.Tags[i], old, StringComparison.OrdinalIgnoreCase)) c.Tags[i] = now;
    }

    internal static void StageDeleted(FakeState s, Entity stage)
    {
        foreach (var c in s.Contacts.Values)
            if (c.Stage == stage.Id) c.Stage = null;
    }

    /// <summary>A contact's "stage": a short form of the stage (measured on 5.1.0), or null.</summary>
    static JsonNode? ContactStage(Contact c, FakeState s)
    {
        if (c.Stage is not long id || !s.Stages.Rows.TryGetValue(id, out var g)) return null;
        return new JsonObject
        {
            ["createdByUser"] = g.CreatedByUser, ["modifiedByUser"] = g.ModifiedByUser, ["id"] = g.Id,
            ["name"] = g.Text("name"), ["category"] = null, ["weight"] = ValueNode(g["weight"]), ["description"] = g.Text("description"),
        };
    }

    /// <summary>stages/{id}/contact/{cid}/add|remove: sets or clears the contact's stage (remove clears it whatever stage the contact is in).</summary>
    static Task StageMember(HttpContext ctx, FakeState s, bool add)
    {
        Reply r;
        lock (s.Sync)
        {
            if (!s.Stages.Rows.TryGetValue(Id(ctx), out var stage)) r = Reply.NotFound;
            else if (!s.Contacts.TryGetValue(Id(ctx, "cid"), out var c)) r = new Reply(404, ApiErrorJson(404, "Contact not found.", null));
            else
            {
                c.Stage = add ? stage.Id : null;
                r = new Reply(200, new JsonObject { ["success"] = 1 });
            }
        }
        return Send(ctx, r);
    }
}
