namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>Deletes notes by id; 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticNote.md")]
    [OutputType("Mautic.Note")]
    public sealed class RemoveMauticNote : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notes;
    }
}
