namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Get-MauticContact&lt;Something&gt;: a list that hangs off each contact (segments, notes, devices, campaigns,
    /// companies). Contact ids by value or from piped contacts; a missing contact is one error carrying its id, and
    /// the other ids go on. A cmdlet only says how to read one contact's list.
    /// </summary>
    public abstract class ContactSubListCmdlet : MauticCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>The records of one contact's list.</summary>
        protected abstract IEnumerable<MauticRecord> Read(long contactId);

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            ForEachId(Id, id => { foreach (var record in Read(id)) WriteRecord(record); });
        }
    }
}
