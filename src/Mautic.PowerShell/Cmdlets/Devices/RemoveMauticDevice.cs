namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>Deletes devices by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticDevice.md")]
    [OutputType("Mautic.Device")]
    public sealed class RemoveMauticDevice : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Devices;
    }
}
