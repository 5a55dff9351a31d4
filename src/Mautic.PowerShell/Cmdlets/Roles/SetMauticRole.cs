namespace Mautic.PowerShell.Cmdlets.Roles
{
    /// <summary>Edits roles by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticRole", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticRole.md")]
    [OutputType("Mautic.Role")]
    public sealed partial class SetMauticRole : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Roles;
    }
}
