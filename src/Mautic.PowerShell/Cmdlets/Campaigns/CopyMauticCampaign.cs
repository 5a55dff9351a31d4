namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Clones campaigns (POST campaigns/clone/{id}) and returns each copy.</summary>
    [Cmdlet(VerbsCommon.Copy, "MauticCampaign", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Copy-MauticCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed class CopyMauticCampaign : CampaignIdCmdlet
    {
        protected override string Action => "Clone";

        protected override IEnumerable<MauticRecord> For(long campaignId) => new[] { Conn.Campaigns.Clone(campaignId, CancellationToken) };
    }
}
