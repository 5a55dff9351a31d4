namespace Mautic.PowerShell.Cmdlets.Categories
{
    /// <summary>Gets categories by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCategory", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticCategory.md")]
    [OutputType("Mautic.Category")]
    public sealed class GetMauticCategory : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Categories;
    }
}
