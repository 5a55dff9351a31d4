namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>
    /// Creates assets: a title and a file, either a file already in Mautic's assets directory (local) or a URL
    /// (remote); piped rows go 200 per batch request, a piped uploaded file (Mautic.File) gives its name.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticAsset", SupportsShouldProcess = true)]
    [OutputType("Mautic.Asset")]
    public sealed class NewMauticAsset : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Assets;

        protected override string[] OtherPipedKinds => new[] { "Mautic.File" };

        /// <summary>The asset's title (required; the same as -Name).</summary>
        [Parameter(Position = 0)]
        public string Title { get; set; }

        /// <summary>Local: the name of a file in Mautic's assets directory (as uploaded); remote: the file's URL.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FileName")]
        public string File { get; set; }

        /// <summary>Local or Remote; without it, Remote for an http(s) URL and Local for anything else.</summary>
        [Parameter]
        [ValidateSet("Local", "Remote")]
        public string StorageLocation { get; set; }

        /// <summary>The id of a category (of the asset or global bundle).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long? Category { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(AssetFields.Of(Title, File ?? AssetFields.NameOf(PipedOther), AssetFields.LocationGiven(StorageLocation, Property, PipedOther == null ? InputObject : null), Category, Language));
    }
}
