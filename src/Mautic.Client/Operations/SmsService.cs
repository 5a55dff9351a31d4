using System.Net.Http;
using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>What text messages have beyond the standard routes: sending one to contacts.</summary>
    public sealed class SmsService : EntityService
    {
        public SmsService(MauticClient client) : base(client, MauticResources.Smses) { }

        /// <summary>
        /// GET smses/{id}/contact/{contactId}/send for every contact, never more than <paramref name="throttle"/> at once
        /// (Mautic has no batch route). Mautic answers 200 whatever happened: a JSON string holding
        /// {"error":{"message":"SMS transport is disabled.","code":417}} when no transport is enabled (checked before
        /// the message or the contact), {success: false, status} when the send failed (unpublished message, no phone
        /// number, contact not contactable); each becomes that contact's failure.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> Send<T>(long smsId, IReadOnlyList<WriteItem<T>> items, int throttle = Throttle.Default,
            CancellationToken ct = default)
        {
            CheckId(smsId);
            return MembershipService.Each(items, throttle, async (item, c) =>
            {
                CheckId("contact", item.Id);
                var contactId = item.Id.Value;
                var path = Resource.Route + "/" + smsId.ToString(CultureInfo.InvariantCulture) + "/contact/" + contactId.ToString(CultureInfo.InvariantCulture) + "/send";
                var answer = (await Client.SendAsync(new MauticRequest(HttpMethod.Get, path) { ItemErrors = true }, c).ConfigureAwait(false)).Body as JObject;
                MauticApiException Refused(string why, MauticErrorKind kind) =>
                    new MauticApiException($"Mautic did not send text message {smsId} to contact {contactId}: {why}", kind)
                    { StatusCode = 200, Method = "GET", Url = path, MauticMessage = why };
                if (answer?["error"] is JObject error)
                    throw Refused((error["message"]?.ToString() ?? "refused") + " Enable a text message transport in Mautic (Settings > Plugins) to send.", MauticErrorKind.NotEnabled);
                if (!(MauticJson.ToBool(answer?["success"]) ?? false))
                    throw Refused(answer?["status"]?.ToString() ?? "no status given", MauticErrorKind.InvalidData);
                var r = new MauticRecord("Mautic.SmsSendResult");
                r["SmsId"] = smsId;
                r["ContactId"] = contactId;
                r["Success"] = true;
                r["Status"] = answer["status"]?.ToString();
                r["StatId"] = MauticJson.ToLong(answer["result"]?["statId"]);
                return r;
            }, ct);
        }
    }
}
