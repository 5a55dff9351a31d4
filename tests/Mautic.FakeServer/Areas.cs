namespace Mautic.FakeServer;

/// <summary>How a field's value is read from a request and written back.</summary>
public enum FieldKind
{
    /// <summary>A string; "" is stored as null.</summary>
    Text,
    /// <summary>An integer ("7" or 7); anything else is "This value is not valid.".</summary>
    Int,
    /// <summary>"yyyy-MM-dd HH:mm[:ss]" in, ISO 8601 out; other formats are "This value is not valid.".</summary>
    DateTime,
    /// <summary>A category id; the fake keeps no categories, so any value is Mautic's 500 "Category N does not exist".</summary>
    Category,
    /// <summary>Text validated as an e-mail address: "x is invalid.".</summary>
    Email,
    /// <summary>Text; "http://" is put in front of a value without a scheme.</summary>
    Url,
    /// <summary>A number rounded to the field's scale: an integer when the scale is 0, a float otherwise.</summary>
    Number,
    /// <summary>One of the field's options, or "This value is not valid.".</summary>
    Select,
    /// <summary>A checkbox: false, 0, "0", "false" and "" are false, any other value true (a role's isAdmin).</summary>
    Bool,
    /// <summary>A JSON object stored as sent; any other value is ignored (a role's rawPermissions).</summary>
    Json,
    /// <summary>Accepted and dropped: always [] (a point's properties).</summary>
    EmptyArray,
    /// <summary>Any JSON stored as sent, for the row's BeforeSave to read (a campaign's events, lists, forms, canvasSettings).</summary>
    Raw,
    /// <summary>A trigger's events: an array of {id, name, description, type, order, properties}, each given an id when new.</summary>
    TriggerEvents,
}

/// <summary>How a list answers: a JSON object keyed by id, or an array.</summary>
public enum ListShape { KeyedById, Array }

/// <summary>What <c>?published=1</c> does on a list.</summary>
public enum PublishedParam
{
    /// <summary>Keeps rows whose isPublished is true (publishUp/publishDown do not matter: measured on stages).</summary>
    Filter,
    /// <summary>Accepted and changes nothing (every company is published).</summary>
    Ignored,
    /// <summary>Mautic's generic 500: the entity has no isPublished column (tags).</summary>
    Error,
}

/// <summary>Which answer a record is rendered for; custom-field areas render differently for each.</summary>
public enum RenderMode
{
    /// <summary>GET by id, single edit, create that matched an existing record.</summary>
    One,
    /// <summary>Lists, batch edits of existing records, batch deletes.</summary>
    Many,
    /// <summary>A record created by this request (201).</summary>
    Created,
    /// <summary>Single delete: rendered after Doctrine removed it, so its id is null.</summary>
    Deleted,
    /// <summary>An existing record whose batch edit failed validation.</summary>
    FailedEdit,
}

/// <summary>One field of a simple area, or one custom field of a custom-field area (companies).</summary>
public sealed class FieldSpec(string name, FieldKind kind = FieldKind.Text)
{
    public string Name { get; } = name;
    public FieldKind Kind { get; } = kind;
    /// <summary>False when changing only this field leaves dateModified alone (a stage's weight: measured on 5.1.0).</summary>
    public bool Tracked { get; init; } = true;
    /// <summary>Surrounding white space is removed (a tag's name).</summary>
    public bool Trim { get; init; }

    // Custom-field metadata (the field's row in Mautic's lead_fields), used by companies.
    public string Label { get; init; } = "";
    public string Group { get; init; } = "core";
    /// <summary>Mautic's field type name (text, email, tel, region, country, url, number, select).</summary>
    public string Type { get; init; } = "text";
    public int FieldId { get; init; }
    public bool IsFixed { get; init; } = true;
    public int Scale { get; init; }
    public string[]? Options { get; init; }

    /// <summary>The field is required: this is the message when it is missing or blank (400).</summary>
    public string? RequiredMessage { get; init; }
    /// <summary>Mautic 7's message for the missing field, where it differs from 5.1's (a notification's heading).</summary>
    public string? RequiredMessage7 { get; init; }
    /// <summary>Only a create sets it; an edit ignores the value sent, and PUT keeps it (a category's bundle).</summary>
    public bool CreateOnly { get; init; }
    /// <summary>PUT leaves the field as it was when it is not sent (a role's rawPermissions, set outside the form).</summary>
    public bool KeptOnPut { get; init; }
    /// <summary>
    /// PUT on an existing record without this field resets it to NULL in a NOT NULL column: Mautic 5.1's generic
    /// 500 (measured: a role's isAdmin, a point's repeatable, a trigger's points and triggerExistingLeads).
    /// </summary>
    public bool PutMissingIsServerError { get; init; }
    /// <summary>The same on Mautic 7 only (a dynamic content's type, which 5.1 does not have).</summary>
    public bool PutMissingIsServerErrorOn7 { get; init; }

    /// <summary>The field's properties as Mautic stores them: PHP serialize().</summary>
    public string Properties
    {
        get
        {
            if (Kind == FieldKind.Number) return $"a:2:{{s:9:\"roundmode\";i:4;s:5:\"scale\";i:{Scale};}}";
            if (Options == null) return "a:0:{}";
            static string S(string v) => $"s:{Encoding.UTF8.GetByteCount(v)}:\"{v}\";";
            var sb = new StringBuilder($"a:1:{{s:4:\"list\";a:{Options.Length}:{{");
            for (var i = 0; i < Options.Length; i++)
                sb.Append($"i:{i};a:2:{{").Append(S("label")).Append(S(Options[i])).Append(S("value")).Append(S(Options[i])).Append('}');
            return sb.Append("}}").ToString();
        }
    }

