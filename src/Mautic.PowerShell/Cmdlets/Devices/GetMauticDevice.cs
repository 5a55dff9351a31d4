namespace Mautic.PowerShell.Cmdlets.Devices
{
    /// <summary>Gets contacts' devices by id or as a streamed, paged list (-Search matches the device type).</summary>
    [Cmdlet(VerbsCommon.Get, "MauticDevice", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticDevice.md")]
    [OutputType("Mautic.Device")]
    public sealed class GetMauticDevice : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Devices;
    }
}
