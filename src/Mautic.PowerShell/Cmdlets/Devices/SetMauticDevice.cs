namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>
    /// Edits devices by id: PATCH by default, PUT with -Replace (every device field not sent becomes empty; the contact
    /// stays); -ContactId moves the device to another contact. Piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticDevice", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticDevice.md")]
    [OutputType("Mautic.Device")]
    public sealed partial class SetMauticDevice : SetEntityCmdlet<DeviceParameters>
    {
        protected override MauticResource Area => MauticResources.Devices;
    }
}