    /// <summary>
    /// A NOT NULL column the form does not require: left empty (never set, or sent as "") it is Mautic's generic 500
    /// once the form passed, nothing saved (a text message's message and language).
    /// </summary>
    public bool NotNull { get; init; }
    /// <summary>Read from payloads and stored, never rendered (a text message's smsType, lists and description).</summary>
    public bool Hidden { get; init; }
    /// <summary>Not a form field: payloads cannot set it and PUT keeps it; rendered as stored (sentCount, a tweet's language).</summary>
    public bool Ignored { get; init; }

    /// <summary>A PATCH adds the array sent to the one stored instead of replacing it (a webhook's triggers: measured on 5.1.0).</summary>
    public bool MergedOnPatch { get; init; }

    /// <summary>The field starts (and PUT leaves it) null even where its kind has a default (a page's isPreferenceCenter).</summary>
    public bool NullDefault { get; init; }
    /// <summary>A new record has <see cref="Default"/>, but a PUT without the field sets false/null (a dynamic content's isCampaignBased).</summary>
    public bool PutClears { get; init; }

    /// <summary>What a new record holds, and what PUT puts back when the field is not sent.</summary>
    public object? Default
    {
        get => NullDefault ? null : _default ?? (Kind switch { FieldKind.Int => 0L, FieldKind.Bool => false, _ => null });
        init => _default = value;
    }
    readonly object? _default;
}

/// <summary>
/// One row of the fake's table of "simple" areas: everything that differs between areas that share Mautic's ten
/// standard routes (list, get, new, batch/new, edit PUT|PATCH, batch/edit PUT|PATCH, delete, batch/delete).
/// Written from reference/mautic-endpoints.tsv and from what a real Mautic 5.1.0 answered, never from the client.
/// </summary>
public sealed class AreaDef
{
    /// <summary>The path under /api ("stages").</summary>
    public required string Route { get; init; }
    /// <summary>JSON key of one record ("stage").</summary>
    public required string Singular { get; init; }
    /// <summary>JSON key of a list or batch ("stages").</summary>
    public required string Plural { get; init; }
    public ListShape List { get; init; } = ListShape.Array;
    /// <summary>total as a numeric string (DBAL count) instead of an integer (Paginator count).</summary>
    public bool TotalIsString { get; init; }
    /// <summary>An empty list is {} (a plain PHP array of rows) instead of [] (a Paginator).</summary>
    public bool EmptyListIsObject { get; init; }
    /// <summary>Records start with isPublished, dateAdded, dateModified, createdBy(User), modifiedBy(User); isPublished is settable.</summary>
    public bool Header { get; init; }
    /// <summary>isPublished is read from payloads (and PUT resets it to false); defaults to <see cref="Header"/>. Roles: false (always published). Categories: true without the header.</summary>
    public bool? SetsPublished { get; init; }
    public bool Publishes => SetsPublished ?? Header;
    /// <summary>A create saves twice: the new record already has dateModified = dateAdded and modifiedBy (triggers).</summary>
    public bool CreatedIsModified { get; init; }
    /// <summary>
    /// On 7.0.0 a create already has dateModified = dateAdded and an edit through the API leaves it there (companies:
    /// measured, a PATCH of companycity kept it); 5.1.0 leaves it NULL until the first edit, which sets it.
    /// </summary>
    public bool CreatedIsModifiedOnV7 { get; init; }
    /// <summary>The list's order without orderBy (categories: title, roles: name); ties by id.</summary>
    public string DefaultOrder { get; init; } = "id";
    /// <summary>The order of the form's fields, which is the order of validation messages, when it differs from <see cref="Fields"/>.</summary>
    public string[]? FormOrder { get; init; }
    public required FieldSpec[] Fields { get; init; }

    /// <summary>The field every record needs.</summary>
    public string? Required { get; init; }
    public string RequiredMessage { get; init; } = "A name is required.";
    /// <summary>A missing required value is not a validation error but Mautic's generic 500 (tags).</summary>
    public bool RequiredIsServerError { get; init; }
    /// <summary>A field no two records may share (422 "This field must be unique.").</summary>
    public string? Unique { get; init; }
    public string UniqueMessage { get; init; } = "This field must be unique.";
    public int UniqueCode { get; init; } = 422;
    /// <summary>
    /// Checks a payload before the form runs (a note's lead); it throws <see cref="Routes.Refusal"/>: the single
    /// routes answer that error, a batch ends in the generic 500 with the items before it saved (measured on notes).
    /// </summary>
    public Action<FakeState, JsonObject, bool>? BeforeForm { get; init; }
    /// <summary>The records a list shows, when the store is shared (contact and company fields share one table).</summary>
    public Func<Entity, bool>? Lists { get; init; }
    /// <summary>POST new with a value of this field that a record already has (case-insensitive) answers 200 with that record, replaced by the payload.</summary>
    public string? CreateMatches { get; init; }
    /// <summary>batch/new matches too (tags); otherwise it meets <see cref="Unique"/> (companies).</summary>
    public bool BatchCreateMatches { get; init; }

    /// <summary>?search= is ignored (tags).</summary>
    public bool SearchIgnored { get; init; }
    /// <summary>Fields plain search text matches as a substring.</summary>
    public string[] SearchFields { get; init; } = [];
    /// <summary>Every field alias is a search command matching as a prefix ("companyname:acme").</summary>
    public bool FieldCommands { get; init; }
    public PublishedParam Published { get; init; } = PublishedParam.Filter;

