namespace Mautic.PowerShell.Cmdlets.Forms
{
    /// <summary>Deletes forms (with their fields, actions and submissions) by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticForm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticForm.md")]
    [OutputType("Mautic.Form")]
    public sealed class RemoveMauticForm : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Forms;
    }
}
