namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>The parameters of New- and Set-MauticAsset, and the fields they send.</summary>
    public class AssetParameters : AreaParameters
    {
        /// <summary>The asset's title (New- requires it); the same as -Name.</summary>
        [Parameter]
        public string Title { get; set; }

        /// <summary>Local: the name of a file in Mautic's assets directory (as uploaded); remote: the file's URL.</summary>
        [Parameter]
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

        /// <summary>
        /// The fields given; an uploaded file piped to New- (Add-MauticFile's Mautic.File) gives the file name.
        /// </summary>
        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Of(Title, File ?? NameOf(cmdlet.PipedOther), LocationGiven(StorageLocation, cmdlet.Property, cmdlet.PipedOther == null ? cmdlet.InputObject : null),
                Category, Language));

        /// <summary>A local file given with folders or '..' is refused before sending (<see cref="Mautic.Client.Operations.FileService.AssetFileProblem"/>).</summary>
        internal override string Check(MauticPayload payload, MauticConnection connection, System.Threading.CancellationToken cancel) =>
            Mautic.Client.Operations.FileService.AssetFileProblem(payload);

        /// <summary>
        /// The field values. A file goes with its storage location, always: Mautic 5.1 reads "file" only together with
        /// storageLocation on an edit (without it the file is silently ignored, measured), so when -StorageLocation is
        /// not given it is "remote" for an http(s) URL and "local" (a file in Mautic's assets directory) otherwise.
        /// </summary>
        static IEnumerable<KeyValuePair<string, object>> Of(string title, string file, string storageLocation, long? category, string language)
        {
            if (title != null) yield return new KeyValuePair<string, object>("title", title);
            if (storageLocation != null || file != null)
                yield return new KeyValuePair<string, object>("storageLocation", (storageLocation ?? (IsUrl(file) ? "remote" : "local")).ToLowerInvariant());
            if (file != null) yield return new KeyValuePair<string, object>("file", file);
            if (category != null) yield return new KeyValuePair<string, object>("category", category.Value);
            if (language != null) yield return new KeyValuePair<string, object>("language", language);
        }

        static bool IsUrl(string file) =>
            Uri.TryCreate(file, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

        /// <summary>
        /// The storage location the input already gives when -StorageLocation does not: -Property's, else the piped
        /// row's, so that a file bound from a row is not given a guessed location over the row's own.
        /// </summary>
        static string LocationGiven(string storageLocation, System.Collections.IDictionary property, PSObject row)
        {
            if (storageLocation != null) return storageLocation;
            if (property != null)
                foreach (System.Collections.DictionaryEntry e in property)
                    if (string.Equals(e.Key as string, "storageLocation", StringComparison.OrdinalIgnoreCase) && e.Value != null) return e.Value.ToString();
            return Base.PSConvert.PropertiesOf(row)
                .Where(kv => string.Equals(kv.Key, "storageLocation", StringComparison.OrdinalIgnoreCase) && kv.Value != null)
                .Select(kv => kv.Value.ToString()).FirstOrDefault();
        }

        /// <summary>The file name of an uploaded file piped in (Add-MauticFile's Mautic.File: Mautic answers file.name).</summary>
        static string NameOf(PSObject uploaded) =>
            uploaded == null ? null : (uploaded.Properties["name"]?.Value ?? uploaded.Properties["fileName"]?.Value)?.ToString();
    }

    /// <summary>
    /// New-MauticAsset's parameters: the title is also the first positional argument, and the file binds from a piped
    /// row's File or FileName column.
    /// </summary>
    public sealed class NewAssetParameters : AssetParameters
    {
        [Parameter(Position = 0)]
        public new string Title { get => base.Title; set => base.Title = value; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FileName")]
        public new string File { get => base.File; set => base.File = value; }
    }
}
