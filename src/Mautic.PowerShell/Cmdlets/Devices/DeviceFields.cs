namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>What New- and Set-MauticDevice's named parameters send (the fields of Mautic's device form, and the contact).</summary>
    static class DeviceFields
    {
        public static IEnumerable<KeyValuePair<string, object>> Of(long? contactId, string device, string brand, string model,
            string osName, string osShortName, string osVersion, string osPlatform)
        {
            if (contactId != null) yield return new KeyValuePair<string, object>("lead", contactId.Value);
            if (device != null) yield return new KeyValuePair<string, object>("device", device);
            if (brand != null) yield return new KeyValuePair<string, object>("deviceBrand", brand);
            if (model != null) yield return new KeyValuePair<string, object>("deviceModel", model);
            if (osName != null) yield return new KeyValuePair<string, object>("deviceOsName", osName);
            if (osShortName != null) yield return new KeyValuePair<string, object>("deviceOsShortName", osShortName);
            if (osVersion != null) yield return new KeyValuePair<string, object>("deviceOsVersion", osVersion);
            if (osPlatform != null) yield return new KeyValuePair<string, object>("deviceOsPlatform", osPlatform);
        }
    }
}
