using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>One input row of a sync: the caller's input (kept for results and errors) and the Mautic fields it wants, by alias.</summary>
    public sealed class SyncRow
    {
        public SyncRow(object input, IReadOnlyDictionary<string, object> fields)
        {
            Input = input;
            Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        }

        public object Input { get; }
        public IReadOnlyDictionary<string, object> Fields { get; }
    }

    /// <summary>One field a sync changes: "city: Paris → Lyon".</summary>
    public sealed class FieldChange
    {
        public FieldChange(string field, object old, object @new)
        {
            Field = field;
            Old = old;
            New = @new;
        }

        public string Field { get; }
        public object Old { get; }
        public object New { get; }

        public override string ToString() => $"{Field}: {Show(Old)} → {Show(New)}";

        static string Show(object v) => v == null ? "(empty)" : v is DateTime d ? d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture);
    }

    /// <summary>What a sync does, or did, with one row.</summary>
    public enum SyncAction { Created, Updated, Unchanged }

    /// <summary>The plan for one row: an error, or an action with the contact, the field that matched it and the changes.</summary>
    public sealed class SyncPlan
    {
        internal SyncPlan(SyncRow row) => Row = row;

        public SyncRow Row { get; }
        public MauticApiException Error { get; internal set; }
        public SyncAction Action { get; internal set; }
        public long? Id { get; internal set; }
        /// <summary>The field whose value found the contact (email, or a later -MatchOn field, or another unique identifier); null for a new one.</summary>
        public string MatchedOn { get; internal set; }
        /// <summary>The key the row is known by in messages: "email 'a@x.com'".</summary>
        public string Key { get; internal set; }
        public IReadOnlyList<FieldChange> Changes { get; internal set; } = new FieldChange[0];
        internal JObject Payload { get; set; }

        /// <summary>The row's result as the record Sync-MauticContact writes (Mautic.SyncResult).</summary>
        public MauticRecord ToRecord() => new MauticRecord("Mautic.SyncResult")
        {
            ["Action"] = Action.ToString(), ["Id"] = Id, ["MatchedOn"] = MatchedOn,
            ["Changed"] = Changes.Select(c => c.ToString()).ToArray(), ["InputObject"] = Row.Input,
        };
    }

    /// <summary>
    /// Makes contacts equal to rows from a source of truth, reading and writing as little as Mautic allows: the rows of a
    /// chunk are matched with one where-in list request per field and about 100 values (measured on 5.1.0: a
    /// comma-separated val works, the array form answers 500), compared field by field by the field's type (numbers,
    /// booleans, dates in UTC, multiselect as a set, e-mail without regard to case), and only what differs is written:
    /// new contacts through batch/new, changed ones through a PATCH of batch/edit with their ids (never without: Mautic
    /// then creates duplicates). An empty source value leaves a field alone unless <c>clearEmpty</c> (then it is sent
    /// blank with overwriteWithBlank, which Mautic needs to clear it: measured on 5.1.0, a blank alone or a null is
    /// ignored). One instance serves one command: it remembers the keys it has seen, so two rows for one contact are an error.
    /// </summary>
    public sealed class ContactSync : ClientService
    {
        readonly ContactService _contacts;
        readonly IReadOnlyList<string> _matchOn;
        readonly bool _clearEmpty;
        /// <summary>
        /// The row number of each key seen so far, by a 64-bit digest of the key (<see cref="SeenKeys"/>): 12 bytes a
        /// slot instead of the key's text, so an import of 100,000 rows keeps ~1.5 MB here (bench: the key strings, then
        /// 128-bit digests in a Dictionary, were most of the working set's growth from 10,000 to 100,000 rows).
        /// </summary>
        readonly SeenKeys _seen = new SeenKeys();
        readonly System.Security.Cryptography.SHA256 _digest = System.Security.Cryptography.SHA256.Create();

        /// <summary>The first 64 bits of the SHA-256 of the key upper-cased (as OrdinalIgnoreCase compares).</summary>
        ulong Digest(string key) => BitConverter.ToUInt64(_digest.ComputeHash(Encoding.UTF8.GetBytes(key.ToUpperInvariant())), 0);
        int _rowNumber;
        IReadOnlyDictionary<string, EntityService.FieldInfo> _fields;

        /// <summary>Requests sent by this sync (reads and writes), for the summary.</summary>
        public int Requests { get; private set; }

        public ContactSync(MauticClient client, IReadOnlyList<string> matchOn, bool clearEmpty) : base(client)
        {
            _matchOn = (matchOn == null || matchOn.Count == 0 ? new[] { "email" } : matchOn).Select(m => (m ?? "").Trim()).ToList();
            if (_matchOn.Any(string.IsNullOrEmpty)) throw new MauticApiException("-MatchOn holds an empty field name.", MauticErrorKind.InvalidArgument);
            _clearEmpty = clearEmpty;
            _contacts = new ContactService(client);
        }

        /// <summary>Contact fields by alias (any case), read once (the contact service's list, which a read-back after a cut-off create uses too).</summary>
        IReadOnlyDictionary<string, EntityService.FieldInfo> Fields(CancellationToken ct)
        {
            if (_fields != null) return _fields;
            Requests++;
            var fields = _contacts.Fields(ct);
            foreach (var m in _matchOn)
                if (!fields.ContainsKey(m))
                    throw new MauticApiException($"-MatchOn '{m}' is not a contact field (see Get-MauticField).", MauticErrorKind.InvalidArgument) { Offending = m };
            return _fields = fields;
        }

        /// <summary>The column names of rows that are no contact field (ignored; the caller says so once).</summary>
        public IEnumerable<string> UnknownFields(IEnumerable<SyncRow> rows, CancellationToken ct)
        {
            var fields = Fields(ct);
            return rows.SelectMany(r => r.Fields.Keys).Where(k => !fields.ContainsKey(k)).Distinct(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Matches and compares a chunk of rows (one list request per field and <see cref="EntityService.ValuesPerLookup"/> values); writes nothing.</summary>
        public IReadOnlyList<SyncPlan> Plan(IReadOnlyList<SyncRow> rows, CancellationToken ct = default)
        {
            var fields = Fields(ct);
            var plans = rows.Select(r => new SyncPlan(r)).ToList();
            var lookupFields = _matchOn.Concat(fields.Values.Where(f => f.Unique).Select(f => f.Alias)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var found = new Dictionary<string, List<MauticRecord>>(StringComparer.Ordinal);
            foreach (var field in lookupFields)
            {
                var type = fields[field].Type;
                foreach (var c in _contacts.WhereIn(field, plans.Select(p => Text(p.Row, field)), ct, n => Requests += n))
                {
                    var key = field + "\n" + Normal(type, c[field]);
                    if (!found.TryGetValue(key, out var list)) found[key] = list = new List<MauticRecord>();
                    if (!list.Any(x => x.Id == c.Id)) list.Add(c);
                }
            }
            foreach (var plan in plans) Decide(plan, fields, lookupFields, found);
            return plans;
        }

        static string Text(SyncRow row, string field)
        {
            var v = row.Fields.FirstOrDefault(kv => string.Equals(kv.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
            var s = v == null ? null : WhereClause.Format(v).Trim();
            return string.IsNullOrEmpty(s) ? null : s;
        }

        void Decide(SyncPlan plan, IReadOnlyDictionary<string, EntityService.FieldInfo> fields, List<string> lookupFields, Dictionary<string, List<MauticRecord>> found)
        {
            var rowNumber = ++_rowNumber;
            List<MauticRecord> At(string field, string value) => found.TryGetValue(field + "\n" + Normal(fields[field].Type, value), out var l) ? l : new List<MauticRecord>();
            // Mautic drops every non-ASCII character of an e-mail value (FILTER_SANITIZE_EMAIL; measured: 'jörg.ñ@x' saved
            // as 'jrg.@x'): it would save another address, which the next run would not find and create again.
            var mangled = plan.Row.Fields.Keys.FirstOrDefault(f => fields.TryGetValue(f, out var d) && d.Type == "email" && (Text(plan.Row, f) ?? "").Any(ch => ch > 126));
            if (mangled != null)
            {
                plan.Error = new MauticApiException($"Row {rowNumber}: {mangled} '{Text(plan.Row, mangled)}' has characters outside ASCII, which Mautic drops from e-mail addresses " +
                    "(it would save another address, and the next sync would not find it); nothing was sent for it.", MauticErrorKind.InvalidArgument);
                return;
            }
            var keyField = _matchOn.FirstOrDefault(f => Text(plan.Row, f) != null);
            if (keyField == null)
            {
                plan.Error = new MauticApiException($"Row {rowNumber} has no value for {string.Join(" or ", _matchOn)}, so it matches no contact and a new one would be anonymous; nothing was sent for it.",
                    MauticErrorKind.InvalidArgument);
                return;
            }
            var keyValue = Text(plan.Row, keyField);
            plan.Key = $"{keyField} '{keyValue}'";
            var seenKey = keyField + "\n" + Normal(fields[keyField].Type, keyValue);
            var seen = Digest(seenKey);
            if (!_seen.TryAdd(seen, rowNumber, out var earlier))
            {
                plan.Error = new MauticApiException($"Rows {earlier} and {rowNumber} both have {plan.Key}; the first was synced, this one was not (which row is right is the source's to say).",
                    MauticErrorKind.InvalidArgument);
                return;
            }

            var byKey = At(keyField, keyValue);
            if (byKey.Count > 1)
            {
                plan.Error = new MauticApiException($"{byKey.Count} contacts have {plan.Key} (ids {Ids(byKey)}); row {rowNumber} was not synced: merge them in Mautic or match on another field.",
                    MauticErrorKind.InvalidArgument);
                return;
            }
            var contact = byKey.SingleOrDefault();
            string matchedOn = contact != null ? keyField : null;
            foreach (var other in lookupFields.Where(f => !string.Equals(f, keyField, StringComparison.OrdinalIgnoreCase)))
            {
                var value = Text(plan.Row, other);
                if (value == null) continue;
                var hits = At(other, value);
                var later = _matchOn.Contains(other, StringComparer.OrdinalIgnoreCase);
                if (contact == null && hits.Count == 1 && !later)
                {
                    contact = hits[0];   // Mautic would merge a create into it (a shared unique identifier): an update
                    matchedOn = other;
                    continue;
                }
                var different = hits.Where(h => contact == null || h.Id != contact.Id).ToList();
                if (different.Count > 0 && (later || contact != null))
                {
                    plan.Error = new MauticApiException($"Row {rowNumber} has {plan.Key}{(contact != null ? $", which is contact {contact.Id}" : ", which no contact has")}, " +
                        $"but {other} '{value}' is contact {Ids(different)}; nothing was sent for it.", MauticErrorKind.InvalidArgument);
                    return;
                }
            }

            var changes = new List<FieldChange>();
            var payload = new JObject();
            foreach (var kv in plan.Row.Fields)
            {
                if (!fields.TryGetValue(kv.Key, out var field)) continue;
                var wanted = Text(plan.Row, kv.Key);
                var current = contact?[field.Alias];
                if (wanted == null)
                {
                    if (!_clearEmpty || contact == null || Normal(field.Type, current) == null) continue;
                    changes.Add(new FieldChange(field.Alias, current, null));
                    payload[field.Alias] = "";
                    payload["overwriteWithBlank"] = true;
                    continue;
                }
                if (contact != null && Normal(field.Type, current) == Normal(field.Type, wanted)) continue;
                var send = Sendable(field.Type, wanted);
                changes.Add(new FieldChange(field.Alias, current, send));
                payload[field.Alias] = JToken.FromObject(send);
            }
            plan.Id = contact?.Id;
            plan.MatchedOn = matchedOn;
            plan.Changes = changes;
            plan.Action = contact == null ? SyncAction.Created : changes.Count > 0 ? SyncAction.Updated : SyncAction.Unchanged;
            plan.Payload = payload;
        }

        static string Ids(IEnumerable<MauticRecord> records) => string.Join(", ", records.Select(r => Convert.ToString(r.Id, CultureInfo.InvariantCulture)));

        /// <summary>
        /// Writes the plans that change something (batch/new for the new, a PATCH of batch/edit with ids for the
        /// changed) and returns every plan's outcome in order: the plan's record, or an error carrying the row.
        /// </summary>
        public IReadOnlyList<BatchOutcome<SyncPlan>> Apply(IReadOnlyList<SyncPlan> plans, CancellationToken ct = default)
        {
            var outcomes = new Dictionary<SyncPlan, BatchOutcome<SyncPlan>>();
            var creates = plans.Where(p => p.Error == null && p.Action == SyncAction.Created).Select(p => new WriteItem<SyncPlan>(p, p.Payload)).ToList();
            var updates = plans.Where(p => p.Error == null && p.Action == SyncAction.Updated).Select(p => new WriteItem<SyncPlan>(p, p.Payload, p.Id)).ToList();
            foreach (var o in creates.Count == 0 ? Enumerable.Empty<BatchOutcome<SyncPlan>>() : _contacts.CreateSettled(creates, _matchOn.Concat(new[] { "email" }).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ct))
            {
                if (o.Succeeded)
                {
                    o.Input.Id = o.Record.Id;
                    // Mautic merged the create into a contact it found by a unique identifier (answered 200, not 201).
                    if (o.Status == 200) o.Input.Action = SyncAction.Updated;
                }
                outcomes[o.Input] = o;
            }
            foreach (var o in updates.Count == 0 ? Enumerable.Empty<BatchOutcome<SyncPlan>>() : _contacts.Update(updates, ct)) outcomes[o.Input] = o;
            Requests += (creates.Count + Chunk.MaxBatchSize - 1) / Chunk.MaxBatchSize + (updates.Count + Chunk.MaxBatchSize - 1) / Chunk.MaxBatchSize;
            return plans.Select(p => p.Error != null ? BatchOutcome<SyncPlan>.Failure(p, p.Error)
                : outcomes.TryGetValue(p, out var o) ? o : BatchOutcome<SyncPlan>.Success(p, null, 200)).ToList();
        }

        /// <summary>
        /// A value as the field's type compares it: numbers by value, booleans as 1/0, dates and date-times in UTC,
        /// multiselect as a sorted set, e-mail without regard to case, text trimmed; empty is null.
        /// </summary>
        internal static string Normal(string type, object value)
        {
            if (value == null) return null;
            var s = WhereClause.Format(value).Trim();   // dates as UTC text, booleans as 1/0, lists joined with commas
            if (string.IsNullOrEmpty(s)) return null;
            switch (type)
            {
                case "number":
                    return decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.ToString("G29", CultureInfo.InvariantCulture) : s;
                case "boolean":
                    switch (s.ToLowerInvariant()) { case "1": case "true": case "yes": case "on": return "1"; case "0": case "false": case "no": case "off": return "0"; default: return s; }
                case "date":
                    return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : s;
                case "datetime":
                    return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : s;
                case "multiselect":
                    return string.Join("|", s.Split('|', ',').Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().OrderBy(x => x, StringComparer.Ordinal));
                case "email":
                    return s.ToLowerInvariant();
                default:
                    return s;
            }
        }

        /// <summary>What is sent for a value: the type's form (1/0, UTC date-times, "a|b" for multiselect), else the text as given.</summary>
        static object Sendable(string type, string value)
        {
            switch (type)
            {
                case "boolean": case "date": case "datetime": case "multiselect": case "number": return Normal(type, value);
                default: return value;
            }
        }
    }
}
