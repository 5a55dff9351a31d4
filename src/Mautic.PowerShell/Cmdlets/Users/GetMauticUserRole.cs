namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>
    /// The roles a user can be given (GET users/list/roles): id and name only, for New-/Set-MauticUser -RoleId.
    /// Get-MauticRole reads the roles themselves, with their permissions.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticUserRole", HelpUri = MauticHelp.Online + "Get-MauticUserRole.md")]
    [OutputType("Mautic.UserRole")]
    public sealed class GetMauticUserRole : LookupCmdlet
    {
        protected override System.Collections.Generic.IEnumerable<Mautic.Client.MauticRecord> Read() => Conn.Users.RoleChoices(Filter, Limit, CancellationToken);
    }
}
