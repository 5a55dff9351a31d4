namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Deletes webhooks by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticWebhook.md")]
    [OutputType("Mautic.Webhook")]
    public sealed class RemoveMauticWebhook : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Webhooks;
    }
}
