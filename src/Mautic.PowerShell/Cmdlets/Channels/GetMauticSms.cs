namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>Gets text messages (SMS) by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticSms", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticSms.md")]
    [OutputType("Mautic.Sms")]
    public sealed class GetMauticSms : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Smses;
    }
}
