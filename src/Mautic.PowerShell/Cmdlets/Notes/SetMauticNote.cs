namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>Edits notes by id: PATCH by default, PUT with -Replace (it resets type and dateTime); piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticNote", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticNote.md")]
    [OutputType("Mautic.Note")]
    public sealed partial class SetMauticNote : SetEntityCmdlet<NoteParameters>
    {
        protected override MauticResource Area => MauticResources.Notes;
    }
}
