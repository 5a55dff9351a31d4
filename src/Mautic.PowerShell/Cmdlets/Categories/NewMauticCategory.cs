namespace Mautic.PowerShell.Cmdlets.Categories
{
    /// <summary>Creates categories; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticCategory", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticCategory.md")]
    [OutputType("Mautic.Category")]
    public sealed partial class NewMauticCategory : NewEntityCmdlet<NewCategoryParameters>
    {
        protected override MauticResource Area => MauticResources.Categories;
    }
}
