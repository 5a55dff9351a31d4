using System.Collections.Generic;
using System.Management.Automation;
using Mautic.Client.Batching;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Removes contacts from a segment (one request each: Mautic has no bulk remove).</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticSegmentMember", SupportsShouldProcess = true)]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class RemoveMauticSegmentMember : SegmentMemberCmdlet
    {
        protected override string Action => "Remove from segment " + SegmentId;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Segments.RemoveMembers(SegmentId, items, CancellationToken);
    }
}
