using System.Linq;
using System.Management.Automation;
using Mautic.Client.Batching;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Removes contacts from a segment (one request each: Mautic has no bulk remove).</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticSegmentMember", SupportsShouldProcess = true)]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class RemoveMauticSegmentMember : MauticCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long SegmentId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] ContactId { get; set; }

        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void Process()
        {
            var items = ContactId.Where(id => ShouldProcess("contact " + id, "Remove from segment " + SegmentId))
                .Select(id => new WriteItem<object>(id, null, id)).ToList();
            foreach (var outcome in Conn.Segments.RemoveMembers(SegmentId, items, CancellationToken))
            {
                if (!outcome.Succeeded) WriteItemError(outcome.Error, outcome.Input);
                else if (PassThru) WriteRecord(outcome.Record);
            }
        }
    }
}
