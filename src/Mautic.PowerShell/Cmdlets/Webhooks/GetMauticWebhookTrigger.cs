namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Lists the events a webhook can be sent for (GET hooks/triggers, read afresh): Name, Label, Description; -Name filters by name or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticWebhookTrigger", HelpUri = MauticHelp.Online + "Get-MauticWebhookTrigger.md")]
    [OutputType("Mautic.WebhookTrigger")]
    public sealed class GetMauticWebhookTrigger : MauticCmdlet
    {
        /// <summary>Trigger names or wildcard patterns (*lead*); a name without a wildcard that matches no trigger is an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookTriggerCompleter))]
        public string[] Name { get; set; }

        IReadOnlyList<MauticRecord> _triggers;

        protected override void Process()
        {
            var triggers = _triggers ?? (_triggers = Conn.Webhooks.Triggers(CancellationToken, refresh: true));
            WriteMatching(triggers, "Name", Name, n => $"Mautic has no webhook trigger '{n}'; Get-MauticWebhookTrigger lists them.");
        }
    }
}
