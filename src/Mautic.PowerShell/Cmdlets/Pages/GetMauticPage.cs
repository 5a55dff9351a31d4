namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>Gets landing pages by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPage", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticPage.md")]
    [OutputType("Mautic.Page")]
    public sealed class GetMauticPage : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Pages;
    }
}
