namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Edits webhooks by id: PATCH by default (-Trigger then adds triggers to the ones the webhook has), PUT with -Replace (the triggers become exactly -Trigger; Mautic also makes a new secret). Trigger names are checked against Mautic's list first.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticWebhook", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticWebhook.md")]
    [OutputType("Mautic.Webhook")]
    public sealed partial class SetMauticWebhook : SetEntityCmdlet<WebhookParameters>
    {
        protected override MauticResource Area => MauticResources.Webhooks;
    }
}
