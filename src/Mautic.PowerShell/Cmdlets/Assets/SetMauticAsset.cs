namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>
    /// Edits assets by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Language); a new remote -File
    /// without -Title renames the asset after the file (Mautic's doing); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticAsset", SupportsShouldProcess = true)]
    [OutputType("Mautic.Asset")]
    public sealed class SetMauticAsset : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Assets;

        /// <summary>The asset's new title. The same as -Name.</summary>
        [Parameter]
        public string Title { get; set; }

        [Parameter]
        [Alias("FileName")]
        public string File { get; set; }

        [Parameter]
        [ValidateSet("Local", "Remote")]
        public string StorageLocation { get; set; }

        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? Category { get; set; }

        [Parameter]
        public string Language { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(AssetFields.Of(Title, File, AssetFields.LocationGiven(StorageLocation, Property, InputObject), Category, Language));
    }
}
