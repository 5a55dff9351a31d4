namespace Mautic.PowerShell.Cmdlets.Messages
{
    /// <summary>Gets marketing messages by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticMessage", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticMessage.md")]
    [OutputType("Mautic.Message")]
    public sealed class GetMauticMessage : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Messages;
    }
}
