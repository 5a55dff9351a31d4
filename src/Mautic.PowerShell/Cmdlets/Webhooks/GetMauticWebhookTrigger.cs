namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Lists the events a webhook can be sent for (GET hooks/triggers, read afresh): Name, Label, Description; -Name filters by name or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticWebhookTrigger")]
    [OutputType("Mautic.WebhookTrigger")]
    public sealed class GetMauticWebhookTrigger : MauticCmdlet
    {
        /// <summary>Trigger names or wildcard patterns (*lead*); a name without a wildcard that matches no trigger is an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        System.Collections.Generic.IReadOnlyList<MauticRecord> _triggers;

        protected override void Process()
        {
            var triggers = _triggers ?? (_triggers = Conn.Webhooks.Triggers(CancellationToken, refresh: true));
            if (Name == null)
            {
                foreach (var t in triggers) WriteRecord(t);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matched = triggers.Where(t => pattern.IsMatch((string)t["Name"])).ToList();
                foreach (var t in matched) WriteRecord(t);
                if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteItemError(new MauticApiException($"Mautic has no webhook trigger '{name}'; Get-MauticWebhookTrigger lists them.", MauticErrorKind.NotFound), name);
            }
        }
    }
}
