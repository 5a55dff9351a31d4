using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Records read back by a natural key: batched where-in lookups, the area's custom-field list, and creates that leave
    /// nothing in doubt (contacts by e-mail or a sync's match fields; companies by name where the user says names are unique).
    /// </summary>
    public partial class EntityService
    {
        /// <summary>A custom field of contacts or companies as a sync and a read-back compare it.</summary>
        internal sealed class FieldInfo
        {
            public string Alias, Type;
            public bool Unique;
        }

        Dictionary<string, FieldInfo> _fields;

        /// <summary>
        /// The area's fields by alias (any case), read once per service from its field list (fields/contact,
        /// fields/company: <see cref="MauticResource.FieldList"/>); tags, not a field a row sets, left out.
        /// </summary>
        internal IReadOnlyDictionary<string, FieldInfo> Fields(CancellationToken ct)
        {
            if (_fields != null) return _fields;
            var route = Resource.FieldList ?? throw new InvalidOperationException($"{Capital(Resource.Noun)}s have no custom fields.");
            var fields = new Dictionary<string, FieldInfo>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in new EntityService(Client, MauticResources.All.Single(r => r.Route == route)).List(new ListQuery { PageSize = 500 }, ct))
                if (f["alias"] is string alias)
                    fields[alias] = new FieldInfo { Alias = alias, Type = f["type"] as string ?? "text", Unique = f["isUniqueIdentifier"] is bool u && u };
            fields.Remove("tags");
            return _fields = fields;
        }

        /// <summary>Where-in values per lookup request: about 3 KB of URL at e-mail length (and at most 5,000 escaped characters of values, so long values stay under MauticClient.MaxUrlLength).</summary>
        public const int ValuesPerLookup = 100;

        /// <summary>
        /// The records whose <paramref name="field"/> is one of <paramref name="values"/>, in as few requests as Mautic
        /// allows: one list request per <see cref="ValuesPerLookup"/> values through where field in a,b,c (measured on
        /// 5.1.0: a comma-separated val works, the array form val[] answers 500), a value holding a comma asked alone with
        /// eq (it would split an in-list). <paramref name="counted"/> receives the requests each lookup sent.
        /// </summary>
        public IEnumerable<MauticRecord> WhereIn(string field, IEnumerable<string> values, CancellationToken ct = default, Action<int> counted = null)
        {
            var distinct = values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var asks = Chunk.OfLength(distinct.Where(v => v.IndexOf(',') < 0), ValuesPerLookup, 5000).Select(c => new WhereClause(field, "in", string.Join(",", c)))
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

        /// <summary>
        /// Creates records, leaving nothing in doubt: for each row whose request was cut off after it was sent, the record
        /// is read back by its natural key (the first of <paramref name="keys"/> the row has a value for: a contact's
        /// e-mail or a sync's match fields, a company's name; one list request per field and 100 rows; the client waits
        /// for an unreachable Mautic as it does for any read) and compared, field by field and by the field's type, with
        /// what was sent. All equal: Mautic saved it, and the row succeeds with the record as it is now. A field that
        /// differs, or no record with that key: Mautic did not save it, and the row is an error saying so and that sending
        /// it again is safe. A row stays in doubt, saying why, only when it cannot be known: no key to look for, two
        /// records with it, or Mautic still not answering. Without <paramref name="keys"/>, the fields this Mautic marks as
        /// unique identifiers are the keys. Only for areas with custom fields (contacts and companies).
        /// (Edits by id need none of this: a PATCH or PUT with ids is idempotent, so the client sends a cut-off one again.)
        /// </summary>
        public IEnumerable<BatchOutcome<T>> CreateSettled<T>(IReadOnlyList<WriteItem<T>> items, IReadOnlyList<string> keys = null, CancellationToken ct = default)
        {
            var outcomes = Write(items, edit: false, ct).ToList();
            var doubt = Enumerable.Range(0, outcomes.Count).Where(i => !outcomes[i].Succeeded && outcomes[i].Error.MayHaveBeenProcessed && i < items.Count).ToList();
            if (doubt.Count == 0) return outcomes;
            var noun = Resource.Noun;
            // No keys given: the fields this Mautic marks as unique identifiers (a company's companyname out of the box,
            // on 5.1.0 and 7.0.0 alike), read once the cut-off has happened. Until then keys is empty.
            keys = keys ?? new List<string>();
            KeyValuePair<string, string>? KeyOf(WriteItem<T> item)
            {
                foreach (var field in keys)
                    if ((item.Payload?[field] as JValue)?.Value is object v && WhereClause.Format(v).Trim() is string text && text.Length > 0)
                        return new KeyValuePair<string, string>(field, text);
                return null;
            }
            string Slot(string field, object value) => field.ToLowerInvariant() + "\n" + WhereClause.Format(value).Trim().ToLowerInvariant();
            var found = new Dictionary<string, List<MauticRecord>>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, FieldInfo> types = null;
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
                if (keys.Count == 0) keys = types.Values.Where(f => f.Unique).Select(f => f.Alias).OrderBy(a => a, StringComparer.Ordinal).ToList();
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
                        $" Reading the {noun}s back afterwards failed too ({check.Message}), so whether Mautic saved it cannot be known: it stays in doubt."));
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
                if (key == null) stays = keys.Count == 0 ? $"This Mautic marks no {noun} field as a unique identifier to look it up by, so whether Mautic saved it cannot be known: it stays in doubt."
                    : $"It has no {string.Join(" or ", keys)} to look it up by, so whether Mautic saved it cannot be known: it stays in doubt.";
                else if (matches.Count > 1) stays = $"{matches.Count} {noun}s have {named} now, so which one it became cannot be known: it stays in doubt.";
                if (stays != null)
                {
                    unknown++;
                    outcomes[i] = BatchOutcome<T>.Failure(outcomes[i].Input, cut.Reworded(cut.Message + " " + stays));
                    continue;
                }
                var record = matches.SingleOrDefault();
                var differs = record == null ? null : Differs(items[i].Payload, record, types);
                if (record != null && differs == null)
                {
                    saved++;
                    outcomes[i] = BatchOutcome<T>.Success(outcomes[i].Input, record, 201);
                    continue;
                }
                var why = record == null ? $"no {noun} has {named}" : $"{noun} {record.Id} has {differs}";
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
                    $"Mautic did not save this {noun}: {cut.Method} {cut.Url} was cut off before its answer ({Innermost(cut).TrimEnd('.')}), and read back once Mautic answered again, {why}. Sending it again is safe.",
                    cut.Kind, cut) { Method = cut.Method, Url = cut.Url, MayHaveBeenProcessed = false });
            }
            Client.Log(MauticLogLevel.Verbose, $"A {noun} request was cut off after it was sent; read back once Mautic answered: {saved} of its {doubt.Count} row(s) were saved, " +
                $"{notSaved} were not (safe to send again), {unknown} stay in doubt.");
            return outcomes;
        }

        static string Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e.Message;
        }

        /// <summary>The first field of <paramref name="sent"/> whose value the record does not hold ("city 'Paris', not 'Lyon'"), or null when it holds them all.</summary>
        static string Differs(JObject sent, MauticRecord record, IReadOnlyDictionary<string, FieldInfo> fields)
        {
            if (sent == null) return null;
            var blanks = sent["overwriteWithBlank"] is JValue b && b.Type == JTokenType.Boolean && (bool)b;
            foreach (var p in sent.Properties())
            {
                if (!fields.TryGetValue(p.Name, out var field)) continue;   // not a field: tags, owner, overwriteWithBlank, ...
                var type = field.Type;
                var wanted = ContactSync.Normal(type, (p.Value as JValue)?.Value ?? (p.Value.Type == JTokenType.Array ? string.Join("|", p.Value.Select(v => v.ToString())) : null));
                if (wanted == null && !blanks) continue;   // Mautic ignores a blank unless told to clear
                var holds = ContactSync.Normal(type, record[p.Name]);
                if (holds != wanted) return $"{p.Name} '{holds}', not '{wanted}'";
            }
            return null;
        }
    }
}
