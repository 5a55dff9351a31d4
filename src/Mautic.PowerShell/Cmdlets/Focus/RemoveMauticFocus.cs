namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Deletes focus items by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticFocus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticFocus.md")]
    [OutputType("Mautic.Focus")]
    public sealed class RemoveMauticFocus : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Focus;
    }
}
