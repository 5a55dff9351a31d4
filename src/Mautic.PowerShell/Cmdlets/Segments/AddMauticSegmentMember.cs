namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Adds contacts to a segment; piped contacts go 200 per request through contacts/add.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticSegmentMember", SupportsShouldProcess = true, DefaultParameterSetName = ById)]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class AddMauticSegmentMember : MembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById)]
        [ValidateRange(1L, long.MaxValue)]
        public long SegmentId { get; set; }

        /// <summary>The segment by its name instead (looked up once; it must name exactly one segment).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string SegmentName { get; set; }

        protected override MauticResource Target => MauticResources.Segments;
        protected override long TargetId => SegmentId;
        protected override string TargetName => SegmentName;
        protected override bool Adding => true;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Segments.AddMembers(ResolvedTargetId, items, CancellationToken);
    }
}
