using System.Management.Automation;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>The kinds of event a point trigger can run (GET points/triggers/events/types): type and label.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointTriggerEventType")]
    [OutputType("Mautic.PointTriggerEventType")]
    public sealed class GetMauticPointTriggerEventType : MauticCmdlet
    {
        protected override void Process()
        {
            foreach (var r in Conn.Users.Types("points/triggers/events/types", "eventTypes", "Mautic.PointTriggerEventType", CancellationToken)) WriteRecord(r);
        }
    }
}
