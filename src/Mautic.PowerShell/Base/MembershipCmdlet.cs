namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// One thing done to contacts from the pipeline against one record given by id or by name (a membership change, a
    /// text message send): -WhatIf per contact, every contact an outcome. A cmdlet names its <see cref="Target"/>,
    /// declares the target's id (and name) parameter, says what it does and sends.
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

        /// <summary>The parameter sets of a target given by id (-SegmentId) or by its unique name (-SegmentName).</summary>
        protected const string ById = "ById", ByName = "ByName";

        protected abstract MauticResource Target { get; }
        /// <summary>The target's id parameter as bound (ById).</summary>
        protected abstract long TargetId { get; }
        /// <summary>The target's name parameter as bound (ByName); null where the cmdlet has none.</summary>
        protected virtual string TargetName => null;

        long? _resolved;

        /// <summary>
        /// The target's id: as given, or looked up once by name before any contact is read (one list request). A name
        /// that matches nothing, or several records, stops the cmdlet before anything changes.
        /// </summary>
        protected long ResolvedTargetId
        {
            get
            {
                if (_resolved.HasValue) return _resolved.Value;
                if (ParameterSetName != ByName || TargetName == null) return TargetId;
                try { _resolved = Conn.Area(Target).FindIdByName(TargetName, CancellationToken); }
                catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, TargetName)); }
                WriteVerbose($"{Target.Noun} '{TargetName}' is id {_resolved}.");
                return _resolved.Value;
            }
        }

        protected override void Begin()
        {
            base.Begin();
            if (ParameterSetName == ByName) _ = ResolvedTargetId;
        }
        /// <summary>How many per-contact requests run at once.</summary>
        protected virtual int Throttle => MembershipService.DefaultThrottle;

        /// <summary>What is done to each contact, for -WhatIf and -Confirm ("Add to segment 3").</summary>
        protected abstract string Action { get; }

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            var action = Action;
            foreach (var id in ContactId)
                if (ShouldProcess("contact " + id, action)) Enqueue(id, null, id);
        }
    }

    /// <summary>
    /// Adding contacts to, or removing them from, a segment, company or stage: contact ids from the pipeline, -WhatIf,
    /// -PassThru memberships. A cmdlet names its <see cref="PerContactCmdlet.Target"/> and declares the target's id parameter.
    /// </summary>
    public abstract class MembershipCmdlet : PerContactCmdlet
    {
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        /// <summary>True to add, false to remove.</summary>
        protected abstract bool Adding { get; }

        protected override string Action => (Adding ? "Add to " : "Remove from ") + Target.Noun + " " + ResolvedTargetId;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Memberships.Change(Target, ResolvedTargetId, Adding, items, Throttle, CancellationToken);
    }

    /// <summary>A membership change Mautic has no batch route for: one request per contact, -ThrottleLimit at a time.</summary>
    public abstract class PerContactMembershipCmdlet : MembershipCmdlet
    {
        /// <summary>How many requests run at once (Mautic has no batch route for this change).</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = MembershipService.DefaultThrottle;

        protected override int Throttle => ThrottleLimit;
    }
}
