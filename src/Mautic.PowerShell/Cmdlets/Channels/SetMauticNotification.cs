namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Edits web push notifications by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Heading,
    /// -Message and -Language); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticNotification", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticNotification.md")]
    [OutputType("Mautic.Notification")]
    public sealed partial class SetMauticNotification : SetEntityCmdlet<NotificationParameters>
    {
        protected override MauticResource Area => MauticResources.Notifications;
    }
}
