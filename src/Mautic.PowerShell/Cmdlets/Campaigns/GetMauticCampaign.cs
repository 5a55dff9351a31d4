namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Gets campaigns by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCampaign", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed class GetMauticCampaign : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Campaigns;
    }
}
