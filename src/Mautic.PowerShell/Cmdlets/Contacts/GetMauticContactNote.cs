namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets a contact's notes, newest first (GET contacts/{id}/notes, read to the end page by page).</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactNote", HelpUri = MauticHelp.Online + "Get-MauticContactNote.md")]
    [OutputType("Mautic.Note")]
    public sealed class GetMauticContactNote : ContactSubListCmdlet
    {
        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.Contacts.Notes(contactId, CancellationToken);
    }
}
