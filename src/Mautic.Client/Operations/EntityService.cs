using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// The standard routes every Mautic area has (list, get, new, edit, delete and their batch forms), driven by a
    /// <see cref="MauticResource"/> row. Bulk writes go 200 per request; one item goes to the single route, whose
    /// errors are more precise. Every input comes back once: as a record, or as an error carrying it.
    /// </summary>
    public partial class EntityService
    {
        public EntityService(MauticClient client, MauticResource resource)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
            Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        }

        public MauticClient Client { get; }
        public MauticResource Resource { get; }

        protected MauticRecord Shape(JToken token) => Shape(token, Resource);

        /// <summary>A record of <paramref name="resource"/>: fields flattened where the area has them, related records named by id.</summary>
        public static MauticRecord Shape(JToken token, MauticResource resource)
        {
            if (resource.IdOnly.Count > 0 && token is JObject o && resource.IdOnly.Any(p => o[p] is JObject || o[p] is JArray))
            {
                o = (JObject)o.DeepClone();
                foreach (var p in resource.IdOnly)
                {
                    if (o[p] is JObject related) o[p] = related["id"] ?? JValue.CreateNull();
                    else if (o[p] is JArray many) o[p] = new JArray(many.Select(r => r is JObject one ? one["id"] ?? JValue.CreateNull() : r));
                }
                token = o;
            }
            return RecordShaper.Shape(token, resource.TypeName, resource.FlattenFields);
        }

        public Pager List(ListQuery query, CancellationToken ct = default) => new Pager(Client, Resource, query, null, ct);

        public MauticRecord Get(long id, CancellationToken ct = default)
        {
            CheckId(id);
            var body = Client.Send(MauticRequest.Get(Resource.Route + "/" + id.ToString(CultureInfo.InvariantCulture)), ct).Body;
            return Shape(body?[Resource.Singular]);
        }

        /// <summary>Ids per list request in <see cref="GetMany"/> (a where-in filter; about 8 characters of URL each).</summary>
        public const int GetManyChunk = 100;

        /// <summary>
        /// Reads records by id, one list request per <see cref="GetManyChunk"/> ids (where id in ..., which Mautic 5.1
        /// honours for contacts); one id alone goes to GET {id}, whose 404 is precise. Every id comes back once, in input
        /// order: as its record, or as a NotFound error carrying it.
        /// </summary>
        public IEnumerable<BatchOutcome<long>> GetMany(IReadOnlyList<long> ids, CancellationToken ct = default)
        {
            foreach (var chunk in Chunk.Of(ids, GetManyChunk))
            {
                if (chunk.Count == 1)
                {
                    BatchOutcome<long> one;
                    try { one = BatchOutcome<long>.Success(chunk[0], Get(chunk[0], ct), 200); }
                    catch (MauticApiException e) { one = BatchOutcome<long>.Failure(chunk[0], e); }
                    yield return one;
                    continue;
                }
                var outcomes = new List<BatchOutcome<long>>();
                try
                {
                    foreach (var id in chunk) CheckId(id);
                    var distinct = chunk.Distinct().ToList();
                    var query = new ListQuery { PageSize = distinct.Count, First = distinct.Count };
                    query.Where.Add(new WhereClause("id", "in", distinct));
                    var found = new Dictionary<long, MauticRecord>();
                    foreach (var r in List(query, ct)) if (r.Id.HasValue) found[r.Id.Value] = r;
                    foreach (var id in chunk)
                        outcomes.Add(found.TryGetValue(id, out var rec) ? BatchOutcome<long>.Success(id, rec, 200)
                            : BatchOutcome<long>.Failure(id, new MauticApiException($"{Capital(Resource.Noun)} {id} was not found.", MauticErrorKind.NotFound)
                                { StatusCode = 404, Method = "GET", Url = Resource.Route }));
                }
                catch (MauticApiException e)
                {
                    outcomes = chunk.Select(id => BatchOutcome<long>.Failure(id, e)).ToList();
                }
                foreach (var o in outcomes) yield return o;
            }
        }

        public void CheckId(long id) => CheckId(Resource.Noun, id);

        /// <summary>
        /// The id of the one record whose name field, or alias field where the area has one (a segment's alias), equals
        /// <paramref name="name"/> (Mautic compares without regard to case): one list request with a where eq filter per
        /// field. No match is NotFound; two or more is InvalidArgument naming each candidate's id and name, since acting
        /// on a guess is worse than stopping.
        /// </summary>
        public long FindIdByName(string name, CancellationToken ct = default)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new MauticApiException($"The {Resource.Noun} name is empty.", MauticErrorKind.InvalidArgument);
            var found = new Dictionary<long, MauticRecord>();
            foreach (var field in new[] { Resource.NameField, Resource.AliasField }.Where(f => f != null))
            {
                var query = new ListQuery { PageSize = 10, First = 10, Minimal = true };
                query.Where.Add(new WhereClause(field, "eq", name.Trim()));
                foreach (var r in List(query, ct)) if (r.Id.HasValue && !found.ContainsKey(r.Id.Value)) found[r.Id.Value] = r;
            }
            if (found.Count == 1) return found.Keys.Single();
            var by = Resource.AliasField != null ? " (by name or " + Resource.AliasField + ")" : "";
            if (found.Count == 0)
                throw new MauticApiException($"Mautic has no {Resource.Noun} named '{name}'{by}.", MauticErrorKind.NotFound) { StatusCode = 404, Method = "GET", Url = Resource.Route };
            throw new MauticApiException($"{Capital(Resource.Noun)} name '{name}' is not unique{by}: {found.Count} {Resource.Noun}s have it (ids " +
                string.Join(", ", found.Keys.Select(i => i.ToString(CultureInfo.InvariantCulture))) + ": " + string.Join(", ", found.Values.Select(Candidate)) + "). Give the id instead.", MauticErrorKind.InvalidArgument);
        }

        /// <summary>"3 'VIP' (alias vip)" for a message listing candidates.</summary>
        string Candidate(MauticRecord r)
        {
            var text = r.Id.Value.ToString(CultureInfo.InvariantCulture);
            if (r[Resource.NameField] is string n) text += " '" + n + "'";
            if (Resource.AliasField != null && r[Resource.AliasField] is string a) text += " (" + Resource.AliasField + " " + a + ")";
            return text;
        }

        /// <summary>The one id check: Mautic ids are positive whole numbers.</summary>
        internal static void CheckId(string noun, long? id)
        {
            if ((id ?? 0) <= 0)
                throw new MauticApiException($"{Capital(noun)} id {id} is not valid: ids are positive whole numbers.", MauticErrorKind.InvalidArgument);
        }

        /// <summary>Creates the items (POST new / batch/new).</summary>
        public virtual IEnumerable<BatchOutcome<T>> Create<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default) =>
            Write(items, edit: false, ct);

        /// <summary>
        /// Edits the items by id with PATCH (only the fields sent change; a missing id is an error, never a new record),
        /// or with <paramref name="replace"/> by PUT, which resets every field not sent.
        /// </summary>
        public virtual IEnumerable<BatchOutcome<T>> Update<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default, bool replace = false) =>
            Write(items, edit: true, ct, replace).Select(o => replace && !o.Succeeded && o.Error.StatusCode == 500 ? ExplainReplace(o) : o);

        /// <summary>
        /// PUT resets every field not sent; where that empties a required column, Mautic 5.1 fails with HTTP 500 instead
        /// of a validation error (seen on roles' isAdmin, point actions' repeatable, triggers' points and triggerExistingLeads). Say why.
        /// </summary>
        BatchOutcome<T> ExplainReplace<T>(BatchOutcome<T> o)
        {
            var e = o.Error;
            return BatchOutcome<T>.Failure(o.Input, new MauticApiException(e.Message + $" A replace (PUT) resets every {Resource.Noun} field not sent, and Mautic fails " +
                "like this when that leaves a required field empty: send every field, or edit without -Replace (PATCH).", e.Kind, e)
                { StatusCode = e.StatusCode, MauticCode = e.MauticCode, ErrorType = e.ErrorType, MauticMessage = e.MauticMessage, Details = e.Details, Method = e.Method, Url = e.Url });
        }

        /// <summary>
        /// Builds one payload for this area from, in order (later wins): an input object's properties (a CSV row; the
        /// area's read-only properties are dropped, so a record piped back is not sent as values), -Property, and the
        /// named parameters. Returns the problem found (nothing to send; on create, no name) instead of throwing.
        /// </summary>
        public MauticPayload BuildPayload(IEnumerable<KeyValuePair<string, object>> inputProperties, System.Collections.IDictionary property,
            IEnumerable<KeyValuePair<string, object>> named, bool create, out string problem)
        {
            var payload = new JObject();
            if (inputProperties != null)
                foreach (var kv in inputProperties)
                    if (!string.IsNullOrWhiteSpace(kv.Key) && kv.Value != null && !Resource.ReadOnly.Contains(kv.Key)) payload[Canonical(kv.Key.Trim())] = MauticJson.FromValue(kv.Value);
            if (property != null)
                foreach (System.Collections.DictionaryEntry e in property)
                    payload[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = MauticJson.FromValue(e.Value);
            if (named != null)
                foreach (var kv in named)
                    if (kv.Value != null) payload[kv.Key] = MauticJson.FromValue(kv.Value);
            problem = null;
            if (!payload.Properties().Any()) problem = "There is nothing to send: no field values were given.";
            else if (create && string.IsNullOrWhiteSpace(payload[Resource.NameField]?.ToString()))
                problem = $"A new {Resource.Noun} needs a value for '{Resource.NameField}'.";
            else if (create && Resource.RequiredOnCreate.FirstOrDefault(f => string.IsNullOrWhiteSpace(payload[f]?.ToString())) is string missing)
                problem = $"A new {Resource.Noun} needs a value for '{missing}'.";
            return new MauticPayload(payload);
        }

        /// <summary>
        /// A piped row's column as Mautic spells the field when it is the area's name or description in another case
        /// (a CSV's "Name" is a stage's "name"; PowerShell users expect names to match regardless of case); others as given.
        /// </summary>
        string Canonical(string key) =>
            string.Equals(key, Resource.NameField, StringComparison.OrdinalIgnoreCase) ? Resource.NameField
            : string.Equals(key, Resource.DescriptionField, StringComparison.OrdinalIgnoreCase) ? Resource.DescriptionField
            : key;

        IEnumerable<BatchOutcome<T>> Write<T>(IReadOnlyList<WriteItem<T>> items, bool edit, CancellationToken ct, bool replace = false)
        {
            foreach (var chunk in Chunk.Of(items))
            {
                if (chunk.Count == 1)
                {
                    yield return WriteOne(chunk[0], edit, replace, ct);
                    continue;
                }
                List<BatchOutcome<T>> outcomes;
                try
                {
                    var body = new JArray(chunk.Select(i => edit ? WithId(i) : i.Payload));
                    var request = !edit ? MauticRequest.Post(Resource.Route + "/batch/new", body)
                        : replace ? MauticRequest.Put(Resource.Route + "/batch/edit", body) : MauticRequest.Patch(Resource.Route + "/batch/edit", body);
                    request.ItemErrors = true;
                    var response = Client.Send(request, ct);
                    outcomes = MapBatch(chunk, response.Body as JObject, request.Method.Method).ToList();
                }
                catch (MauticApiException e)
                {
                    outcomes = chunk.Select(i => BatchOutcome<T>.Failure(i.Input, e)).ToList();
                }
                foreach (var o in outcomes) yield return o;
            }
        }

        static JObject WithId<T>(WriteItem<T> item)
        {
            var copy = (JObject)item.Payload.DeepClone();
            copy["id"] = item.Id;
            return copy;
        }

        BatchOutcome<T> WriteOne<T>(WriteItem<T> item, bool edit, bool replace, CancellationToken ct)
        {
            try
            {
                var editPath = edit ? Resource.Route + "/" + item.Id.Value.ToString(CultureInfo.InvariantCulture) + "/edit" : null;
                var request = !edit ? MauticRequest.Post(Resource.Route + "/new", item.Payload)
                    : replace ? MauticRequest.Put(editPath, item.Payload) : MauticRequest.Patch(editPath, item.Payload);
                var response = Client.Send(request, ct);
                return BatchOutcome<T>.Success(item.Input, Shape(response.Body?[Resource.Singular]), response.StatusCode);
            }
            catch (MauticApiException e)
            {
                return BatchOutcome<T>.Failure(item.Input, e);
            }
        }

        /// <summary>Maps a batch answer back to the inputs by request position, whatever JSON shape each map took.</summary>
        IEnumerable<BatchOutcome<T>> MapBatch<T>(List<WriteItem<T>> chunk, JObject body, string method)
        {
            var records = body?[Resource.Plural];
            var statuses = body?["statusCodes"];
            var errors = body?["errors"];
            for (var i = 0; i < chunk.Count; i++)
            {
                var key = i.ToString(CultureInfo.InvariantCulture);
                var error = MauticJson.MapGet(errors, key);
                var status = MauticJson.ToInt(MauticJson.MapGet(statuses, key));
                if (error != null && error.Type != JTokenType.Null)
                {
                    yield return BatchOutcome<T>.Failure(chunk[i].Input, ItemError(error, status, method, i, chunk[i]));
                    continue;
                }
                var record = MauticJson.MapGet(records, key) as JObject;
                if (record == null)
                {
                    yield return BatchOutcome<T>.Failure(chunk[i].Input, new MauticApiException(
                        $"Mautic's batch answer has no result for item {i}{Describe(chunk[i])}; it was probably not saved.", MauticErrorKind.Protocol)
                        { Method = method, StatusCode = status ?? 0 });
                    continue;
                }
                yield return BatchOutcome<T>.Success(chunk[i].Input, Shape(record), status ?? 200);
            }
        }

        MauticApiException ItemError<T>(JToken error, int? status, string method, int index, WriteItem<T> item)
        {
            var o = error as JObject;
            var code = MauticJson.ToInt(o?["code"]) ?? status ?? 400;
            var message = o?["message"]?.ToString() ?? error.ToString();
            var details = o?["details"];
            var text = $"Mautic refused {Resource.Noun} {index + 1} of the batch{Describe(item)}: {message}";
            if (details is JObject dj && dj.HasValues) text += " Details: " + dj.ToString(Newtonsoft.Json.Formatting.None);
            return new MauticApiException(text, MauticApiException.KindForStatus(code, o?["type"]?.Type == JTokenType.String ? (string)o["type"] : null))
            {
                StatusCode = code, MauticCode = code, MauticMessage = message, Details = details,
                ErrorType = o?["type"]?.ToString(), Method = method, Url = Resource.Route + "/batch",
            };
        }

        static string Describe<T>(WriteItem<T> item)
        {
            if (item.Id.HasValue) return " (id " + item.Id.Value.ToString(CultureInfo.InvariantCulture) + ")";
            var email = item.Payload?["email"]?.ToString();
            return string.IsNullOrEmpty(email) ? "" : " (" + email + ")";
        }

        /// <summary>What <see cref="RemoveItems"/> found: the record as read afterwards, ids it never had, ids it still has.</summary>
        public sealed class ItemRemoval
        {
            public ItemRemoval(MauticRecord record, IReadOnlyList<long> missing, IReadOnlyList<long> stillThere)
            {
                Record = record; Missing = missing; StillThere = stillThere;
            }

            public MauticRecord Record { get; }
            /// <summary>Ids the record did not have before the removal (Mautic ignores them without a word).</summary>
            public IReadOnlyList<long> Missing { get; }
            /// <summary>Ids the record had and still has afterwards (Mautic answered as if removed but did not save).</summary>
            public IReadOnlyList<long> StillThere { get; }

            public void Deconstruct(out MauticRecord record, out IReadOnlyList<long> missing, out IReadOnlyList<long> stillThere)
            {
                record = Record; missing = Missing; stillThere = StillThere;
            }
        }

        /// <summary>
        /// DELETE {route}/{id}/{key}/delete?{key}[]=… (a form's fields or actions, a trigger's events), between two reads
        /// of the record: Mautic answers 200 whatever the ids, ignoring those the record does not have, so the read
        /// before tells which ids were never there, and the read after which are still there.
        /// </summary>
        public ItemRemoval RemoveItems(long id, string key, string itemNoun, IReadOnlyList<long> itemIds, CancellationToken ct = default)
        {
            CheckId(id);
            foreach (var itemId in itemIds) CheckId(itemNoun, itemId);
            var path = SubListReader.PathOf(Resource.Route, id, null);
            var before = ItemIds(Client.Send(MauticRequest.Get(path), ct).Body?[Resource.Singular], key);
            var request = MauticRequest.Delete(SubListReader.PathOf(Resource.Route, id, key + "/delete"));
            foreach (var itemId in itemIds) request.With(key + "[]", itemId);
            Client.Send(request, ct);
            var afterBody = Client.Send(MauticRequest.Get(path), ct).Body?[Resource.Singular];
            var after = ItemIds(afterBody, key);
            return new ItemRemoval(Shape(afterBody),
                itemIds.Where(i => !before.Contains(i)).Distinct().ToList(),
                itemIds.Where(i => before.Contains(i) && after.Contains(i)).Distinct().ToList());
        }

        static HashSet<long> ItemIds(JToken record, string key) =>
            new HashSet<long>(MauticJson.Map(record?[key]).Select(kv => MauticJson.ToLong(kv.Value?["id"])).Where(i => i.HasValue).Select(i => i.Value));

        /// <summary>
        /// Deletes by id through batch/delete?ids= (one id alone through {id}/delete). Mautic's batch silently skips ids
        /// it does not have; every id that does not come back as deleted is reported as NotFound, so nothing is lost
        /// without a word.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> Delete<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default)
        {
            foreach (var chunk in Chunk.Of(items))
            {
                foreach (var i in chunk) CheckId(i.Id ?? 0);
                if (chunk.Count == 1)
                {
                    yield return DeleteOne(chunk[0], ct);
                    continue;
                }
                List<BatchOutcome<T>> outcomes;
                try { outcomes = RefusesUnknownIds ? DeleteKnown(chunk, ct) : DeleteBatch(chunk, ct); }
                catch (MauticApiException e) when (RefusesUnknownIds && e.EarlierTryMayHaveArrived && e.StatusCode == 500)
                {
                    // 7.x: a try cut off after it was sent deleted the ids, so the retry named ids Mautic no longer has,
                    // which 7.0 answers with a 500 (segments, measured through tests/Mautic.FaultProxy on 7.0.0). Read
                    // which are left, delete those; the others are that try's work.
                    try { outcomes = DeleteKnown(chunk, ct, goneIfMissing: true); }
                    catch (MauticApiException again) { outcomes = chunk.Select(i => BatchOutcome<T>.Failure(i.Input, again)).ToList(); }
                }
                catch (MauticApiException e)
                {
                    outcomes = chunk.Select(i => BatchOutcome<T>.Failure(i.Input, e)).ToList();
                }
                foreach (var o in outcomes) yield return o;
            }
        }

        /// <summary>
        /// Mautic 7.0's batch delete answers 500 and deletes nothing when one id does not exist (measured on 7.0.0;
        /// 5.1 deletes the others), so on 7.x the ids that exist are read first (where id in ...).
        /// </summary>
        bool RefusesUnknownIds => Client.ServerIsAtLeast(MauticVersions.V7);

        /// <summary>7.x: one list request finds which ids exist; only those go to batch/delete, the others are NotFound.</summary>
        List<BatchOutcome<T>> DeleteKnown<T>(IReadOnlyList<WriteItem<T>> chunk, CancellationToken ct, bool goneIfMissing = false)
        {
            var distinct = chunk.Select(i => i.Id.Value).Distinct().ToList();
            // Not minimal: 7.0.0 renders each note of a minimal list as {} (measured), so no id would be read.
            var query = new ListQuery { PageSize = distinct.Count, First = distinct.Count };
            query.Where.Add(new WhereClause("id", "in", distinct));
            var existing = new HashSet<long>(List(query, ct).Where(r => r.Id.HasValue).Select(r => r.Id.Value));
            var known = chunk.Where(i => existing.Contains(i.Id.Value)).ToList();
            var done = known.Count == 0 ? new List<BatchOutcome<T>>()
                : known.Count == 1 ? new List<BatchOutcome<T>> { DeleteOne(known[0], ct) } : DeleteBatch(known, ct);
            var byItem = new Queue<BatchOutcome<T>>(done);
            return chunk.Select(i => existing.Contains(i.Id.Value) ? byItem.Dequeue() : goneIfMissing ? Gone(i, i.Id.Value) : NotDeleted(i, i.Id.Value)).ToList();
        }

        List<BatchOutcome<T>> DeleteBatch<T>(IReadOnlyList<WriteItem<T>> chunk, CancellationToken ct)
        {
            var ids = string.Join(",", chunk.Select(i => i.Id.Value.ToString(CultureInfo.InvariantCulture)));
            var request = MauticRequest.Delete(Resource.Route + "/batch/delete").With("ids", ids);
            request.ItemErrors = true;
            var response = Client.Send(request, ct);
            var body = response.Body as JObject;
            var deleted = new Dictionary<long, JObject>();
            foreach (var kv in MauticJson.Map(body?[Resource.Plural]))
            {
                // Mautic keeps a deleted entity's id in deletedId when the ORM has cleared id.
                if (kv.Value is JObject r && (MauticJson.ToLong(r["id"]) ?? MauticJson.ToLong(r["deletedId"])) is long id) deleted[id] = r;
            }
            var errors = body?["errors"];
            var outcomes = new List<BatchOutcome<T>>();
            var seen = new HashSet<long>();
            for (var n = 0; n < chunk.Count; n++)
            {
                var item = chunk[n];
                var id = item.Id.Value;
                var error = MauticJson.MapGet(errors, n.ToString(CultureInfo.InvariantCulture));
                if (deleted.TryGetValue(id, out var rec) && seen.Add(id))
                {
                    // Mautic builds the payload before deleting, so the id may be gone from the answer: restore it.
                    var shaped = Shape(rec);
                    if (!shaped.Id.HasValue) shaped["id"] = id;
                    outcomes.Add(BatchOutcome<T>.Success(item.Input, shaped, 200));
                }
                else if (error != null && error.Type != JTokenType.Null)
                    outcomes.Add(BatchOutcome<T>.Failure(item.Input, ItemError(error, 404, "DELETE", n, item)));
                else if (response.EarlierTryMayHaveArrived)
                    outcomes.Add(Gone(item, id));
                else
                    outcomes.Add(NotDeleted(item, id));
            }
            return outcomes;
        }

        BatchOutcome<T> NotDeleted<T>(WriteItem<T> item, long id) => BatchOutcome<T>.Failure(item.Input, new MauticApiException(
            $"{Capital(Resource.Noun)} {id} was not deleted: Mautic has no {Resource.Noun} with that id, or you may not delete it.",
            MauticErrorKind.NotFound) { StatusCode = 404, Method = "DELETE", Url = Resource.Route + "/batch/delete" });

        /// <summary>One id goes to {id}/delete, whose 404 is precise; Mautic answers the record with its id cleared.</summary>
        BatchOutcome<T> DeleteOne<T>(WriteItem<T> item, CancellationToken ct)
        {
            var id = item.Id.Value;
            try
            {
                var body = Client.Send(MauticRequest.Delete(Resource.Route + "/" + id.ToString(CultureInfo.InvariantCulture) + "/delete"), ct).Body;
                var shaped = Shape(body?[Resource.Singular]);
                if (!shaped.Id.HasValue) shaped["id"] = id;
                return BatchOutcome<T>.Success(item.Input, shaped, 200);
            }
            catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound && e.EarlierTryMayHaveArrived)
            {
                return Gone(item, id);
            }
            catch (MauticApiException e)
            {
                return BatchOutcome<T>.Failure(item.Input, e);
            }
        }

        /// <summary>
        /// An id the retried delete no longer found, after an earlier try was cut off once sent: that try deleted it (or it
        /// never existed). Either way it is not in Mautic, so it is reported deleted, not failed (found by the fault matrix,
        /// tests/Live/Mautic.Faults.Tests.ps1: a reset after Mautic deleted the contacts made the retry report them missing).
        /// </summary>
        BatchOutcome<T> Gone<T>(WriteItem<T> item, long id)
        {
            Client.Log(MauticLogLevel.Verbose, $"{Capital(Resource.Noun)} {id} is gone: an earlier try of the delete was cut off after it was sent and deleted it " +
                "(or it did not exist), so the retry no longer found it.");
            return BatchOutcome<T>.Success(item.Input, new MauticRecord(Resource.TypeName) { ["id"] = id }, 200);
        }

        /// <summary>The text with its first letter in capitals ("segment 3" becomes "Segment 3"), for messages that open with a noun.</summary>
        protected internal static string Capital(string s) => string.IsNullOrEmpty(s) ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
    }
}
