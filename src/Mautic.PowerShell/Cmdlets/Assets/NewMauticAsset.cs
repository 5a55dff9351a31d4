namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>
    /// Creates assets: a title and a file, either a file already in Mautic's assets directory (local) or a URL
    /// (remote); piped rows go 200 per batch request, a piped uploaded file (Mautic.File) gives its name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticAsset", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticAsset.md")]
    [OutputType("Mautic.Asset")]
    public sealed partial class NewMauticAsset : NewEntityCmdlet<NewAssetParameters>
    {
        protected override MauticResource Area => MauticResources.Assets;
        protected override string[] OtherPipedKinds => new[] { "Mautic.File" };
    }
}
