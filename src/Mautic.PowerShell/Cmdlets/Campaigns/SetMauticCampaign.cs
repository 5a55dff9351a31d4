namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Edits campaigns by id: PATCH by default; -Replace is PUT, which Mautic refuses without events and a contact
    /// source and which deletes the events not sent. Piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticCampaign", SupportsShouldProcess = true)]
    [OutputType("Mautic.Campaign")]
    public sealed class SetMauticCampaign : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Campaigns;

        /// <summary>Publishes (-IsPublished) or unpublishes (-IsPublished:$false) the campaign.</summary>
        [Parameter]
        public SwitchParameter IsPublished { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(IsPublished))) yield return new KeyValuePair<string, object>("isPublished", IsPublished.IsPresent);
        }
    }
}
