namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>Gets webhooks by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticWebhook", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticWebhook.md")]
    [OutputType("Mautic.Webhook")]
    public sealed class GetMauticWebhook : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Webhooks;
    }
}
