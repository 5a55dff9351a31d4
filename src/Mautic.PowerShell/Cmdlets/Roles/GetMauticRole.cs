namespace Mautic.PowerShell.Cmdlets.Roles
{
    /// <summary>Gets roles by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticRole", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticRole.md")]
    [OutputType("Mautic.Role")]
    public sealed class GetMauticRole : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Roles;
    }
}
