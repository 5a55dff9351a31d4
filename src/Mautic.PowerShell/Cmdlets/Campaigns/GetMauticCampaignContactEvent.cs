namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Gets a contact's campaign event log, across campaigns or, with -CampaignId, in one campaign.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCampaignContactEvent")]
    [OutputType("Mautic.CampaignContactEvent")]
    public sealed class GetMauticCampaignContactEvent : ContactSubListCmdlet
    {
        /// <summary>Only this campaign: every event of it with the contact's log (an error when the contact is not in it).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? CampaignId { get; set; }

        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.Campaigns.ContactEvents(contactId, CampaignId, CancellationToken);
    }
}
