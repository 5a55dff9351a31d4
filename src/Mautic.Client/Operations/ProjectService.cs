using System.Net.Http;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Projects (Mautic 7.0 and later), served only by the v2 API (API Platform) at /api/v2/projects, and the project
    /// lists of the v1 records that carry one. Facts measured on a real 7.0.0 (tests/Mautic.FakeServer/README.md):
    /// a project is {id, name, description (left out when null), properties (a JSON array or object)}; the collection
    /// answers 30 per page (?page=n, from 1; itemsPerPage and filters are ignored; page 0 is a 500), ordered by id;
    /// names need not be unique; PUT replaces (what is not sent is reset), PATCH merges; errors come in Mautic's
    /// {errors:[{message, code}]} shape, a validation failure as a 422 that names no field.
    /// Every call first checks the server is 7.0 or later, and sends nothing when it is not.
    /// </summary>
    public sealed class ProjectService : ClientService
    {
        public ProjectService(MauticClient client) : base(client) { }

        public const string TypeName = "Mautic.Project";
        const string Route = "projects";

        /// <summary>The v1 areas whose records carry a project list (measured on 7.0.0), by the type name of their records.</summary>
        public static readonly IReadOnlyList<MauticResource> MemberKinds = new[]
        {
            MauticResources.Smses, MauticResources.Emails, MauticResources.PointActions, MauticResources.PointTriggers, MauticResources.Forms,
            MauticResources.Pages, MauticResources.Messages, MauticResources.Stages, MauticResources.DynamicContents, MauticResources.Campaigns,
            MauticResources.Segments, MauticResources.Companies, MauticResources.Assets, MauticResources.Focus,
        };

        /// <summary>The area of a record type name (Mautic.Segment), when its records carry projects; null otherwise.</summary>
        public static MauticResource MemberKindOf(string typeName) =>
            MemberKinds.FirstOrDefault(k => string.Equals(k.TypeName, typeName, StringComparison.OrdinalIgnoreCase));

        void Require(string what) => Client.Require(MauticVersions.V7, what);

        /// <summary>Throws NotSupported, sending nothing, when the server is older than 7.0 ("Projects need Mautic 7.0 or later; ...").</summary>
        public void EnsureServer() => Client.Require(MauticVersions.V7, "Projects");

        static MauticRecord Shape(JToken token) => RecordShaper.Shape(token, TypeName, false);

        static string PathOf(long id)
        {
            EntityService.CheckId("project", id);
            return Route + "/" + id.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Every project, streamed a page at a time (GET projects?page=n; see <see cref="ClientService.WalkV2"/>).
        /// </summary>
        public IEnumerable<MauticRecord> List(CancellationToken ct = default)
        {
            Require("Listing projects");
            return WalkV2(Route, "projects", ct).Select(Shape);
        }

        public MauticRecord Get(long id, CancellationToken ct = default)
        {
            Require("Reading a project");
            return Shape(Client.Send(MauticRequest.ForV2(HttpMethod.Get, PathOf(id)), ct).Body);
        }

        /// <summary>
        /// The id of the one project named <paramref name="name"/> (case-insensitive; the v2 collection has no filter,
        /// so the list is read). None is NotFound; two or more (names need not be unique) InvalidArgument naming their ids.
        /// </summary>
        public long FindIdByName(string name, CancellationToken ct = default)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new MauticApiException("The project name is empty.", MauticErrorKind.InvalidArgument);
            var ids = List(ct).Where(p => string.Equals(((string)p["name"])?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Id).Where(i => i.HasValue).Select(i => i.Value).ToList();
            if (ids.Count == 1) return ids[0];
            if (ids.Count == 0)
                throw new MauticApiException($"Mautic has no project named '{name}'.", MauticErrorKind.NotFound) { StatusCode = 404, Method = "GET", Url = "api/v2/" + Route };
            throw new MauticApiException($"Project name '{name}' is not unique: {ids.Count} projects have it (ids " +
                string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "). Give the id instead.", MauticErrorKind.InvalidArgument);
        }

        /// <summary>The JSON body of a create, PUT or merge patch: only the values given (null leaves a value out).</summary>
        public static MauticPayload Body(string name, string description, object properties, bool clearDescription = false)
        {
            var body = new JObject();
            if (name != null) body["name"] = name;
            if (description != null) body["description"] = description.Length == 0 && clearDescription ? JValue.CreateNull() : (JToken)description;
            if (properties != null) body["properties"] = MauticJson.FromValue(properties);
            return new MauticPayload(body);
        }

        static void CheckName(JObject body, bool required)
        {
            var name = body["name"];
            if (name == null && !required) return;
            if (name == null || name.Type == JTokenType.Null || string.IsNullOrWhiteSpace(name.ToString()))
                throw new MauticApiException("A project needs a name that is not blank (Mautic 7.0.0 answers a 422 that names no field).", MauticErrorKind.InvalidArgument);
        }

        /// <summary>POST projects: {name, description?, properties?}; the 201's project.</summary>
        public MauticRecord Create(MauticPayload body, CancellationToken ct = default)
        {
            Require("Creating a project");
            CheckName(body.Json, required: true);
            return Shape(Client.Send(MauticRequest.ForV2(HttpMethod.Post, Route, body.Json), ct).Body);
        }

        /// <summary>PATCH projects/{id} as a JSON merge patch: only what is sent changes.</summary>
        public MauticRecord Update(long id, MauticPayload patch, CancellationToken ct = default)
        {
            Require("Changing a project");
            var path = PathOf(id);
            CheckName(patch.Json, required: false);
            return Shape(Client.Send(MauticRequest.ForV2(new HttpMethod("PATCH"), path, patch.Json), ct).Body);
        }

        /// <summary>PUT projects/{id}: replaces the project; a value not sent is reset (description null, properties []).</summary>
        public MauticRecord Replace(long id, MauticPayload body, CancellationToken ct = default)
        {
            Require("Replacing a project");
            var path = PathOf(id);
            CheckName(body.Json, required: true);
            return Shape(Client.Send(MauticRequest.ForV2(HttpMethod.Put, path, body.Json), ct).Body);
        }

        /// <summary>DELETE projects/{id} (204); Mautic takes the project off every record that had it.</summary>
        public void Delete(long id, CancellationToken ct = default)
        {
            Require("Deleting a project");
            Client.Send(MauticRequest.ForV2(HttpMethod.Delete, PathOf(id)), ct);
        }

        /// <summary>What a membership change did: the record as Mautic answered (or read, when nothing changed) and whether it was sent.</summary>
        public sealed class MembershipChange
        {
            internal MembershipChange(MauticRecord record, bool changed) { Record = record; Changed = changed; }
            public MauticRecord Record { get; }
            /// <summary>False when the record already was (or was not) in the project: nothing was sent.</summary>
            public bool Changed { get; }
        }

        /// <summary>
        /// Puts a v1 record of <paramref name="kind"/> into the projects (<paramref name="add"/>) or takes it out: reads the
        /// record's projects (a list of {id, name}), and when the list changes sends PATCH {route}/{id}/edit with
        /// {"projects": [ids]}, which replaces the record's list (measured on 7.0.0; [] empties it). A project id Mautic
        /// does not have is its 400 "projects: The selected choice is invalid.".
        /// </summary>
        public MembershipChange ChangeMembership(MauticResource kind, long recordId, IReadOnlyCollection<long> projectIds, bool add, CancellationToken ct = default)
        {
            if (kind == null) throw new ArgumentNullException(nameof(kind));
            if (!MemberKinds.Contains(kind))
                throw new MauticApiException($"A {kind.Noun} has no projects: only {string.Join(", ", MemberKinds.Select(k => k.Noun + "s"))} do.", MauticErrorKind.InvalidArgument);
            Require(add ? "Adding to a project" : "Removing from a project");
            EntityService.CheckId(kind.Noun, recordId);
            foreach (var p in projectIds) EntityService.CheckId("project", p);
            var path = kind.Route + "/" + recordId.ToString(CultureInfo.InvariantCulture);
            var record = Client.Send(MauticRequest.Get(path), ct).Body?[kind.Singular] as JObject;
            if (record == null)
                throw new MauticApiException($"GET /api/{path} did not answer with a {kind.Noun} record.", MauticErrorKind.Protocol) { Method = "GET", Url = "api/" + path };
            var current = ProjectIdsOf(record);
            var next = add ? current.Concat(projectIds.Where(p => !current.Contains(p))).ToList() : current.Where(p => !projectIds.Contains(p)).ToList();
            if (next.Count == current.Count && next.SequenceEqual(current))
                return new MembershipChange(EntityService.Shape(record, kind), false);
            var body = Client.Send(MauticRequest.Patch(path + "/edit", new JObject { ["projects"] = new JArray(next) }), ct).Body;
            return new MembershipChange(EntityService.Shape(body?[kind.Singular], kind), true);
        }

        /// <summary>The project ids of a v1 record's projects list ({id, name} objects, or bare ids).</summary>
        public static List<long> ProjectIdsOf(JObject record) =>
            MauticJson.Map(record?["projects"]).Select(kv => MauticJson.ToLong(kv.Value is JObject o ? o["id"] : kv.Value))
                .Where(i => i.HasValue).Select(i => i.Value).Distinct().ToList();
    }
}
