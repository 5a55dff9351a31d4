namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Edits contacts by id with PATCH (only the fields given change), or with -Replace by PUT; pipeline input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticContact", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticContact.md")]
    [OutputType("Mautic.Contact")]
    public sealed partial class SetMauticContact : ContactWriteCmdlet<ContactParameters>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>Tags to add; Tags (the contact's property, which a PATCH adds to in Mautic) is an alias.</summary>
        [Parameter]
        [Alias("Tags")]
        public string[] AddTag { get; set; }
        [Parameter] public string[] RemoveTag { get; set; }
        /// <summary>PUT instead of PATCH: every field not given is emptied and points go back to 0 (tags, owner, stage, UTM tags and do-not-contact entries stay).</summary>
        [Parameter] public SwitchParameter Replace { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", new[] { "Mautic.Contact" })) return;
            // A contact object piped in names the contact to change; only a CSV row or hashtable carries new values.
            var fromInput = PSConvert.IsMauticType(InputObject, "Mautic.Contact") ? null : PSConvert.PropertiesOf(InputObject);
            var payload = ContactService.BuildPayload(fromInput, Property, NamedFields(), AddTag, RemoveTag, out var problem);
            var target = InputObject ?? (object)Id;
            if (problem != null && !payload.IsEmpty) { WriteInvalidArgument(problem, target); return; }
            if (problem != null) { WriteInvalidArgument($"Nothing to change for contact {Id}: give field parameters, -Property, -AddTag or -RemoveTag.", target); return; }
            if (!ShouldProcess("contact " + Id, Replace ? "Replace" : "Update")) return;
            EnqueueContact(target, payload, Id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Contacts.Update(items, CancellationToken, Replace);
    }
}
