namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>Deletes dynamic content items by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticDynamicContent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticDynamicContent.md")]
    [OutputType("Mautic.DynamicContent")]
    public sealed class RemoveMauticDynamicContent : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.DynamicContents;
    }
}
