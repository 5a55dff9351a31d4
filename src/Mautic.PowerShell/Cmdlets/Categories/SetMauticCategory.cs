namespace Mautic.PowerShell.Cmdlets.Categories
{
    /// <summary>Edits categories by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticCategory", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticCategory.md")]
    [OutputType("Mautic.Category")]
    public sealed partial class SetMauticCategory : SetEntityCmdlet<CategoryParameters>
    {
        protected override MauticResource Area => MauticResources.Categories;
    }
}
