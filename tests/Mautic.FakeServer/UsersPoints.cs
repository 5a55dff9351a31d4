namespace Mautic.FakeServer;

/// <summary>
/// Users (the ten standard routes come from <see cref="FakeAreas.Users"/>) and their extra routes, the contact-owner
/// lookup, and the point-trigger event routes, as a real Mautic 5.1.0 answered them (see README, "Users and points").
/// </summary>
static partial class Routes
{
    /// <summary>What GET /api/points/triggers/events/types lists on a stock 5.1.0 (measured), type =&gt; label.</summary>
    public static readonly (string Type, string Label)[] TriggerEventTypes =
    [
        ("campaign.changecampaign", "Modify contact's campaigns"), ("lead.changelists", "Modify contact's segments"),
        ("lead.changetags", "Modify contact's tags"), ("plugin.leadpush", "Push contact to integration"),
        ("email.send", "Send an email"), ("email.send_to_user", "Send an email to user"),
    ];

    /// <summary>The role every stock Mautic has; the fake's roles table starts empty, users still refer to it.</summary>
    static JsonObject BuiltInAdministrator(bool self) => self
        ? new JsonObject { ["isPublished"] = true, ["id"] = 1, ["name"] = "Administrator", ["description"] = "Full system access", ["isAdmin"] = true }
        : new JsonObject { ["createdByUser"] = null, ["modifiedByUser"] = null, ["id"] = 1, ["name"] = "Administrator", ["description"] = "Full system access", ["isAdmin"] = true, ["rawPermissions"] = null };

    /// <summary>Bundles a permission may name; another is Mautic's generic 500 for a non-admin user (measured with "bogus").</summary>
    static readonly HashSet<string> PermissionBundles = new(StringComparer.Ordinal)
    {
        "api", "asset", "campaign", "category", "channel", "core", "dynamiccontent", "email", "focus", "form", "lead",
        "notification", "page", "plugin", "point", "report", "sms", "stage", "user", "webhook",
    };

    static void MapUsersPoints(WebApplication app, FakeState s)
    {
        lock (s.Sync)
        {
            // Role 1 is the built-in Administrator every stock Mautic has: the fake keeps its id free (its roles table starts empty).
            if (s.Roles.NextId == 1) s.Roles.NextId = 2;
            var users = s.Stores["users"];
            if (users.Rows.Count == 0)
                users.Add(new Dictionary<string, object?>
                {
                    ["username"] = s.AdminUser, ["firstName"] = "Admin", ["lastName"] = "User", ["email"] = "admin@example.com",
                    ["role"] = 1L, ["timezone"] = "", ["locale"] = "",
                }).DateAdded = DateTime.MinValue;
        }
        app.MapGet("/api/users/list/roles", ctx => Locked(s, () =>
        {
            var roles = new List<(long Id, string Name)>();
            if (!s.Roles.Rows.ContainsKey(1)) roles.Add((1, "Administrator"));
            roles.AddRange(s.Roles.Rows.Values.Select(r => (r.Id, r.Text("name") ?? "")));
            var rows = Lookup(ctx, roles.OrderBy(r => r.Name, Collation).Select(r => (r.Name, new JsonObject { ["id"] = r.Id, ["name"] = r.Name })));
            return Json(ctx, 200, rows);
        }));
        app.MapGet("/api/contacts/list/owners", ctx => Locked(s, () =>
        {
            var users = s.Stores["users"].Rows.Values.Where(u => u.IsPublished)
                .OrderBy(u => u.Text("firstName") ?? "", Collation).ThenBy(u => u.Text("lastName") ?? "", Collation)
                .Select(u => (u.Text("firstName") + " " + u.Text("lastName"), new JsonObject { ["id"] = u.Id, ["firstName"] = u.Text("firstName"), ["lastName"] = u.Text("lastName") }));
            return Json(ctx, 200, Lookup(ctx, users));
        }));
        app.MapPost("/api/users/{id:long}/permissioncheck", ctx => PermissionCheck(ctx, s));
    }

