using System.Collections.Generic;
using System.Management.Automation;
using Mautic.Client.Batching;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Adds contacts to a segment; piped contacts go 200 per request through contacts/add.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticSegmentMember", SupportsShouldProcess = true)]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class AddMauticSegmentMember : MauticBulkCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long SegmentId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override bool EmitRecords => PassThru;

        protected override void Process()
        {
            foreach (var id in ContactId)
                if (ShouldProcess("contact " + id, "Add to segment " + SegmentId)) Enqueue(id, null, id);
        }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Segments.AddMembers(SegmentId, items, CancellationToken);
    }
}
