namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Creates campaigns. Mautic's single create needs at least one event and one contact source (-SegmentId, or forms
    /// in -Property); piped rows go 200 per batch request, which Mautic 5.1 saves without that check.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticCampaign", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed partial class NewMauticCampaign : NewEntityCmdlet<NewCampaignParameters>
    {
        protected override MauticResource Area => MauticResources.Campaigns;
    }
}
