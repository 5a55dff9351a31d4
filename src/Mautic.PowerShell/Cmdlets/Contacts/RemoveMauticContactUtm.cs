namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Deletes UTM tags of one contact by their ids; ConfirmImpact High, -Force skips the prompt.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticContactUtm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticContactUtm.md")]
    [OutputType("Mautic.Contact")]
    public sealed class RemoveMauticContactUtm : MauticBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long ContactId { get; set; }

        /// <summary>The UTM tag ids (the id of each entry of a contact's utmtags).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateRange(1L, long.MaxValue)]
        public long[] UtmId { get; set; }

        [Parameter] public SwitchParameter Force { get; set; }

        /// <summary>Writes the contact after each removal.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override int BatchSize => OneByOne;

        protected override void Process()
        {
            foreach (var id in UtmId)
                if (ShouldProcessForced(Force, "UTM tag " + id + " of contact " + ContactId, "Delete")) Enqueue(id, null, id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.ContactExtras.RemoveUtm(ContactId, items, OneByOne, CancellationToken);
    }
}
