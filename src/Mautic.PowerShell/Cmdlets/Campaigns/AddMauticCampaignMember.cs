namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Adds contacts to a campaign by hand: Mautic has no batch route for this, so one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticCampaignMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticCampaignMember.md")]
    [OutputType("Mautic.CampaignMembership")]
    public sealed class AddMauticCampaignMember : PerContactMembershipCmdlet
    {
        /// <summary>The campaign: its id, its name (looked up once; it must name exactly one campaign) or the campaign itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("CampaignId", "CampaignName")]
        [ArgumentCompleter(typeof(CampaignCompleter))]
        public MauticRecordRef Campaign { get; set; }

        protected override MauticResource Target => MauticResources.Campaigns;
        protected override MauticRecordRef TargetRef => Campaign;
        protected override bool Adding => true;
    }
}
