namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>
    /// Edits devices by id: PATCH by default, PUT with -Replace (every device field not sent becomes empty; the contact
    /// stays); -ContactId moves the device to another contact. Piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticDevice", SupportsShouldProcess = true)]
    [OutputType("Mautic.Device")]
    public sealed class SetMauticDevice : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Devices;

        /// <summary>The contact the device belongs to (Mautic's lead).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? ContactId { get; set; }

        /// <summary>The device type: desktop, smartphone, tablet, ... The same as -Name.</summary>
        [Parameter]
        public string Device { get; set; }

        [Parameter]
        public string DeviceBrand { get; set; }

        [Parameter]
        public string DeviceModel { get; set; }

        [Parameter]
        public string DeviceOsName { get; set; }

        [Parameter]
        public string DeviceOsShortName { get; set; }

        [Parameter]
        public string DeviceOsVersion { get; set; }

        [Parameter]
        public string DeviceOsPlatform { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(DeviceFields.Of(ContactId, Device, DeviceBrand, DeviceModel, DeviceOsName, DeviceOsShortName, DeviceOsVersion, DeviceOsPlatform));
    }
}
