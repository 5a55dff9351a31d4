namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>Deletes web push notifications by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticNotification.md")]
    [OutputType("Mautic.Notification")]
    public sealed class RemoveMauticNotification : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Notifications;
    }
}
