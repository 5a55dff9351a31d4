namespace Mautic.PowerShell.Cmdlets.Categories
{
    /// <summary>Deletes categories by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticCategory.md")]
    [OutputType("Mautic.Category")]
    public sealed class RemoveMauticCategory : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Categories;
    }
}
