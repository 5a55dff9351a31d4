namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Removes contacts from a segment: one request per contact (Mautic has no bulk remove), -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticSegmentMember", SupportsShouldProcess = true, DefaultParameterSetName = ById)]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class RemoveMauticSegmentMember : PerContactMembershipCmdlet
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
        protected override bool Adding => false;
    }
}
