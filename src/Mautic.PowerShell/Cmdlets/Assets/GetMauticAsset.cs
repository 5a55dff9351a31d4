namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>Gets assets (with their download counts) by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticAsset", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticAsset.md")]
    [OutputType("Mautic.Asset")]
    public sealed class GetMauticAsset : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Assets;
    }
}
