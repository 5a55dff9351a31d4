namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Creates web push notifications (Mautic requires -Name, -Heading and -Message; the language is "en" unless given);
    /// piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticNotification", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticNotification.md")]
    [OutputType("Mautic.Notification")]
    public sealed partial class NewMauticNotification : NewEntityCmdlet<NotificationParameters>
    {
        protected override MauticResource Area => MauticResources.Notifications;
    }
}
