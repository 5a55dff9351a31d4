using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using System.Globalization;
using Mautic.Client.Batching;
using System.Collections;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>Contacts: field-alias payloads, exact e-mail lookup, a contact's segments.</summary>
    public sealed class ContactService : EntityService
    {
        public ContactService(MauticClient client) : base(client, MauticResources.Contacts) { }

        static readonly Regex EmailShape = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.Compiled);

        /// <summary>Friendly parameter and CSV names to Mautic field aliases; anything else is lower-cased.</summary>
        static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["FirstName"] = "firstname", ["First Name"] = "firstname", ["GivenName"] = "firstname",
            ["LastName"] = "lastname", ["Last Name"] = "lastname", ["Surname"] = "lastname",
            ["Email"] = "email", ["EmailAddress"] = "email", ["E-mail"] = "email", ["Mail"] = "email",
            ["Company"] = "company", ["CompanyName"] = "company",
            ["Phone"] = "phone", ["Mobile"] = "mobile", ["ZipCode"] = "zipcode", ["PostalCode"] = "zipcode",
            ["Tag"] = "tags", ["Tags"] = "tags", ["Owner"] = "owner", ["OwnerId"] = "owner",
        };

        /// <summary>Properties of a contact that Mautic computes; copied back they would be rejected or ignored.</summary>
        static readonly HashSet<string> ReadOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "id", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "dateIdentified",
            "color", "ipAddresses", "utmtags", "doNotContact", "frequencyRules", "preferredProfileImage", "fields", "isPublished",
            "checkedOut", "checkedOutBy", "checkedOutByUser", "lastActive", "last_active", "PSComputerName", "RunspaceId", "PSShowComputerName",
        };

        public static string ToAlias(string name)
        {
            if (name == null) return null;
            if (Aliases.TryGetValue(name.Trim(), out var alias)) return alias;
            return name.Trim().Replace(" ", "").ToLowerInvariant();
        }

        /// <summary>
        /// Builds one contact payload. Sources are applied in order, later ones winning: the input object's properties
        /// (CSV columns), then -Property, then the named parameters. Returns the problems found (an empty payload, an
        /// invalid e-mail) instead of throwing, so a bad record becomes one error and the rest go on.
        /// </summary>
        public static MauticPayload BuildPayload(
            IEnumerable<KeyValuePair<string, object>> inputProperties,
            IDictionary property,
            IEnumerable<KeyValuePair<string, object>> named,
            IEnumerable<string> addTags,
            IEnumerable<string> removeTags,
            out string problem)
        {
            problem = null;
            var payload = new JObject();
            void Put(string name, object value, bool skipReadOnly)
            {
                if (string.IsNullOrWhiteSpace(name) || value == null) return;
                if (skipReadOnly && ReadOnly.Contains(name)) return;
                var alias = ToAlias(name);
                // A CSV row shows owner and stage by name (their text form); Mautic reads them only as ids.
                if (skipReadOnly && (alias == "owner" || alias == "stage") && value is string text && !long.TryParse(text.Trim(), out _)) return;
                if (alias == "tags") { MergeTags(payload, ToTagList(value)); return; }
                if (alias == "owner") { payload["owner"] = MauticJson.FromValue(OwnerId(value)); return; }
                payload[alias] = MauticJson.FromValue(value);
            }
            if (inputProperties != null) foreach (var kv in inputProperties) Put(kv.Key, kv.Value, true);
            if (property != null) foreach (DictionaryEntry e in property) Put(Convert.ToString(e.Key, CultureInfo.InvariantCulture), e.Value, false);
            if (named != null) foreach (var kv in named) Put(kv.Key, kv.Value, false);
            if (addTags != null) MergeTags(payload, addTags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));
            if (removeTags != null) MergeTags(payload, removeTags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => "-" + t.Trim().TrimStart('-')));

            var email = payload["email"];
            if (email != null && email.Type == JTokenType.String && ((string)email).Length > 0 && !EmailShape.IsMatch(((string)email).Trim()))
                problem = $"'{email}' is not a valid e-mail address.";
            else if (email != null && email.Type == JTokenType.String) payload["email"] = ((string)email).Trim();
            if (problem == null && !payload.Properties().Any())
                problem = "There is nothing to send: no field values were given.";
            return new MauticPayload(payload);
        }

        static object OwnerId(object value)
        {
            if (value is MauticRecord r) return r.Id;
            var l = MauticJson.ToLong(JToken.FromObject(value is string s ? s.Trim() : value));
            return l ?? (object)value.ToString();
        }

        static IEnumerable<string> ToTagList(object value)
        {
            if (value is string s) return s.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()).Where(t => t.Length > 0);
            if (value is IEnumerable e) return e.Cast<object>().Where(o => o != null).Select(o => o is MauticRecord r ? Convert.ToString(r["tag"]) : Convert.ToString(o, CultureInfo.InvariantCulture));
            return new[] { Convert.ToString(value, CultureInfo.InvariantCulture) };
        }

        static void MergeTags(JObject payload, IEnumerable<string> tags)
        {
            var list = payload["tags"] as JArray ?? new JArray();
            foreach (var t in tags) if (!list.Any(x => (string)x == t)) list.Add(t);
            if (list.Count > 0) payload["tags"] = list;
        }

        /// <summary>
        /// What a contact listing with minimal=1 leaves out (measured on 7.0.0; the fields stay, so the body shrinks little,
        /// but Mautic skips reading these for every contact).
        /// </summary>
        public static readonly IReadOnlyCollection<string> MinimalDrops = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "dateIdentified", "doNotContact", "frequencyRules", "ipAddresses", "lastActive", "owner", "preferredProfileImage", "stage", "tags", "utmtags",
        };

        /// <summary>
        /// The record with only its id and <paramref name="names"/> (field aliases or record properties, any case, in the
        /// order given). A name the record lacks is an InvalidArgument naming it: a contact has every field, so it is a typo.
        /// </summary>
        public static MauticRecord Select(MauticRecord record, IReadOnlyList<string> names)
        {
            var trimmed = new MauticRecord(record.TypeName) { ["id"] = record["id"] };
            foreach (var name in names)
            {
                var own = record.Properties.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                if (own == null)
                    throw new MauticApiException($"-Select: contacts have no property '{name}'. Use a field alias (Get-MauticField) or a property a contact shows (tags, owner, stage, points, ...).",
                        MauticErrorKind.InvalidArgument);
                trimmed[own] = record[own];
            }
            return trimmed;
        }

        /// <summary>Exact e-mail match through a where eq filter (search=email:x is unreliable, and '+' needs encoding).</summary>
        public Pager FindByEmail(string email, ListQuery query = null, CancellationToken ct = default)
        {
            if (string.IsNullOrWhiteSpace(email)) throw new MauticApiException("The e-mail to look for is empty.", MauticErrorKind.InvalidArgument);
            query = query ?? new ListQuery();
            query.Where.Add(new WhereClause("email", "eq", email.Trim()));
            return List(query, ct);
        }

        /// <summary>
        /// Creates contacts (batch/new), and settles every row of a batch that was cut off: when the request was sent and
        /// no answer came (<see cref="MauticApiException.MayHaveBeenProcessed"/>), each row is looked up by its e-mail once
        /// Mautic answers again (<see cref="CreateSettled{T}"/>).
        /// </summary>
        public override IEnumerable<BatchOutcome<T>> Create<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default) =>
            CreateSettled(items, new[] { "email" }, ct);

        /// <summary>
        /// Creates contacts, leaving nothing in doubt: for each row whose request was cut off after it was sent, the
        /// contact is read back by its natural key (the first of <paramref name="keys"/> the row has a value for: e-mail,
        /// or a sync's match fields; one list request per field and 100 rows; the client waits for an unreachable Mautic
        /// as it does for any read) and compared, field by field and by the field's type, with what was sent. All equal:
        /// Mautic saved it, and the row succeeds with the contact as it is now. A field that differs, or no contact with
        /// that key: Mautic did not save it, and the row is an error saying so and that sending it again is safe. A row
        /// stays in doubt, saying why, only when it cannot be known: no key to look for, two contacts with it, or Mautic
        /// still not answering. (Edits by id need none of this: a PATCH or PUT with ids is idempotent, so the client sends
        /// a cut-off one again itself.)
        /// </summary>
        public IEnumerable<BatchOutcome<T>> CreateSettled<T>(IReadOnlyList<WriteItem<T>> items, IReadOnlyList<string> keys, CancellationToken ct = default)
        {
            var outcomes = base.Create(items, ct).ToList();
            var doubt = Enumerable.Range(0, outcomes.Count).Where(i => !outcomes[i].Succeeded && outcomes[i].Error.MayHaveBeenProcessed && i < items.Count).ToList();
            if (doubt.Count == 0) return outcomes;
            KeyValuePair<string, string>? KeyOf(WriteItem<T> item)
            {
                foreach (var field in keys)
                    if ((item.Payload?[field] as JValue)?.Value is object v && WhereClause.Format(v).Trim() is string text && text.Length > 0)
                        return new KeyValuePair<string, string>(field, text);
                return null;
            }
            string Slot(string field, object value) => field.ToLowerInvariant() + "\n" + WhereClause.Format(value).Trim().ToLowerInvariant();
            var found = new Dictionary<string, List<MauticRecord>>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, ContactField> types = null;
            void ReadBack(IEnumerable<int> rows)
            {
                found.Clear();
                foreach (var byField in rows.Select(i => KeyOf(items[i])).Where(k => k != null).GroupBy(k => k.Value.Key, StringComparer.OrdinalIgnoreCase))
                    foreach (var c in WhereIn(byField.Key, byField.Select(k => k.Value.Value), ct))
                    {
                        if (c[byField.Key] == null) continue;
                        var slot = Slot(byField.Key, c[byField.Key]);
                        if (!found.TryGetValue(slot, out var list)) found[slot] = list = new List<MauticRecord>();
                        if (!list.Any(x => x.Id == c.Id)) list.Add(c);
                    }
            }
            bool Holds(int i) => KeyOf(items[i]) is KeyValuePair<string, string> k && found.TryGetValue(Slot(k.Key, k.Value), out var l) && l.Count == 1 && Differs(items[i].Payload, l[0], types) == null;
            try
            {
                types = Fields(ct);
                ReadBack(doubt);
                // A connection cut while Mautic was still working on the batch (a proxy or the network, not Mautic dying):
                // Mautic finishes it within seconds. Rows not there yet are read once more after SettleDelay.
                var pending = doubt.Where(i => !Holds(i)).ToList();
                if (pending.Count > 0 && Client.Options.SettleDelay > TimeSpan.Zero)
                {
                    Client.Log(MauticLogLevel.Verbose, $"{pending.Count} row(s) of the cut-off request are not in Mautic yet: reading them again in {Client.Options.SettleDelay.TotalSeconds:0.#} s, in case Mautic was still saving them.");
                    Task.Delay(Client.Options.SettleDelay, ct).Wait(ct);
                    ReadBack(doubt);
                }
            }
            catch (MauticApiException check)
            {
                foreach (var i in doubt)
                    outcomes[i] = BatchOutcome<T>.Failure(outcomes[i].Input, outcomes[i].Error.Reworded(outcomes[i].Error.Message +
                        $" Reading the contacts back afterwards failed too ({check.Message}), so whether Mautic saved it cannot be known: it stays in doubt."));
                return outcomes;
            }
            int saved = 0, notSaved = 0, unknown = 0;
            foreach (var i in doubt)
            {
                var cut = outcomes[i].Error;
                var key = KeyOf(items[i]);
                var named = key == null ? null : $"{key.Value.Key} '{key.Value.Value}'";
                var matches = key != null && found.TryGetValue(Slot(key.Value.Key, key.Value.Value), out var l) ? l : new List<MauticRecord>();
                string stays = null;
                if (key == null) stays = $"It has no {string.Join(" or ", keys)} to look it up by, so whether Mautic saved it cannot be known: it stays in doubt.";
                else if (matches.Count > 1) stays = $"{matches.Count} contacts have {named} now, so which one it became cannot be known: it stays in doubt.";
                if (stays != null)
                {
                    unknown++;
                    outcomes[i] = BatchOutcome<T>.Failure(outcomes[i].Input, cut.Reworded(cut.Message + " " + stays));
                    continue;
                }
                var contact = matches.SingleOrDefault();
                var differs = contact == null ? null : Differs(items[i].Payload, contact, types);
                if (contact != null && differs == null)
                {
                    saved++;
                    outcomes[i] = BatchOutcome<T>.Success(outcomes[i].Input, contact, 201);
                    continue;
                }
                var why = contact == null ? $"no contact has {named}" : $"contact {contact.Id} has {differs}";
                if (cut.Kind == MauticErrorKind.Timeout || cut.StatusCode == 504)
                {
                    // The client (or a gateway's 504) gave up while Mautic was still working on it: not there yet proves nothing.
                    unknown++;
                    outcomes[i] = BatchOutcome<T>.Failure(outcomes[i].Input, cut.Reworded(cut.Message +
                        $" Read back afterwards, {why}; but the request timed out while Mautic was still working on it, so it may yet be saved: it stays in doubt."));
                    continue;
                }
                notSaved++;
                outcomes[i] = BatchOutcome<T>.Failure(outcomes[i].Input, new MauticApiException(
                    $"Mautic did not save this contact: {cut.Method} {cut.Url} was cut off before its answer ({Innermost(cut).TrimEnd('.')}), and read back once Mautic answered again, {why}. Sending it again is safe.",
                    cut.Kind, cut) { Method = cut.Method, Url = cut.Url, MayHaveBeenProcessed = false });
            }
            Client.Log(MauticLogLevel.Verbose, $"A contact request was cut off after it was sent; read back once Mautic answered: {saved} of its {doubt.Count} row(s) were saved, " +
                $"{notSaved} were not (safe to send again), {unknown} stay in doubt.");
            return outcomes;
        }

        static string Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e.Message;
        }

        /// <summary>The first field of <paramref name="sent"/> whose value the contact does not hold ("city 'Paris', not 'Lyon'"), or null when it holds them all.</summary>
        static string Differs(JObject sent, MauticRecord contact, IReadOnlyDictionary<string, ContactField> fields)
        {
            if (sent == null) return null;
            var blanks = sent["overwriteWithBlank"] is JValue b && b.Type == JTokenType.Boolean && (bool)b;
            foreach (var p in sent.Properties())
            {
                if (!fields.TryGetValue(p.Name, out var field)) continue;   // not a field: tags, owner, overwriteWithBlank, ...
                var type = field.Type;
                var wanted = ContactSync.Normal(type, (p.Value as JValue)?.Value ?? (p.Value.Type == JTokenType.Array ? string.Join("|", p.Value.Select(v => v.ToString())) : null));
                if (wanted == null && !blanks) continue;   // Mautic ignores a blank unless told to clear
                var holds = ContactSync.Normal(type, contact[p.Name]);
                if (holds != wanted) return $"{p.Name} '{holds}', not '{wanted}'";
            }
            return null;
        }

        /// <summary>A contact field as a sync and a read-back compare it.</summary>
        internal sealed class ContactField
        {
            public string Alias, Type;
            public bool Unique;
        }

        Dictionary<string, ContactField> _fields;

        /// <summary>Contact fields by alias (any case), read once per service; tags, not a field a row sets, left out.</summary>
        internal IReadOnlyDictionary<string, ContactField> Fields(CancellationToken ct)
        {
            if (_fields != null) return _fields;
            var fields = new Dictionary<string, ContactField>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in new EntityService(Client, MauticResources.ContactFields).List(new ListQuery { PageSize = 500 }, ct))
                if (f["alias"] is string alias)
                    fields[alias] = new ContactField { Alias = alias, Type = f["type"] as string ?? "text", Unique = f["isUniqueIdentifier"] is bool u && u };
            fields.Remove("tags");
            return _fields = fields;
        }

        /// <summary>Where-in values per lookup request: about 3 KB of URL at e-mail length.</summary>
        public const int ValuesPerLookup = 100;

        /// <summary>
        /// The contacts whose <paramref name="field"/> is one of <paramref name="values"/>, in as few requests as Mautic
        /// allows: one list request per <see cref="ValuesPerLookup"/> values through where field in a,b,c (measured on
        /// 5.1.0: a comma-separated val works, the array form val[] answers 500), a value holding a comma asked alone with
        /// eq (it would split an in-list). <paramref name="counted"/> receives the requests each lookup sent.
        /// </summary>
        public IEnumerable<MauticRecord> WhereIn(string field, IEnumerable<string> values, CancellationToken ct = default, Action<int> counted = null)
        {
            var distinct = values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var asks = Chunk.Of(distinct.Where(v => v.IndexOf(',') < 0), ValuesPerLookup).Select(c => new WhereClause(field, "in", string.Join(",", c)))
                .Concat(distinct.Where(v => v.IndexOf(',') >= 0).Select(v => new WhereClause(field, "eq", v)));
            foreach (var ask in asks)
            {
                var q = new ListQuery { PageSize = 500, OrderBy = "id" };
                q.Where.Add(ask);
                var pager = List(q, ct);
                foreach (var c in pager) yield return c;
                counted?.Invoke(pager.Requests);
            }
        }

        /// <summary>The segments a contact is in (GET contacts/{id}/segments answers under 'lists').</summary>
        public IEnumerable<MauticRecord> Segments(long contactId, CancellationToken ct = default)
        {
            CheckId(contactId);
            return SubListReader.Read(Client, SubListReader.PathOf(Resource.Route, contactId, "segments"), "lists", MauticResources.Segments.TypeName, ct: ct).ToList();
        }
    
        /// <summary>
        /// A contact's notes (GET contacts/{id}/notes, newest first), paged to the end. The route renders each note's
        /// lead as an empty object, so each record's lead is set to the contact's id, as Get-MauticNote shows it.
        /// </summary>
        public IEnumerable<MauticRecord> Notes(long contactId, CancellationToken ct = default)
        {
            CheckId(contactId);
            foreach (var note in SubListReader.Read(Client, SubListReader.PathOf(Resource.Route, contactId, "notes"), MauticResources.Notes.Plural,
                MauticResources.Notes.TypeName, paged: true, ct: ct))
            {
                note["lead"] = contactId;
                yield return note;
            }
        }

        /// <summary>
        /// GET contacts/list/fields: the published custom fields, contact and company ones alike (measured on 5.1.0),
        /// each {id, label, alias, type, group, order, object, properties}, as a bare object keyed by field id.
        /// </summary>
        public IEnumerable<MauticRecord> PublishedFields(CancellationToken ct = default) =>
            SubListReader.Read(Client, Resource.Route + "/list/fields", null, MauticResources.ContactFields.TypeName, ct: ct);
    }
}
