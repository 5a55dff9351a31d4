namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets a contact's point-group scores, or its score in one group (0 where it has none yet).</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactPointGroup", HelpUri = MauticHelp.Online + "Get-MauticContactPointGroup.md")]
    [OutputType("Mautic.ContactPointGroupScore")]
    public sealed class GetMauticContactPointGroup : ContactSubListCmdlet
    {
        /// <summary>Only the score in this point group.</summary>
        [Parameter(Position = 1)]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(PointGroupCompleter))]
        public long? PointGroupId { get; set; }

        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.ContactExtras.GroupScores(contactId, PointGroupId, CancellationToken);
    }
}
