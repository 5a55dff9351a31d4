namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// A cmdlet that does one thing per campaign (read its contacts, clone it): campaign ids by value or from piped
    /// campaigns; a failure is one error carrying its id and the other ids go on. A cmdlet says what it does with one.
    /// </summary>
    public abstract class CampaignIdCmdlet : MauticCmdlet
    {
        protected const string ById = "ById", ByName = "ByName";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] CampaignId { get; set; }

        /// <summary>Campaigns by name instead: each looked up once, and it must name exactly one campaign.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string[] CampaignName { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        static readonly string[] CampaignKinds = { "Mautic.Campaign" };

        /// <summary>The records the work on one campaign yields (read lazily: they are written as they come).</summary>
        protected abstract IEnumerable<MauticRecord> For(long campaignId);

        /// <summary>The -WhatIf/-Confirm action for a cmdlet that changes something; null for one that only reads.</summary>
        protected virtual string Action => null;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "campaign", CampaignKinds)) return;
            foreach (var id in Ids())
            {
                if (Action != null && !ShouldProcess("campaign " + id, Action)) continue;
                try
                {
                    foreach (var record in For(id)) WriteRecord(record);
                }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }

        /// <summary>The ids given, or those of the names given; a name that matches no campaign, or several, is one error carrying it.</summary>
        IEnumerable<long> Ids()
        {
            if (ParameterSetName != ByName)
            {
                foreach (var id in CampaignId) yield return id;
                yield break;
            }
            foreach (var name in CampaignName)
            {
                long id;
                try { id = Conn.Area(MauticResources.Campaigns).FindIdByName(name, CancellationToken); }
                catch (MauticApiException e) { WriteItemError(e, name); continue; }
                yield return id;
            }
        }
    }
}
