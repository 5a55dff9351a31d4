namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>Deletes landing pages by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticPage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticPage.md")]
    [OutputType("Mautic.Page")]
    public sealed class RemoveMauticPage : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Pages;
    }
}
