namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Gets the campaigns a contact is in (Mautic lists published campaigns only).</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactCampaign", HelpUri = MauticHelp.Online + "Get-MauticContactCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed class GetMauticContactCampaign : ContactSubListCmdlet
    {
        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.Campaigns.OfContact(contactId, CancellationToken);
    }
}
