namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>
    /// Edits assets by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Language); a new remote -File
    /// without -Title renames the asset after the file (Mautic's doing); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticAsset", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticAsset.md")]
    [OutputType("Mautic.Asset")]
    public sealed partial class SetMauticAsset : SetEntityCmdlet<AssetParameters>
    {
        protected override MauticResource Area => MauticResources.Assets;
    }
}