    /// <summary>A failed batch edit shows the values that did parse (a stage's name becomes null); otherwise the stored record.</summary>
    public bool FailedEditShowsAttempt { get; init; } = true;
    /// <summary>Renders a record; null renders header, id and <see cref="Fields"/> in order.</summary>
    public Func<FakeState, Entity, RenderMode, JsonObject>? Render { get; init; }
    /// <summary>True when a record is still referenced and Mautic's delete ends in its generic 500 (a tag a contact has).</summary>
    public Func<FakeState, Entity, bool>? InUse { get; init; }
    /// <summary>Runs after a record was removed (under the state lock).</summary>
    public Action<FakeState, Entity>? Deleted { get; init; }
    /// <summary>
    /// Checked on a single create and a single PUT only (not PATCH, not the batch routes): a message makes the answer
    /// 400 {errors:[{code, message, details: []}]} before the form runs (a campaign without events or contact source).
    /// </summary>
    public Func<JsonObject, string?>? SingleSaveCheck { get; init; }
    /// <summary>
    /// Rewrites a payload before the form runs, given the record (as stored), whether it is new and whether this is a
    /// PUT of an existing record (a form's fields and actions merged with the ones it has; see Forms.cs).
    /// May throw <see cref="Routes.Refusal"/> or the area's generic 500.
    /// </summary>
    public Func<FakeState, Entity, JsonObject, bool, bool, JsonObject>? Prepare { get; init; }
    /// <summary>Validation errors that are not about a field of <see cref="Fields"/> (a role's "permissions").</summary>
    public Func<JsonObject, IReadOnlyDictionary<string, string>>? ExtraErrors { get; init; }
    /// <summary>
    /// Checks that need the state or the record (a user's role must exist, username and e-mail are unique); runs with
    /// the payload, the record and whether it is new, after the field checks. May throw the area's generic 500.
    /// </summary>
    public Func<FakeState, Entity, JsonObject, bool, IReadOnlyDictionary<string, string>>? Validate { get; init; }
    /// <summary>
    /// Mautic's prepareParametersForBinding (assets): runs before the form on every save with the record, the payload
    /// (which it may rewrite) and whether the record is new; a message refuses the save. The single routes answer it
    /// as 400 {code, message, details: []}; a batch item is then saved from that error in place of its payload, as
    /// Mautic 5.1 does (measured on assets: a create or PUT item fails on the form's required fields, a PATCH item
    /// saves nothing new and still counts as saved).
    /// </summary>
    public Func<FakeState, Entity, JsonObject, bool, string?>? PrepareBinding { get; init; }
    /// <summary>
    /// Checks on the values the record would have after this request (sent, else reset by PUT, else stored): a
    /// dynamic content that is not campaign based needs its slot name and filters. Runs with the other field checks.
    /// </summary>
    public Func<FakeState, Func<string, object?>, IReadOnlyDictionary<string, string>>? ValidateMerged { get; init; }
    /// <summary>Runs on a valid record before it is saved, new or edited (a category's alias).</summary>
    public Action<FakeState, Entity>? BeforeSave { get; init; }
    /// <summary>Runs after a record was edited, with its values before the edit (under the state lock).</summary>
    public Action<FakeState, Entity, IReadOnlyDictionary<string, object?>>? Changed { get; init; }

    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>A record of a simple area: the stamps, isPublished, and one value per field (string, long, double, DateTime or null).</summary>
public sealed class Entity : Stamped
{
    public long Id;
    public bool IsPublished = true;
    public Dictionary<string, object?> Values = new(StringComparer.Ordinal);
    /// <summary>The projects it is in (7.x, the areas of Routes.ProjectKinds); replaced, never changed in place.</summary>
    public List<long> Projects = new();

    public object? this[string field] => Values.GetValueOrDefault(field);

    public string? Text(string field) => this[field] switch
    {
        null => null,
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    public Entity Clone()
    {
        var e = (Entity)MemberwiseClone();
        e.Values = new Dictionary<string, object?>(Values, StringComparer.Ordinal);
        return e;
    }
}

/// <summary>The records of one area.</summary>
public sealed class EntityStore(AreaDef area)
{
    public AreaDef Area { get; } = area;
    public readonly SortedDictionary<long, Entity> Rows = new();
    public long NextId = 1;

    /// <summary>A record with every field at its default (not stored).</summary>
    public Entity Blank()
    {
        var e = new Entity { DateAdded = DateTime.UtcNow };
        foreach (var f in Area.Fields) e.Values[f.Name] = f.Default;
        return e;
    }

    /// <summary>Stores a new record with these values (test seeding; call under <see cref="FakeState.Sync"/>).</summary>
    public Entity Add(IReadOnlyDictionary<string, object?> values, Principal? who = null)
    {
        var e = Blank();
        foreach (var (k, v) in values) e.Values[k] = v;
        e.Created(who ?? Principal.Admin);
        e.Id = NextId++;
        Rows[e.Id] = e;
        return e;
    }
}

/// <summary>The fake's table of simple areas. The next areas (campaigns, notes, ...) are rows here.</summary>
public static class FakeAreas
{
    /// <summary>
    /// Tags (LeadBundle TagApiController), measured on 5.1.0: the record is {id, tag, description} and description
    /// is always null through the API; list keyed by id, total int, empty []; ?search= ignored, ?published=1 a 500;
    /// a missing or blank tag is a 500; POST new (and batch/new) with an existing name (case-insensitive) answers 200
    /// with that tag, renamed to the casing sent; renaming a tag to another tag's name is allowed; a tag a contact
    /// has cannot be deleted (500).
    /// </summary>
    public static readonly AreaDef Tags = new()
    {
        Route = "tags", Singular = "tag", Plural = "tags", List = ListShape.KeyedById,
        Fields = [new("tag") { Trim = true }, new("description") { Ignored = true }],   // v1 ignores it; only v2 sets it (TagsV2.cs)
        Required = "tag", RequiredIsServerError = true,
        CreateMatches = "tag", BatchCreateMatches = true,
        SearchIgnored = true, Published = PublishedParam.Error,
        InUse = Routes.TagInUse, Changed = Routes.TagChanged,
    };

