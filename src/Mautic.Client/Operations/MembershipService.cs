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
                ? $"{EntityService.Capital(otherNoun)} {otherId.ToString(CultureInfo.InvariantCulture)} was not found ({_target.Noun} {_targetId.ToString(CultureInfo.InvariantCulture)} exists)."
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

        static readonly Regex SubResourcePath = new Regex(@"/api/(?<path>[^?#]+)", RegexOptions.CultureInvariant);
        static readonly Regex NamesARecord = new Regex(@"^\w[\w ]* \d+ was not found", RegexOptions.CultureInvariant);

        /// <summary>
        /// A 404 from a route under one record ({route}/{id}/..., a contact's notes, an e-mail's send to a contact, a form's
        /// submissions) reworded to name what is missing: the record, when the route names no other ("Form 9 was not
        /// found."); when it names a second record (emails/2/contact/7/send), one GET of the first tells which of the two
        /// it is ("Contact 7 was not found (e-mail 2 exists)."). Any other error, a 404 whose message already names its record,
        /// or a check that fails itself: <paramref name="e"/> as it was.
        /// </summary>
        public static MauticApiException ExplainSubResource(MauticClient client, MauticApiException e, CancellationToken ct)
        {
            if (e.Kind != MauticErrorKind.NotFound || e.Url == null || NamesARecord.IsMatch(e.Message)) return e;
            var m = SubResourcePath.Match(e.Url);
            if (!m.Success) return e;
            var segments = m.Groups["path"].Value.Trim('/').Split('/');
            // The longest route of the resource table followed by an id and more.
            MauticResource parent = null;
            var at = -1;
            foreach (var r in MauticResources.All)
            {
                var parts = r.Route.Split('/');
                if (parts.Length + 1 >= segments.Length || (parent != null && parts.Length <= at)) continue;
                if (!parts.Select((p, i) => string.Equals(p, segments[i], StringComparison.OrdinalIgnoreCase)).All(x => x)) continue;
                if (!IsId(segments[parts.Length])) continue;
                parent = r;
                at = parts.Length;
            }
            if (parent == null)
            {
                // No route of the table opens the path (campaigns/events/contact/7): a record named by its singular and id.
                for (var i = 1; i < segments.Length; i++)
                {
                    if (!IsId(segments[i])) continue;
                    var named = MauticResources.All.FirstOrDefault(r => string.Equals(r.Singular, segments[i - 1], StringComparison.OrdinalIgnoreCase));
                    if (named != null) return Reworded(e, NotFoundText(named, long.Parse(segments[i], CultureInfo.InvariantCulture)));
                }
                return e;
            }
            var parentId = long.Parse(segments[at], CultureInfo.InvariantCulture);
            MauticResource child = null;
            long? childId = null;
            for (var i = at + 2; i < segments.Length; i++)
            {
                if (!IsId(segments[i])) continue;
                child = MauticResources.All.FirstOrDefault(r => string.Equals(r.Singular, segments[i - 1], StringComparison.OrdinalIgnoreCase)
                    || string.Equals(r.Route, segments[i - 1], StringComparison.OrdinalIgnoreCase));
                childId = long.Parse(segments[i], CultureInfo.InvariantCulture);
                break;
            }
            // Only one record named: Mautic's 404 on a route under it means that record is missing.
            if (childId == null) return Reworded(e, NotFoundText(parent, parentId));
            try { Read(client, parent, parentId, ct); }
            catch (MauticApiException notFound) when (notFound.Kind == MauticErrorKind.NotFound) { return Reworded(e, NotFoundText(parent, parentId)); }
            catch (Exception) { return e; }
            // The first record exists: the second is missing (a UTM entry, a note: Mautic's own message names it).
            return child == null ? e : Reworded(e, $"{EntityService.Capital(child.Noun)} {childId.Value.ToString(CultureInfo.InvariantCulture)} was not found ({parent.Noun} {parentId.ToString(CultureInfo.InvariantCulture)} exists).");
        }

        static bool IsId(string segment) => segment.Length > 0 && segment.Length < 19 && segment.All(c => c >= '0' && c <= '9');

        static string NotFoundText(MauticResource target, long id) => $"{EntityService.Capital(target.Noun)} {id.ToString(CultureInfo.InvariantCulture)} was not found.";

        static MauticApiException Reworded(MauticApiException e, string text) =>
            e.Reworded(text + $" (Mautic answered {e.Method} {e.Url}: {e.MauticMessage ?? "not found"}, HTTP {e.StatusCode}.)");

    }
}
