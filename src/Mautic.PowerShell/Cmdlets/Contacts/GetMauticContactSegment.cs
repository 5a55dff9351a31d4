namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets the segments a contact is a member of.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactSegment", HelpUri = MauticHelp.Online + "Get-MauticContactSegment.md")]
    [OutputType("Mautic.Segment")]
    public sealed class GetMauticContactSegment : ContactSubListCmdlet
    {
        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.Contacts.Segments(contactId, CancellationToken);
    }
}