    /// <summary>
    /// Stages (StageBundle StageApiController), measured on 5.1.0: header + id, name, category, weight,
    /// description, publishUp, publishDown; list a plain array, total int; name required (400 "A name is
    /// required."); names need not be unique; PUT resets weight to 0, description/dates to null and isPublished to
    /// false; a change of weight alone leaves dateModified null.
    /// </summary>
    public static readonly AreaDef Stages = new()
    {
        Route = "stages", Singular = "stage", Plural = "stages", List = ListShape.Array, Header = true,
        Fields =
        [
            new("name"), new("category", FieldKind.Category) { Tracked = false }, new("weight", FieldKind.Int) { Tracked = false },
            new("description"), new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
        ],
        Required = "name",
        SearchFields = ["name", "description"],
        Deleted = Routes.StageDeleted,
    };

    /// <summary>Companies (LeadBundle CompanyApiController): custom fields, see <see cref="Routes.RenderCompany"/>.</summary>
    public static readonly AreaDef Companies = new()
    {
        Route = "companies", Singular = "company", Plural = "companies", List = ListShape.KeyedById,
        TotalIsString = true, EmptyListIsObject = true,
        Fields = Routes.CompanyFields,
        Required = "companyname", RequiredMessage = "This field is required.", Unique = "companyname",
        CreateMatches = "companyname",
        SearchFields = ["companyname", "companyemail"], FieldCommands = true, Published = PublishedParam.Ignored,
        FailedEditShowsAttempt = false, CreatedIsModifiedOnV7 = true,
        Render = Routes.RenderCompany, Deleted = Routes.CompanyDeleted,
    };

    // Declared before the rows that use it: static fields are initialised in order.
    /// <summary>The bundles a category may belong to on a stock 5.1.0 (measured; "sms", "focus", "lead" are refused).</summary>
    public static readonly string[] CategoryBundles =
        ["global", "asset", "campaign", "email", "form", "messages", "page", "plugin:focus", "plugin:mauticSocial", "point", "segment", "stage"];

    /// <summary>
    /// Categories (CategoryBundle CategoryApiController), measured on 5.1.0: {id, title, alias, description, color,
    /// bundle}, no header although isPublished is stored (?published=1 filters on it); list an array ordered by title,
    /// total int; title and bundle required (400 "bundle: A value is required., title: A title is required.", bundle
    /// first); bundle one of <see cref="CategoryBundles"/> and fixed once created (edits ignore it); alias from the
    /// alias sent or the title, unique within the bundle ("x", "x1"); PUT resets description and color and
    /// regenerates the alias from the title.
    /// </summary>
    public static readonly AreaDef Categories = new()
    {
        Route = "categories", Singular = "category", Plural = "categories", List = ListShape.Array, SetsPublished = true,
        Fields =
        [
            new("title") { RequiredMessage = "A title is required." }, new("alias"), new("description"), new("color"),
            new("bundle", FieldKind.Select) { Options = CategoryBundles, RequiredMessage = "A value is required.", CreateOnly = true },
        ],
        FormOrder = ["bundle", "title"],
        DefaultOrder = "title",
        SearchFields = ["title", "description"],
        BeforeSave = Routes.CategoryAlias, Deleted = Routes.CategoryDeleted,
    };

    /// <summary>
    /// Roles (UserBundle RoleApiController), measured on 5.1.0: header + id, name, description, isAdmin, rawPermissions;
    /// isPublished is always true (not settable); list an array ordered by name, total int; name required, not
    /// unique; rawPermissions an object stored as sent (anything else ignored) and kept by PUT; a "permissions" key
    /// is 400 "permissions: This form should not contain extra fields."; PUT without isAdmin is the generic 500.
    /// A stock Mautic has role 1 "Administrator"; the fake starts with none.
    /// </summary>
    public static readonly AreaDef Roles = new()
    {
        Route = "roles", Singular = "role", Plural = "roles", List = ListShape.Array, Header = true, SetsPublished = false,
        Fields =
        [
            new("name"), new("description"), new("isAdmin", FieldKind.Bool) { PutMissingIsServerError = true },
            new("rawPermissions", FieldKind.Json) { KeptOnPut = true },
        ],
        Required = "name", DefaultOrder = "name",
        SearchFields = ["name", "description"],
        ExtraErrors = Routes.RoleExtraErrors,
    };

    /// <summary>What GET /api/points/actions/types lists on a stock 5.1.0 (measured), type =&gt; label.</summary>
    public static readonly (string Type, string Label)[] PointActionTypes =
    [
        ("asset.download", "Downloads an asset"), ("email.send", "Is sent an email"), ("email.open", "Opens an email"),
        ("form.submit", "Submits a form"), ("page.hit", "Visits a landing page"), ("url.hit", "Visits specific URL"),
    ];

