using System.Security.Cryptography;
using System.Text;
using Mautic.Client.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// What Mautic POSTs to a webhook's URL, read without a connection. The body is one JSON object whose keys are
    /// triggers (mautic.lead_post_save_new, ...), each holding the events of that trigger: objects with the records
    /// involved (contact, email, submission, ...) and a timestamp. Mautic signs the body it sends: the
    /// Webhook-Signature header is the base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret
    /// (WebhookBundle/Http/Client.php). It sends at once while its queue_mode setting is immediate_process (the default);
    /// with command_process, the posts wait for the mautic:webhooks:process command and one post may hold many events.
    /// </summary>
    public static class WebhookIntake
    {
        /// <summary>The type name of one event.</summary>
        public const string EventType = "Mautic.WebhookEvent";
        /// <summary>The header Mautic signs its posts with.</summary>
        public const string SignatureHeader = "Webhook-Signature";

        /// <summary>
        /// Azure Automation's $WebhookData given as JSON text (PowerShell 7 runbooks get it so): true when
        /// <paramref name="text"/> is a JSON object with a RequestBody key (any case). <paramref name="requestBody"/> is
        /// that value when it is a string (else null), <paramref name="signature"/> the RequestHeader's Webhook-Signature
        /// (any case; the first of several), or null. A Mautic body never has a RequestBody key.
        /// </summary>
        public static bool TryReadWebhookData(string text, out string requestBody, out string signature)
        {
            requestBody = signature = null;
            if (text == null || text.IndexOf("\"RequestBody\"", StringComparison.OrdinalIgnoreCase) < 0) return false;
            JObject data;
            try { data = JToken.Parse(text) as JObject; }
            catch (JsonException) { return false; }
            JToken Key(JObject o, string name) => o?.Properties().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
            var body = Key(data, "RequestBody");
            if (body == null) return false;
            requestBody = body.Type == JTokenType.String ? (string)body : null;
            var header = Key(Key(data, "RequestHeader") as JObject, SignatureHeader);
            if (header is JArray many) header = many.FirstOrDefault();
            signature = header == null || header.Type == JTokenType.Null ? null : header.ToString();
            return true;
        }

        /// <summary>
        /// True when <paramref name="signature"/> is the base64 HMAC-SHA256 of <paramref name="body"/> under
        /// <paramref name="secret"/>. The comparison takes the same time wherever the first difference is; a missing,
        /// empty or malformed signature is false.
        /// </summary>
        public static bool SignatureMatches(byte[] body, string signature, byte[] secret)
        {
            if (body == null || secret == null || string.IsNullOrWhiteSpace(signature)) return false;
            byte[] given;
            try { given = Convert.FromBase64String(signature.Trim()); }
            catch (FormatException) { return false; }
            byte[] expected;
            using (var hmac = new HMACSHA256(secret)) expected = hmac.ComputeHash(body);
            var difference = given.Length ^ expected.Length;
            for (var i = 0; i < expected.Length; i++)
                difference |= expected[i] ^ (i < given.Length ? given[i] : 0);
            return difference == 0;
        }

        /// <summary>
        /// The events of a webhook post, in the order Mautic wrote them: one <see cref="EventType"/> record each (see
        /// <see cref="Event"/>). A body that is not JSON, or not a Mautic webhook post (an object of trigger lists), is an
        /// InvalidData error.
        /// </summary>
        public static IReadOnlyList<MauticRecord> Events(string body)
        {
            JToken parsed;
            try { parsed = string.IsNullOrWhiteSpace(body) ? null : JsonConvert.DeserializeObject<JToken>(body, MauticJson.Settings); }
            catch (JsonException e) { throw new MauticApiException("The webhook body is not JSON: " + e.Message, MauticErrorKind.InvalidData, e); }
            if (!(parsed is JObject payload))
                throw new MauticApiException("The webhook body is " + (parsed == null ? "empty" : "JSON but not an object") + ": a Mautic webhook post is an object whose keys are triggers.", MauticErrorKind.InvalidData);
            var triggers = payload.Properties().Where(p => p.Value is JArray).ToList();
            if (triggers.Count == 0)
                throw new MauticApiException("The webhook body holds no events: a Mautic webhook post is an object whose keys are triggers (mautic.lead_post_save_new, ...), each a list of events; this one has " +
                    (payload.Count == 0 ? "no keys." : "the keys " + string.Join(", ", payload.Properties().Select(p => p.Name).Take(5)) + "."), MauticErrorKind.InvalidData);
            return triggers.SelectMany(t => t.Value.OfType<JObject>().Select(e => Event(t.Name, e))).ToList();
        }

        /// <summary>
        /// One event: Trigger, Timestamp (UTC), then Contact, Email, Form and Submission, each shaped as the matching
        /// Get- cmdlet writes it (null when the event has none), and the event's other values under their names with a
        /// capital first letter (Subject, Points, Segment, ...). A form submission also gives its form and contact; an
        /// e-mail open's stat its e-mail and contact; a page hit its page and contact.
        /// </summary>
        public static MauticRecord Event(string trigger, JObject e)
        {
            var r = new MauticRecord(EventType);
            r["Trigger"] = trigger;
            r["Timestamp"] = RecordShaper.Value("timestamp", e["timestamp"]);
            r["Contact"] = null;
            r["Email"] = null;
            r["Form"] = null;
            r["Submission"] = null;
            foreach (var p in e.Properties())
            {
                switch (p.Name)
                {
                    case "timestamp": break;
                    case "contact":
                    case "lead": Record(r, "Contact", p.Value, MauticResources.Contacts); break;
                    case "email": Record(r, "Email", p.Value, MauticResources.Emails); break;
                    case "form": Record(r, "Form", p.Value, MauticResources.Forms); break;
                    case "company": Record(r, "Company", p.Value, MauticResources.Companies); break;
                    case "segment": Record(r, "Segment", p.Value, MauticResources.Segments); break;
                    case "submission" when p.Value is JObject submission:
                        r["Submission"] = FormService.ShapeSubmission(submission, MauticJson.ToLong(submission["form"]?["id"]) ?? 0);
                        Record(r, "Form", submission["form"], MauticResources.Forms);
                        Record(r, "Contact", submission["lead"], MauticResources.Contacts);
                        break;
                    case "stat" when p.Value is JObject stat:     // an e-mail open
                        r["Stat"] = RecordShaper.Shape(stat, null, false);
                        Record(r, "Email", stat["email"], MauticResources.Emails);
                        Record(r, "Contact", stat["lead"], MauticResources.Contacts);
                        break;
                    case "hit" when p.Value is JObject hit:       // a page hit
                        r["Hit"] = RecordShaper.Shape(hit, null, false);
                        Record(r, "Page", hit["page"], MauticResources.Pages);
                        Record(r, "Contact", hit["lead"], MauticResources.Contacts);
                        break;
                    default:
                        r[char.ToUpperInvariant(p.Name[0]) + p.Name.Substring(1)] = RecordShaper.Value(p.Name, p.Value);
                        break;
                }
            }
            return r;
        }

        /// <summary>Sets <paramref name="name"/> to the record in <paramref name="token"/> unless it has one already (a submission's contact does not replace the event's).</summary>
        static void Record(MauticRecord r, string name, JToken token, MauticResource area)
        {
            if (token is JObject o && r[name] == null) r[name] = EntityService.Shape(o, area);
        }

        /// <summary>UTF-8, as Mautic's json_encode writes (and signs) its bodies.</summary>
        public static byte[] Bytes(string text) => new UTF8Encoding(false).GetBytes(text ?? "");
    }
}
