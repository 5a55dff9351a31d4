using System.Runtime.CompilerServices;

namespace Mautic.FakeServer;

/// <summary>
/// The files a fake Mautic has in its assets directory (Mautic 5.x: the files API's "media" directory), name =&gt;
/// size in bytes. The assets area keeps this state itself (the files routes are another area's): a test seeds a file
/// with <see cref="AddFile"/> as if it had been uploaded; a deleted local asset removes its file, as Mautic does.
/// </summary>
public static class FakeAssetFiles
{
    static readonly ConditionalWeakTable<FakeState, Dictionary<string, long>> Dirs = new();

    /// <summary>The directory of one fake server (use under <see cref="FakeState.Sync"/>).</summary>
    public static Dictionary<string, long> Of(FakeState s) => Dirs.GetValue(s, _ => new Dictionary<string, long>(StringComparer.Ordinal));

    public static void AddFile(FakeState s, string name, long size)
    {
        lock (s.Sync) Of(s)[name] = size;
    }
}

/// <summary>
/// Assets (AssetBundle AssetApiController): the hooks of <see cref="FakeAreas.Assets"/> (the ten standard routes come
/// from the row). Measured on a real Mautic 5.1.0; see README.md.
/// </summary>
static partial class Routes
{
    /// <summary>The fake's site_url, the start of every downloadUrl (a real Mautic uses its configured one).</summary>
    internal const string AssetSiteUrl = "http://localhost";

    /// <summary>Mautic's own asset properties: never read from a payload.</summary>
    static readonly string[] AssetOwn = ["path", "extension", "mime", "size", "downloadCount", "uniqueDownloadCount", "revision", "downloadUrl"];

    /// <summary>
    /// A mime type by extension. A real Mautic asks the remote server (HEAD) for a remote file's type and reads a
    /// local file's; the fake guesses from the extension (assumed: "" when it does not know it, as Mautic shows when
    /// the remote server does not answer).
    /// </summary>
    static string MimeOf(string? extension) => extension?.ToLowerInvariant() switch
    {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "zip" => "application/zip",
        "html" or "htm" or "php" => "text/html; charset=UTF-8",
        _ => "",
    };

