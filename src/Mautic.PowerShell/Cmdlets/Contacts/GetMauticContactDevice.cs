namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets the devices Mautic has seen a contact use.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactDevice", HelpUri = MauticHelp.Online + "Get-MauticContactDevice.md")]
    [OutputType("Mautic.ContactDevice")]
    public sealed class GetMauticContactDevice : ContactSubListCmdlet
    {
        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.ContactExtras.Devices(contactId, CancellationToken);
    }
}
