namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>
    /// Records devices of contacts (Mautic requires the contact; this cmdlet also asks for the device type, which
    /// names a device). Piped rows carry device fields and lead; a batch is screened for unknown contacts first.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticDevice", SupportsShouldProcess = true)]
    [OutputType("Mautic.Device")]
    public sealed class NewMauticDevice : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Devices;

        /// <summary>The contact the device belongs to (Mautic's lead).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? ContactId { get; set; }

        /// <summary>The device type: desktop, smartphone, tablet, ... The same as -Name.</summary>
        [Parameter(Position = 0)]
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
