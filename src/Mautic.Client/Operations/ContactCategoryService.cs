using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading.Tasks;
using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// A contact's subscriptions to categories (Mautic's lead_categories table: id, lead_id, category_id, date_added,
    /// manually_added, manually_removed). Measured on real 5.1.0 and 7.0.0 (tests/Mautic.FakeServer/README.md):
    /// v1 has no route that changes them and reads them only as the stats table lead_categories (every value a string),
    /// which filters by lead_id (eq, in) and category_id; 7.0's v2 API writes them at /api/v2/contactcategories: POST
    /// {category, lead (IRIs), dateAdded (required: without it a 500), manuallyAdded, manuallyRemoved} answers 201 with
    /// {id, category: {id, title, alias, bundle}, lead: IRI, dateAdded, manuallyRemoved, manuallyAdded}; the same pair
    /// posted twice makes a second row; an unknown contact or category is a 500 "Item not found for \"/api/v2/...\"";
    /// PATCH (merge patch) changes what is sent, PUT needs category, lead and dateAdded (else a 500) and resets the flags
    /// not sent; DELETE answers 204, then 404. The v2 collection ignores its filters, so reads go through the stats table.
    /// </summary>
    public sealed class ContactCategoryService : ClientService
    {
        public const string TypeName = "Mautic.ContactCategory";
        const string Table = "lead_categories";
        const string Route = "contactcategories";
        static readonly Regex ItemNotFound = new Regex(@"Item not found for ""/api/v2/(contacts|categories)/(\d+)""", RegexOptions.Compiled);

        public ContactCategoryService(MauticClient client) : base(client) { }

        /// <summary>Throws NotSupported, sending nothing, when the server is older than 7.0 (v1 cannot change subscriptions).</summary>
        public void EnsureServer() => Client.Require(MauticVersions.V7, "Changing a contact's categories");

        static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The title of category <paramref name="categoryId"/> (GET categories/{id}), kept in <paramref name="titles"/>,
        /// which the caller keeps for one invocation; a missing category is NotFound "Category 9 was not found.".
        /// </summary>
        public string CategoryTitle(long categoryId, IDictionary<long, string> titles, CancellationToken ct = default)
        {
            EntityService.CheckId("category", categoryId);
            lock (titles)
                if (titles.TryGetValue(categoryId, out var known)) return known;
            var title = (string)MissingRecord.Read(Client, MauticResources.Categories, categoryId, ct)?["title"];
            lock (titles) titles[categoryId] = title;
            return title;
        }

        /// <summary>
        /// The subscriptions of the contacts (one stats read, lead_id in the list, ordered by id), of one category when
        /// <paramref name="categoryId"/> is given, as Mautic.ContactCategory records.
        /// </summary>
        public List<MauticRecord> Read(IReadOnlyCollection<long> contactIds, long? categoryId, IDictionary<long, string> titles, CancellationToken ct = default)
        {
            foreach (var id in contactIds) EntityService.CheckId("contact", id);
            if (categoryId.HasValue) EntityService.CheckId("category", categoryId);
            if (contactIds.Count == 0) return new List<MauticRecord>();
            var query = new ListQuery { OrderBy = "id", PageSize = 1000 };
            query.Where.Add(contactIds.Count == 1 ? new WhereClause("lead_id", "eq", contactIds.First()) : new WhereClause("lead_id", "in", contactIds.Distinct().ToList()));
            if (categoryId.HasValue) query.Where.Add(new WhereClause("category_id", "eq", categoryId.Value));
            return new StatsService(Client).Rows(Table, query, ct).Select(r => FromStats(r, titles, ct)).ToList();
        }

        /// <summary>
        /// One contact's subscriptions (<see cref="Read"/>). When there are none, the contact is read, so that a contact
        /// Mautic does not have is NotFound rather than nothing.
        /// </summary>
        public List<MauticRecord> OfContact(long contactId, long? categoryId, IDictionary<long, string> titles, CancellationToken ct = default)
        {
            var rows = Read(new[] { contactId }, categoryId, titles, ct);
            if (rows.Count == 0) MissingRecord.Read(Client, MauticResources.Contacts, contactId, ct);
            return rows;
        }

        /// <summary>One subscription by its id (GET /api/v2/contactcategories/{id}; 7.0 and later).</summary>
        public MauticRecord Get(long id, CancellationToken ct = default)
        {
            EnsureServer();
            return FromV2(Client.Send(MauticRequest.ForV2(HttpMethod.Get, PathOf(id)), ct).Body);
        }

        /// <summary>
        /// Subscribes each contact to the category (<paramref name="add"/>) or unsubscribes it. The contacts' rows of the
        /// category are read first, in one stats read for the batch (category titles kept in <paramref name="titles"/>). Adding: a row manually added and not removed is left
        /// as it is (a verbose line); a row otherwise (removed, or not marked added) is patched to manuallyAdded true,
        /// manuallyRemoved false; no row, one is created with dateAdded now. Removing deletes every row of the pair (Mautic
        /// allows duplicates); none is a verbose line, unless the contact does not exist (NotFound). A contact given twice
        /// in one batch is done once. Each outcome is the contact's subscription (when removing, the last row deleted, or none).
        /// </summary>
        public IEnumerable<BatchOutcome<T>> Change<T>(long categoryId, bool add, IReadOnlyList<WriteItem<T>> items, IDictionary<long, string> titles = null,
            int throttle = Batching.Throttle.Default, CancellationToken ct = default)
        {
            EnsureServer();
            EntityService.CheckId("category", categoryId);
            foreach (var item in items) EntityService.CheckId("contact", item.Id);
            Dictionary<long, List<MauticRecord>> existing;
            try
            {
                existing = Read(items.Select(i => i.Id.Value).Distinct().ToList(), categoryId, titles ?? new Dictionary<long, string>(), ct)
                    .GroupBy(r => (long)r["ContactId"]).ToDictionary(g => g.Key, g => g.ToList());
            }
            catch (MauticApiException e)
            {
                // Without the current rows nothing can be decided: every contact of the batch carries the error.
                return items.Select(i => BatchOutcome<T>.Failure(i.Input, e)).ToList();
            }
            var work = new ConcurrentDictionary<long, Lazy<Task<MauticRecord>>>();
            return MembershipService.Each(items, throttle, (item, c) =>
            {
                var contactId = item.Id.Value;
                existing.TryGetValue(contactId, out var rows);
                return work.GetOrAdd(contactId, _ => new Lazy<Task<MauticRecord>>(() =>
                    add ? Subscribe(categoryId, contactId, rows, c) : Unsubscribe(categoryId, contactId, rows, c))).Value;
            }, ct);
        }

        async Task<MauticRecord> Subscribe(long categoryId, long contactId, List<MauticRecord> rows, CancellationToken ct)
        {
            var current = rows?.FirstOrDefault(r => Equals(r["ManuallyAdded"], true) && !Equals(r["ManuallyRemoved"], true));
            if (current != null)
            {
                Client.Log(MauticLogLevel.Verbose, $"Contact {contactId} is already subscribed to category {categoryId} (row {current.Id}): nothing sent.");
                return current;
            }
            var flags = new JObject { ["manuallyAdded"] = true, ["manuallyRemoved"] = false };
            if (rows != null && rows.Count > 0)
                return await SendV2(new HttpMethod("PATCH"), PathOf(rows[0].Id.Value), flags, ct).ConfigureAwait(false);
            var body = Body(categoryId, contactId, DateTime.UtcNow);
            foreach (var p in flags.Properties()) body[p.Name] = p.Value;
            return await SendV2(HttpMethod.Post, Route, body, ct).ConfigureAwait(false);
        }

        async Task<MauticRecord> Unsubscribe(long categoryId, long contactId, List<MauticRecord> rows, CancellationToken ct)
        {
            if (rows == null || rows.Count == 0)
            {
                MissingRecord.Read(Client, MauticResources.Contacts, contactId, ct);
                Client.Log(MauticLogLevel.Verbose, $"Contact {contactId} is not subscribed to category {categoryId}: nothing to remove.");
                return null;
            }
            foreach (var row in rows)
                await SendV2(HttpMethod.Delete, PathOf(row.Id.Value), null, ct).ConfigureAwait(false);
            return rows[rows.Count - 1];
        }

        /// <summary>
        /// Changes one subscription: PATCH (a merge patch of the values given), or with <paramref name="replace"/> PUT,
        /// which needs the whole row: the row is read first for its category and contact, dateAdded is the one given or
        /// the row's, and a flag not given is false (what PUT does to a value not sent).
        /// </summary>
        public MauticRecord Update(long id, bool? manuallyAdded, bool? manuallyRemoved, DateTime? dateAdded, bool replace, CancellationToken ct = default)
        {
            EnsureServer();
            var path = PathOf(id);
            if (!replace)
            {
                var patch = Flags(manuallyAdded, manuallyRemoved, dateAdded);
                if (patch.Count == 0)
                    throw new MauticApiException($"Nothing to change on contact category {id}: give -ManuallyAdded, -ManuallyRemoved or -DateAdded.", MauticErrorKind.InvalidArgument);
                return SendV2(new HttpMethod("PATCH"), path, patch, ct).GetAwaiter().GetResult();
            }
            var row = Get(id, ct);
            var body = Body((long)row["CategoryId"], (long)row["ContactId"], dateAdded ?? (DateTime)row["DateAdded"]);
            body["manuallyAdded"] = manuallyAdded ?? false;
            body["manuallyRemoved"] = manuallyRemoved ?? false;
            return SendV2(HttpMethod.Put, path, body, ct).GetAwaiter().GetResult();
        }

        static JObject Flags(bool? manuallyAdded, bool? manuallyRemoved, DateTime? dateAdded)
        {
            var o = new JObject();
            if (manuallyAdded.HasValue) o["manuallyAdded"] = manuallyAdded.Value;
            if (manuallyRemoved.HasValue) o["manuallyRemoved"] = manuallyRemoved.Value;
            if (dateAdded.HasValue) o["dateAdded"] = IsoDate(dateAdded.Value);
            return o;
        }

        static JObject Body(long categoryId, long contactId, DateTime dateAdded) => new JObject
        {
            ["category"] = "/api/v2/categories/" + Invariant(categoryId),
            ["lead"] = "/api/v2/contacts/" + Invariant(contactId),
            ["dateAdded"] = IsoDate(dateAdded),
        };

        /// <summary>A date as v2 takes it: ISO 8601 in UTC ("2026-12-06T10:00:00+00:00"); an unspecified kind is taken as local time, as PowerShell's Get-Date gives it.</summary>
        static string IsoDate(DateTime d) =>
            (d.Kind == DateTimeKind.Utc ? d : d.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

        static string PathOf(long id)
        {
            EntityService.CheckId("contact category", id);
            return Route + "/" + Invariant(id);
        }

        /// <summary>Sends a v2 write; Mautic's 500 "Item not found for \"/api/v2/contacts/7\"." becomes NotFound naming the contact or category.</summary>
        async Task<MauticRecord> SendV2(HttpMethod method, string path, JObject body, CancellationToken ct)
        {
            try
            {
                var response = await Client.SendAsync(MauticRequest.ForV2(method, path, body), ct).ConfigureAwait(false);
                return method == HttpMethod.Delete ? null : FromV2(response.Body);
            }
            catch (MauticApiException e) when (e.MauticMessage != null && ItemNotFound.IsMatch(e.MauticMessage))
            {
                var m = ItemNotFound.Match(e.MauticMessage);
                var noun = m.Groups[1].Value == "contacts" ? "Contact" : "Category";
                throw new MauticApiException($"{noun} {m.Groups[2].Value} was not found. (Mautic answered {e.Method} {e.Url}: {e.MauticMessage} HTTP {e.StatusCode}.)",
                    MauticErrorKind.NotFound, e) { Method = e.Method, Url = e.Url, StatusCode = e.StatusCode, MauticCode = e.MauticCode, MauticMessage = e.MauticMessage };
            }
        }

        static MauticRecord Record(long? id, long? contactId, long? categoryId, string title, DateTime? dateAdded, bool? manuallyAdded, bool? manuallyRemoved)
        {
            var r = new MauticRecord(TypeName);
            r["Id"] = id;
            r["ContactId"] = contactId;
            r["CategoryId"] = categoryId;
            r["Category"] = title;
            r["DateAdded"] = dateAdded;
            r["ManuallyAdded"] = manuallyAdded ?? false;
            r["ManuallyRemoved"] = manuallyRemoved ?? false;
            return r;
        }

        /// <summary>A stats row (every value a string, dates in UTC as "yyyy-MM-dd HH:mm:ss") as a Mautic.ContactCategory.</summary>
        MauticRecord FromStats(MauticRecord row, IDictionary<long, string> titles, CancellationToken ct)
        {
            long? Long(string col) => row[col] as long? ?? MauticJson.ToLong(row[col] as string);
            bool? Bool(string col) => MauticJson.ToBool(row[col] as string);
            var categoryId = Long("category_id");
            string title = null;
            if (categoryId > 0)
            {
                try { title = CategoryTitle(categoryId.Value, titles, ct); }
                catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound) { lock (titles) titles[categoryId.Value] = null; }
            }
            DateTime? date = null;
            if (row["date_added"] is DateTime dt) date = dt;
            else if (row["date_added"] is string s && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) date = parsed;
            return Record(Long("id"), Long("lead_id"), categoryId, title, date, Bool("manually_added"), Bool("manually_removed"));
        }

        /// <summary>A v2 answer ({id, category: {id, title, ...}, lead: "/api/v2/contacts/7", dateAdded, manually*}) as a Mautic.ContactCategory.</summary>
        static MauticRecord FromV2(JToken body)
        {
            if (!(body is JObject o) || MauticJson.ToLong(o["id"]) == null)
                throw new MauticApiException("Mautic did not answer with a contact category ({id, category, lead, ...}).", MauticErrorKind.Protocol);
            var category = o["category"];
            var categoryId = category is JObject c ? MauticJson.ToLong(c["id"]) : IriId(category);
            var title = category is JObject ct ? (string)ct["title"] : null;
            var lead = o["lead"];
            var contactId = lead is JObject l ? MauticJson.ToLong(l["id"]) : IriId(lead);
            var date = RecordShaper.Value("dateAdded", o["dateAdded"]) as DateTime?;
            return Record(MauticJson.ToLong(o["id"]), contactId, categoryId, title, date, MauticJson.ToBool(o["manuallyAdded"]), MauticJson.ToBool(o["manuallyRemoved"]));
        }

        /// <summary>The id at the end of an IRI ("/api/v2/contacts/7": 7).</summary>
        static long? IriId(JToken t)
        {
            var s = t?.Type == JTokenType.String ? (string)t : null;
            var slash = s?.LastIndexOf('/') ?? -1;
            return slash >= 0 && long.TryParse(s.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        }
    }
}
