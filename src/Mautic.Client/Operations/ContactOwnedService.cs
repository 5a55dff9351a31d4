using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Records that belong to a contact (notes, devices): the standard routes, except that a batch is screened first.
    /// Mautic 5.1.0 checks such a record's contact (lead; a device also takes "contact") before its form, and in
    /// batch/new or batch/edit a record with no contact or an unknown one ends the whole request in a generic 500 with
    /// the records before it already saved (measured on notes and devices), so the answer cannot tell what was saved.
    /// Before a batch, new records with no contact become errors, and the contacts named are looked up in one request
    /// (contacts where id in ..., select id); records of unknown contacts become NotFound errors; the rest are sent.
    /// One record alone goes to the single route, whose 400 and 404 are precise.
    /// </summary>
    public sealed class ContactOwnedService : EntityService
    {
        public ContactOwnedService(MauticClient client, MauticResource resource) : base(client, resource) { }

        public override IEnumerable<BatchOutcome<T>> Create<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default) =>
            Screened(items, true, ct, pass => base.Create(pass, ct));

        public override IEnumerable<BatchOutcome<T>> Update<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default, bool replace = false) =>
            Screened(items, false, ct, pass => base.Update(pass, ct, replace));

        IEnumerable<BatchOutcome<T>> Screened<T>(IReadOnlyList<WriteItem<T>> items, bool create, CancellationToken ct,
            System.Func<IReadOnlyList<WriteItem<T>>, IEnumerable<BatchOutcome<T>>> send)
        {
            if (items.Count <= 1)
            {
                foreach (var o in send(items)) yield return o;
                yield break;
            }
            var pass = new List<WriteItem<T>>();
            var failed = new List<BatchOutcome<T>>();
            var named = new Dictionary<WriteItem<T>, long>();
            foreach (var item in items)
            {
                var lead = item.Payload?["lead"] ?? item.Payload?["contact"];
                if (lead == null || lead.Type == JTokenType.Null)
                {
                    if (create) failed.Add(BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                        $"A {Resource.Noun} needs its contact: give -ContactId, pipe the contact in, or give a 'lead' value.", MauticErrorKind.InvalidArgument)));
                    else pass.Add(item);
                    continue;
                }
                var id = MauticJson.ToLong(lead);
                if (id == null || id <= 0)
                {
                    failed.Add(BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                        $"A {Resource.Noun}'s contact (lead) must be a contact id, not '{lead.ToString(Newtonsoft.Json.Formatting.None)}'.", MauticErrorKind.InvalidArgument)));
                    continue;
                }
                named[item] = id.Value;
                pass.Add(item);
            }
            HashSet<long> known;
            MauticApiException lookupError = null;
            try { known = KnownContacts(named.Values.Distinct().ToList(), ct); }
            catch (MauticApiException e) { known = null; lookupError = e; }
            var send2 = new List<WriteItem<T>>();
            foreach (var item in pass)
            {
                if (!named.TryGetValue(item, out var id)) send2.Add(item);
                else if (lookupError != null) failed.Add(BatchOutcome<T>.Failure(item.Input, lookupError));
                else if (known.Contains(id)) send2.Add(item);
                else failed.Add(BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                    $"Contact {id.ToString(CultureInfo.InvariantCulture)} was not found, so no {Resource.Noun} was written for it.", MauticErrorKind.NotFound) { StatusCode = 404 }));
            }
            foreach (var o in failed) yield return o;
            if (send2.Count > 0) foreach (var o in send(send2)) yield return o;
        }

        /// <summary>The ids among <paramref name="ids"/> that are contacts: GET contacts where id in (...), 200 ids per request, select id only.</summary>
        HashSet<long> KnownContacts(List<long> ids, CancellationToken ct)
        {
            var known = new HashSet<long>();
            foreach (var part in Chunk.Of(ids))
            {
                var request = MauticRequest.Get(MauticResources.Contacts.Route)
                    .With("where[0][col]", "id").With("where[0][expr]", "in")
                    .With("where[0][val]", string.Join(",", part.Select(x => x.ToString(CultureInfo.InvariantCulture))))
                    .With("select[0]", "id").With("limit", part.Count);
                var body = Client.Send(request, ct).Body;
                foreach (var kv in MauticJson.Map(body?[MauticResources.Contacts.Plural]))
                    if (MauticJson.ToLong((kv.Value as JObject)?["id"]) is long id) known.Add(id);
            }
            return known;
        }
    }
}
