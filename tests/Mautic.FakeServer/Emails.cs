namespace Mautic.FakeServer;

/// <summary>
/// E-mails (EmailBundle EmailApiController): the hooks of <see cref="FakeAreas.Emails"/> (the ten standard routes come
/// from the row), the two sends and emails/reply/{trackingHash}. Measured on a real Mautic 5.1.0; see README.md.
/// </summary>
static partial class Routes
{
    /// <summary>The themes of a stock 5.1.0 whose config lists the "email" feature: the only values the template field takes.</summary>
    internal static readonly string[] EmailThemes =
        ["aurora", "blank", "brienz", "cards", "confirmme", "goldstar", "neopolitan", "oxygen", "paprika", "skyline", "sparse", "sunday", "trulypersonal", "vibrant"];

    static readonly Regex ContactFieldToken = new(@"^\{contactfield=[A-Za-z0-9_]+(\|[^}]*)?\}$");

    const string NoList = "Either no list was selected or you do not have access to one of the lists that was selected.";

    /// <summary>The segment ids of a "lists" value: plain ids (numbers or numeric strings); null when an item is not one (an object).</summary>
    static List<long>? ListIds(JsonNode? node)
    {
        var ids = new List<long>();
        if (node is not JsonArray a) return node is null || node.ToString() == "" ? ids : null;
        foreach (var item in a)
        {
            if (item is not JsonValue v || !long.TryParse(v.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>
    /// What the e-mail form checks beyond required name and subject (measured): fromAddress an address or a contact
    /// field token, replyToAddress and bccAddress addresses, and a segment (list) e-mail needs existing segments.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ValidateEmail(FakeState s, Entity email, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        if (payload["fromAddress"]?.ToString() is { Length: > 0 } from && !EmailRule.IsMatch(from) && !ContactFieldToken.IsMatch(from))
            errors["fromAddress"] = $"Provided value '{from}' is not an email address nor a token build on a email field type. '{from}' is not a valid contact field token. A valid token example: '{{contactfield=firstname|John}}'";
        foreach (var field in new[] { "replyToAddress", "bccAddress" })
            if (payload[field]?.ToString() is { Length: > 0 } address && !EmailRule.IsMatch(address))
                errors[field] = "A valid email is required.";
        var type = payload.ContainsKey("emailType") ? payload["emailType"]?.ToString() : email.Text("emailType");
        var lists = payload.ContainsKey("lists") ? ListIds(payload["lists"]) : ListIds(email["lists"] as JsonNode);
        if (lists == null) errors["lists"] = "This value is not valid.";
        else if (type == "list" && (lists.Count == 0 || lists.Any(id => !s.Segments.ContainsKey(id)))) errors["lists"] = NoList;
        return errors;
    }

    /// <summary>Headers is a list form: any key sent in an object is refused (measured with {"X-A": "1"}).</summary>
    internal static IReadOnlyDictionary<string, string> EmailExtraErrors(JsonObject payload) =>
        payload["headers"] is JsonObject { Count: > 0 }
            ? new Dictionary<string, string> { ["headers"] = "This form should not contain extra fields." }
            : new Dictionary<string, string>();

    /// <summary>
    /// Before a save: no type is "template"; only a list e-mail keeps its segments; utmTags keeps its four keys; every
    /// save raises the revision (a new e-mail is revision 1).
    /// </summary>
    internal static void EmailSave(FakeState s, Entity e)
    {
        if (string.IsNullOrEmpty(e.Text("emailType"))) e.Values["emailType"] = "template";
        var lists = e.Text("emailType") == "list" ? ListIds(e["lists"] as JsonNode) ?? new List<long>() : new List<long>();
        e.Values["lists"] = new JsonArray(lists.Distinct().Select(id => (JsonNode)id).ToArray());
        var utm = new JsonObject();
        foreach (var k in new[] { "utmSource", "utmMedium", "utmCampaign", "utmContent" })
            utm[k] = (e["utmTags"] as JsonObject)?[k]?.DeepClone();
        e.Values["utmTags"] = utm;
        e.Values["revision"] = e.Id == 0 ? 1L : (e["revision"] as long? ?? 1L) + 1;
    }

    /// <summary>The order 5.1.0 renders an e-mail in (after the header and id).</summary>
    static readonly string[] EmailOrder =
    [
        "name", "subject", "language", "category", "fromAddress", "fromName", "replyToAddress", "bccAddress", "useOwnerAsMailer",
        "utmTags", "customHtml", "plainText", "template", "emailType", "publishUp", "publishDown", "publicPreview", "readCount",
        "sentCount", "revision", "assetAttachments", "variantStartDate", "variantSentCount", "variantReadCount", "variantParent",
        "variantChildren", "translationParent", "translationChildren", "unsubscribeForm", "dynamicContent", "lists", "headers",
    ];

    static JsonNode DefaultDynamicContent() => JsonNode.Parse("""[{"tokenName":"Dynamic Content 1","content":"Default Dynamic Content","filters":[{"content":null,"filters":[{"glue":null,"field":null,"object":null,"type":"Symfony\\Component\\Form\\Extension\\Core\\Type\\TextType","operator":null,"display":null,"filter":null}]}]}]""")!;

    /// <summary>
    /// The record as 5.1.0 renders it (lists and get alike): dateModified is the creation time until an edit, the
    /// counters (sentCount, readCount and the variant ones) are Mautic's own, lists are short segment records.
    /// </summary>
    internal static JsonObject RenderEmail(FakeState s, Entity e, RenderMode mode)
    {
        var flat = RenderFlat(s, FakeAreas.Emails, e, mode);
        var o = new JsonObject();
        foreach (var k in new[] { "isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id" })
            o[k] = flat[k]?.DeepClone();
        o["dateModified"] ??= flat["dateAdded"]?.DeepClone();
        foreach (var k in EmailOrder)
            o[k] = k switch
            {
                "readCount" or "sentCount" or "variantSentCount" or "variantReadCount" => e[k] as long? ?? 0L,
                "revision" => e["revision"] as long? ?? 1L,
                "publicPreview" => e["publicPreview"] as bool? ?? false,
                "variantChildren" or "translationChildren" or "assetAttachments" or "headers" => new JsonArray(),
                "variantStartDate" or "variantParent" or "translationParent" or "unsubscribeForm" => null,
                "dynamicContent" => e["dynamicContent"] is JsonArray { Count: > 0 } dc ? dc.DeepClone() : DefaultDynamicContent(),
                "lists" => new JsonArray((ListIds(e["lists"] as JsonNode) ?? new List<long>())
                    .Where(s.Segments.ContainsKey).Select(id => (JsonNode)SegmentRef(s.Segments[id])).ToArray()),
                _ => flat[k]?.DeepClone(),
            };
        return o;
    }

    /// <summary>How an e-mail shows a segment it is sent to (measured).</summary>
    static JsonObject SegmentRef(Segment g) => new()
    {
        ["createdByUser"] = g.CreatedByUser, ["modifiedByUser"] = g.ModifiedByUser, ["id"] = g.Id, ["name"] = g.Name,
        ["publicName"] = g.PublicName ?? g.Name, ["alias"] = g.Alias, ["description"] = g.Description, ["category"] = null,
    };

    static void MapEmails(WebApplication app, FakeState s)
    {
        app.MapPost("/api/emails/{id:long}/send", ctx => SendToSegment(ctx, s));
        app.MapPost("/api/emails/{id:long}/contact/{cid:long}/send", ctx => SendToContact(ctx, s));
        app.MapPost("/api/emails/reply/{hash}", ctx => EmailReplyTo(ctx, s));
    }

    static void Count(Entity e, string counter, int n) => e.Values[counter] = (e[counter] as long? ?? 0L) + n;

    static SentEmail Stat(FakeState s, SentEmail x)
    {
        x.Id = s.NextStatId++;
        x.Address = s.Contacts.TryGetValue(x.ContactId, out var c) ? c.Fields.GetValueOrDefault("email") : null;
        s.Sent.Add(x);
        return x;
    }

    static async Task SendToSegment(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject;
        lock (s.Sync)
        {
            if (!s.Emails.Rows.TryGetValue(Id(ctx), out var e) || !e.IsPublished) { NotFound(ctx).Wait(); return; }
            // Mautic 5.1.0 calls getId() on each entry of a "lists" body, which holds plain ids: any non-empty
            // "lists" ends in its generic 500 (measured). Without it, the e-mail's own segments are used.
            if (body?["lists"] is JsonArray { Count: > 0 }) { Oops(ctx, 500).Wait(); return; }
            // A template e-mail has no segments: Mautic answers success with nothing sent.
            var lists = e.Text("emailType") != "list" ? new List<long>() : ListIds(e["lists"] as JsonNode) ?? new List<long>();
            int? limit = body?["limit"] is JsonNode ln && int.TryParse(ln.ToString(), out var lv) ? lv : null;
            var already = s.Sent.Where(x => x.EmailId == e.Id).Select(x => x.ContactId).ToHashSet();
            var targets = lists.SelectMany(l => s.Segments.TryGetValue(l, out var g) ? g.Members.Select(m => (Member: m, List: l)) : [])
                .GroupBy(t => t.Member).Select(g => g.First())
                .Where(t => !already.Contains(t.Member)).OrderBy(t => t.Member).Take(limit ?? int.MaxValue).ToList();
            foreach (var (c, l) in targets) Stat(s, new SentEmail(e.Id, c, null, null) { ListId = l });
            if (targets.Count > 0) TrackLinks(s, e, Who(ctx));
            Count(e, "sentCount", targets.Count);
            Json(ctx, 200, new JsonObject { ["success"] = 1, ["sentCount"] = targets.Count, ["failedRecipients"] = 0 }).Wait();
        }
    }

    static async Task SendToContact(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject;
        lock (s.Sync)
        {
            // Mautic sends to one contact whether or not the e-mail is published.
            if (!s.Emails.Rows.TryGetValue(Id(ctx), out var e)) { NotFound(ctx).Wait(); return; }
            var cid = Id(ctx, "cid");
            if (!s.Contacts.ContainsKey(cid)) { ApiError(ctx, 404, "Contact not found.").Wait(); return; }
            Stat(s, new SentEmail(e.Id, cid, body?["tokens"]?.ToJsonString(), body?["assetAttachments"]?.ToJsonString()) { Source = "api" });
            TrackLinks(s, e, Who(ctx));
            Count(e, "sentCount", 1);
            Json(ctx, 200, new JsonObject { ["success"] = true }).Wait();
        }
    }

    /// <summary>
    /// POST emails/reply/{hash} (measured): 201 {"success": true} for a known tracking hash, each call a new
    /// email_stat_replies row (message id "api-" and ten random characters) and the stat marked read (the e-mail's
    /// readCount does not change); an unknown hash is 404 "Email Stat with tracking hash X was not found".
    /// </summary>
    static Task EmailReplyTo(HttpContext ctx, FakeState s) => Locked(s, () =>
    {
        var hash = (string)ctx.Request.RouteValues["hash"]!;
        var stat = s.Sent.FirstOrDefault(x => x.TrackingHash == hash);
        if (stat == null) return ApiError(ctx, 404, $"Email Stat with tracking hash {hash} was not found");
        stat.DateRead ??= DateTime.UtcNow;
        s.Replies.Add(new EmailReply(Guid.NewGuid().ToString(), stat.Id, DateTime.UtcNow, "api-" + Guid.NewGuid().ToString("N")[..10]));
        return Json(ctx, 201, new JsonObject { ["success"] = true });
    });

    /// <summary>email_stats rows, as 5.1.0 and 7.0.0 list them (null columns are left out by the stats route).</summary>
    static List<List<(string Col, string? Val)>> EmailStatRows(FakeState s) => s.Sent.OrderBy(x => x.Id).Select(x => new List<(string, string?)>
    {
        // A deleted e-mail or contact leaves its sends with email_id / lead_id NULL (measured on 5.1.0 and 7.0.0).
        ("id", N(x.Id)), ("email_id", s.Emails.Rows.ContainsKey(x.EmailId) ? N(x.EmailId) : null), ("lead_id", s.Contacts.ContainsKey(x.ContactId) ? N(x.ContactId) : null), ("ip_id", x.Opens.Count > 0 ? "1" : null), ("email_address", x.Address),
        ("list_id", x.ListId is long l ? N(l) : null), ("date_sent", Sql(x.DateSent)), ("is_read", B(x.DateRead != null)),
        ("is_failed", "0"), ("viewed_in_browser", "0"), ("date_read", x.DateRead is DateTime d ? Sql(d) : null),
        ("tracking_hash", x.TrackingHash), ("retry_count", "0"), ("source", x.Source), ("source_id", x.Source != null ? "0" : null),
        ("open_count", N(x.Opens.Count)), ("last_opened", x.LastOpened is DateTime lo ? Sql(lo) : null), ("open_details", OpenDetails(x)),
    }).ToList();

    static List<List<(string Col, string? Val)>> EmailReplyRows(FakeState s) => s.Replies.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new List<(string, string?)>
    {
        ("id", r.Id), ("stat_id", N(r.StatId)), ("date_replied", Sql(r.DateReplied)), ("message_id", r.MessageId),
    }).ToList();
}
