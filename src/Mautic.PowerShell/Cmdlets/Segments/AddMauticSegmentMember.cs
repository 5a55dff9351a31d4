using System.Collections.Generic;
using System.Management.Automation;
using Mautic.Client.Batching;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Segments
{
    /// <summary>Adds contacts to a segment; piped contacts go 200 per request through contacts/add.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticSegmentMember", SupportsShouldProcess = true)]
    [OutputType("Mautic.SegmentMembership")]
    public sealed class AddMauticSegmentMember : SegmentMemberCmdlet
    {
        protected override string Action => "Add to segment " + SegmentId;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.Segments.AddMembers(SegmentId, items, CancellationToken);
    }
}
