using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>Segments (Mautic's 'lists') and their membership.</summary>
    public sealed class SegmentService : EntityService
    {
        public SegmentService(MauticClient client) : base(client, MauticResources.Segments) { }

        static MauticRecord Membership(long segmentId, long contactId, bool member) =>
            MembershipService.Membership(MauticResources.Segments, segmentId, contactId, member);

        /// <summary>
        /// Adds contacts to a segment: one contact through contact/{id}/add, several through contacts/add, 200 per
        /// request; every contact Mautic did not add becomes an error carrying its input.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> AddMembers<T>(long segmentId, IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default)
        {
            CheckId(segmentId);
            var sid = segmentId.ToString(CultureInfo.InvariantCulture);
            var missing = new MissingRecord(Client, Resource, segmentId, ct);
            foreach (var chunk in Chunk.Of(items))
            {
                var outcomes = new List<BatchOutcome<T>>();
                var valid = new List<WriteItem<T>>();
                foreach (var item in chunk)
                {
                    try { CheckId("contact", item.Id); valid.Add(item); }
                    catch (MauticApiException e) { outcomes.Add(BatchOutcome<T>.Failure(item.Input, e)); }
                }
                try
                {
                    if (valid.Count == 1)
                    {
                        var cid = valid[0].Id.Value;
                        try { Client.Send(MauticRequest.Post("segments/" + sid + "/contact/" + cid.ToString(CultureInfo.InvariantCulture) + "/add"), ct); }
                        catch (MauticApiException e) { throw missing.Explain(e, "contact", cid); }
                        outcomes.Add(BatchOutcome<T>.Success(valid[0].Input, Membership(segmentId, cid, true), 200));
                    }
                    else if (valid.Count > 1)
                    {
                        var body = new JObject { ["ids"] = new JArray(valid.Select(i => i.Id.Value)) };
                        JObject answer;
                        try { answer = Client.Send(MauticRequest.Post("segments/" + sid + "/contacts/add", body), ct).Body as JObject; }
                        catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound)
                        {
                            // A 404 for the whole request is the segment's; say so when it is.
                            var explained = missing.Explain(e, "contact", valid[0].Id.Value);
                            throw missing.TargetExists == false ? explained : e;
                        }
                        var details = answer?["details"];
                        foreach (var item in valid)
                        {
                            var key = item.Id.Value.ToString(CultureInfo.InvariantCulture);
                            var detail = MauticJson.MapGet(details, key);
                            var ok = MauticJson.ToBool(detail is JObject d ? d["success"] : detail);
                            if (ok == true) outcomes.Add(BatchOutcome<T>.Success(item.Input, Membership(segmentId, item.Id.Value, true), 200));
                            else outcomes.Add(BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                                $"Mautic did not add contact {key} to segment {sid}; the contact may not exist.", MauticErrorKind.NotFound)
                                { StatusCode = 404, Method = "POST", Url = "segments/" + sid + "/contacts/add" }));
                        }
                    }
                }
                catch (MauticApiException e)
                {
                    // Send throws before any valid item has an outcome, so every one of them failed.
                    foreach (var item in valid) outcomes.Add(BatchOutcome<T>.Failure(item.Input, e));
                }
                foreach (var o in outcomes) yield return o;
            }
        }
    }
}
