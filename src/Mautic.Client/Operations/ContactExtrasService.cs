using System.Threading.Tasks;
using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Mautic's do-not-contact reasons (LeadBundle DoNotContact). The API takes any positive number, but a contact
    /// holding another one breaks every activity timeline it appears in (HTTP 500 "Unknown DNC reason ID", measured on
    /// 5.1.0), so only these three are sent.
    /// </summary>
    public enum DncReason { Unsubscribed = 1, Bounced = 2, Manual = 3 }

    /// <summary>How a score changes: the URL operators plus, minus, times, divide and (point groups only) set.</summary>
    public enum PointOperator { Add, Subtract, Multiply, Divide, Set }

    /// <summary>The filters of a contact activity (timeline) read.</summary>
    public sealed class ActivityQuery
    {
        public const int DefaultPageSize = 100;
        public string Search { get; set; }
        public IList<string> IncludeTypes { get; } = new List<string>();
        public IList<string> ExcludeTypes { get; } = new List<string>();
        public DateTime? Since { get; set; }
        public DateTime? Until { get; set; }
        public bool Ascending { get; set; }
        /// <summary>Mautic's limit, which it applies to each event type separately (see <see cref="ContactExtrasService.Activity"/>).</summary>
        public int PageSize { get; set; } = DefaultPageSize;
    }

    /// <summary>
    /// What hangs off one contact besides its fields: do-not-contact entries, UTM tags, points and point-group
    /// scores, devices, companies, the activity timeline. Changes are one request per contact (Mautic has no batch
    /// route for them), several at a time but never more than the throttle.
    /// </summary>
    public sealed class ContactExtrasService : ClientService
    {
        public const string DeviceType = "Mautic.ContactDevice";
        public const string CompanyType = "Mautic.ContactCompany";
        public const string ActivityType = "Mautic.ContactActivity";
        public const string GroupScoreType = "Mautic.ContactPointGroupScore";
        public const string PointChangeType = "Mautic.ContactPointChange";

        /// <summary>The body keys of POST contacts/{id}/utm/add.</summary>
        public static readonly IReadOnlyList<string> UtmKeys = new[]
        {
            "utm_campaign", "utm_source", "utm_medium", "utm_content", "utm_term", "useragent", "url", "referer", "query", "remotehost", "lastActive",
        };

        public ContactExtrasService(MauticClient client) : base(client) { }

        static string Path(long contactId, string tail) => SubListReader.PathOf(MauticResources.Contacts.Route, contactId, tail);

        static MauticRecord Contact(JToken token) => RecordShaper.Shape(token, MauticResources.Contacts.TypeName, true);

        static long ContactIdOf<T>(WriteItem<T> item)
        {
            EntityService.CheckId("contact", item.Id);
            return item.Id.Value;
        }

        /// <summary>A date as Mautic's filters read it, in UTC (its timeline timestamps are UTC).</summary>
        static string SqlDate(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);

        // ---------- do not contact ----------

        /// <summary>
        /// Adds or removes the do-not-contact entry of each contact on <paramref name="channel"/>; each outcome is the
        /// contact as Mautic answers it. Adding on a channel that already has an entry changes nothing (the old reason
        /// stays); removing where there is none is not an error (Mautic answers recordFound false).
        /// </summary>
        public IEnumerable<BatchOutcome<T>> DoNotContact<T>(IReadOnlyList<WriteItem<T>> items, string channel, bool add,
            DncReason reason = DncReason.Manual, string comments = null, long? channelId = null, int throttle = Throttle.Default,
            CancellationToken ct = default)
        {
            if (string.IsNullOrWhiteSpace(channel)) throw new MauticApiException("The channel is empty: use email or sms.", MauticErrorKind.InvalidArgument);
            if (add && !Enum.IsDefined(typeof(DncReason), reason))
                throw new MauticApiException($"{(int)reason} is not a do-not-contact reason: use Unsubscribed (1), Bounced (2) or Manual (3).", MauticErrorKind.InvalidArgument);
            if (channelId.HasValue) EntityService.CheckId(channel.Trim() + " (channel id)", channelId);
            var tail = "dnc/" + Uri.EscapeDataString(channel.Trim().ToLowerInvariant()) + (add ? "/add" : "/remove");
            return MembershipService.Each(items, throttle, async (item, c) =>
            {
                var id = ContactIdOf(item);
                JObject body = null;
                if (add)
                {
                    body = new JObject { ["reason"] = (int)reason };
                    if (comments != null) body["comments"] = comments;
                    if (channelId.HasValue) body["channelId"] = channelId.Value;
                }
                var response = await Client.SendAsync(MauticRequest.Post(Path(id, tail), body), c).ConfigureAwait(false);
                if (!add && MauticJson.ToBool(response.Body?["recordFound"]) == false)
                    MauticLog.Write(Client.Options.Log, MauticLogLevel.Verbose, $"Contact {id} had no do-not-contact entry on {channel}; nothing to remove.");
                return Contact(response.Body?["contact"]);
            }, ct);
        }

        // ---------- UTM tags ----------

        /// <summary>Records a UTM tag set (each item's payload, keys from <see cref="UtmKeys"/>) on each contact (POST contacts/{id}/utm/add); each outcome is the contact.</summary>
        public IEnumerable<BatchOutcome<T>> AddUtm<T>(IReadOnlyList<WriteItem<T>> items, int throttle = Throttle.Default, CancellationToken ct = default) =>
            MembershipService.Each(items, throttle, async (item, c) =>
            {
                var id = ContactIdOf(item);
                if (item.Payload == null || !item.Payload.Properties().Any())
                    throw new MauticApiException("There is no UTM value to record: give at least one of " + string.Join(", ", UtmKeys) + ".", MauticErrorKind.InvalidArgument);
                var response = await Client.SendAsync(MauticRequest.Post(Path(id, "utm/add"), item.Payload), c).ConfigureAwait(false);
                return Contact(response.Body?["contact"]);
            }, ct);

        /// <summary>
        /// Removes UTM tags (the items' ids) from one contact. Mautic answers an id the contact does not have with a bare
        /// 400 "This is a bad request."; that becomes an ObjectNotFound error naming the tag.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> RemoveUtm<T>(long contactId, IReadOnlyList<WriteItem<T>> items, int throttle = Throttle.Default,
            CancellationToken ct = default)
        {
            EntityService.CheckId("contact", contactId);
            return MembershipService.Each(items, throttle, async (item, c) =>
            {
                EntityService.CheckId("UTM tag", item.Id);
                try
                {
                    var response = await Client.SendAsync(MauticRequest.Post(Path(contactId, "utm/" + Invariant(item.Id.Value) + "/remove")), c).ConfigureAwait(false);
                    return Contact(response.Body?["contact"]);
                }
                catch (MauticApiException e) when (e.StatusCode == 400)
                {
                    throw Reworded(e, $"Contact {contactId} has no UTM tag {item.Id.Value} (Mautic answered: {e.MauticMessage ?? e.Message}).", MauticErrorKind.NotFound);
                }
            }, ct);
        }

        static MauticApiException Reworded(MauticApiException e, string message, MauticErrorKind kind) =>
            new MauticApiException(message, kind, e)
            {
                StatusCode = e.StatusCode, MauticCode = e.MauticCode, ErrorType = e.ErrorType, MauticMessage = e.MauticMessage,
                Details = e.Details, Method = e.Method, Url = e.Url,
            };

        // ---------- points ----------

        /// <summary>
        /// The URL operator and value for a change. A negative value with Add or Subtract turns into the other operator
        /// (Add -5 is minus/5), so the timeline says what happened; dividing by zero is refused (Mautic ignores it for
        /// contact points and fails with HTTP 500 for a group); Set exists only for point groups.
        /// </summary>
        public static (string op, long value) UrlOperator(PointOperator op, long points, bool group)
        {
            switch (op)
            {
                case PointOperator.Add: return points < 0 ? ("minus", -points) : ("plus", points);
                case PointOperator.Subtract: return points < 0 ? ("plus", -points) : ("minus", points);
                case PointOperator.Multiply: return ("times", points);
                case PointOperator.Divide:
                    if (points == 0) throw new MauticApiException("Points cannot be divided by 0.", MauticErrorKind.InvalidArgument);
                    return ("divide", points);
                case PointOperator.Set:
                    if (!group) throw new MauticApiException("Mautic has no 'set' operator for a contact's points (only for a point group); Set-MauticContactPoint edits the points field instead.", MauticErrorKind.InvalidArgument);
                    return ("set", points);
                default: throw new MauticApiException($"'{op}' is not a point operator.", MauticErrorKind.InvalidArgument);
            }
        }

        /// <summary>
        /// Changes each contact's points (POST contacts/{id}/points/{op}/{value}) or, with <paramref name="groupId"/>,
        /// its score in that point group (POST contacts/{id}/points/groups/{gid}/{op}/{value}). Outcomes: the group score,
        /// or (contact points, which Mautic answers with {success:1} only) the contact read back when
        /// <paramref name="readBack"/>, else a Mautic.ContactPointChange record.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> AdjustPoints<T>(IReadOnlyList<WriteItem<T>> items, PointOperator op, long points, long? groupId,
            string eventName = null, string actionName = null, bool readBack = false, int throttle = Throttle.Default, CancellationToken ct = default)
        {
            if (groupId.HasValue) EntityService.CheckId("point group", groupId);
            var (urlOp, value) = UrlOperator(op, points, groupId.HasValue);
            JObject body = null;
            if (eventName != null || actionName != null)
            {
                body = new JObject();
                if (eventName != null) body["eventName"] = eventName;
                if (actionName != null) body["actionName"] = actionName;
            }
            return MembershipService.Each(items, throttle, async (item, c) =>
            {
                var id = ContactIdOf(item);
                if (groupId.HasValue)
                {
                    try
                    {
                        var r = await Client.SendAsync(MauticRequest.Post(Path(id, "points/groups/" + Invariant(groupId.Value) + "/" + urlOp + "/" + Invariant(value)), body), c).ConfigureAwait(false);
                        return GroupScore(id, r.Body?["groupScore"], groupId.Value);
                    }
                    catch (MauticApiException e) when (e.StatusCode == 500 && urlOp == "divide")
                    {
                        throw Reworded(e, e.Message + $" Mautic 5.1 fails like this when a group score divided by {value} does not come out whole; the score was not changed.", e.Kind);
                    }
                }
                await Client.SendAsync(MauticRequest.Post(Path(id, "points/" + urlOp + "/" + Invariant(value)), body), c).ConfigureAwait(false);
                if (readBack) return Contact((await Client.SendAsync(MauticRequest.Get(Path(id, null)), c).ConfigureAwait(false)).Body?["contact"]);
                var change = new MauticRecord(PointChangeType);
                change["ContactId"] = id;
                change["Operator"] = urlOp;
                change["Points"] = value;
                return change;
            }, ct);
        }

        /// <summary>A contact's score in one group: score, group {id, name}, plus ContactId, PointGroupId, PointGroupName.</summary>
        static MauticRecord GroupScore(long contactId, JToken token, long? groupId)
        {
            var r = RecordShaper.Shape(token as JObject ?? new JObject(), GroupScoreType, false);
            var group = token?["group"] as JObject;
            r["ContactId"] = contactId;
            r["PointGroupId"] = MauticJson.ToLong(group?["id"]) ?? groupId;
            r["PointGroupName"] = group?["name"]?.ToString();
            if (!r.Has("score")) r["score"] = 0L;
            return r;
        }

        /// <summary>
        /// A contact's point-group scores (GET contacts/{id}/points/groups), or its score in one group. A group the
        /// contact has never scored in comes back from Mautic as a bare [] and is written as score 0.
        /// </summary>
        public IEnumerable<MauticRecord> GroupScores(long contactId, long? groupId = null, CancellationToken ct = default)
        {
            EntityService.CheckId("contact", contactId);
            if (groupId.HasValue)
            {
                EntityService.CheckId("point group", groupId);
                var body = Client.Send(MauticRequest.Get(Path(contactId, "points/groups/" + Invariant(groupId.Value))), ct).Body;
                return new[] { GroupScore(contactId, (body as JObject)?["groupScore"], groupId) };
            }
            var list = Client.Send(MauticRequest.Get(Path(contactId, "points/groups")), ct).Body?["groupScores"];
            return MauticJson.Map(list).Select(kv => GroupScore(contactId, kv.Value, null)).ToList();
        }

        // ---------- lists of one contact ----------

        /// <summary>A contact's devices (GET contacts/{id}/devices, paged with start/limit), each with ContactId.</summary>
        public IEnumerable<MauticRecord> Devices(long contactId, CancellationToken ct = default)
        {
            EntityService.CheckId("contact", contactId);
            return SubListReader.Read(Client, Path(contactId, "devices"), "devices", DeviceType, paged: true, ct: ct).Select(r => WithContact(r, contactId));
        }

        /// <summary>A contact's companies (GET contacts/{id}/companies: raw rows, company_id, is_primary ...), each with ContactId.</summary>
        public IEnumerable<MauticRecord> Companies(long contactId, CancellationToken ct = default)
        {
            EntityService.CheckId("contact", contactId);
            return SubListReader.Read(Client, Path(contactId, "companies"), "companies", CompanyType, ct: ct).Select(r => WithContact(r, contactId)).ToList();
        }

        static MauticRecord WithContact(MauticRecord r, long contactId)
        {
            r["ContactId"] = contactId;
            return r;
        }

        /// <summary>The segments the connected user may add contacts to (GET contacts/list/segments: {id, name, alias} keyed by id).</summary>
        public IEnumerable<MauticRecord> AvailableSegments(CancellationToken ct = default) =>
            SubListReader.Read(Client, MauticResources.Contacts.Route + "/list/segments", null, MauticResources.Segments.TypeName, ct: ct).ToList();

        // ---------- activity ----------

        /// <summary>
        /// Streams timeline events of one contact (GET contacts/{id}/activity) or of all contacts (GET contacts/activity),
        /// page after page. Mautic applies page and limit to each event type separately and merges the types, so a page
        /// holds up to limit events of every type and maxPages follows the busiest type: the pages are walked until
        /// maxPages, and events are ordered by time within a page only.
        /// </summary>
        public IEnumerable<MauticRecord> Activity(long? contactId, ActivityQuery query, Action<long?> totalKnown = null, CancellationToken ct = default)
        {
            query = query ?? new ActivityQuery();
            if (contactId.HasValue) EntityService.CheckId("contact", contactId);
            if (query.PageSize < 1) throw new MauticApiException($"The page size must be 1 or more, not {query.PageSize}.", MauticErrorKind.InvalidArgument);
            if (query.Since.HasValue && query.Until.HasValue && query.Since > query.Until)
                throw new MauticApiException($"The start of the period ({query.Since:u}) is after its end ({query.Until:u}).", MauticErrorKind.InvalidArgument);
            var path = contactId.HasValue ? Path(contactId.Value, "activity") : MauticResources.Contacts.Route + "/activity";
            for (var page = 1L; ; page++)
            {
                var request = MauticRequest.Get(path).With("page", page).With("limit", query.PageSize);
                if (!string.IsNullOrEmpty(query.Search)) request.With("filters[search]", query.Search);
                // Mautic needs the array form: filters[includeEvents]=x (no []) is its HTTP 500.
                foreach (var t in query.IncludeTypes) request.With("filters[includeEvents][]", t);
                foreach (var t in query.ExcludeTypes) request.With("filters[excludeEvents][]", t);
                if (query.Since.HasValue) request.With("filters[dateFrom]", SqlDate(query.Since.Value));
                if (query.Until.HasValue) request.With("filters[dateTo]", SqlDate(query.Until.Value));
                request.With("order[0]", "timestamp").With("order[1]", query.Ascending ? "ASC" : "DESC");
                var body = Client.Send(request, ct).Body;
                if (page == 1) totalKnown?.Invoke(MauticJson.ToLong(body?["total"]));
                var events = MauticJson.Map(body?["events"]).Select(kv => kv.Value).ToList();
                foreach (var e in events)
                {
                    var r = RecordShaper.Shape(e, ActivityType, false);
                    var cid = MauticJson.ToLong(e?["contactId"]) ?? contactId;
                    if (cid.HasValue) r["contactId"] = cid.Value;
                    yield return r;
                }
                var maxPages = body?["maxPages"] is JToken mp && mp.Type != JTokenType.Null ? (long)Math.Ceiling(mp.Value<double>()) : 1;
                if (events.Count == 0 || page >= maxPages) yield break;
            }
        }
    }
}
