namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>
    /// Edits Mautic users by id: PATCH by default, PUT with -Replace; piped input goes through batch edit. Mautic's
    /// API ignores a username or password sent for an existing user, so there are no such parameters.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticUser", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticUser.md")]
    [OutputType("Mautic.User")]
    public sealed partial class SetMauticUser : SetEntityCmdlet<UserParameters>
    {
        protected override MauticResource Area => MauticResources.Users;
    }
}
