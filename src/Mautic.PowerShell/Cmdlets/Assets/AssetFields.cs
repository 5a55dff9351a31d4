namespace Mautic.PowerShell.Cmdlets.Assets
{
    /// <summary>What New- and Set-MauticAsset's named parameters send.</summary>
    static class AssetFields
    {
        /// <summary>
        /// The field values. A file goes with its storage location, always: Mautic 5.1 reads "file" only together with
        /// storageLocation on an edit (without it the file is silently ignored, measured), so when -StorageLocation is
        /// not given it is "remote" for an http(s) URL and "local" (a file in Mautic's assets directory) otherwise.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object>> Of(string title, string file, string storageLocation, long? category, string language)
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
        public static string LocationGiven(string storageLocation, System.Collections.IDictionary property, PSObject row)
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
        public static string NameOf(PSObject uploaded) =>
            uploaded == null ? null : (uploaded.Properties["name"]?.Value ?? uploaded.Properties["fileName"]?.Value)?.ToString();
    }
}
