namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Deletes point triggers by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticPointTrigger", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticPointTrigger.md")]
    [OutputType("Mautic.PointTrigger")]
    public sealed class RemoveMauticPointTrigger : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointTriggers;
    }
}
