namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>The parameters of New- and Set-MauticNote, and the fields they send.</summary>
    public class NoteParameters : AreaParameters
    {
        /// <summary>The types Mautic 5.1.0 accepts (any other is "type: This value is not valid.").</summary>
        internal const string General = "general", Email = "email", Call = "call", Meeting = "meeting";

        /// <summary>New- only (<see cref="NewNoteParameters"/>); New-MauticNote sends it, or a piped contact's Id, as the lead.</summary>
        public long? ContactId { get; set; }

        /// <summary>The note (HTML is kept as sent). The same as -Name.</summary>
        [Parameter]
        public string Text { get; set; }

        [Parameter]
        [ValidateSet(General, Email, Call, Meeting)]
        public string Type { get; set; }

        /// <summary>When the call, meeting or e-mail took place (sent in UTC).</summary>
        [Parameter]
        public DateTime? DateTime { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("text", Text), ("type", Type?.ToLowerInvariant()), ("dateTime", DateTime)));
    }

    /// <summary>New-MauticNote's parameters: the contact, and the text as the first positional argument.</summary>
    public sealed class NewNoteParameters : NoteParameters
    {
        /// <summary>The contact the note is about (Mautic's lead); a piped contact gives its own Id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("lead")]
        [ValidateRange(1L, long.MaxValue)]
        public new long? ContactId { get => base.ContactId; set => base.ContactId = value; }

        [Parameter(Position = 0)]
        public new string Text { get => base.Text; set => base.Text = value; }
    }
}
