namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>
    /// Gets the contacts of a segment, streamed and paged like Get-MauticContact. Mautic lists no segment's contacts by itself: the cmdlet reads the segment's alias and searches contacts with segment:&lt;alias&gt;, as Mautic's own contact search does.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticSegmentMember", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticSegmentMember.md")]
    [OutputType("Mautic.Contact")]
    public sealed class GetMauticSegmentMember : MemberListCmdlet
    {
        /// <summary>Segments: ids, names (each looked up once; it must name exactly one segment) or piped segments.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "SegmentId", "SegmentName")]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public MauticRecordRef[] Segment { get; set; }

        protected override MauticResource Target => MauticResources.Segments;
        protected override MauticRecordRef[] Targets => Segment;
    }
}
