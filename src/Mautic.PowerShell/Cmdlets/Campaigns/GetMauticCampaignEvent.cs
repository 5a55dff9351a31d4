namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Gets campaign events by id, as a streamed, paged list of every campaign's events, or those of some campaigns
    /// (-CampaignId, or campaigns piped in: the list filtered by campaign, which Mautic 5.1 and 7.0 honour).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticCampaignEvent", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticCampaignEvent.md")]
    [OutputType("Mautic.CampaignEvent")]
    public sealed class GetMauticCampaignEvent : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.CampaignEvents;

        /// <summary>Only the events of these campaigns (a piped campaign gives its own).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1L, long.MaxValue)]
        public long[] CampaignId { get; set; }

        protected override void Process()
        {
            // A piped campaign binds its id to -Id (by property name): it asks for that campaign's events.
            if (ParameterSetName == ById && PSConvert.MauticKind(InputObject) == MauticResources.Campaigns.TypeName)
            {
                ForCampaigns(Id);
                return;
            }
            if (ParameterSetName != ById && CampaignId != null)
            {
                ForCampaigns(CampaignId);
                return;
            }
            base.Process();
        }

        void ForCampaigns(IEnumerable<long> campaignIds) => ForEachId(campaignIds, id =>
            WriteStream(total => Conn.Campaigns.Events(id, BuildQuery(), CancellationToken, total), $"Reading the events of Mautic campaign {id}"));
    }
}