    /// <summary>A lookup list: ?filter= keeps rows whose text contains it (case-insensitive), ?limit= caps them; a bare array.</summary>
    static JsonArray Lookup(HttpContext ctx, IEnumerable<(string Text, JsonObject Row)> rows)
    {
        var filter = ctx.Request.Query["filter"].ToString();
        if (filter.Length > 0) rows = rows.Where(r => r.Text.Contains(filter, StringComparison.OrdinalIgnoreCase));
        if (int.TryParse(ctx.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0) rows = rows.Take(limit);
        return new JsonArray(rows.Select(r => (JsonNode)r.Row).ToArray());
    }

    /// <summary>users/self: the stored admin user at the top level, its null values left out (measured).</summary>
    static JsonObject? SelfUser(FakeState s)
    {
        lock (s.Sync)
        {
            if (!s.Stores["users"].Rows.TryGetValue(1, out var u)) return null;
            var o = new JsonObject();
            foreach (var (k, v) in RenderUser(s, u, RenderMode.One))
                if (v != null && k is not ("position" or "lastLogin" or "lastActive" or "signature")) o[k] = k == "role" ? RoleOf(s, u, self: true) : v.DeepClone();
            return o;
        }
    }

    static JsonObject? RoleOf(FakeState s, Entity user, bool self)
    {
        if (user["role"] is not long id) return null;
        if (s.Roles.Rows.TryGetValue(id, out var r))
        {
            var o = self
                ? new JsonObject { ["isPublished"] = true }
                : new JsonObject { ["createdByUser"] = r.CreatedByUser, ["modifiedByUser"] = r.ModifiedByUser };
            o["id"] = r.Id;
            o["name"] = r.Text("name");
            o["description"] = r.Text("description");
            o["isAdmin"] = r["isAdmin"] is true;
            if (!self) o["rawPermissions"] = ValueNode(r["rawPermissions"]);
            return o;
        }
        return id == 1 ? BuiltInAdministrator(self) : null;
    }

    /// <summary>
    /// A user as Mautic 5.1 serialises it (measured): header, id, username, firstName, lastName, email, position, the
    /// role as an object, timezone, locale, lastLogin, lastActive, signature. No password, no hash.
    /// </summary>
    internal static JsonObject RenderUser(FakeState s, Entity u, RenderMode mode)
    {
        var o = new JsonObject
        {
            ["isPublished"] = u.IsPublished,
            ["dateAdded"] = u.DateAdded == DateTime.MinValue ? null : Date(u.DateAdded),
            ["dateModified"] = u.DateModified.HasValue ? Date(u.DateModified.Value) : null,
            ["createdBy"] = u.DateAdded == DateTime.MinValue ? null : u.CreatedBy,
            ["createdByUser"] = u.DateAdded == DateTime.MinValue ? null : u.CreatedByUser,
            ["modifiedBy"] = u.ModifiedBy, ["modifiedByUser"] = u.ModifiedByUser,
            ["id"] = mode == RenderMode.Deleted ? null : u.Id,
        };
        foreach (var f in new[] { "username", "firstName", "lastName", "email", "position" }) o[f] = ValueNode(u[f]);
        o["role"] = RoleOf(s, u, self: false);
        o["timezone"] = ValueNode(u["timezone"]);
        o["locale"] = ValueNode(u["locale"]);
        o["lastLogin"] = null;
        o["lastActive"] = null;
        o["signature"] = ValueNode(u["signature"]);
        return o;
    }

    const string WeakPassword = "Please enter a stronger password. Your password must use a combination of upper and lower case, special characters and numbers.";

    /// <summary>
    /// A user's checks (measured): a new user's plainPassword must be {password, confirm} with both equal, else the
    /// whole request is the generic 500 (also for an empty payload); a weak password is 400 "password: ..."; e-mail
    /// blank or invalid "The email entered is invalid."; a role that does not exist "This value is not valid.", none
    /// "A role must be chosen for this user."; username and e-mail unique (400, "... is already in use. Please choose another.").
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ValidateUser(FakeState s, Entity target, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        string? password = null;
        if (isNew)
        {
            if (payload["plainPassword"] is not JsonObject pw || pw["password"]?.ToString() is not { Length: > 0 } p || pw["confirm"]?.ToString() != p)
                throw new ServerError(null);
            password = p;
        }
        var others = s.Stores["users"].Rows.Values.Where(o => o != target && o.Id != target.Id).ToList();
        string? Sent(string f) => payload[f] is JsonValue v ? v.ToString() : null;
        if (isNew && Sent("username") is { Length: > 0 } name && others.Any(o => Collation.Equals(o.Text("username") ?? "", name)))
            errors["username"] = "Username is already in use. Please choose another.";
        var email = payload.ContainsKey("email") ? Sent("email") : target.Text("email");
        if (email == null || !EmailRule.IsMatch(email)) errors["email"] = "The email entered is invalid.";
        else if (others.Any(o => Collation.Equals(o.Text("email") ?? "", email))) errors["email"] = "Email is already in use. Please choose another.";
        if (payload.ContainsKey("role"))
        {
            if (payload["role"] is JsonValue rv && long.TryParse(rv.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var role))
            {
                if (!s.Roles.Rows.ContainsKey(role) && role != 1) errors["role"] = "This value is not valid.";
            }
            else if (payload["role"] is not null) errors["role"] = "This value is not valid.";
        }
        if ((payload.ContainsKey("role") ? payload["role"] : (JsonNode?)(target["role"] is long r and > 0 ? r : null)) is null) errors.TryAdd("role", "A role must be chosen for this user.");
        if (password != null && !(password.Length >= 6 && password.Any(char.IsLower) && password.Any(char.IsUpper) && password.Any(char.IsDigit) && password.Any(c => !char.IsLetterOrDigit(c))))
            errors["password"] = WeakPassword;
        return errors;
    }

    /// <summary>
    /// POST users/{id}/permissioncheck (measured): body permissions, a string or an array; none is 400 "At least one
    /// permission must be submitted."; an admin role has every permission, even a made-up one; for another role a
    /// permission that is not bundle:name:level is the generic 403, an unknown bundle the generic 500, and
    /// bundle:name:level is granted when the role's rawPermissions["bundle:name"] holds level or "full" ("view"
    /// is granted by viewown or viewother, "edit" and "delete" the same way). The answer is {permission: bool}.
    /// </summary>
    static async Task PermissionCheck(HttpContext ctx, FakeState s)
    {
        var (ok, node) = await ReadBody(ctx);
        var asked = (ok ? AsPayload(node)["permissions"] : null) switch
        {
            JsonArray a => a.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0).ToList(),
            JsonValue v when v.ToString().Length > 0 => [v.ToString()],
            _ => new List<string>(),
        };
        Reply reply;
        lock (s.Sync)
        {
            if (!s.Stores["users"].Rows.TryGetValue(Id(ctx), out var user)) reply = Reply.NotFound;
            else if (asked.Count == 0) reply = new Reply(400, ApiErrorJson(400, "At least one permission must be submitted.", null));
            else
            {
                var role = user["role"] is long rid && s.Roles.Rows.TryGetValue(rid, out var r) ? r : null;
                var admin = role == null ? user["role"] is 1L : role["isAdmin"] is true;
                var raw = role?["rawPermissions"] as JsonObject;
                var answer = new JsonObject();
                reply = null!;
                foreach (var p in asked)
                {
                    if (admin) { answer[p] = true; continue; }
                    var parts = p.Split(':');
                    if (parts.Length != 3) { reply = Reply.Generic(403); break; }
                    if (!PermissionBundles.Contains(parts[0])) { reply = Reply.Generic(500); break; }
                    var levels = (raw?[parts[0] + ":" + parts[1]] as JsonArray)?.Select(x => x?.ToString()).ToHashSet() ?? [];
                    answer[p] = levels.Contains(parts[2]) || levels.Contains("full")
                        || (parts[2] is "view" or "edit" or "delete" && (levels.Contains(parts[2] + "own") || levels.Contains(parts[2] + "other")));
                }
                reply ??= new Reply(200, answer);
            }
        }
        await Send(ctx, reply);
    }

