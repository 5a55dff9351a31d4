using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// What forms have beyond the standard routes: their submissions (SubmissionApiController, measured on 5.1.0).
    /// GET forms/{id}/submissions[/contact/{contactId}] answers {total: numeric string, submissions: [..] or {} when
    /// empty}, pages by start/limit, orders by orderBy (a column of the query: s.id, s.date_submitted; a bare "id" is
    /// ambiguous and a 500), filters by where[] on those columns, and ignores ?search=. GET forms/{id}/submissions/{sid}
    /// answers any submission whatever its form, so the form is checked here. An unknown form is a 404.
    /// </summary>
    public sealed class FormService : EntityService
    {
        public const string SubmissionType = "Mautic.FormSubmission";

        /// <summary>The properties every submission has; a submitted value whose field alias is one of them gets "field_" in front.</summary>
        static readonly string[] Fixed = { "id", "formId", "contactId", "dateSubmitted", "ipAddress", "referer", "trackingId", "pageId" };

        public FormService(MauticClient client) : base(client, MauticResources.Forms) { }

        /// <summary>
        /// A form's submissions (of one contact when <paramref name="contactId"/> is given), streamed a page per request
        /// from <see cref="ListQuery.Skip"/> up to <see cref="ListQuery.First"/>; ordered by submission id unless the
        /// query orders by another column (Mautic's names: s.date_submitted, s.lead_id); where clauses as Mautic takes them
        /// (s.id, s.date_submitted, r.&lt;field alias&gt;).
        /// </summary>
        public IEnumerable<MauticRecord> Submissions(long formId, long? contactId, ListQuery query, CancellationToken ct = default, Action<long?> totalKnown = null)
        {
            CheckId(formId);
            if (contactId.HasValue) CheckId("contact", contactId.Value);
            query = query ?? new ListQuery();
            query.Validate();
            var path = SubListReader.PathOf(Resource.Route, formId, "submissions" + (contactId.HasValue ? "/contact/" + contactId.Value.ToString(CultureInfo.InvariantCulture) : ""));
            var orderBy = string.IsNullOrEmpty(query.OrderBy) || string.Equals(query.OrderBy, "id", StringComparison.OrdinalIgnoreCase) ? "s.id" : query.OrderBy;
            return OffsetWalk.Walk(query, "submissions", (start, limit) =>
            {
                var request = MauticRequest.Get(path).With("start", start).With("limit", limit)
                    .With("orderBy", orderBy).With("orderByDir", query.Descending ? "DESC" : "ASC");
                WhereClause.AddTo(request, query.Where);
                return Client.Send(request, ct).Body as JObject;
            }, row => ShapeSubmission(row, formId), totalKnown);
        }

        /// <summary>One submission of a form; one of another form is NotFound like a missing one (Mautic would answer it).</summary>
        public MauticRecord Submission(long formId, long submissionId, CancellationToken ct = default)
        {
            CheckId(formId);
            CheckId("form submission", submissionId);
            var path = SubListReader.PathOf(Resource.Route, formId, "submissions/" + submissionId.ToString(CultureInfo.InvariantCulture));
            MauticRecord record;
            try
            {
                record = ShapeSubmission(Client.Send(MauticRequest.Get(path), ct).Body?["submission"], formId);
            }
            catch (MauticApiException e) when (e.Kind == MauticErrorKind.NotFound)
            {
                Get(formId, ct);   // a missing form names itself
                throw new MauticApiException($"Form {formId} has no submission {submissionId}.", MauticErrorKind.NotFound, e)
                    { Method = e.Method, Url = e.Url, StatusCode = e.StatusCode, MauticCode = e.MauticCode, MauticMessage = e.MauticMessage };
            }
            if (record["formId"] is long actual && actual != formId)
                throw new MauticApiException($"Form {formId} has no submission {submissionId} (it is a submission of form {actual}).", MauticErrorKind.NotFound)
                    { Method = "GET", Url = path, StatusCode = 404 };
            return record;
        }

        /// <summary>
        /// A submission as one flat record: id, formId, contactId, dateSubmitted, ipAddress, referer, trackingId, pageId,
        /// then each submitted value under its field alias (results; form_id, which only the single read adds, is left out),
        /// so that Export-Csv writes one column per field.
        /// </summary>
        public static MauticRecord ShapeSubmission(JToken token, long formId)
        {
            var o = token as JObject;
            var r = new MauticRecord(SubmissionType);
            r["id"] = MauticJson.ToLong(o?["id"]);
            r["formId"] = MauticJson.ToLong(o?["form"]?["id"]) ?? formId;
            r["contactId"] = MauticJson.ToLong((o?["lead"] as JObject)?["id"]);
            r["dateSubmitted"] = RecordShaper.Value("dateSubmitted", o?["dateSubmitted"]);
            var ip = o?["ipAddress"];
            r["ipAddress"] = ip is JObject ipo ? (ipo["ipAddress"] ?? ipo["ip"])?.ToString() : ip?.Type == JTokenType.String ? ip.ToString() : null;
            r["referer"] = o?["referer"]?.Type == JTokenType.String ? o["referer"].ToString() : null;
            r["trackingId"] = o?["trackingId"]?.Type == JTokenType.String ? o["trackingId"].ToString() : null;
            r["pageId"] = MauticJson.ToLong((o?["page"] as JObject)?["id"]);
            foreach (var kv in MauticJson.Map(o?["results"]))
            {
                if (kv.Key == "form_id" || kv.Key.Length == 0) continue;
                var name = Fixed.Contains(kv.Key, StringComparer.OrdinalIgnoreCase) ? "field_" + kv.Key : kv.Key;
                r[name] = kv.Value == null || kv.Value.Type == JTokenType.Null ? null
                    : kv.Value.Type == JTokenType.String ? kv.Value.ToString() : RecordShaper.Value(null, kv.Value);
            }
            return r;
        }
    }
}
