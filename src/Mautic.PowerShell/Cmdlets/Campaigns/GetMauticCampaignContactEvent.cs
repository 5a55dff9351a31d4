namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Gets a contact's campaign event log, across campaigns or, with -Campaign, in one campaign.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCampaignContactEvent", HelpUri = MauticHelp.Online + "Get-MauticCampaignContactEvent.md")]
    [OutputType("Mautic.CampaignContactEvent")]
    public sealed class GetMauticCampaignContactEvent : ContactSubListCmdlet
    {
        /// <summary>Only this campaign (id, name or the campaign): every event of it with the contact's log (an error when the contact is not in it).</summary>
        [Parameter]
        [Alias("CampaignId", "CampaignName")]
        [ArgumentCompleter(typeof(CampaignCompleter))]
        public MauticRecordRef Campaign { get; set; }

        long? _campaignId;

        protected override void Begin()
        {
            base.Begin();
            if (Campaign != null) _campaignId = ResolveOrStop(Campaign, MauticResources.Campaigns);
        }

        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.Campaigns.ContactEvents(contactId, _campaignId, CancellationToken);
    }
}
