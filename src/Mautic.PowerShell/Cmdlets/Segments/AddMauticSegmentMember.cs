namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Adds contacts to a segment; piped contacts go 200 per request through contacts/add.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticSegmentMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticSegmentMember.md")]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class AddMauticSegmentMember : MembershipCmdlet
    {
        /// <summary>The segment: its id, its name (looked up once; it must name exactly one segment) or the segment itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SegmentId", "SegmentName")]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public MauticRecordRef Segment { get; set; }

        protected override MauticResource Target => MauticResources.Segments;
        protected override MauticRecordRef TargetRef => Segment;
        protected override bool Adding => true;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Segments.AddMembers(ResolvedTargetId, items, CancellationToken);
    }
}
