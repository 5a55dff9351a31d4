namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>Creates Mautic users; piped rows go 200 per batch request, each with the -Password given.</summary>
    [Cmdlet(VerbsCommon.New, "MauticUser", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticUser.md")]
    [OutputType("Mautic.User")]
    public sealed partial class NewMauticUser : NewEntityCmdlet<NewUserParameters>
    {
        protected override MauticResource Area => MauticResources.Users;
    }
}
