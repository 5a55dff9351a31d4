using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// What campaigns have beyond the standard routes: their contacts, clones, a contact's campaigns and a contact's
    /// campaign event log (read, and rescheduled one at a time or 200 per batch request). Shapes measured on 5.1.0.
    /// </summary>
    public sealed partial class CampaignService : EntityService
    {
        public CampaignService(MauticClient client) : base(client, MauticResources.Campaigns) { }

        public const string MemberType = "Mautic.CampaignMember";
        public const string ContactEventType = "Mautic.CampaignContactEvent";

        /// <summary>
        /// The contacts of a campaign (GET campaigns/{id}/contacts, 100 a page): Mautic answers raw campaign_leads rows
        /// of numeric strings (campaign_id, lead_id, date_added, manually_added, ...); each becomes a
        /// Mautic.CampaignMember with CampaignId, ContactId, DateAdded, ManuallyAdded, ManuallyRemoved and Rotation.
        /// </summary>
        public IEnumerable<MauticRecord> Members(long campaignId, CancellationToken ct = default, Action<long?> totalKnown = null)
        {
            CheckId(campaignId);
            return SubListReader.Read(Client, SubListReader.PathOf(Resource.Route, campaignId, "contacts"), "contacts", MemberType, paged: true, ct: ct, totalKnown: totalKnown)
                .Select(Member);
        }

        static MauticRecord Member(MauticRecord row)
        {
            JToken J(string name) => MauticJson.FromValue(row[name]);
            var r = new MauticRecord(MemberType);
            r["CampaignId"] = MauticJson.ToLong(J("campaign_id"));
            r["ContactId"] = MauticJson.ToLong(J("lead_id"));
            var added = row["date_added"] as string;
            r["DateAdded"] = DateTime.TryParse(added, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : row["date_added"];
            r["ManuallyAdded"] = MauticJson.ToBool(J("manually_added"));
            r["ManuallyRemoved"] = MauticJson.ToBool(J("manually_removed"));
            r["Rotation"] = MauticJson.ToLong(J("rotation"));
            return r;
        }

        /// <summary>
        /// The events of one campaign, as GET campaigns/events lists them (with their campaign), through its filter
        /// where[campaign] eq id, which 5.1.0 and 7.0.0 honour (measured); the query's own paging, order and filters
        /// apply too. When nothing is listed and no filter of the caller's could explain it, the campaign is looked up, so a missing one is a NotFound error rather than
        /// nothing (a campaign saved through the API always has an event).
        /// </summary>
        public IEnumerable<MauticRecord> Events(long campaignId, Paging.ListQuery query, CancellationToken ct = default, Action<long?> totalKnown = null)
        {
            CheckId(campaignId);
            query = query ?? new Paging.ListQuery();
            var plain = query.Where.Count == 0 && string.IsNullOrEmpty(query.Search) && query.Skip == 0 && query.First != 0;
            query.Where.Add(new Paging.WhereClause("campaign", "eq", campaignId));
            var pager = new Paging.Pager(Client, MauticResources.CampaignEvents, query, null, ct) { TotalKnown = totalKnown };
            var any = false;
            foreach (var e in pager)
            {
                any = true;
                yield return e;
            }
            if (!any && plain) Get(campaignId, ct);
        }

        /// <summary>POST campaigns/clone/{id}: the copy Mautic made (unpublished, same name; 5.1.0 copies no events or segments).</summary>
        public MauticRecord Clone(long campaignId, CancellationToken ct = default)
        {
            CheckId(campaignId);
            var body = Client.Send(MauticRequest.Post(Resource.Route + "/clone/" + campaignId.ToString(CultureInfo.InvariantCulture)), ct).Body;
            return Shape(body?[Resource.Singular]);
        }

        /// <summary>The campaigns a contact is in (GET contacts/{id}/campaigns; 5.1.0 lists only published campaigns).</summary>
        public IEnumerable<MauticRecord> OfContact(long contactId, CancellationToken ct = default)
        {
            CheckId("contact", contactId);
            return SubListReader.Read(Client, SubListReader.PathOf(MauticResources.Contacts.Route, contactId, "campaigns"), Resource.Plural, Resource.TypeName, ct: ct).ToList();
        }

        /// <summary>
        /// A contact's campaign event log: across campaigns (GET campaigns/events/contact/{contactId}, paged), or in one
        /// campaign (GET campaigns/{campaignId}/events/contact/{contactId}: every event of the campaign with the
        /// contact's contactLog; 409 when the contact is not in it). Each event gets ContactId (and CampaignId).
        /// </summary>
        public IEnumerable<MauticRecord> ContactEvents(long contactId, long? campaignId = null, CancellationToken ct = default)
        {
            CheckId("contact", contactId);
            if (campaignId.HasValue) CheckId(campaignId.Value);
            var path = campaignId.HasValue
                ? SubListReader.PathOf(Resource.Route, campaignId.Value, "events/contact/" + contactId.ToString(CultureInfo.InvariantCulture))
                : Resource.Route + "/events/contact/" + contactId.ToString(CultureInfo.InvariantCulture);
            foreach (var e in SubListReader.Read(Client, path, "events", ContactEventType, paged: !campaignId.HasValue, ct: ct))
            {
                e["ContactId"] = contactId;
                e["CampaignId"] = campaignId ?? (e["campaign"] as MauticRecord)?.Id;
                yield return e;
            }
        }

        /// <summary>
        /// Changes contacts' event logs (triggerDate, dateTriggered, metadata, ...). Each payload holds eventId and
        /// contactId. One item goes to PUT campaigns/events/{eventId}/contact/{contactId}/edit (201 when Mautic made
        /// the log, 200 when it changed it); more go 200 per PUT campaigns/events/batch/edit, whose answer keys the
        /// events by event id and the errors by request position. Every input comes back once.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> EditContactEvents<T>(IReadOnlyList<WriteItem<T>> items, CancellationToken ct = default)
        {
            foreach (var chunk in Chunk.Of(items))
            {
                if (chunk.Count == 1)
                {
                    yield return EditOne(chunk[0], ct);
                    continue;
                }
                List<BatchOutcome<T>> outcomes;
                try
                {
                    foreach (var i in chunk) { CheckId("campaign event", Ref(i, "eventId")); CheckId("contact", Ref(i, "contactId")); }
                    var request = MauticRequest.Put(Resource.Route + "/events/batch/edit", new JArray(chunk.Select(i => i.Payload)));
                    request.ItemErrors = true;
                    var body = Client.Send(request, ct).Body as JObject;
                    outcomes = new List<BatchOutcome<T>>();
                    for (var n = 0; n < chunk.Count; n++)
                    {
                        var item = chunk[n];
                        var error = MauticJson.MapGet(body?["errors"], n.ToString(CultureInfo.InvariantCulture));
                        var eventId = Ref(item, "eventId").Value;
                        if (error != null && error.Type != JTokenType.Null)
                        {
                            var o = error as JObject;
                            var code = MauticJson.ToInt(o?["code"]) ?? 400;
                            var message = o?["message"]?.ToString() ?? error.ToString();
                            outcomes.Add(BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                                $"Mautic refused event {eventId} of contact {Ref(item, "contactId")} (item {n + 1} of the batch): {message}", MauticApiException.KindForStatus(code, null))
                                { StatusCode = code, MauticCode = code, MauticMessage = message, Method = "PUT", Url = Resource.Route + "/events/batch/edit" }));
                            continue;
                        }
                        var ev = MauticJson.MapGet(body?["events"], eventId.ToString(CultureInfo.InvariantCulture)) as JObject;
                        if (ev == null)
                        {
                            outcomes.Add(BatchOutcome<T>.Failure(item.Input, new MauticApiException(
                                $"Mautic's batch answer has no result for event {eventId} of contact {Ref(item, "contactId")}; it was probably not changed.", MauticErrorKind.Protocol)
                                { Method = "PUT" }));
                            continue;
                        }
                        outcomes.Add(BatchOutcome<T>.Success(item.Input, ContactEvent(ev, item), 200));
                    }
                }
                catch (MauticApiException e)
                {
                    outcomes = chunk.Select(i => BatchOutcome<T>.Failure(i.Input, e)).ToList();
                }
                foreach (var o in outcomes) yield return o;
            }
        }

        BatchOutcome<T> EditOne<T>(WriteItem<T> item, CancellationToken ct)
        {
            try
            {
                var eventId = Ref(item, "eventId");
                var contactId = Ref(item, "contactId");
                CheckId("campaign event", eventId);
                CheckId("contact", contactId);
                var body = (JObject)item.Payload.DeepClone();
                body.Remove("eventId");
                body.Remove("contactId");
                var path = Resource.Route + "/events/" + eventId.Value.ToString(CultureInfo.InvariantCulture) + "/contact/" + contactId.Value.ToString(CultureInfo.InvariantCulture) + "/edit";
                var response = Client.Send(MauticRequest.Put(path, body), ct);
                return BatchOutcome<T>.Success(item.Input, ContactEvent(response.Body?["event"], item), response.StatusCode);
            }
            catch (MauticApiException e)
            {
                return BatchOutcome<T>.Failure(item.Input, e);
            }
        }

        static long? Ref<T>(WriteItem<T> item, string key) => MauticJson.ToLong(item.Payload?[key]);

        static MauticRecord ContactEvent<T>(JToken ev, WriteItem<T> item)
        {
            var r = RecordShaper.Shape(ev, ContactEventType, false);
            r["ContactId"] = Ref(item, "contactId");
            r["CampaignId"] = (r["campaign"] as MauticRecord)?.Id;
            return r;
        }
    }
}
