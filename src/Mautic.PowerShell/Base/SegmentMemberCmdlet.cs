using System.Management.Automation;

namespace Mautic.PowerShell.Base
{
    /// <summary>The parameters and flow Add- and Remove-MauticSegmentMember share.</summary>
    public abstract class SegmentMemberCmdlet : MauticBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long SegmentId { get; set; }

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

        /// <summary>"Add to segment 3" / "Remove from segment 3".</summary>
        protected abstract string Action { get; }

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            foreach (var id in ContactId)
                if (ShouldProcess("contact " + id, Action)) Enqueue(id, null, id);
        }
    }
}
