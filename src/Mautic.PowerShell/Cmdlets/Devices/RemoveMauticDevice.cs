namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>Deletes devices by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType("Mautic.Device")]
    public sealed class RemoveMauticDevice : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Devices;
    }
}
