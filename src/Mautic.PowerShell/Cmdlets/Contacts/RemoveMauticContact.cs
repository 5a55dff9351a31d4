namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Deletes contacts by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticContact", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticContact.md")]
    [OutputType("Mautic.Contact")]
    public sealed class RemoveMauticContact : MauticBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter] public SwitchParameter Force { get; set; }

        /// <summary>Writes the deleted contacts.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            foreach (var id in Id)
                if (ShouldProcessForced(Force, "contact " + id, "Delete")) Enqueue(id, null, id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Contacts.Delete(items, CancellationToken);
    }
}