    static string? ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? null : name[(dot + 1)..];
    }

    /// <summary>The file name of a URL's path ("doc.PDF" for http://h/doc.PDF?x=1), which gives the extension.</summary>
    static string UrlFileName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? Path.GetFileName(Uri.UnescapeDataString(u.AbsolutePath)) : Path.GetFileName(url);

    /// <summary>
    /// AssetApiController::prepareParametersForBinding, measured on 5.1.0. A create is first given the entity's
    /// defaults (storageLocation local, language en, disallow true). Then a "file" is read with the storageLocation
    /// sent: local needs the file in the assets directory ("File x was not found in the asset directory.") and takes
    /// its extension, mime and size on create (an edit keeps the old ones, measured); remote makes it the remotePath,
    /// the extension comes from the URL, the size is -1, and an edit without a title renames the asset after the URL's
    /// file name (query included). A file with no or another storageLocation is dropped silently on an edit. A create without a file is
    /// "File of the asset is required.".
    /// </summary>
    internal static string? AssetBinding(FakeState s, Entity asset, JsonObject payload, bool isNew)
    {
        foreach (var own in AssetOwn) payload.Remove(own);
        if (isNew)
        {
            payload.TryAdd("storageLocation", "local");
            payload.TryAdd("language", "en");
            payload.TryAdd("disallow", true);
        }
        if (!payload.TryGetPropertyValue("file", out var fileNode) || fileNode == null)
            return isNew ? "File of the asset is required." : null;
        var file = fileNode.ToString();
        payload.Remove("file");
        switch (payload["storageLocation"]?.ToString())
        {
            case "local":
                if (!FakeAssetFiles.Of(s).TryGetValue(file, out var size)) return $"File {file} was not found in the asset directory.";
                payload["path"] = file;
                if (isNew)
                {
                    payload["extension"] = ExtensionOf(file);
                    payload["mime"] = MimeOf(ExtensionOf(file));
                    payload["size"] = size;
                }
                break;
            case "remote":
                var name = UrlFileName(file);
                payload["remotePath"] = file;
                payload["extension"] = ExtensionOf(name);
                payload["mime"] = MimeOf(ExtensionOf(name));
                payload["size"] = -1;
                // PHP's basename() of the whole URL: the query stays ("index.php?v=3", measured).
                if (!isNew) payload.TryAdd("title", file[(file.LastIndexOf('/') + 1)..]);
                break;
        }
        return null;
    }

    /// <summary>
    /// The asset's own checks (Asset::validateFile and the remotePath's Url constraint), measured: a remotePath must be
    /// an http(s) URL ("The remote should be a valid URL."); a new local asset without a file is "tempName: A file must
    /// be uploaded before Asset is saved when local storage is selected." (seen with an unknown storageLocation); a
    /// local asset without a title is "title: Assset Title is required." (sic); a new remote one is Mautic's generic
    /// 500 (NOT NULL). These entity checks show only when the language passed the form (measured: a batch item whose
    /// file was refused answers only "language: A value is required.").
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ValidateAsset(FakeState s, Entity asset, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        string? Merged(string field) => payload.TryGetPropertyValue(field, out var n) ? n?.ToString() : asset.Text(field);
        if (Merged("remotePath") is string remote && remote.Length > 0
            && !(Uri.TryCreate(remote, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.Host.Length > 0))
            errors["remotePath"] = "The remote should be a valid URL.";
        if (string.IsNullOrEmpty(Merged("language")) || !PageLanguages.Contains(Merged("language"))) return errors;
        var remoteStorage = Merged("storageLocation") == "remote";
        if (!remoteStorage && isNew && string.IsNullOrEmpty(Merged("path")))
            errors["tempName"] = "A file must be uploaded before Asset is saved when local storage is selected.";
        if (string.IsNullOrEmpty(Merged("title")))
        {
            if (remoteStorage && errors.Count == 0) throw new ServerError(null);
            if (!remoteStorage) errors["title"] = "Assset Title is required.";
        }
        return errors;
    }

    /// <summary>Before a save: the alias (from the alias sent or the title, unique among assets; PUT makes it again) and the revision.</summary>
    internal static void AssetSave(FakeState s, Entity asset)
    {
        var others = s.Stores["assets"].Rows.Values.Where(o => o != asset && o.Id != asset.Id).Select(o => o.Text("alias") ?? "");
        asset.Values["alias"] = Alias(asset.Text("alias") ?? asset.Text("title") ?? "", others);
        asset.Values["revision"] = asset.Id == 0 ? 1L : (asset["revision"] as long? ?? 1L) + 1;
    }

    /// <summary>Deleting a local asset deletes its file from the assets directory (measured, single and batch delete).</summary>
    internal static void AssetDeleted(FakeState s, Entity asset)
    {
        if (asset.Text("storageLocation") == "local" && asset.Text("path") is string path) FakeAssetFiles.Of(s).Remove(path);
    }

    /// <summary>The record in Mautic's order; downloadUrl is {site_url}/asset/{id}:{alias} ("/asset/:alias" once deleted).</summary>
    internal static JsonObject RenderAsset(FakeState s, Entity asset, RenderMode mode)
    {
        var flat = RenderFlat(s, FakeAreas.Assets, asset, mode);
        var o = new JsonObject();
        foreach (var k in new[] { "isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id",
                     "title", "alias", "category", "description", "language", "publishUp", "publishDown", "downloadCount", "uniqueDownloadCount" })
            o[k] = flat[k]?.DeepClone();
        o["revision"] = asset["revision"] as long? ?? 1L;
        o["extension"] = flat["extension"]?.DeepClone();
        o["mime"] = flat["mime"]?.DeepClone();
        o["size"] = flat["size"]?.DeepClone();
        var id = mode == RenderMode.Deleted ? "" : asset.Id.ToString(CultureInfo.InvariantCulture);
        o["downloadUrl"] = $"{AssetSiteUrl}/asset/{id}:{asset.Text("alias")}";
        o["storageLocation"] = flat["storageLocation"]?.DeepClone();
        o["disallow"] = flat["disallow"]?.DeepClone();
        return o;
    }
}
