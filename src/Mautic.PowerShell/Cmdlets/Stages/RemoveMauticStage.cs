namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Deletes stages by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticStage.md")]
    [OutputType("Mautic.Stage")]
    public sealed class RemoveMauticStage : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Stages;
    }
}
