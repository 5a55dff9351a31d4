namespace Mautic.PowerShell.Cmdlets.Roles
{
    /// <summary>Deletes roles by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticRole.md")]
    [OutputType("Mautic.Role")]
    public sealed class RemoveMauticRole : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Roles;
    }
}
