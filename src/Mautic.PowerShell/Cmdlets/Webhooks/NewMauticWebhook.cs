namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Creates webhooks (Mautic requires -Name and -WebhookUrl); trigger names are checked against Mautic's list first. Piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticWebhook", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticWebhook.md")]
    [OutputType("Mautic.Webhook")]
    public sealed partial class NewMauticWebhook : NewEntityCmdlet<WebhookParameters>
    {
        protected override MauticResource Area => MauticResources.Webhooks;
    }
}
