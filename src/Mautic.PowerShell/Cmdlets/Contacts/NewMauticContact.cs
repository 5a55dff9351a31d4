namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Creates contacts; pipeline input goes 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticContact", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticContact.md")]
    [OutputType("Mautic.Contact")]
    public sealed partial class NewMauticContact : ContactWriteCmdlet<ContactParameters>
    {
        [Parameter] [Alias("Tags")] public string[] Tag { get; set; }

        protected override void Process()
        {
            var payload = ContactService.BuildPayload(PSConvert.PropertiesOf(InputObject), Property, NamedFields(), Tag, null, out var problem);
            if (problem != null) { WriteInvalidArgument(problem, Target(payload)); return; }
            if (!ShouldProcess("contact " + (payload["email"] ?? payload.ToJson()), "Create")) return;
            EnqueueContact(Target(payload), payload, null);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Contacts.Create(items, CancellationToken);
    }
}
