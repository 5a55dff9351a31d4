namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>Gets web push notifications by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticNotification", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticNotification.md")]
    [OutputType("Mautic.Notification")]
    public sealed class GetMauticNotification : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notifications;
    }
}
