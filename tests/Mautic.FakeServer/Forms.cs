namespace Mautic.FakeServer;

/// <summary>One submission of a form (Mautic's form_submissions row and its results row).</summary>
public sealed class FormSubmission
{
    public long Id;
    public long FormId;
    public long? ContactId;
    public DateTime DateSubmitted = DateTime.UtcNow;
    public string Ip = "127.0.0.1";
    public string Referer = "";
    public string TrackingId = "";
    /// <summary>The submitted values by field alias, as strings.</summary>
    public Dictionary<string, string?> Values = new(StringComparer.Ordinal);
}

/// <summary>The forms area's state beyond the records: field, action and submission ids (global sequences), submissions.</summary>
public sealed class FormData
{
    public long NextFieldId = 1, NextActionId = 1, NextSubmissionId = 1;
    public readonly SortedDictionary<long, FormSubmission> Submissions = new();
}

/// <summary>
/// Forms (FormBundle FormApiController, SubmissionApiController, PublicController::submitAction): the hooks of
/// <see cref="FakeAreas.Forms"/> (the ten standard routes come from the row), the field and action delete routes, the
/// three submission routes and the public POST /form/submit. Measured on a real Mautic 5.1.0; see README.md, "Forms".
/// </summary>
static partial class Routes
{
    /// <summary>The field types of a stock 5.1.0 (FormFieldHelper); another type is Mautic's generic 500.</summary>
    static readonly string[] FormFieldTypes =
        ["button", "captcha", "checkboxgrp", "country", "date", "datetime", "email", "file", "freetext", "freehtml", "hidden",
         "number", "pagebreak", "password", "radiogrp", "select", "tel", "text", "textarea", "url"];

    /// <summary>Fields whose values are never stored (SubmissionRepository's viewOnlyFields).</summary>
    static readonly string[] ViewOnlyFieldTypes = ["button", "freetext", "freehtml", "pagebreak", "captcha"];

    /// <summary>The submit actions of a stock 5.1.0 (addSubmitAction in the bundles' subscribers); another type is the generic 500.</summary>
    static readonly string[] FormActionTypes =
        ["asset.download", "email.send.lead", "email.send.user", "form.email", "form.repost", "lead.addutmtags", "lead.changelist",
         "lead.changetags", "lead.pointschange", "lead.remove_do_not_contact", "lead.scorecontactscompanies", "plugin.leadpush"];

    /// <summary>The contact fields a submission shows of its contact (serializer group leadBasicList), in order.</summary>
    static readonly string[] LeadBasicFields =
        ["title", "firstname", "lastname", "company", "position", "email", "phone", "mobile", "address1", "address2", "city", "state", "zipcode", "timezone", "country"];

    static readonly Random AliasRandom = new();

    static void MapForms(WebApplication app, FakeState s)
    {
        app.MapDelete("/api/forms/{id:long}/fields/delete", ctx => DeleteFormItems(ctx, s, "fields"));
        app.MapDelete("/api/forms/{id:long}/actions/delete", ctx => DeleteFormItems(ctx, s, "actions"));
        app.MapGet("/api/forms/{id:long}/submissions", ctx => ListSubmissions(ctx, s, null));
        app.MapGet("/api/forms/{id:long}/submissions/contact/{cid:long}", ctx => ListSubmissions(ctx, s, Id(ctx, "cid")));
        app.MapGet("/api/forms/{id:long}/submissions/{sid:long}", ctx => GetSubmission(ctx, s));
        app.MapPost("/form/submit", ctx => SubmitForm(ctx, s));
        app.MapGet("/form/message", ctx =>
        {
            ctx.Response.ContentType = "text/html; charset=UTF-8";
            return ctx.Response.WriteAsync("<!DOCTYPE html><html><body><div class=\"mauticform-message\">Thank you for your submission.</div></body></html>");
        });
    }

