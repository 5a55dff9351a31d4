namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Gets segments by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticSegment", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticSegment.md")]
    [OutputType("Mautic.Segment")]
    public sealed class GetMauticSegment : MauticListCmdlet
    {
        const string ById = "ById";
        const string AvailableSet = "Available";

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SegmentId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ById)]
        public PSObject InputObject { get; set; }

        /// <summary>Only the segments the connected user may add contacts to (GET contacts/list/segments: id, name, alias).</summary>
        [Parameter(Mandatory = true, ParameterSetName = AvailableSet)]
        public SwitchParameter Available { get; set; }

        /// <summary>
        /// Adds each segment's uuid, which only Mautic 7's v2 API shows: one more request per segment asked for by id, one
        /// per 30 segments of a listing. Needs Mautic 7.0 or later, and Basic authentication (v2 refuses client-credentials tokens).
        /// </summary>
        [Parameter]
        public SwitchParameter IncludeUuid { get; set; }

        protected override void Begin() => IncludeUuids(MauticResources.Segments, IncludeUuid);

        protected override void Process()
        {
            if (ParameterSetName == AvailableSet)
            {
                foreach (var r in Conn.ContactExtras.AvailableSegments(CancellationToken)) WriteRecord(r);
                return;
            }
            if (ParameterSetName != ById)
            {
                WriteList(Conn.Segments.List(BuildQuery(), CancellationToken), "Reading Mautic segments");
                return;
            }
            if (!AcceptsPiped(InputObject, "segment", SegmentKinds)) return;
            ForEachId(Id, id => WriteRecord(Conn.Segments.Get(id, CancellationToken)));
        }
    }
}
