using System.Threading.Tasks;
using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Membership changes Mautic has no batch route for (a contact into or out of a company, a stage, a segment):
    /// one POST {route}/{targetId}/contact/{contactId}/{add|remove} per contact, several at a time but never more
    /// than the throttle, outcomes in input order, each failure carrying its input.
    /// </summary>
    public sealed class MembershipService : ClientService
    {
        public MembershipService(MauticClient client) : base(client) { }

        /// <summary>
        /// What tells which record a 404 is about, for <see cref="Change"/>: a caller that sends one contact per call
        /// passes the same one to every call, so the target is read once however many contacts failed.
        /// </summary>
        public MissingRecord Missing(MauticResource target, long targetId, CancellationToken ct = default) => new MissingRecord(Client, target, targetId, ct);

        /// <summary>The record one change yields: Mautic.&lt;Target&gt;Membership with &lt;Target&gt;Id, ContactId and IsMember.</summary>
        public static MauticRecord Membership(MauticResource target, long targetId, long contactId, bool member)
        {
            var kind = target.TypeName.Substring("Mautic.".Length);
            var r = new MauticRecord(target.TypeName + "Membership");
            r[kind + "Id"] = targetId;
            r["ContactId"] = contactId;
            r["IsMember"] = member;
            return r;
        }

        public IEnumerable<BatchOutcome<T>> Change<T>(MauticResource target, long targetId, bool add, IReadOnlyList<WriteItem<T>> items,
            int throttle = Throttle.Default, CancellationToken ct = default, MissingRecord missing = null)
        {
            EntityService.CheckId(target.Noun, targetId);
            missing = missing ?? Missing(target, targetId, ct);
            return Each(items, throttle, async (item, c) =>
            {
                EntityService.CheckId("contact", item.Id);
                var path = target.Route + "/" + targetId.ToString(CultureInfo.InvariantCulture) + "/contact/" +
                           item.Id.Value.ToString(CultureInfo.InvariantCulture) + (add ? "/add" : "/remove");
                try { await Client.SendAsync(MauticRequest.Post(path), c).ConfigureAwait(false); }
                catch (MauticApiException e) { throw missing.Explain(e, "contact", item.Id.Value); }
                return Membership(target, targetId, item.Id.Value, add);
            }, ct);
        }

        /// <summary>
        /// The contacts of a segment, company or stage, as Mautic's contact list gives them (Mautic.Contact records,
        /// paged and filtered by <paramref name="query"/>): Mautic has no route that lists them, so a segment's are
        /// searched by its alias (segment:alias, read from the segment first, so a missing segment is NotFound), a tag's
        /// by its exact name (tag:"+name", the tag read first likewise), a
        /// company's by company_id:id and a stage's by where stage_id eq id. When such a listing is empty and no filter of
        /// the caller's could explain it, the company or stage is read, so a missing one is NotFound rather than nothing.
        /// </summary>
        public IEnumerable<MauticRecord> Members(MauticResource target, long targetId, ListQuery query, CancellationToken ct = default, Action<long?> totalKnown = null)
        {
            EntityService.CheckId(target.Noun, targetId);
            query = query ?? new ListQuery();
            var plain = query.Where.Count == 0 && string.IsNullOrEmpty(query.Search) && query.Skip == 0 && query.First != 0;
            var id = targetId.ToString(CultureInfo.InvariantCulture);
            if (target == MauticResources.Segments)
            {
                var alias = (string)MissingRecord.Read(Client, target, targetId, ct)?[target.AliasField];
                if (string.IsNullOrEmpty(alias))
                    throw new MauticApiException($"Segment {id} has no alias, so Mautic's search cannot list its contacts.", MauticErrorKind.InvalidData);
                query.Search = Both("segment:" + alias, query.Search);
                plain = false;
            }
            else if (target == MauticResources.Tags)
            {
                // tag:"+name" is Mautic's exact, case-insensitive match (measured on 5.1.0: tag:name also matches longer
                // names, and tag:+"a b" matches nothing); quoted, a name with spaces is one term.
                var name = (string)MissingRecord.Read(Client, target, targetId, ct)?[target.NameField];
                if (string.IsNullOrEmpty(name) || name.IndexOf('"') >= 0)
                    throw new MauticApiException($"Tag {id}'s name cannot be written in Mautic's search, so its contacts cannot be listed.", MauticErrorKind.InvalidData);
                query.Search = Both("tag:\"+" + name + "\"", query.Search);
                plain = false;
            }
            else if (target == MauticResources.Companies) query.Search = Both("company_id:" + id, query.Search);
            else if (target == MauticResources.Stages) query.Where.Add(new WhereClause("stage_id", "eq", targetId));
            else throw new MauticApiException($"Mautic cannot list the contacts of a {target.Noun} this way.", MauticErrorKind.NotSupported);
            var any = false;
            foreach (var contact in new Pager(Client, MauticResources.Contacts, query, null, ct) { TotalKnown = totalKnown })
            {
                any = true;
                yield return contact;
            }
            if (!any && plain) MissingRecord.Read(Client, target, targetId, ct);
        }

        /// <summary>Two search expressions that must both hold (Mautic joins terms with AND).</summary>
        static string Both(string command, string search) => string.IsNullOrWhiteSpace(search) ? command : command + " " + search.Trim();

        /// <summary>
        /// Runs <paramref name="one"/> for every item, never more than <paramref name="throttle"/> at once
        /// (<see cref="InOrder{TResult}"/>); outcomes come back in input order, a <see cref="MauticApiException"/>
        /// becoming that item's failure.
        /// </summary>
        public static IEnumerable<BatchOutcome<T>> Each<T>(IReadOnlyList<WriteItem<T>> items, int throttle,
            Func<WriteItem<T>, CancellationToken, Task<MauticRecord>> one, CancellationToken ct = default)
        {
            var run = new InOrder<BatchOutcome<T>>(throttle, ct);
            var outcomes = new List<BatchOutcome<T>>(items.Count);
            foreach (var item in items)
                outcomes.AddRange(run.Start(c => Task.Run(async () =>
                {
                    try { return BatchOutcome<T>.Success(item.Input, await one(item, c).ConfigureAwait(false), 200); }
                    catch (MauticApiException e) { return BatchOutcome<T>.Failure(item.Input, e); }
                }, c)));
            outcomes.AddRange(run.Finish());
            return outcomes;
        }
    }
}

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Says which record a 404 is about when a call names two (a contact and the segment it joins): Mautic answers
    /// "Item was not found." for either. After a 404 (never before), one GET of the target tells: missing, the error
    /// says "Segment 3 was not found."; there, "Contact 7798 was not found (segment 3 exists)." The GET is made once
    /// per instance however many items failed; any other error, or a failed check, leaves the error as it was.
    /// </summary>
    public sealed class MissingRecord
    {
        readonly MauticResource _target;
        readonly long _targetId;
        readonly Lazy<bool?> _targetExists;

        public MissingRecord(MauticClient client, MauticResource target, long targetId, CancellationToken ct)
        {
            _target = target;
            _targetId = targetId;
            _targetExists = new Lazy<bool?>(() =>
            {
                try { Read(client, target, targetId, ct); return true; }
                catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound) { return false; }
                catch (MauticApiException) { return null; }
            }, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary><paramref name="e"/> reworded to name the missing record when it is a 404; otherwise <paramref name="e"/>.</summary>
        public MauticApiException Explain(MauticApiException e, string otherNoun, long otherId)
        {
            if (e.Kind != MauticErrorKind.NotFound) return e;
            var exists = _targetExists.Value;
            if (exists == null) return e;
            var text = exists.Value
                ? $"{Capital(otherNoun)} {otherId.ToString(CultureInfo.InvariantCulture)} was not found ({_target.Noun} {_targetId.ToString(CultureInfo.InvariantCulture)} exists)."
                : NotFoundText(_target, _targetId);
            return Reworded(e, text);
        }

        /// <summary>Whether the target exists, once known (a 404 was explained); null before or when the check failed.</summary>
        public bool? TargetExists => _targetExists.IsValueCreated ? _targetExists.Value : null;

        /// <summary>GET {route}/{id}: the record (its singular key), or NotFound saying "Segment 3 was not found.".</summary>
        public static JToken Read(MauticClient client, MauticResource target, long id, CancellationToken ct)
        {
            try { return client.Send(MauticRequest.Get(target.Route + "/" + id.ToString(CultureInfo.InvariantCulture)), ct).Body?[target.Singular]; }
            catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound) { throw Reworded(e, NotFoundText(target, id)); }
        }

        static string NotFoundText(MauticResource target, long id) => $"{Capital(target.Noun)} {id.ToString(CultureInfo.InvariantCulture)} was not found.";

        static MauticApiException Reworded(MauticApiException e, string text) =>
            e.Reworded(text + $" (Mautic answered {e.Method} {e.Url}: {e.MauticMessage ?? "not found"}, HTTP {e.StatusCode}.)");

        static string Capital(string s) => string.IsNullOrEmpty(s) ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
    }
}