    /// <summary>
    /// Before the form runs (<see cref="AreaDef.Prepare"/>): the alias sent is ignored (Mautic makes it from the name);
    /// fields and actions sent become the form's lists. An item with an id edits that item (PATCH: the keys sent, PUT:
    /// the keys sent over the defaults); one without is new: a field needs label and type, an action name and type, both
    /// of a known type (else the generic 500). PATCH keeps the items not sent; PUT (or a new form) has only those sent.
    /// An empty list changes nothing on PATCH.
    /// </summary>
    internal static JsonObject PrepareForm(FakeState s, Entity form, JsonObject payload, bool isNew, bool replace)
    {
        payload = (JsonObject)payload.DeepClone();
        payload.Remove("alias");
        foreach (var key in new[] { "fields", "actions" })
        {
            var sent = payload[key] switch
            {
                JsonArray a => a.ToList(),
                JsonObject o => o.Select(kv => kv.Value).ToList(),
                _ => new List<JsonNode?>(),
            };
            if (sent.Count == 0)
            {
                if (replace) payload[key] = new JsonArray();
                else payload.Remove(key);
                continue;
            }
            var current = (form[key] as JsonArray)?.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList() ?? [];
            var result = replace || isNew ? new List<JsonObject>() : current.ToList();
            var usedAliases = new List<string>();
            for (var i = 0; i < sent.Count; i++)
            {
                if (sent[i] is not JsonObject item) throw new ServerError(null);
                var item2 = key == "fields" ? FormField(s, current, item, replace, i, usedAliases) : FormAction(s, current, item, replace, i);
                var at = result.FindIndex(x => Num(x["id"]) == Num(item2["id"]));
                if (at >= 0) result[at] = item2;
                else result.Add(item2);
            }
            payload[key] = new JsonArray(result.OrderBy(x => Num(x["order"])).ThenBy(x => Num(x["id"])).Select(x => (JsonNode)x).ToArray());
        }
        return payload;
    }

    /// <summary>A number however it was written (42, "42"); 0 when it is none.</summary>
    static long Num(JsonNode? n) => n is JsonValue v && long.TryParse(v.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x) ? x : 0;

    static long? ItemId(JsonObject item) =>
        item["id"] is JsonValue v && long.TryParse(v.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    static JsonObject FormField(FakeState s, List<JsonObject> current, JsonObject sent, bool replace, int index, List<string> usedAliases)
    {
        var id = ItemId(sent);
        JsonObject field;
        if (id.HasValue)
        {
            var existing = current.FirstOrDefault(f => Num(f["id"]) == id.Value)
                ?? throw new Refusal(404, $"Form Field ID {id.Value} not found");
            field = replace ? BlankField(id.Value, existing["alias"]?.ToString()) : existing;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(sent["label"]?.ToString()) || string.IsNullOrWhiteSpace(sent["type"]?.ToString())) throw new ServerError(null);
            field = BlankField(s.Forms.NextFieldId++, null);
        }
        var taken = current.Where(f => Num(f["id"]) != Num(field["id"])).Select(f => f["alias"]?.ToString() ?? "").ToList();
        if (sent["alias"]?.ToString() is { Length: > 0 } wanted && FieldAlias(wanted) is { Length: > 0 } clean && !taken.Contains(clean))
            field["alias"] = clean;
        if (string.IsNullOrEmpty(field["alias"]?.ToString()))
            field["alias"] = new string(Enumerable.Range(0, 5).Select(_ => (char)('a' + AliasRandom.Next(26))).ToArray());
        var alias = field["alias"]!.ToString();
        if (usedAliases.Contains(alias))
            throw new Refusal(400, $"Another field is already using this alias: {alias}. Please choose another or leave blank to have it autogenerated.");
        usedAliases.Add(alias);
        foreach (var (k, v) in sent)
            if (k is not ("id" or "alias") && field.ContainsKey(k)) field[k] = v?.DeepClone();
        if (!FormFieldTypes.Contains(field["type"]?.ToString() ?? "", StringComparer.Ordinal)) throw new ServerError(null);
        if (!sent.ContainsKey("order")) field["order"] = (long)(index + 1);
        field["leadField"] = field["mappedObject"]?.ToString() == "contact" ? field["mappedField"]?.DeepClone() : null;
        return field;
    }

