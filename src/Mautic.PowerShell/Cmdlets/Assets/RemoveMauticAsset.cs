namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>
    /// Deletes assets by id, 200 per batch request (Mautic also deletes a local asset's file); an id Mautic did not
    /// delete is an ObjectNotFound error.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticAsset.md")]
    [OutputType("Mautic.Asset")]
    public sealed class RemoveMauticAsset : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Assets;
    }
}
