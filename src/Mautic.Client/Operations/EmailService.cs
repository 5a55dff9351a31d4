using System.Collections;

namespace Mautic.Client.Operations
{
    /// <summary>Sending e-mails: to one contact (transactional, with tokens) or to the email's segments.</summary>
    public sealed class EmailService : EntityService
    {
        public EmailService(MauticClient client) : base(client, MauticResources.Emails) { }

        public MauticRecord SendToContact(long emailId, long contactId, IDictionary tokens, IEnumerable<long> assetAttachments, CancellationToken ct = default)
        {
            CheckId(emailId);
            CheckId("contact", contactId);
            var body = new JObject();
            if (tokens != null && tokens.Count > 0)
            {
                var t = new JObject();
                foreach (DictionaryEntry e in tokens)
                {
                    // Mautic tokens look like {name}; accept the bare name too.
                    var key = Convert(e.Key);
                    if (!key.StartsWith("{")) key = "{" + key + "}";
                    t[key] = MauticJson.FromValue(e.Value);
                }
                body["tokens"] = t;
            }
            var attachments = assetAttachments?.ToList();
            if (attachments != null && attachments.Count > 0) body["assetAttachments"] = new JArray(attachments);
            var path = "emails/" + emailId.ToString(CultureInfo.InvariantCulture) + "/contact/" + contactId.ToString(CultureInfo.InvariantCulture) + "/send";
            var answer = Client.Send(MauticRequest.Post(path, body), ct).Body as JObject;
            var success = MauticJson.ToBool(answer?["success"]) ?? false;
            if (!success || answer?["failed"] != null)
                throw new MauticApiException(
                    $"Mautic did not send e-mail {emailId} to contact {contactId}: {(answer?["failed"]?.ToString(Newtonsoft.Json.Formatting.None) ?? "the mailer reported a failure")}",
                    MauticErrorKind.Server) { StatusCode = 200, Method = "POST", Url = path };
            var r = new MauticRecord("Mautic.EmailSendResult");
            r["EmailId"] = emailId;
            r["ContactId"] = contactId;
            r["Success"] = true;
            r["SentCount"] = 1L;
            r["FailedCount"] = 0L;
            return r;
        }

        /// <summary>Sends a segment e-mail to its segments (or only to <paramref name="segmentIds"/>); reports sent and failed counts.</summary>
        public MauticRecord SendToSegments(long emailId, IEnumerable<long> segmentIds, int? limit, CancellationToken ct = default)
        {
            CheckId(emailId);
            var body = new JObject();
            var lists = segmentIds?.ToList();
            if (lists != null && lists.Count > 0) body["lists"] = new JArray(lists);
            if (limit.HasValue) body["limit"] = limit.Value;
            var path = "emails/" + emailId.ToString(CultureInfo.InvariantCulture) + "/send";
            JObject answer;
            try { answer = Client.Send(MauticRequest.Post(path, body), ct).Body as JObject; }
            catch (MauticApiException e) when (body["lists"] != null && e.StatusCode == 500)
            {
                // Mautic 5.1.0 fails every segment send that names segments ("Call to a member function getId() on
                // int" in EmailModel), measured on a real server. Say so, and how to send anyway.
                throw new MauticApiException(e.Message + " Mautic 5.1 fails with HTTP 500 whenever a segment send names segments (a server bug); " +
                    "nothing was sent. Send without -SegmentId to reach all of the e-mail's segments.", e.Kind, e)
                    { StatusCode = e.StatusCode, MauticCode = e.MauticCode, ErrorType = e.ErrorType, MauticMessage = e.MauticMessage, Details = e.Details, Method = e.Method, Url = e.Url };
            }
            // The source answers failedRecipients (the docs say failedCount); either may be a count or a list.
            var failedToken = answer?["failedRecipients"] ?? answer?["failedCount"];
            long failed = failedToken is JArray fa ? fa.Count : failedToken is JObject fo ? fo.Count : MauticJson.ToLong(failedToken) ?? 0;
            var r = new MauticRecord("Mautic.EmailSendResult");
            r["EmailId"] = emailId;
            r["ContactId"] = null;
            r["Success"] = MauticJson.ToBool(answer?["success"]) ?? false;
            r["SentCount"] = MauticJson.ToLong(answer?["sentCount"]) ?? 0;
            r["FailedCount"] = failed;
            return r;
        }

        /// <summary>
        /// Records a reply to the e-mail a contact was sent, named by that send's tracking hash (an email_stats row's
        /// tracking_hash): POST emails/reply/{hash}, 201 {success: true}; Mautic marks the send read. An unknown hash is
        /// Mautic's 404 "Email Stat with tracking hash X was not found" (measured on 5.1.0).
        /// </summary>
        public MauticRecord Reply(string trackingHash, CancellationToken ct = default)
        {
            if (string.IsNullOrWhiteSpace(trackingHash))
                throw new MauticApiException("A tracking hash is required (the tracking_hash of an email_stats row).", MauticErrorKind.InvalidArgument);
            var hash = trackingHash.Trim();
            var answer = Client.Send(MauticRequest.Post("emails/reply/" + System.Uri.EscapeDataString(hash)), ct).Body as JObject;
            var r = new MauticRecord("Mautic.EmailReply");
            r["TrackingHash"] = hash;
            r["Success"] = MauticJson.ToBool(answer?["success"]) ?? false;
            return r;
        }

        static string Convert(object o) => System.Convert.ToString(o, CultureInfo.InvariantCulture);
    }
}
