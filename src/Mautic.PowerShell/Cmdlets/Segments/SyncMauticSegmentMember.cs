namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Makes a segment's contacts equal to a list: adds the missing ones 200 per request and, with -Exact, removes the others.</summary>
    [Cmdlet(VerbsData.Sync, "MauticSegmentMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Sync-MauticSegmentMember.md")]
    [OutputType("Mautic.MemberSyncResult")]
    public sealed class SyncMauticSegmentMember : SyncMemberCmdlet
    {
        /// <summary>The segment: its id, its name (looked up once; it must name exactly one) or the segment itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("SegmentId", "SegmentName")]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public MauticRecordRef Segment { get; set; }

        protected override MauticResource Target => MauticResources.Segments;
        protected override MauticRecordRef TargetRef => Segment;
    }
}
