namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Takes contacts out of a campaign: Mautic has no batch route for this, so one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticCampaignMember", SupportsShouldProcess = true, DefaultParameterSetName = ById)]
    [OutputType("Mautic.CampaignMembership")]
    public sealed class RemoveMauticCampaignMember : PerContactMembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById)]
        [ValidateRange(1L, long.MaxValue)]
        public long CampaignId { get; set; }

        /// <summary>The campaign by its name instead (looked up once; it must name exactly one campaign).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string CampaignName { get; set; }

        protected override MauticResource Target => MauticResources.Campaigns;
        protected override long TargetId => CampaignId;
        protected override string TargetName => CampaignName;
        protected override bool Adding => false;
    }
}
