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
            // Mautic passes e-mail values through PHP's FILTER_SANITIZE_EMAIL, which drops every non-ASCII character
            // (measured: 'jörg.ñ@x.example' saved as 'jrg.@x.example'), so such an address would be saved as another one.
            else if (email != null && email.Type == JTokenType.String && ((string)email).Any(ch => ch > 126))
                problem = $"'{email}' has characters outside ASCII, which Mautic drops from e-mail addresses (it would save another address); " +
                          "write the domain in its ASCII (punycode) form, xn--..., and the part before @ in ASCII.";
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
