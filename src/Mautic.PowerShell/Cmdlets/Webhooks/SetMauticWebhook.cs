namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Edits webhooks by id: PATCH by default (-Trigger then adds triggers to the ones the webhook has), PUT with -Replace (the triggers become exactly -Trigger; Mautic also makes a new secret). Trigger names are checked against Mautic's list first.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticWebhook", SupportsShouldProcess = true)]
    [OutputType("Mautic.Webhook")]
    public sealed class SetMauticWebhook : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Webhooks;

        /// <summary>Where Mautic POSTs the events (http or https; a URL without a scheme gets http://). Mautic does not check that it answers.</summary>
        [Parameter]
        public string WebhookUrl { get; set; }

        /// <summary>The events to send: mautic.lead_post_save_new, mautic.form_on_submit, ... (Get-MauticWebhookTrigger lists them; tab completes them).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WebhookTriggerCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Trigger { get; set; }

        /// <summary>The order of the events in one POST: ASC (oldest first) or DESC; Mautic's default setting when not given.</summary>
        [Parameter]
        [ValidateSet("ASC", "DESC")]
        public string EventsOrderbyDir { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(WebhookFields.Of(WebhookUrl, Trigger, EventsOrderbyDir));

        protected override string CheckPayload(Newtonsoft.Json.Linq.JObject payload) =>
            Conn.Webhooks.CheckTriggers(payload["triggers"], CancellationToken);
    }
}
