namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// A cmdlet that does one thing per campaign (read its contacts, clone it): campaign ids, names or piped campaigns
    /// (<see cref="MauticRecordRef"/>); a failure is one error carrying what was given, and the others go on. A cmdlet says what it does with one.
    /// </summary>
    public abstract class CampaignIdCmdlet : MauticCmdlet
    {
        /// <summary>Campaigns: ids, names (each looked up once; it must name exactly one campaign) or piped campaigns.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "CampaignId", "CampaignName")]
        [ArgumentCompleter(typeof(CampaignCompleter))]
        public MauticRecordRef[] Campaign { get; set; }

        /// <summary>The records the work on one campaign yields (read lazily: they are written as they come).</summary>
        protected abstract IEnumerable<MauticRecord> For(long campaignId);

        /// <summary>The -WhatIf/-Confirm action for a cmdlet that changes something; null for one that only reads.</summary>
        protected virtual string Action => null;

        protected override void Process()
        {
            foreach (var campaign in Campaign)
            {
                long id;
                try { id = Resolve(campaign, MauticResources.Campaigns); }
                catch (MauticApiException e) { WriteItemError(e, campaign.Given); continue; }
                if (Action != null && !ShouldProcess("campaign " + id, Action)) continue;
                try
                {
                    foreach (var record in For(id)) WriteRecord(record);
                }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }
    }
}