    /// <summary>A trigger's events as sent: each keeps the id it names, a new one gets the next event id (ids are global).</summary>
    internal static JsonArray TriggerEvents(FakeState s, JsonNode? node)
    {
        var items = node switch
        {
            JsonArray a => a.ToList(),
            JsonObject o => o.Select(kv => kv.Value).ToList(),
            _ => new List<JsonNode?>(),
        };
        var events = new JsonArray();
        foreach (var item in items.OfType<JsonObject>())
        {
            var id = item["id"] is JsonValue v && long.TryParse(v.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : s.NextTriggerEventId++;
            events.Add(new JsonObject
            {
                ["id"] = id, ["name"] = item["name"]?.ToString(), ["description"] = item["description"]?.ToString(),
                ["type"] = item["type"]?.ToString(), ["order"] = item["order"] is JsonValue ov && long.TryParse(ov.ToString(), out var order) ? order : 0,
                ["properties"] = item["properties"]?.DeepClone() ?? new JsonArray(),
            });
        }
        return events;
    }

    static Task PointTriggerEventTypes(HttpContext ctx)
    {
        var types = new JsonObject();
        foreach (var (type, label) in TriggerEventTypes) types[type] = label;
        return Json(ctx, 200, new JsonObject { ["eventTypes"] = types });
    }

    /// <summary>
    /// DELETE points/triggers/{id}/events/delete?events[]=… as Mautic 5.1.0 does it (measured, and so in its source):
    /// a missing trigger is 404; events not given as an array (events=1, or none) 400 "The events attribute must be
    /// array."; otherwise 200 with the trigger minus those events (ids it does not have are ignored), its null
    /// values left out. Mautic never saves that change: the events are still there on the next GET.
    /// </summary>
    static Task DeleteTriggerEvents(HttpContext ctx, FakeState s)
    {
        Reply reply;
        lock (s.Sync)
        {
            if (!s.Stores["points/triggers"].Rows.TryGetValue(Id(ctx), out var trigger)) reply = Reply.NotFound;
            else if (!ctx.Request.Query.ContainsKey("events[]")) reply = new Reply(400, ApiErrorJson(400, "The events attribute must be array.", null));
            else
            {
                var gone = ctx.Request.Query["events[]"].Select(x => x ?? "").ToHashSet();
                var o = RenderEntity(s, FakeAreas.Triggers, trigger, RenderMode.One);
                foreach (var k in o.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) o.Remove(k);
                if (o["events"] is JsonArray ev)
                    foreach (var e in ev.ToList())
                        if (gone.Contains(e?["id"]?.ToString() ?? "")) ev.Remove(e);
                reply = new Reply(200, new JsonObject { ["trigger"] = o });
            }
        }
        return Send(ctx, reply);
    }
}
