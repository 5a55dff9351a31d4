using System.Security.Cryptography;

namespace Mautic.FakeServer;

/// <summary>
/// Webhooks (WebhookBundle WebhookApiController, route "hooks"): the row of the ten standard routes and
/// GET hooks/triggers, measured on a real Mautic 5.1.0; see README.md, "Webhooks".
/// </summary>
static partial class Routes
{
    /// <summary>GET /api/hooks/triggers on a stock 5.1.0 (copied from its answer, in its order): name, label, description.</summary>
    static readonly (string Name, string Label, string Description)[] WebhookTriggers =
    [
        ("mautic.company_post_save", "Company Create/Update Event", "Triggered when a company is created/updated"),
        ("mautic.company_post_delete", "Company Deleted Event", "Triggered when a company is deleted"),
        ("mautic.lead_channel_subscription_changed", "Contact Channel Subscription Change Event", "Triggered when a contact's channel subscription status changes."),
        ("mautic.lead_company_change", "Contact Company Subscription Change Event", "Triggered when a commpany is added or removed to/from contact"),
        ("mautic.lead_post_delete", "Contact Deleted Event", "Triggered when a contact is deleted."),
        ("mautic.lead_post_save_new", "Contact Identified Event", "Triggered when a contact is identified."),
        ("mautic.lead_points_change", "Contact Points Changed Event", "Triggered when a contact's points are modified."),
        ("mautic.lead_list_change", "Contact Segment Membership Change Event", "Triggered when a contact segment membership is changed"),
        ("mautic.lead_post_save_update", "Contact Updated Event", "Triggered when a contact is updated."),
        ("mautic.email_on_open", "Email Open Event", "mautic.email.webhook.event.open_desc"),
        ("mautic.email_on_send", "Email Send Event", "mautic.email.webhook.event.send_desc"),
        ("mautic.form_on_submit", "Form Submit Event", "mautic.form.webhook.event.form.submit_desc"),
        ("mautic.page_on_hit", "Page Hit Event", "mautic.page.webhook.event.hit_desc"),
        ("mautic.sms_on_send", "Text Send Event", "mautic.sms.webhook.event.send_desc"),
    ];

    /// <summary>{triggers: {name: {label, description}}}: an object keyed by trigger name.</summary>
    static JsonObject WebhookTriggerList()
    {
        var triggers = new JsonObject();
        foreach (var (name, label, description) in WebhookTriggers)
            triggers[name] = new JsonObject { ["label"] = label, ["description"] = description };
        return new JsonObject { ["triggers"] = triggers };
    }

    /// <summary>
    /// Webhooks, measured on 5.1.0: header + id, name, description, webhookUrl, secret, eventsOrderbyDir, category,
    /// triggers; list keyed by id, ordered by name, total int; plain search text matches the name only. name ("A name is
    /// required.") and webhookUrl ("A valid URL is required.") required; a URL without a scheme gets "http://", one that is
    /// not http(s) or has spaces is refused; Mautic never calls it to check. triggers: any names are kept, known or not;
    /// a PATCH adds the ones sent, a PUT makes them exactly the ones sent. secret: 64 hex characters made when none is set
    /// (so every PUT without one makes a new one). eventsOrderbyDir ASC or DESC.
    /// </summary>
    internal static readonly AreaDef WebhookArea = new()
    {
        Route = "hooks", Singular = "hook", Plural = "hooks", List = ListShape.KeyedById, Header = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("description"),
            new("webhookUrl", FieldKind.Url) { RequiredMessage = "A valid URL is required." },
            new("secret"), new("eventsOrderbyDir", FieldKind.Select) { Options = ["ASC", "DESC"] },
            new("category", FieldKind.Category) { Tracked = false },
            new("triggers", FieldKind.Raw) { MergedOnPatch = true },
        ],
        DefaultOrder = "name",
        SearchFields = ["name"],
        Validate = ValidateWebhook, BeforeSave = WebhookSave, Render = RenderWebhook,
    };

    static IReadOnlyDictionary<string, string> ValidateWebhook(FakeState s, Entity e, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        if (payload["webhookUrl"] is JsonValue v && v.ToString() is { Length: > 0 } text)
        {
            var url = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
            if (text.Contains(' ') || !Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https"))
                errors["webhookUrl"] = "A valid URL is required.";
        }
        return errors;
    }

    static void WebhookSave(FakeState s, Entity e)
    {
        if (string.IsNullOrEmpty(e.Text("secret"))) e.Values["secret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        if (e["triggers"] is not JsonArray) e.Values["triggers"] = new JsonArray();
    }

    static JsonObject RenderWebhook(FakeState s, Entity e, RenderMode mode)
    {
        var o = RenderFlat(s, WebhookArea, e, mode);
        o["triggers"] = e["triggers"] is JsonArray t ? t.DeepClone() : new JsonArray();
        return o;
    }
}