    /// <summary>A field as 5.1.0 renders one with nothing set.</summary>
    static JsonObject BlankField(long id, string? alias) => new()
    {
        ["id"] = id, ["label"] = null, ["showLabel"] = true, ["alias"] = alias, ["type"] = null, ["defaultValue"] = null,
        ["isRequired"] = false, ["validationMessage"] = null, ["helpMessage"] = null, ["order"] = 0, ["properties"] = new JsonArray(),
        ["validation"] = new JsonArray(), ["parent"] = null, ["conditions"] = new JsonArray(), ["labelAttributes"] = null,
        ["inputAttributes"] = null, ["containerAttributes"] = null, ["leadField"] = null, ["saveResult"] = true, ["isAutoFill"] = false,
        ["mappedObject"] = null, ["mappedField"] = null,
    };

    /// <summary>A field alias as Mautic cleans one: lower case, white space as '_', other characters dropped, at most 25 long.</summary>
    static string FieldAlias(string alias)
    {
        var a = Regex.Replace(Regex.Replace(alias.Trim().ToLowerInvariant(), @"\s+", "_"), "[^a-z0-9_]", "");
        return a.Length > 25 ? a[..25] : a;
    }

    static JsonObject FormAction(FakeState s, List<JsonObject> current, JsonObject sent, bool replace, int index)
    {
        var id = ItemId(sent);
        JsonObject action;
        if (id.HasValue && current.FirstOrDefault(a => Num(a["id"]) == id.Value) is { } existing)
            action = replace ? new JsonObject { ["id"] = id.Value, ["name"] = null, ["description"] = null, ["type"] = existing["type"]?.DeepClone(), ["order"] = 0, ["properties"] = new JsonArray() } : existing;
        else
        {
            if (string.IsNullOrWhiteSpace(sent["name"]?.ToString()) || string.IsNullOrWhiteSpace(sent["type"]?.ToString())) throw new ServerError(null);
            action = new JsonObject { ["id"] = s.Forms.NextActionId++, ["name"] = null, ["description"] = null, ["type"] = null, ["order"] = 0, ["properties"] = new JsonArray() };
        }
        foreach (var (k, v) in sent)
            if (k is "name" or "description" or "type" or "order" or "properties") action[k] = v?.DeepClone();
        if (!FormActionTypes.Contains(action["type"]?.ToString() ?? "", StringComparer.Ordinal) || string.IsNullOrWhiteSpace(action["name"]?.ToString()))
            throw new ServerError(null);
        if (!sent.ContainsKey("order")) action["order"] = (long)(index + 1);
        // the points action's form adds its point group (measured: {"operator":"plus","points":2,"group":null})
        if (action["type"]?.ToString() == "lead.pointschange" && action["properties"] is JsonObject p && !p.ContainsKey("group")) p["group"] = null;
        return action;
    }

    /// <summary>postAction redirect needs a URL in postActionProperty (400 "Fill in a valid URL.", measured).</summary>
    internal static IReadOnlyDictionary<string, string> ValidateForm(FakeState s, Entity form, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        var action = payload["postAction"]?.ToString() ?? form.Text("postAction");
        var property = payload.ContainsKey("postActionProperty") ? payload["postActionProperty"]?.ToString() : form.Text("postActionProperty");
        if (action == "redirect" && !Uri.TryCreate(property ?? "", UriKind.Absolute, out _)) errors["postActionProperty"] = "Fill in a valid URL.";
        return errors;
    }

    /// <summary>Before a save: the alias from the name, made once (Mautic's cleanAlias: lower case, letters and digits, '_' for spaces, 10 long).</summary>
    internal static void FormSave(FakeState s, Entity form)
    {
        if (!string.IsNullOrEmpty(form.Text("alias"))) return;
        var a = Regex.Replace(Regex.Replace((form.Text("name") ?? "").Trim().ToLowerInvariant(), @"\s+", "_"), "[^a-z0-9_]", "");
        form.Values["alias"] = a.Length > 10 ? a[..10] : a;
    }

