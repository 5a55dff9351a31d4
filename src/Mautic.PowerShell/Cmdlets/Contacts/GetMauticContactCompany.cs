namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets the companies a contact belongs to (Mautic's membership rows: company_id, is_primary, date_associated and the company's fields).</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactCompany", HelpUri = MauticHelp.Online + "Get-MauticContactCompany.md")]
    [OutputType("Mautic.ContactCompany")]
    public sealed class GetMauticContactCompany : ContactSubListCmdlet
    {
        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.ContactExtras.Companies(contactId, CancellationToken);
    }
}
