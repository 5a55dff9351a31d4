namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// One thing done to contacts from the pipeline against one record given by id, name or the record itself (a
    /// membership change, a text message send): -WhatIf per contact, every contact an outcome. A cmdlet names its
    /// <see cref="Target"/> area, declares the target's <see cref="MauticRecordRef"/> parameter, says what it does and sends.
    /// </summary>
    public abstract class PerContactCmdlet : MauticBulkCmdlet
    {
        /// <summary>Contact ids; contact objects bind through their Id property.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        protected abstract MauticResource Target { get; }
        /// <summary>The target's parameter as bound (-Segment): an id, a name or the record.</summary>
        protected abstract MauticRecordRef TargetRef { get; }

        long? _resolved;

        /// <summary>
        /// The target's id: resolved once, before any contact is read (a name costs one list request). A name that
        /// matches nothing or several records, or a record of another kind, stops the cmdlet before anything changes.
        /// </summary>
        protected long ResolvedTargetId
        {
            get
            {
                if (!_resolved.HasValue) _resolved = ResolveOrStop(TargetRef, Target);
                return _resolved.Value;
            }
        }

        protected override void Begin()
        {
            base.Begin();
            _ = ResolvedTargetId;
        }
        /// <summary>What is done to each contact, for -WhatIf and -Confirm ("Add to segment 3").</summary>
        protected abstract string Action { get; }

        /// <summary>Asks before each contact; a deletion overrides this to honour -Force.</summary>
        protected virtual bool Confirm(long id, string action) => ShouldProcess("contact " + id, action);

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            var action = Action;
            foreach (var id in ContactId)
                if (Confirm(id, action)) Enqueue(id, null, id);
        }
    }

    /// <summary>
    /// Adding contacts to, or removing them from, a segment, company or stage: contact ids from the pipeline, -WhatIf,
    /// -PassThru memberships. A cmdlet names its <see cref="PerContactCmdlet.Target"/> and declares the target's reference parameter.
    /// </summary>
    public abstract class MembershipCmdlet : PerContactCmdlet
    {
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        /// <summary>True to add, false to remove.</summary>
        protected abstract bool Adding { get; }

        protected override string Action => (Adding ? "Add to " : "Remove from ") + Target.Noun + " " + ResolvedTargetId;

        MissingRecord _missing;

        /// <summary>
        /// One contact per request (<see cref="PerContactMembershipCmdlet"/>), -ThrottleLimit at once; which record a
        /// 404 is about is read once per run, however many contacts failed.
        /// </summary>
        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items)
        {
            var missing = System.Threading.LazyInitializer.EnsureInitialized(ref _missing, () => Conn.Memberships.Missing(Target, ResolvedTargetId, CancellationToken));
            return Conn.Memberships.Change(Target, ResolvedTargetId, Adding, items, OneByOne, CancellationToken, missing);
        }
    }

    /// <summary>A membership change Mautic has no batch route for: one request per contact, -ThrottleLimit at a time.</summary>
    public abstract class PerContactMembershipCmdlet : MembershipCmdlet
    {
        protected override int BatchSize => OneByOne;
    }
}
