namespace Mautic.PowerShell.Cmdlets.Tags
{
    /// <summary>Makes the contacts carrying a tag equal to a list: tags the missing ones and, with -Exact, untags the others, 200 contacts per request.</summary>
    [Cmdlet(VerbsData.Sync, "MauticTagMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Sync-MauticTagMember.md")]
    [OutputType("Mautic.MemberSyncResult")]
    public sealed class SyncMauticTagMember : SyncMemberCmdlet
    {
        /// <summary>The tag: its id, its name (looked up once; it must name exactly one) or the tag itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("TagId", "TagName")]
        [ArgumentCompleter(typeof(TagCompleter))]
        public MauticRecordRef Tag { get; set; }

        protected override MauticResource Target => MauticResources.Tags;
        protected override MauticRecordRef TargetRef => Tag;
    }
}
