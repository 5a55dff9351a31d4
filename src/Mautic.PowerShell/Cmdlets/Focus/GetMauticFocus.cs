namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Gets focus items by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticFocus", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticFocus.md")]
    [OutputType("Mautic.Focus")]
    public sealed class GetMauticFocus : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Focus;
    }
}
