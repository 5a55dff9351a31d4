namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>The parameters of New- and Set-MauticCampaign, and the fields they send.</summary>
    public class CampaignParameters : AreaParameters
    {
        /// <summary>New- only (<see cref="NewCampaignParameters"/>).</summary>
        public long[] SegmentId { get; set; }

        /// <summary>New- only (<see cref="NewCampaignParameters"/>).</summary>
        public Hashtable[] Event { get; set; }

        /// <summary>Publishes (-IsPublished) or unpublishes (-IsPublished:$false) the campaign; left out, nothing is sent.</summary>
        [Parameter]
        public SwitchParameter IsPublished { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("lists", SegmentId?.Select(id => new Hashtable { ["id"] = id }).ToArray()), ("events", Event),
                ("isPublished", IfGiven(cmdlet, nameof(IsPublished), IsPublished))));
    }

    /// <summary>New-MauticCampaign's parameters: the contact sources and the events (Mautic's single create needs both).</summary>
    public sealed class NewCampaignParameters : CampaignParameters
    {
        /// <summary>Segments whose contacts enter the campaign (sent as lists: [{id}]).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public new long[] SegmentId { get => base.SegmentId; set => base.SegmentId = value; }

        /// <summary>The campaign's events, each a hashtable in Mautic's shape (id 'new1', name, type, eventType, order, properties, triggerMode).</summary>
        [Parameter]
        public new Hashtable[] Event { get => base.Event; set => base.Event = value; }
    }
}
