namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>
    /// The parameters of New- and Set-MauticDevice (the fields of Mautic's device form, and the contact), and the
    /// fields they send.
    /// </summary>
    public class DeviceParameters : AreaParameters
    {
        /// <summary>The contact the device belongs to (Mautic's lead).</summary>
        [Parameter]
        [Alias("lead")]
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

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("lead", ContactId), ("device", Device), ("deviceBrand", DeviceBrand), ("deviceModel", DeviceModel),
                ("deviceOsName", DeviceOsName), ("deviceOsShortName", DeviceOsShortName), ("deviceOsVersion", DeviceOsVersion),
                ("deviceOsPlatform", DeviceOsPlatform)));
    }

    /// <summary>New-MauticDevice's parameters: the device type is also the first positional argument.</summary>
    public sealed class NewDeviceParameters : DeviceParameters
    {
        [Parameter(Position = 0)]
        public new string Device { get => base.Device; set => base.Device = value; }
    }
}
