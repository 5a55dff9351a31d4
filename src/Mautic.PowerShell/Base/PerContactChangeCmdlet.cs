namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// A change to each of several contacts that Mautic has no batch route for (do-not-contact, UTM tags, points):
    /// contact ids by value or from piped contacts, one request per contact, -ThrottleLimit at a time, each failure an
    /// error carrying its id, -WhatIf, -PassThru. A cmdlet names its <see cref="Action"/> and says how to send.
    /// </summary>
    public abstract class PerContactChangeCmdlet : MauticBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override int BatchSize => OneByOne;

        /// <summary>What -WhatIf says is done to each contact.</summary>
        protected abstract string Action { get; }

        /// <summary>Asks before each contact; a removal overrides this to honour -Force.</summary>
        protected virtual bool Confirm(long id) => ShouldProcess("contact " + id, Action);

        /// <summary>The body sent for each contact of this pipeline record (none by default).</summary>
        protected virtual MauticPayload Payload() => null;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            var payload = Payload();
            foreach (var id in Id)
                if (Confirm(id)) Enqueue(id, payload, id);
        }
    }
}
