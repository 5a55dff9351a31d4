namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>
    /// Adds notes to contacts. A piped contact names the contact (its Id is the note's contact) and lends nothing else;
    /// piped rows carry note fields (text, type, dateTime, lead). One request per note: Mautic's batch/new loses track
    /// of what it saved when one note names no or an unknown contact.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticNote", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticNote.md")]
    [OutputType("Mautic.Note")]
    public sealed partial class NewMauticNote : NewEntityCmdlet<NewNoteParameters>
    {
        protected override MauticResource Area => MauticResources.Notes;

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(Contact() is long id ? new[] { new KeyValuePair<string, object>("lead", id) } : new KeyValuePair<string, object>[0]);

        long? _pipedContact;

        long? Contact() => ContactId ?? _pipedContact;

        protected override void Process()
        {
            // A piped contact only says whose note it is: its fields are not note fields.
            var piped = InputObject;
            _pipedContact = null;
            if (PSConvert.MauticKind(piped) is string kind && ContactKinds.Contains(kind))
            {
                _pipedContact = PSConvert.IdOf(piped);
                InputObject = null;
            }
            try { base.Process(); }
            finally { InputObject = piped; }
        }
    }
}
