namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>Gets e-mails (with their sent and read counts) by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticEmail", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticEmail.md")]
    [OutputType("Mautic.Email")]
    public sealed class GetMauticEmail : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Emails;
    }
}
