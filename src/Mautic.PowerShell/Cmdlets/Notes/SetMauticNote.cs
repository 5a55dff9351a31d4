namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>Edits notes by id: PATCH by default, PUT with -Replace (it resets type and dateTime); piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticNote", SupportsShouldProcess = true)]
    [OutputType("Mautic.Note")]
    public sealed class SetMauticNote : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notes;

        /// <summary>The note's new text. The same as -Name.</summary>
        [Parameter]
        public string Text { get; set; }

        [Parameter]
        [ValidateSet(NoteFields.General, NoteFields.Email, NoteFields.Call, NoteFields.Meeting)]
        public string Type { get; set; }

        [Parameter]
        public DateTime? DateTime { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() => base.NamedFields().Concat(NoteFields.Of(Text, Type, DateTime));
    }
}
