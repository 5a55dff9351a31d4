namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>
    /// Records devices of contacts (Mautic requires the contact; this cmdlet also asks for the device type, which
    /// names a device). Piped rows carry device fields and lead; a batch is screened for unknown contacts first.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticDevice", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticDevice.md")]
    [OutputType("Mautic.Device")]
    public sealed partial class NewMauticDevice : NewEntityCmdlet<NewDeviceParameters>
    {
        protected override MauticResource Area => MauticResources.Devices;
    }
}
