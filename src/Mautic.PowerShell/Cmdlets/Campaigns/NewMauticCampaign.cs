namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Creates campaigns. Mautic's single create needs at least one event and one contact source (-SegmentId, or forms
    /// in -Property); piped rows go 200 per batch request, which Mautic 5.1 saves without that check.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticCampaign", SupportsShouldProcess = true)]
    [OutputType("Mautic.Campaign")]
    public sealed class NewMauticCampaign : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Campaigns;

        /// <summary>Segments whose contacts enter the campaign (sent as lists: [{id}]).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long[] SegmentId { get; set; }

        /// <summary>The campaign's events, each a hashtable in Mautic's shape (id 'new1', name, type, eventType, order, properties, triggerMode).</summary>
        [Parameter]
        public Hashtable[] Event { get; set; }

        /// <summary>Publishes the campaign (Mautic's default for a new campaign is published); -IsPublished:$false keeps it a draft.</summary>
        [Parameter]
        public SwitchParameter IsPublished { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields()
        {
            foreach (var f in base.NamedFields()) yield return f;
            if (SegmentId != null) yield return new KeyValuePair<string, object>("lists", SegmentId.Select(id => new Hashtable { ["id"] = id }).ToArray());
            if (Event != null) yield return new KeyValuePair<string, object>("events", Event);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(IsPublished))) yield return new KeyValuePair<string, object>("isPublished", IsPublished.IsPresent);
        }
    }
}
