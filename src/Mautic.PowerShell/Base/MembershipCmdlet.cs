using System.Collections.Generic;
using System.Management.Automation;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Mautic.Client.Resources;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Adding contacts to, or removing them from, a segment, company or stage: contact ids from the pipeline, -WhatIf,
    /// -PassThru memberships. A cmdlet names its <see cref="Target"/> and declares the target's id parameter.
    /// </summary>
    public abstract class MembershipCmdlet : MauticBulkCmdlet
    {
        /// <summary>Contact ids; contact objects bind through their Id property.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected abstract MauticResource Target { get; }
        protected abstract long TargetId { get; }
        /// <summary>True to add, false to remove.</summary>
        protected abstract bool Adding { get; }
        /// <summary>How many per-contact requests run at once.</summary>
        protected virtual int Throttle => MembershipService.DefaultThrottle;

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            var action = (Adding ? "Add to " : "Remove from ") + Target.Noun + " " + TargetId;
            foreach (var id in ContactId)
                if (ShouldProcess("contact " + id, action)) Enqueue(id, null, id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Memberships.Change(Target, TargetId, Adding, items, Throttle, CancellationToken);
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
