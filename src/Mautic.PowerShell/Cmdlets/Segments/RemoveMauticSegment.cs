namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Deletes segments by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticSegment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticSegment.md")]
    [OutputType("Mautic.Segment")]
    public sealed class RemoveMauticSegment : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Segments;
    }
}
