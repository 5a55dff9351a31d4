namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Deletes point groups by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticPointGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticPointGroup.md")]
    [OutputType("Mautic.PointGroup")]
    public sealed class RemoveMauticPointGroup : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointGroups;
    }
}
