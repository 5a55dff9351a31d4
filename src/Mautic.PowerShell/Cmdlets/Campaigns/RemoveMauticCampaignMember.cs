namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Takes contacts out of a campaign: Mautic has no batch route for this, so one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticCampaignMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Remove-MauticCampaignMember.md")]
    [OutputType("Mautic.CampaignMembership")]
    public sealed class RemoveMauticCampaignMember : PerContactMembershipCmdlet
    {
        /// <summary>The campaign: its id, its name (looked up once; it must name exactly one campaign) or the campaign itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("CampaignId", "CampaignName")]
        [ArgumentCompleter(typeof(CampaignCompleter))]
        public MauticRecordRef Campaign { get; set; }

        protected override MauticResource Target => MauticResources.Campaigns;
        protected override MauticRecordRef TargetRef => Campaign;
        protected override bool Adding => false;
    }
}