    /// <summary>
    /// Point actions (PointBundle PointApiController), measured on 5.1.0: header + id, name, category, type,
    /// description, publishUp, publishDown, delta, properties, repeatable; name and type required ("type: A point
    /// action must be selected."), type one of <see cref="PointActionTypes"/>; delta an integer; properties always []
    /// in the fake; PUT without repeatable is the generic 500.
    /// </summary>
    public static readonly AreaDef Points = new()
    {
        Route = "points", Singular = "point", Plural = "points", List = ListShape.Array, Header = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("category", FieldKind.Category) { Tracked = false },
            new("type", FieldKind.Select) { Options = PointActionTypes.Select(t => t.Type).ToArray(), RequiredMessage = "A point action must be selected." },
            new("description"), new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("delta", FieldKind.Int), new("properties", FieldKind.EmptyArray),
            new("repeatable", FieldKind.Bool) { PutMissingIsServerError = true },
        ],
        SearchFields = ["name", "description"],
    };

    /// <summary>
    /// Point triggers (PointBundle TriggerApiController), measured on 5.1.0: header + id, name, category, description,
    /// publishUp, publishDown, points, color, events, triggerExistingLeads; a new trigger already has dateModified and
    /// modifiedBy (saved twice); color defaults to "a0acb8" (not validated) and PUT puts it back; events are kept as
    /// sent, each new one given an id (see <see cref="Routes.TriggerEvents"/>); PUT without points or triggerExistingLeads
    /// is the generic 500.
    /// </summary>
    public static readonly AreaDef Triggers = new()
    {
        Route = "points/triggers", Singular = "trigger", Plural = "triggers", List = ListShape.Array, Header = true,
        CreatedIsModified = true,
        Fields =
        [
            new("name"), new("category", FieldKind.Category) { Tracked = false }, new("description"),
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("points", FieldKind.Int) { PutMissingIsServerError = true }, new("color") { Default = "a0acb8" },
            new("events", FieldKind.TriggerEvents), new("triggerExistingLeads", FieldKind.Bool) { PutMissingIsServerError = true },
        ],
        Required = "name",
        SearchFields = ["name", "description"],
    };

    /// <summary>Point groups (PointBundle PointGroupsApiController), measured on 5.1.0: header + id, name, description; name required.</summary>
    public static readonly AreaDef PointGroups = new()
    {
        Route = "points/groups", Singular = "pointGroup", Plural = "pointGroups", List = ListShape.Array, Header = true,
        Fields = [new("name"), new("description")],
        Required = "name",
        SearchFields = ["name", "description"],
    };

    /// <summary>
    /// Users (UserBundle UserApiController), measured on 5.1.0: see <see cref="Routes.RenderUser"/> and
    /// <see cref="Routes.ValidateUser"/>. username is set on create only (PATCH and PUT ignore it); plainPassword
    /// {password, confirm} is required on create (missing, mismatched or not an object: the generic 500) and ignored by
    /// every edit; role (an id) is required on create and kept by PUT; PUT resets position, timezone, locale,
    /// signature and isPublished. User 1 is the admin that users/self describes.
    /// </summary>
    public static readonly AreaDef Users = new()
    {
        Route = "users", Singular = "user", Plural = "users", List = ListShape.Array, Header = true,
        Fields =
        [
            new("username") { CreateOnly = true, RequiredMessage = "Username is required." },
            new("firstName") { RequiredMessage = "First name is required." }, new("lastName") { RequiredMessage = "Last name is required." },
            new("email"), new("position"), new("role", FieldKind.Int) { KeptOnPut = true },
            new("timezone"), new("locale"), new("signature"),
            new("plainPassword", FieldKind.Json) { CreateOnly = true, Tracked = false },
        ],
        FormOrder = ["username", "firstName", "lastName", "email", "role", "password"],
        SearchFields = ["username", "firstName", "lastName", "email"],
        Render = Routes.RenderUser, Validate = Routes.ValidateUser,
    };

    /// <summary>
    /// Contact notes (LeadBundle NoteApiController), measured on 5.1.0: {id, text, type, dateTime, lead}, no header;
    /// list an array, total int; lead (the contact id) checked before the form: missing is 400 "lead ID is
    /// mandatory", unknown 404 "Contact not found.", and either ends a batch/new in the generic 500 with the notes
    /// before it saved; text required ("Note text cannot be empty"), HTML kept; type one of general, email, call,
    /// meeting ("general" on create, PUT resets it and dateTime to null, PUT keeps the lead); see NotesFields.cs.
    /// </summary>
    public static readonly AreaDef Notes = new()
    {
        Route = "notes", Singular = "note", Plural = "notes", List = ListShape.Array,
        Fields =
        [
            new("text") { RequiredMessage = "Note text cannot be empty" },
            new("type", FieldKind.Select) { Options = ["general", "email", "call", "meeting"] },
            new("dateTime", FieldKind.DateTime), new("lead", FieldKind.Int) { KeptOnPut = true },
        ],
        SearchFields = ["text"],
        BeforeForm = Routes.NoteLead, BeforeSave = Routes.NoteType, Render = Routes.RenderNote,
    };

    /// <summary>
    /// Custom field definitions (LeadBundle FieldApiController), measured on 5.1.0: fields/contact and fields/company
    /// share one table and one id sequence (GET fields/company/{id} of a contact field answers it); lists keyed by id,
    /// total int, empty []; label required, alias made from the label when not sent, unique (400), fixed once made.
    /// </summary>
    public static readonly AreaDef ContactFields = Routes.FieldArea("contact", "lead");
    public static readonly AreaDef CompanyFields = Routes.FieldArea("company", "company");

