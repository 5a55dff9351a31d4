namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>The users who can own contacts (GET contacts/list/owners): id, firstName, lastName.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactOwner", HelpUri = MauticHelp.Online + "Get-MauticContactOwner.md")]
    [OutputType("Mautic.ContactOwner")]
    public sealed class GetMauticContactOwner : LookupCmdlet
    {
        protected override System.Collections.Generic.IEnumerable<Mautic.Client.MauticRecord> Read() => Conn.Users.ContactOwners(Filter, Limit, CancellationToken);
    }
}
