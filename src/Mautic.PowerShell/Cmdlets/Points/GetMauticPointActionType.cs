using System.Management.Automation;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>The kinds of point action this Mautic offers (GET points/actions/types): type and label.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointActionType")]
    [OutputType("Mautic.PointActionType")]
    public sealed class GetMauticPointActionType : MauticCmdlet
    {
        protected override void Process()
        {
            foreach (var r in Conn.Users.Types("points/actions/types", "pointActionTypes", "Mautic.PointActionType", CancellationToken)) WriteRecord(r);
        }
    }
}
