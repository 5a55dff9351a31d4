namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Makes a campaign's contacts equal to a list: adds the missing ones and, with -Exact, removes the others (one request per contact: Mautic has no batch route).</summary>
    [Cmdlet(VerbsData.Sync, "MauticCampaignMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Sync-MauticCampaignMember.md")]
    [OutputType("Mautic.MemberSyncResult")]
    public sealed class SyncMauticCampaignMember : SyncMemberCmdlet
    {
        /// <summary>The campaign: its id, its name (looked up once; it must name exactly one) or the campaign itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("CampaignId", "CampaignName")]
        [ArgumentCompleter(typeof(CampaignCompleter))]
        public MauticRecordRef Campaign { get; set; }

        protected override MauticResource Target => MauticResources.Campaigns;
        protected override MauticRecordRef TargetRef => Campaign;
    }
}
