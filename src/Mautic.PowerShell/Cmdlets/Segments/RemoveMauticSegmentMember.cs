namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Removes contacts from a segment: one request per contact (Mautic has no bulk remove), -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticSegmentMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Remove-MauticSegmentMember.md")]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class RemoveMauticSegmentMember : PerContactMembershipCmdlet
    {
        /// <summary>The segment: its id, its name (looked up once; it must name exactly one segment) or the segment itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SegmentId", "SegmentName")]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public MauticRecordRef Segment { get; set; }

        protected override MauticResource Target => MauticResources.Segments;
        protected override MauticRecordRef TargetRef => Segment;
        protected override bool Adding => false;
    }
}
