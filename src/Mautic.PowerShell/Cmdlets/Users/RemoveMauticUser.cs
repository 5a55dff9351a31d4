namespace Mautic.PowerShell.Cmdlets.Users
{
    /// <summary>Deletes Mautic users by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticUser.md")]
    [OutputType("Mautic.User")]
    public sealed class RemoveMauticUser : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Users;
    }
}
