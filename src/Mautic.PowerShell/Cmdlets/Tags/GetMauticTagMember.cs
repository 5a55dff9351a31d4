namespace Mautic.PowerShell.Cmdlets.Tags
{
    /// <summary>
    /// Gets the contacts that carry a tag, streamed and paged like Get-MauticContact. Mautic lists no tag's contacts by itself: the cmdlet reads the tag's name and searches contacts with tag:"name", as Mautic's own contact search does.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticTagMember", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticTagMember.md")]
    [OutputType("Mautic.Contact")]
    public sealed class GetMauticTagMember : MemberListCmdlet
    {
        /// <summary>Tags: ids, names (each looked up once; it must name exactly one tag) or piped tags.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "TagId", "TagName")]
        [ArgumentCompleter(typeof(TagCompleter))]
        public MauticRecordRef[] Tag { get; set; }

        protected override MauticResource Target => MauticResources.Tags;
        protected override MauticRecordRef[] Targets => Tag;
    }
}