    /// <summary>The record as 5.1.0 renders it: cachedHtml after description, fields and actions after publishDown.</summary>
    internal static JsonObject RenderForm(FakeState s, Entity form, RenderMode mode)
    {
        var flat = RenderFlat(s, FakeAreas.Forms, form, mode);
        var o = new JsonObject();
        foreach (var (k, v) in flat)
        {
            o[k] = v?.DeepClone();
            if (k == "description") o["cachedHtml"] = FormHtml(form);
            if (k is "fields" or "actions") o[k] ??= new JsonArray();
        }
        return o;
    }

    /// <summary>A stand-in for the form's generated HTML, shaped like it: the wrapper, one input per field, the hidden formId/return/formName.</summary>
    static string FormHtml(Entity form)
    {
        var alias = form.Text("alias") ?? "";
        var id = form.Id.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder($"\n\n<div id=\"mauticform_wrapper_{alias}\" class=\"mauticform_wrapper\">\n    <form autocomplete=\"false\" role=\"form\" method=\"post\" action=\"/form/submit?formId={id}\" id=\"mauticform_{alias}\" data-mautic-form=\"{alias}\" enctype=\"multipart/form-data\" ><div class=\"mauticform-innerform\">");
        foreach (var f in (form["fields"] as JsonArray)?.OfType<JsonObject>() ?? [])
            sb.Append($"<input type=\"{f["type"]}\" name=\"mauticform[{f["alias"]}]\" id=\"mauticform_input_{alias}_{f["alias"]}\"/>");
        sb.Append($"</div><input type=\"hidden\" name=\"mauticform[formId]\" id=\"mauticform_{alias}_id\" value=\"{id}\"/>\n        <input type=\"hidden\" name=\"mauticform[return]\" id=\"mauticform_{alias}_return\" value=\"\"/>\n        <input type=\"hidden\" name=\"mauticform[formName]\" id=\"mauticform_{alias}_name\" value=\"{alias}\"/>\n    </form>\n</div>\n");
        return sb.ToString();
    }

    /// <summary>A deleted form takes its submissions with it.</summary>
    internal static void FormDeleted(FakeState s, Entity form)
    {
        foreach (var id in s.Forms.Submissions.Where(kv => kv.Value.FormId == form.Id).Select(kv => kv.Key).ToList()) s.Forms.Submissions.Remove(id);
    }

    /// <summary>
    /// DELETE forms/{id}/fields/delete?fields[]=… (and actions): a missing form is 404; the ids not given as an array 400
    /// "The fields attribute must be array."; otherwise the items are removed (ids the form does not have are ignored),
    /// saved, and the form answered, its dateModified unchanged (measured).
    /// </summary>
    static Task DeleteFormItems(HttpContext ctx, FakeState s, string key)
    {
        Reply reply;
        lock (s.Sync)
        {
            if (!s.Stores["forms"].Rows.TryGetValue(Id(ctx), out var form)) reply = Reply.NotFound;
            else if (!ctx.Request.Query.ContainsKey(key + "[]")) reply = new Reply(400, ApiErrorJson(400, $"The {key} attribute must be array.", null));
            else
            {
                var gone = ctx.Request.Query[key + "[]"].Select(x => x ?? "").ToHashSet();
                if (form[key] is JsonArray items)
                    foreach (var item in items.ToList())
                        if (gone.Contains(item?["id"]?.ToString() ?? "")) items.Remove(item);
                reply = new Reply(200, new JsonObject { ["form"] = RenderForm(s, form, RenderMode.One) });
            }
        }
        return Send(ctx, reply);
    }

