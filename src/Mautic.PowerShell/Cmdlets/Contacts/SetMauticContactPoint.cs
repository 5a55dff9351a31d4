
namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Sets contacts' points (an edit of the points field, 200 contacts per batch request) or, with -PointGroupId,
    /// their score in a point group (the group route's 'set' operator, one request per contact).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticContactPoint", SupportsShouldProcess = true, DefaultParameterSetName = ContactSet, HelpUri = MauticHelp.Online + "Set-MauticContactPoint.md")]
    [OutputType("Mautic.Contact", "Mautic.ContactPointGroupScore")]
    public sealed class SetMauticContactPoint : ContactPointCmdlet
    {
        protected override string Action => $"Set points to {Points}{(Group.HasValue ? " in point group " + Group : "")}";

        /// <summary>A point group's score has no batch route; the points field goes through batch edit.</summary>
        protected override int BatchSize => Group.HasValue ? OneByOne : Chunk.MaxBatchSize;

        protected override MauticPayload Payload() => Group.HasValue ? null : new MauticPayload { ["points"] = Points };

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Group.HasValue
                ? Conn.ContactExtras.AdjustPoints(items, PointOperator.Set, Points, Group, throttle: OneByOne, ct: CancellationToken)
                : Conn.Contacts.Update(items, CancellationToken);
    }
}
