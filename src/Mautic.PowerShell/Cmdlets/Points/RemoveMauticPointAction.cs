namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Deletes point actions by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticPointAction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticPointAction.md")]
    [OutputType("Mautic.PointAction")]
    public sealed class RemoveMauticPointAction : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointActions;
    }
}