    /// <summary>The fields whose values a submission stores, in the form's order (not view-only, saveResult on).</summary>
    static List<string> ResultAliases(Entity form) =>
        ((form["fields"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Where(f => !ViewOnlyFieldTypes.Contains(f["type"]?.ToString() ?? "") && f["saveResult"]?.ToString() != "false")
            .Select(f => f["alias"]!.ToString()).ToList();

    static JsonObject RenderSubmission(FakeState s, Entity form, FormSubmission sub, bool single)
    {
        var results = new JsonObject();
        if (single) results["form_id"] = form.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var alias in ResultAliases(form)) results[alias] = sub.Values.GetValueOrDefault(alias);
        JsonObject? lead = null;
        if (sub.ContactId is long cid && s.Contacts.TryGetValue(cid, out var c))
        {
            lead = new JsonObject { ["id"] = c.Id, ["points"] = c.Points, ["color"] = null };
            foreach (var f in LeadBasicFields) lead[f] = c.Fields.GetValueOrDefault(f);
        }
        return new JsonObject
        {
            ["id"] = sub.Id, ["ipAddress"] = new JsonObject { ["ipAddress"] = sub.Ip },
            ["form"] = new JsonObject { ["id"] = form.Id, ["name"] = form.Text("name"), ["alias"] = form.Text("alias"), ["category"] = null },
            ["lead"] = lead, ["trackingId"] = sub.TrackingId, ["dateSubmitted"] = Date(sub.DateSubmitted), ["referer"] = sub.Referer,
            ["page"] = null, ["results"] = results,
        };
    }

    /// <summary>
    /// GET forms/{id}/submissions[/contact/{cid}]: 404 for a missing form; start/limit; orderBy a query column (s.id,
    /// s.date_submitted, s.lead_id; anything else, a bare "id" too, is the generic 500); where[] on s.id, s.date_submitted,
    /// s.lead_id or r.&lt;alias&gt; (other columns 500); ?search= ignored; {total: numeric string, submissions: [..], {} when empty}.
    /// </summary>
    static Task ListSubmissions(HttpContext ctx, FakeState s, long? contactId)
    {
        Reply reply;
        lock (s.Sync)
        {
            if (!s.Stores["forms"].Rows.TryGetValue(Id(ctx), out var form)) reply = Reply.NotFound;
            else
            {
                var (start, limit, orderBy, desc) = Paging(ctx, "s.id");
                var aliases = ResultAliases(form);
                string? Column(FormSubmission x, string col) => col switch
                {
                    "s.id" => x.Id.ToString(CultureInfo.InvariantCulture),
                    "s.date_submitted" => x.DateSubmitted.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    "s.lead_id" => x.ContactId?.ToString(CultureInfo.InvariantCulture),
                    _ when col.StartsWith("r.", StringComparison.Ordinal) => x.Values.GetValueOrDefault(col[2..]),
                    _ => null,
                };
                object? Key(FormSubmission x, string col) => col switch
                {
                    "s.id" => x.Id, "s.date_submitted" => x.DateSubmitted, "s.lead_id" => x.ContactId, _ => Column(x, col),
                };
                bool Known(string col) => col is "s.id" or "s.date_submitted" or "s.lead_id" || (col.StartsWith("r.", StringComparison.Ordinal) && aliases.Contains(col[2..]));
                var where = ParseWhere(ctx);
                if (!Known(orderBy) || where.Any(w => !Known(w.Col))) reply = Reply.Generic(500);
                else
                {
                    IEnumerable<FormSubmission> rows = s.Forms.Submissions.Values.Where(x => x.FormId == form.Id);
                    if (contactId.HasValue) rows = rows.Where(x => x.ContactId == contactId);
                    foreach (var w in where) rows = rows.Where(x => Compare(Column(x, w.Col), w.Expr, w.Val));
                    var list = rows.OrderBy(x => Key(x, orderBy), ColumnOrder.Instance).ThenBy(x => x.Id).ToList();
                    if (desc) list.Reverse();
                    var page = list.Skip(start).Take(limit ?? int.MaxValue).ToList();
                    reply = new Reply(200, new JsonObject
                    {
                        ["total"] = list.Count.ToString(CultureInfo.InvariantCulture),
                        ["submissions"] = page.Count == 0 ? new JsonObject() : new JsonArray(page.Select(x => (JsonNode)RenderSubmission(s, form, x, false)).ToArray()),
                    });
                }
            }
        }
        return Send(ctx, reply);
    }

    /// <summary>GET forms/{id}/submissions/{sid}: 404 for a missing form or submission; a submission of ANOTHER form is answered (measured).</summary>
    static Task GetSubmission(HttpContext ctx, FakeState s)
    {
        Reply reply;
        lock (s.Sync)
            reply = s.Stores["forms"].Rows.ContainsKey(Id(ctx)) && s.Forms.Submissions.TryGetValue(Id(ctx, "sid"), out var sub)
                    && s.Stores["forms"].Rows.TryGetValue(sub.FormId, out var owner)
                ? new Reply(200, new JsonObject { ["submission"] = RenderSubmission(s, owner, sub, true) })
                : Reply.NotFound;
        return Send(ctx, reply);
    }

    /// <summary>
    /// The public POST /form/submit?formId=N (form-encoded mauticform[alias]=value): the values of the form's fields are
    /// stored; the contact is the one whose e-mail the field mapped to contact/email holds (made when new). Without such
    /// a value Mautic 5.1.0 fails with its 500 page (measured: "A new entity was found through the relationship
    /// Submission#lead"), and nothing is saved. Success redirects (302) to /form/message.
    /// </summary>
    static async Task SubmitForm(HttpContext ctx, FakeState s)
    {
        var posted = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : null;
        string? Posted(string name) => posted != null && posted.TryGetValue("mauticform[" + name + "]", out var v) ? v.ToString() : null;
        var formId = long.TryParse(ctx.Request.Query["formId"].FirstOrDefault() ?? Posted("formId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        int status;
        lock (s.Sync)
        {
            if (!s.Stores["forms"].Rows.TryGetValue(formId, out var form) || !form.IsPublished) status = 404;
            else
            {
                var fields = (form["fields"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
                var emailField = fields.FirstOrDefault(f => f["mappedObject"]?.ToString() == "contact" && f["mappedField"]?.ToString() == "email");
                var email = emailField == null ? null : Posted(emailField["alias"]!.ToString());
                if (string.IsNullOrWhiteSpace(email)) status = 500;
                else
                {
                    var contact = s.Contacts.Values.FirstOrDefault(c => string.Equals(c.Fields.GetValueOrDefault("email"), email, StringComparison.OrdinalIgnoreCase));
                    if (contact == null)
                    {
                        contact = new Contact { Id = s.NextContactId++, DateAdded = DateTime.UtcNow };
                        s.Contacts[contact.Id] = contact;
                    }
                    var sub = new FormSubmission
                    {
                        Id = s.Forms.NextSubmissionId++, FormId = form.Id, ContactId = contact.Id,
                        TrackingId = Guid.NewGuid().ToString("N")[..23], Referer = ctx.Request.Headers.Referer.FirstOrDefault() ?? "",
                    };
                    foreach (var f in fields)
                    {
                        var alias = f["alias"]!.ToString();
                        if (ViewOnlyFieldTypes.Contains(f["type"]?.ToString() ?? "")) continue;
                        var value = Posted(alias);
                        sub.Values[alias] = value;
                        if (value != null && f["mappedObject"]?.ToString() == "contact" && f["mappedField"]?.ToString() is { Length: > 0 } cf) contact.Fields[cf] = value;
                    }
                    s.IndexEmail(contact);
                    s.Forms.Submissions[sub.Id] = sub;
                    status = 302;
                }
            }
        }
        if (status == 302)
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = "/form/message";
            return;
        }
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=UTF-8";
        await ctx.Response.WriteAsync(status == 404 ? "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>"
            : "<!DOCTYPE html><html><head><title>Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>");
    }
}
