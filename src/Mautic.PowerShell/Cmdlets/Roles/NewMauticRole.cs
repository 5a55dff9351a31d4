namespace Mautic.PowerShell.Cmdlets.Roles
{
    /// <summary>Creates roles; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticRole", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticRole.md")]
    [OutputType("Mautic.Role")]
    public sealed partial class NewMauticRole : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Roles;
    }
}
