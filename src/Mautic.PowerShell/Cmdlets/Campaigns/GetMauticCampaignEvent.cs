namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Gets campaign events (of every campaign) by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCampaignEvent", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType("Mautic.CampaignEvent")]
    public sealed class GetMauticCampaignEvent : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.CampaignEvents;
    }
}