    /// <summary>
    /// Focus items (MauticFocusBundle FocusApiController), measured on 5.1.0: header + id, name, category,
    /// description, type, website, style, publishUp, publishDown, properties, utmTags, form, htmlMode, html, editor,
    /// cache; one key "focus" for a record and a list; list keyed by id, total int, empty []; name, type and style
    /// required (400 "type: Use the builder to select what the focus should be., style: Use the builder to select what
    /// style should be used., name: A name is required.", in that order); a type or style Mautic does not know is its
    /// generic 500; cache is the generated script (see <see cref="Routes.RenderFocus"/>), and POST focus/{id}/js
    /// answers {js} with it (an unknown id is the generic 500).
    /// </summary>
    public static readonly AreaDef Focus = new()
    {
        Route = "focus", Singular = "focus", Plural = "focus", List = ListShape.KeyedById, Header = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("category", FieldKind.Category) { Tracked = false },
            new("description"),
            new("type") { RequiredMessage = "Use the builder to select what the focus should be." },
            new("website"),
            new("style") { RequiredMessage = "Use the builder to select what style should be used." },
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("properties", FieldKind.Raw), new("utmTags", FieldKind.Raw), new("form", FieldKind.Int),
            new("htmlMode"), new("html"), new("editor"),
        ],
        FormOrder = ["type", "style", "name"],
        SearchFields = ["name", "description"],
        Validate = Routes.ValidateFocus, Render = Routes.RenderFocus,
    };

