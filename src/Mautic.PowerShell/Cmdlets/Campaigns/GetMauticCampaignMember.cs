namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Gets the contacts of a campaign (its campaign_leads rows), streamed 100 per request.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCampaignMember", HelpUri = MauticHelp.Online + "Get-MauticCampaignMember.md")]
    [OutputType("Mautic.CampaignMember")]
    public sealed class GetMauticCampaignMember : CampaignIdCmdlet
    {
        protected override IEnumerable<MauticRecord> For(long campaignId) => Conn.Campaigns.Members(campaignId, CancellationToken);
    }
}
