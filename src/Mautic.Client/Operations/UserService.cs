namespace Mautic.Client.Operations
{
    /// <summary>
    /// The routes of the users and points areas beyond the standard ten: the connected user, the role and owner
    /// lookups, a user's permission check, the action and event type lists, and removing a trigger's events.
    /// </summary>
    public sealed class UserService : ClientService
    {
        public UserService(MauticClient client) : base(client) { }

        /// <summary>GET users/self: the user the connection acts as (Mautic sends it bare, its null values left out).</summary>
        public MauticRecord Self(CancellationToken ct = default) =>
            RecordShaper.Shape(Client.Send(MauticRequest.Get("users/self"), ct).Body, MauticResources.Users.TypeName, false);

        /// <summary>GET users/list/roles: the roles a user can be given, {id, name}, a bare array; filter matches the name.</summary>
        public IEnumerable<MauticRecord> RoleChoices(string filter, int? limit, CancellationToken ct = default) =>
            SubListReader.Read(Client, "users/list/roles", null, "Mautic.UserRole", query: Lookup(filter, limit), ct: ct);

        /// <summary>GET contacts/list/owners: the users who can own contacts, {id, firstName, lastName}, a bare array.</summary>
        public IEnumerable<MauticRecord> ContactOwners(string filter, int? limit, CancellationToken ct = default) =>
            SubListReader.Read(Client, "contacts/list/owners", null, "Mautic.ContactOwner", query: Lookup(filter, limit), ct: ct);

        static IEnumerable<KeyValuePair<string, object>> Lookup(string filter, int? limit)
        {
            if (!string.IsNullOrEmpty(filter)) yield return new KeyValuePair<string, object>("filter", filter);
            if (limit.HasValue) yield return new KeyValuePair<string, object>("limit", limit.Value);
        }

        static readonly Regex PermissionShape = new Regex(@"^[^:\s]+:[^:\s]+:[^:\s]+$", RegexOptions.Compiled);

        /// <summary>True for "bundle:name:level" (lead:leads:viewown); Mautic refuses any other shape with a bare 403.</summary>
        public static bool IsPermission(string permission) => permission != null && PermissionShape.IsMatch(permission);

        /// <summary>
        /// POST users/{id}/permissioncheck with every permission at once: Mautic answers {permission: granted}. It fails
        /// the whole check with its generic HTTP 500 when one permission names a bundle it does not know (an admin
        /// role is granted everything, made-up names too).
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, bool>> CheckPermissions(long userId, IReadOnlyList<string> permissions, CancellationToken ct = default)
        {
            EntityService.CheckId("user", userId);
            if (permissions == null || permissions.Count == 0)
                throw new MauticApiException("Give at least one permission to check.", MauticErrorKind.InvalidArgument);
            var bad = permissions.FirstOrDefault(p => !IsPermission(p));
            if (bad != null)
                throw new MauticApiException($"'{bad}' is not a Mautic permission: write bundle:name:level, e.g. lead:leads:viewown.", MauticErrorKind.InvalidArgument);
            JToken body;
            try
            {
                body = Client.Send(MauticRequest.Post(SubListReader.PathOf("users", userId, "permissioncheck"), new JObject { ["permissions"] = new JArray(permissions) }), ct).Body;
            }
            catch (MauticApiException e) when (e.StatusCode == 500)
            {
                throw new MauticApiException($"Mautic could not check {string.Join(", ", permissions)} for user {userId}: {e.Message} " +
                    "Mautic fails like this when a permission names a bundle it does not know (the part before the first colon).", e.Kind, e)
                    { StatusCode = e.StatusCode, MauticCode = e.MauticCode, MauticMessage = e.MauticMessage, Method = e.Method, Url = e.Url };
            }
            var answer = body as JObject;
            return permissions.Select(p => new KeyValuePair<string, bool>(p, MauticJson.ToBool(answer?[p]) ?? false)).ToList();
        }

        /// <summary>GET points/actions/types or points/triggers/events/types: type =&gt; label, as records {type, label}.</summary>
        public IEnumerable<MauticRecord> Types(string path, string key, string typeName, CancellationToken ct = default)
        {
            var body = Client.Send(MauticRequest.Get(path), ct).Body;
            foreach (var kv in MauticJson.Map(body?[key]))
            {
                var record = new MauticRecord(typeName);
                record["type"] = kv.Key;
                record["label"] = kv.Value?.ToString();
                yield return record;
            }
        }

        /// <summary>
        /// DELETE points/triggers/{id}/events/delete?events[]=…: Mautic 5.1 answers the trigger without the events but
        /// never saves that (its controller does not flush), so the ids still there afterwards come back as StillThere
        /// (see <see cref="EntityService.RemoveItems"/>).
        /// </summary>
        public EntityService.ItemRemoval RemoveTriggerEvents(long triggerId, IReadOnlyList<long> eventIds, CancellationToken ct = default) =>
            new EntityService(Client, MauticResources.PointTriggers).RemoveItems(triggerId, "events", "point trigger event", eventIds, ct);
    }
}
