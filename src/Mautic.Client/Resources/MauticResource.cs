namespace Mautic.Client.Resources
{
    /// <summary>
    /// One API area: its route, the JSON keys it answers with (they are not always the route name) and the
    /// PowerShell type name of its records. Generic operations read this; a new area is a new row.
    /// </summary>
    public sealed class MauticResource
    {
        public MauticResource(string route, string singular, string plural, string noun, bool flattenFields = false,
            string nameField = "name", string descriptionField = "description", string searchField = null, string typeName = null,
            params string[] readOnly)
        {
            Route = route;
            Singular = singular;
            Plural = plural;
            Noun = noun;
            FlattenFields = flattenFields;
            NameField = nameField;
            DescriptionField = descriptionField;
            SearchField = searchField;
            TypeName = typeName ?? "Mautic." + char.ToUpperInvariant(noun[0]) + noun.Substring(1);
            ReadOnly = new HashSet<string>(CommonReadOnly.Concat(readOnly), System.StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Properties Mautic computes on every entity; copied back from a record they are dropped, not sent.</summary>
        static readonly string[] CommonReadOnly =
        {
            "id", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser",
            "checkedOut", "checkedOutBy", "checkedOutByUser", "fields", "uuid", "PSComputerName", "RunspaceId", "PSShowComputerName",
        };

        /// <summary>Path under /api, e.g. "segments".</summary>
        public string Route { get; }
        /// <summary>Key of one record, e.g. "list" for segments.</summary>
        public string Singular { get; }
        /// <summary>Key of a list, e.g. "lists" for segments.</summary>
        public string Plural { get; }
        /// <summary>Human noun for messages, e.g. "segment".</summary>
        public string Noun { get; }
        /// <summary>Contacts and companies: fields.all becomes top-level properties.</summary>
        public bool FlattenFields { get; }
        /// <summary>The route of the area's custom-field list where it has one (fields/contact, fields/company), else null.</summary>
        public string FieldList => FlattenFields ? "fields/" + Singular : null;
        /// <summary>The field that names a record (required on create): "name", "companyname" for companies, "tag" for tags.</summary>
        public string NameField { get; }
        /// <summary>The field that describes a record: "description", "companydescription" for companies.</summary>
        public string DescriptionField { get; }
        /// <summary>
        /// Set where Mautic's list route ignores ?search= (tags, seen on a real 5.1.0): -Search is then sent as a
        /// where[] LIKE on this field instead: plain text matches anywhere, a text with a wildcard as typed.
        /// </summary>
        public string SearchField { get; }
        /// <summary>Properties of a record that are never sent back (see <see cref="CommonReadOnly"/>), plus the area's own.</summary>
        public ISet<string> ReadOnly { get; }
        /// <summary>The PowerShell type name of its records: Mautic.Contact, Mautic.PointAction.</summary>
        public string TypeName { get; }
        /// <summary>Properties Mautic renders as a whole related record that a record shows as that record's id (a note's lead).</summary>
        public IReadOnlyList<string> IdOnly { get; internal set; } = new string[0];
        /// <summary>
        /// A second field that names a record, where the area has one users also type (a segment's alias, which Mautic's
        /// search language uses); a lookup by name matches it as well as <see cref="NameField"/>. Null: none.
        /// </summary>
        public string AliasField { get; internal set; }
        /// <summary>Fields besides the name field that a create must send (an asset's file): checked before any request.</summary>
        public IReadOnlyList<string> RequiredOnCreate { get; internal set; } = new string[0];
        /// <summary>
        /// The resource of Mautic 7's v2 API that serves these records with their uuid (v1 never shows a uuid, measured on
        /// 7.0.0: Get-Mautic&lt;Area&gt; -IncludeUuid reads it there); null where v2 keeps none for them (tags, companies,
        /// contacts, users, webhooks, ...).
        /// </summary>
        public string V2Route { get; internal set; }

        public override string ToString() => Route;
    }

    /// <summary>The table of API areas (keys from mautic-endpoints.tsv's response_key column).</summary>
    public static class MauticResources
    {
        public static readonly MauticResource Contacts = new MauticResource("contacts", "contact", "contacts", "contact", flattenFields: true);
        /// <summary>Segments: a user names one by its name, and Mautic's search language (segment:vip) by its alias; a lookup takes either.</summary>
        public static readonly MauticResource Segments = new MauticResource("segments", "list", "lists", "segment") { AliasField = "alias", V2Route = "segments" };
        /// <summary>
        /// E-mails: named by name, no description (Mautic 5.1's e-mail form has none). Mautic keeps the statistics
        /// (sentCount, readCount and the A/B variant counts) and the revision; lists (the segments of a segment e-mail)
        /// are shown as segment ids, which is what a create or edit takes back (a segment record there is refused).
        /// </summary>
        public static readonly MauticResource Emails = new MauticResource("emails", "email", "emails", "email",
            readOnly: new[] { "readCount", "sentCount", "variantSentCount", "variantReadCount", "revision", "variantStartDate", "variantParent",
                "variantChildren", "translationParent", "translationChildren", "category", "unsubscribeForm" })
            { IdOnly = new[] { "lists" }, V2Route = "emails" };
        public static readonly MauticResource Users = new MauticResource("users", "user", "users", "user", nameField: "username", descriptionField: "position", readOnly: new[] { "lastLogin", "lastActive" });
        public static readonly MauticResource Companies = new MauticResource("companies", "company", "companies", "company", flattenFields: true, nameField: "companyname", descriptionField: "companydescription");
        public static readonly MauticResource Tags = new MauticResource("tags", "tag", "tags", "tag", nameField: "tag", searchField: "tag");
        public static readonly MauticResource Stages = new MauticResource("stages", "stage", "stages", "stage", readOnly: "category") { V2Route = "stages" };
        public static readonly MauticResource Categories = new MauticResource("categories", "category", "categories", "category", nameField: "title") { V2Route = "categories" };
        public static readonly MauticResource Roles = new MauticResource("roles", "role", "roles", "role") { V2Route = "roles" };
        public static readonly MauticResource PointActions = new MauticResource("points", "point", "points", "point action", typeName: "Mautic.PointAction") { V2Route = "points" };
        public static readonly MauticResource PointTriggers = new MauticResource("points/triggers", "trigger", "triggers", "point trigger", typeName: "Mautic.PointTrigger") { V2Route = "triggers" };
        public static readonly MauticResource PointGroups = new MauticResource("points/groups", "pointGroup", "pointGroups", "point group", typeName: "Mautic.PointGroup");
        public static readonly MauticResource Campaigns = new MauticResource("campaigns", "campaign", "campaigns", "campaign") { V2Route = "campaigns" };
        /// <summary>
        /// Campaign events: Mautic serves only list and get for them (they are written through the campaign's events),
        /// so this row is read by Get-MauticCampaignEvent and is not in <see cref="All"/>, whose rows have every route.
        /// </summary>
        public static readonly MauticResource CampaignEvents = new MauticResource("campaigns/events", "event", "events", "campaign event", typeName: "Mautic.CampaignEvent") { V2Route = "events" };

        /// <summary>Contact notes: the name field is the note's text; lead is the contact, shown as its id.</summary>
        public static readonly MauticResource Notes = new MauticResource("notes", "note", "notes", "note", nameField: "text")
            { IdOnly = new[] { "lead" } };
        /// <summary>Custom field definitions: one route per object (fields/contact, fields/company), one record type.</summary>
        public static readonly MauticResource ContactFields = new MauticResource("fields/contact", "field", "fields", "contact field", nameField: "label", typeName: "Mautic.Field", readOnly: "object") { V2Route = "lead_fields" };
        public static readonly MauticResource CompanyFields = new MauticResource("fields/company", "field", "fields", "company field", nameField: "label", typeName: "Mautic.Field", readOnly: "object") { V2Route = "lead_fields" };

        /// <summary>
        /// Focus items (MauticFocusBundle): one key for a record and a list ("focus"); type and style are required
        /// (measured on 5.1.0); cache is the generated script Mautic keeps and is never sent back.
        /// </summary>
        public static readonly MauticResource Focus = new MauticResource("focus", "focus", "focus", "focus item", typeName: "Mautic.Focus", readOnly: "cache") { V2Route = "focus_items" };
        /// <summary>Landing pages: named by title; hits, revision and the variant/translation links are Mautic's own.</summary>
        public static readonly MauticResource Pages = new MauticResource("pages", "page", "pages", "page", nameField: "title", descriptionField: "metaDescription",
            readOnly: new[] { "hits", "uniqueHits", "variantHits", "revision", "variantChildren", "translationChildren", "variantStartDate", "variantParent", "translationParent", "category" }) { V2Route = "pages" };

        /// <summary>
        /// Assets: named by title; a create needs the file (a file name in Mautic's assets directory, or a URL with
        /// storageLocation remote: measured on 5.1.0, "File of the asset is required."); the download counters, revision
        /// and the file's extension, mime, size and download URL are Mautic's own.
        /// </summary>
        public static readonly MauticResource Assets = new MauticResource("assets", "asset", "assets", "asset", nameField: "title",
            readOnly: new[] { "downloadCount", "uniqueDownloadCount", "revision", "extension", "mime", "size", "downloadUrl", "category" })
            { RequiredOnCreate = new[] { "file" }, V2Route = "assets" };
        /// <summary>
        /// Forms: fields and actions are arrays of records inside the form (sent as -Field/-Action, never copied back);
        /// Mautic makes the alias from the name (the API ignores one sent, measured on 5.1.0) and renders cachedHtml.
        /// </summary>
        public static readonly MauticResource Forms = new MauticResource("forms", "form", "forms", "form",
            readOnly: new[] { "alias", "cachedHtml", "actions", "category" }) { V2Route = "forms" };
        /// <summary>
        /// Text messages (SmsBundle): name and message required, language "en" unless given; sentCount is Mautic's
        /// counter. Mautic takes smsType and lists (segment ids) but never shows them, nor the description.
        /// </summary>
        public static readonly MauticResource Smses = new MauticResource("smses", "sms", "smses", "text message", typeName: "Mautic.Sms",
            readOnly: new[] { "sentCount", "category" }) { V2Route = "sms" };
        /// <summary>Web push notifications (NotificationBundle): name, heading and message required; readCount and sentCount are Mautic's counters.</summary>
        public static readonly MauticResource Notifications = new MauticResource("notifications", "notification", "notifications", "notification",
            readOnly: new[] { "readCount", "sentCount", "category" }) { V2Route = "notifications" };
        /// <summary>
        /// Tweets (MauticSocialBundle): name and text (at most 280 characters) required; Mautic keeps the language "en"
        /// and every tweet published whatever is sent, and the media and counters are its own.
        /// </summary>
        public static readonly MauticResource Tweets = new MauticResource("tweets", "tweet", "tweets", "tweet",
            readOnly: new[] { "language", "mediaId", "mediaPath", "sentCount", "favoriteCount", "retweetCount", "category" });
        /// <summary>
        /// Dynamic content (DynamicContentBundle), measured on 5.1.0: keys dynamicContent/dynamicContents, only the name
        /// is required; sentCount, the A/B variant links and language (stored, never shown) are Mautic's own.
        /// </summary>
        public static readonly MauticResource DynamicContents = new MauticResource("dynamiccontents", "dynamicContent", "dynamicContents", "dynamic content",
            typeName: "Mautic.DynamicContent", readOnly: new[] { "sentCount", "variantParent", "variantChildren", "category" }) { V2Route = "dynamic_contents" };
        /// <summary>Marketing messages (ChannelBundle): a name and one row per channel (email, sms, ...), each with the item it sends.</summary>
        public static readonly MauticResource Messages = new MauticResource("messages", "message", "messages", "marketing message", typeName: "Mautic.Message", readOnly: "category") { V2Route = "messages" };
        /// <summary>
        /// A contact's devices (LeadBundle DeviceApiController), measured on 5.1.0: no name, so the device type names one
        /// (New-MauticDevice needs it); lead is the contact, shown as its id; ?search= is ignored, so -Search goes as a
        /// where[] LIKE on the device type; clientInfo is Mautic's own.
        /// </summary>
        public static readonly MauticResource Devices = new MauticResource("devices", "device", "devices", "device", nameField: "device", searchField: "device",
            readOnly: "clientInfo") { IdOnly = new[] { "lead" } };
        /// <summary>
        /// Reports (ReportBundle): GET reports/{id} answers the compiled report (its rows) with the record under "report";
        /// a PUT on an existing report without "system" is Mautic's 500 (NOT NULL, measured on 5.1.0).
        /// </summary>
        public static readonly MauticResource Reports = new MauticResource("reports", "report", "reports", "report") { V2Route = "reports" };
        /// <summary>Webhooks (WebhookBundle, route "hooks"): category renders as a whole record and is not sent back.</summary>
        public static readonly MauticResource Webhooks = new MauticResource("hooks", "hook", "hooks", "webhook", readOnly: "category");

        public static IReadOnlyList<MauticResource> All { get; } = new[]
        {
            Contacts, Segments, Emails, Users, Companies, Tags, Stages, Categories, Roles, PointActions, PointTriggers, PointGroups, Campaigns,
            Notes, ContactFields, CompanyFields, Focus, Pages, Assets, Forms, Smses, Notifications, Tweets, DynamicContents, Messages, Devices, Reports, Webhooks,
        };
    }
}
