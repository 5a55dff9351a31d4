namespace Mautic.Client.Operations
{
    /// <summary>
    /// What webhooks have beyond the standard routes: GET hooks/triggers, {triggers: {"mautic.lead_post_save_new":
    /// {label, description}, ...}} (measured on 5.1.0). Mautic saves any trigger name it is sent, known or not, so names are
    /// checked here against that list, read once per connection.
    /// </summary>
    public sealed class WebhookService : EntityService
    {
        public const string TriggerType = "Mautic.WebhookTrigger";

        IReadOnlyList<MauticRecord> _triggers;

        public WebhookService(MauticClient client) : base(client, MauticResources.Webhooks) { }

        /// <summary>
        /// The events a webhook can be sent for, in Mautic's order: Mautic.WebhookTrigger records with Name, Label,
        /// Description. Read once per connection; <paramref name="refresh"/> reads them again.
        /// </summary>
        public IReadOnlyList<MauticRecord> Triggers(CancellationToken ct = default, bool refresh = false)
        {
            var known = _triggers;
            if (known != null && !refresh) return known;
            var body = Client.Send(MauticRequest.Get(Resource.Route + "/triggers"), ct).Body;
            var list = new List<MauticRecord>();
            foreach (var kv in MauticJson.Map(body?["triggers"]))
            {
                var r = new MauticRecord(TriggerType);
                r["Name"] = kv.Key;
                r["Label"] = (kv.Value as JObject)?["label"]?.ToString();
                r["Description"] = (kv.Value as JObject)?["description"]?.ToString();
                list.Add(r);
            }
            return _triggers = list;
        }

        /// <summary>
        /// Null when every name of <paramref name="triggers"/> (a string or an array of them) is a trigger Mautic knows;
        /// otherwise the problem, naming the unknown names and listing the known ones.
        /// </summary>
        public string CheckPayloadTriggers(MauticPayload payload, CancellationToken ct = default) => CheckTriggers(payload?.Json["triggers"], ct);

        /// <summary>As <see cref="CheckPayloadTriggers"/>, for the payload's triggers value.</summary>
        public string CheckTriggers(JToken triggers, CancellationToken ct = default)
        {
            if (triggers == null || triggers.Type == JTokenType.Null) return null;
            var names = triggers is JArray a ? a.Select(t => t?.ToString()).ToList() : new List<string> { triggers.ToString() };
            var known = Triggers(ct).Select(t => (string)t["Name"]).ToList();
            var bad = names.Where(n => !known.Contains(n, StringComparer.Ordinal)).ToList();
            if (bad.Count == 0) return null;
            return (bad.Count == 1 ? $"'{bad[0]}' is not a webhook trigger Mautic knows" : "'" + string.Join("', '", bad) + "' are not webhook triggers Mautic knows") +
                ". Valid triggers: " + string.Join(", ", known) + ".";
        }
    }
}