    /// <summary>
    /// Landing pages (PageBundle PageApiController), measured on 5.1.0: header + id, title, alias, category, language,
    /// publishUp, publishDown, hits, uniqueHits, variantHits, revision, metaDescription, redirectType, redirectUrl,
    /// isPreferenceCenter, noIndex, variant/translation links, template, customHtml (see <see cref="Routes.RenderPage"/>);
    /// list an array, total int; title required ("A title is required."); alias made from the title, unique among pages;
    /// language "en" by default, one of ICU's locales, and a PUT without it is the generic 500 (NOT NULL); redirectType
    /// 301, 302, 303, 307 or 308; redirectUrl gets "http://"; isPreferenceCenter and noIndex null until sent.
    /// </summary>
    public static readonly AreaDef Pages = new()
    {
        Route = "pages", Singular = "page", Plural = "pages", List = ListShape.Array, Header = true,
        Fields =
        [
            new("title") { RequiredMessage = "A title is required." }, new("alias"), new("category", FieldKind.Category) { Tracked = false },
            new("language", FieldKind.Select) { Options = Routes.PageLanguages, Default = "en", PutMissingIsServerError = true },
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime), new("metaDescription"),
            new("redirectType", FieldKind.Select) { Options = ["301", "302", "303", "307", "308"] }, new("redirectUrl", FieldKind.Url),
            new("isPreferenceCenter", FieldKind.Bool) { NullDefault = true }, new("noIndex", FieldKind.Bool) { NullDefault = true },
            new("template"), new("customHtml"),
        ],
        SearchFields = ["title", "alias"],
        BeforeSave = Routes.PageSave, Render = Routes.RenderPage,
    };

    /// <summary>
    /// Assets (AssetBundle AssetApiController), measured on 5.1.0: header + id, title, alias, category, description,
    /// language, publishUp, publishDown, downloadCount, uniqueDownloadCount, revision, extension, mime, size,
    /// downloadUrl, storageLocation, disallow (see <see cref="Routes.RenderAsset"/>); list an array ordered by title,
    /// total int. The file (a name in the assets directory, or a URL with storageLocation remote) is read before the
    /// form (<see cref="Routes.AssetBinding"/>); path, remotePath and the file's facts are kept but not shown.
    /// </summary>
    public static readonly AreaDef Assets = new()
    {
        Route = "assets", Singular = "asset", Plural = "assets", List = ListShape.Array, Header = true,
        Fields =
        [
            new("title"), new("alias"), new("category", FieldKind.Category) { Tracked = false }, new("description"),
            new("language", FieldKind.Select) { Options = Routes.PageLanguages, RequiredMessage = "A value is required." },
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("storageLocation", FieldKind.Select) { Options = ["local", "remote"] },
            new("disallow", FieldKind.Bool) { NullDefault = true },
            new("remotePath"),
            // Mautic's own, never read from a payload (AssetBinding drops them): PUT leaves them.
            new("path") { KeptOnPut = true }, new("extension") { KeptOnPut = true }, new("mime") { KeptOnPut = true },
            new("size", FieldKind.Int) { KeptOnPut = true }, new("downloadCount", FieldKind.Int) { KeptOnPut = true, Tracked = false },
            new("uniqueDownloadCount", FieldKind.Int) { KeptOnPut = true, Tracked = false },
        ],
        FormOrder = ["tempName", "storageLocation"],
        DefaultOrder = "title",
        SearchFields = ["title", "alias"],
        PrepareBinding = Routes.AssetBinding, Validate = Routes.ValidateAsset, BeforeSave = Routes.AssetSave,
        Render = Routes.RenderAsset, Deleted = Routes.AssetDeleted,
    };

    /// <summary>
    /// E-mails (EmailBundle EmailApiController), measured on 5.1.0: header + id and the fields in the order of
    /// <see cref="Routes.RenderEmail"/>; list keyed by id ordered by name, total int, empty []; name and subject required;
    /// language "en" by default, one of ICU's locales, and a PUT without it is the generic 500 (NOT NULL); template one
    /// of the e-mail themes; emailType "template" unless sent ("list" needs existing segments in lists; any other text
    /// is kept); readCount, sentCount and revision are Mautic's own; no description (the form has none: it is ignored).
    /// </summary>
    public static readonly AreaDef Emails = new()
    {
        Route = "emails", Singular = "email", Plural = "emails", List = ListShape.KeyedById, Header = true, DefaultOrder = "name",
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("subject") { RequiredMessage = "A subject is required." },
            new("language", FieldKind.Select) { Options = Routes.PageLanguages, Default = "en", PutMissingIsServerError = true },
            new("category", FieldKind.Category) { Tracked = false },
            new("fromAddress"), new("fromName"), new("replyToAddress"), new("bccAddress"),
            new("useOwnerAsMailer", FieldKind.Bool) { NullDefault = true }, new("utmTags", FieldKind.Raw),
            new("customHtml"), new("plainText"), new("template", FieldKind.Select) { Options = Routes.EmailThemes },
            new("emailType"), new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("publicPreview", FieldKind.Bool), new("dynamicContent", FieldKind.Raw), new("lists", FieldKind.Raw),
        ],
        FormOrder = ["name", "subject", "fromName", "fromAddress", "replyToAddress", "bccAddress", "headers", "template", "publishUp", "publishDown", "category", "lists", "language"],
        SearchFields = ["name", "subject"],
        Validate = Routes.ValidateEmail, ExtraErrors = Routes.EmailExtraErrors, BeforeSave = Routes.EmailSave, Render = Routes.RenderEmail,
    };

    /// Forms (FormBundle FormApiController), measured on 5.1.0: header + id, name, alias, category, description,
    /// cachedHtml, publishUp, publishDown, fields, actions, template, inKioskMode, renderStyle, formType, postAction,
    /// postActionProperty, noIndex, formAttributes, language; list an array ordered by name, total int; a new form already
    /// has dateModified (saved twice); name required; the alias sent is ignored, made once from the name (10 characters);
    /// formType taken as sent ("standalone" by default); postAction return (default), redirect (postActionProperty a URL)
    /// or message; fields and actions merged as <see cref="Routes.PrepareForm"/> says; a deleted form takes its submissions.
    /// </summary>
    public static readonly AreaDef Forms = new()
    {
        Route = "forms", Singular = "form", Plural = "forms", List = ListShape.Array, Header = true, CreatedIsModified = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("alias") { KeptOnPut = true, Tracked = false },
            new("category", FieldKind.Category) { Tracked = false }, new("description"),
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("fields", FieldKind.Raw), new("actions", FieldKind.Raw),
            new("template"), new("inKioskMode", FieldKind.Bool), new("renderStyle", FieldKind.Bool),
            new("formType") { Default = "standalone" },
            new("postAction", FieldKind.Select) { Options = ["return", "redirect", "message"], Default = "return" },
            new("postActionProperty"), new("noIndex", FieldKind.Bool) { NullDefault = true }, new("formAttributes"), new("language"),
        ],
        DefaultOrder = "name",
        SearchFields = ["name", "description"],
        Prepare = Routes.PrepareForm, Validate = Routes.ValidateForm, BeforeSave = Routes.FormSave, Render = Routes.RenderForm, Deleted = Routes.FormDeleted,
    };

    /// Text messages (SmsBundle SmsApiController), measured on 5.1.0: header + id, name, message, language, category,
    /// publishUp, publishDown, sentCount; list keyed by id ordered by name, total int, empty []; name required (400);
    /// message and language NOT NULL: a create without message, a PUT without language, a PATCH blanking either is the
    /// generic 500; language "en" by default, one of ICU's locales; description, smsType and lists are taken but never
    /// shown; smsType "list" needs lists (existing segment ids), see <see cref="Routes.ValidateSms"/>. Search: name only.
    /// </summary>
    public static readonly AreaDef Smses = new()
    {
        Route = "smses", Singular = "sms", Plural = "smses", List = ListShape.KeyedById, Header = true,
        Fields =
        [
            new("name"), new("message") { NotNull = true },
            new("language", FieldKind.Select) { Options = Routes.PageLanguages, Default = "en", PutMissingIsServerError = true, NotNull = true },
            new("category", FieldKind.Category) { Tracked = false },
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("sentCount", FieldKind.Int) { Ignored = true },
            new("description") { Hidden = true }, new("smsType") { Hidden = true }, new("lists", FieldKind.Raw) { Hidden = true },
        ],
        Required = "name", DefaultOrder = "name",
        SearchFields = ["name"],
        Validate = Routes.ValidateSms,
    };

    /// <summary>
    /// Web push notifications (NotificationBundle NotificationApiController), measured on 5.1.0: header + id, name,
    /// heading, message, url, language, category, button, utmTags, publishUp, publishDown, readCount, sentCount; list
    /// keyed by id ordered by name; name, heading ("A title is required.", 7.0.0: "A heading is required.") and message ("A message is required.")
    /// required; url gets "http://" (not validated); language "en" by default, a PUT without it the generic 500;
    /// utmTags always shows its four keys; description taken, never shown. Search: name only.
    /// </summary>
    public static readonly AreaDef Notifications = new()
    {
        Route = "notifications", Singular = "notification", Plural = "notifications", List = ListShape.KeyedById, Header = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("heading") { RequiredMessage = "A title is required.", RequiredMessage7 = "A heading is required." },
            new("message") { RequiredMessage = "A message is required." }, new("url", FieldKind.Url),
            new("language", FieldKind.Select) { Options = Routes.PageLanguages, Default = "en", PutMissingIsServerError = true, NotNull = true },
            new("category", FieldKind.Category) { Tracked = false }, new("button"), new("utmTags", FieldKind.Raw),
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("readCount", FieldKind.Int) { Ignored = true }, new("sentCount", FieldKind.Int) { Ignored = true },
            new("description") { Hidden = true },
        ],
        DefaultOrder = "name",
        SearchFields = ["name"],
        Render = Routes.RenderNotification,
    };

    /// <summary>
    /// Tweets (MauticSocialBundle TweetApiController), measured on 5.1.0: header + id, name, text, language, category,
    /// mediaId, mediaPath, sentCount, favoriteCount, retweetCount, description; list keyed by id; name and text required
    /// ("text: A value is required."), text at most 280 characters; language (always "en") and isPublished (always
    /// true) are not form fields; page and asset must be existing ids, never shown. Search: name only.
    /// </summary>
    public static readonly AreaDef Tweets = new()
    {
        Route = "tweets", Singular = "tweet", Plural = "tweets", List = ListShape.KeyedById, Header = true, SetsPublished = false,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("text") { RequiredMessage = "A value is required." },
            new("language") { Ignored = true, Default = "en" }, new("category", FieldKind.Category) { Tracked = false },
            new("mediaId") { Ignored = true }, new("mediaPath") { Ignored = true },
            new("sentCount", FieldKind.Int) { Ignored = true }, new("favoriteCount", FieldKind.Int) { Ignored = true },
            new("retweetCount", FieldKind.Int) { Ignored = true }, new("description"),
            new("asset", FieldKind.Int) { Hidden = true }, new("page", FieldKind.Int) { Hidden = true },
        ],
        FormOrder = ["name", "description", "text", "asset", "page"],
        SearchFields = ["name"],
        Validate = Routes.ValidateTweet,
    };

    /// Dynamic content (DynamicContentBundle DynamicContentApiController), measured on 5.1.0: see
    /// <see cref="Routes.RenderDynamicContent"/>; list keyed by id, total int, empty []; name required; isCampaignBased
    /// true on create, and a PUT without it makes it false; an item that is not campaign based needs slotName ("Please
    /// enter a slot name.") and filters ("At least one filter is required."); language (stored, never shown) "en" by
    /// default, and a PUT without it is the generic 500; content loses its HTML tags; description is taken, not shown.
    /// </summary>
    public static readonly AreaDef DynamicContents = new()
    {
        Route = "dynamiccontents", Singular = "dynamicContent", Plural = "dynamicContents", List = ListShape.KeyedById, Header = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("category", FieldKind.Category) { Tracked = false },
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime), new("content"),
            new("utmTags", FieldKind.Raw), new("filters", FieldKind.Raw),
            new("isCampaignBased", FieldKind.Bool) { Default = true, PutClears = true }, new("slotName"),
            new("description"), new("type") { Default = "html", PutMissingIsServerErrorOn7 = true },
            new("language", FieldKind.Select) { Options = Routes.PageLanguages, Default = "en", PutMissingIsServerError = true },
        ],
        FormOrder = ["name", "slotName", "filters"],   // the order of the messages (measured: slotName, then filters)
        SearchFields = ["name"],
        ValidateMerged = Routes.ValidateDynamicContent, BeforeSave = Routes.DynamicContentSave, Render = Routes.RenderDynamicContent,
    };

    /// <summary>
    /// Marketing messages (ChannelBundle MessageApiController), measured on 5.1.0: header + id, name, description,
    /// publishUp, publishDown, channels, category; list an array, total int; name required; channels keyed by channel
    /// name (a stock server offers only email), see <see cref="Routes.MessageChannels"/>.
    /// </summary>
    public static readonly AreaDef Messages = new()
    {
        Route = "messages", Singular = "message", Plural = "messages", List = ListShape.Array, Header = true,
        Fields =
        [
            new("name") { RequiredMessage = "A name is required." }, new("description"),
            new("publishUp", FieldKind.DateTime), new("publishDown", FieldKind.DateTime),
            new("channels", FieldKind.Raw) { Tracked = false, Default = Routes.ResetChannels },
            new("category", FieldKind.Category) { Tracked = false },
        ],
        SearchFields = ["name", "description"],
        Validate = Routes.ValidateMessage, BeforeSave = Routes.MessageChannels, Render = Routes.RenderMessage,
    };

    /// <summary>
    /// Devices (LeadBundle DeviceApiController), measured on 5.1.0: {id, lead, clientInfo, device, deviceBrand,
    /// deviceModel, deviceOsName, deviceOsShortName, deviceOsVersion, deviceOsPlatform}, no header; list an array, total
    /// int; ?search= ignored; lead (or contact) checked before the form: missing on create 400 "contact ID is
    /// mandatory", unknown 404 "Contact not found.", and either ends a batch/new in the generic 500 with the devices
    /// before it saved; PUT keeps the contact and empties the rest; fields not in the form are ignored.
    /// </summary>
    public static readonly AreaDef Devices = new()
    {
        Route = "devices", Singular = "device", Plural = "devices", List = ListShape.Array,
        Fields =
        [
            new("device"), new("deviceBrand"), new("deviceModel"), new("deviceOsName"), new("deviceOsShortName"),
            new("deviceOsVersion"), new("deviceOsPlatform"), new("lead", FieldKind.Int) { KeptOnPut = true },
        ],
        SearchIgnored = true,
        BeforeForm = Routes.DeviceLead, Render = Routes.RenderDevice,
    };

    public static readonly AreaDef[] All = [Tags, Stages, Companies, Categories, Roles, Points, Triggers, PointGroups, Routes.CampaignArea, Users, Notes, ContactFields, CompanyFields, Focus, Pages, Assets, Emails, Forms, Smses, Notifications, Tweets, DynamicContents, Messages, Devices, Routes.ReportArea, Routes.WebhookArea];
}
