namespace Mautic.Client.Operations
{
    /// <summary>
    /// The media folders (CoreBundle FileApiController, measured on 5.1.0): GET files/{dir} lists a folder
    /// ({files: scandir minus dot files, a JSON object keyed by scandir index, [] when empty}), POST files/{dir}/new
    /// stores every uploaded part under a new random name ({file: {name, link (images only)}}, the last part's),
    /// DELETE files/{dir}/{file}/delete removes one (404 "File does not exist"). {dir} is images or media (the
    /// assets' folder; Mautic 4 called it assets), a subfolder written with dots (images.flags); a folder that does
    /// not exist is a 406, and an upload creates a missing last subfolder.
    /// </summary>
    public sealed class FileService : ClientService
    {
        public const string TypeName = "Mautic.File";
        static readonly Regex Segment = new Regex(@"^[A-Za-z0-9_]+$", RegexOptions.Compiled);
        static readonly Regex DoubledPort = new Regex(@"^(\w+://[^/]*?)(:\d+)\2(?=/)", RegexOptions.Compiled);

        public FileService(MauticClient client) : base(client) { }

        /// <summary>
        /// "images", "media" or "assets" (Mautic 4's name of media), optionally followed by subfolders ("images/flags",
        /// "images\flags" or "images.flags"); returns the folder as the module shows it ("images/flags") and as the
        /// route takes it ("images.flags"). Anything else is an InvalidArgument error naming the value.
        /// </summary>
        public static (string Shown, string Route) Folder(string directory)
        {
            var parts = (directory ?? "").Trim().TrimEnd('/', '\\').Split(new[] { '/', '\\', '.' }, StringSplitOptions.None);
            var root = parts[0].ToLowerInvariant();
            if (root == "assets") root = "media";
            if ((root != "images" && root != "media") || parts.Skip(1).Any(p => !Segment.IsMatch(p)))
                throw new MauticApiException(
                    $"'{directory}' is not a Mautic file folder: use images or media (the assets' files; 'assets' is taken as media), optionally with subfolders of letters, digits and _ (images/flags).",
                    MauticErrorKind.InvalidArgument);
            var rest = parts.Skip(1).ToArray();
            return (string.Join("/", new[] { root }.Concat(rest)), string.Join(".", new[] { root }.Concat(rest)));
        }

        /// <summary>The names in a folder (files and subfolders), in the server's order, as Mautic.File records.</summary>
        public IEnumerable<MauticRecord> List(string directory, CancellationToken ct = default)
        {
            var folder = Folder(directory);
            JToken body;
            try
            {
                body = Client.Send(MauticRequest.Get("files/" + folder.Route), ct).Body;
            }
            catch (MauticApiException e) when (e.StatusCode == 406 && (e.MauticMessage ?? "").Contains("doesn't exist"))
            {
                throw new MauticApiException($"There is no folder {folder.Shown} on the server: {e.MauticMessage}", MauticErrorKind.NotFound, e) { StatusCode = 406, Method = e.Method, Url = e.Url };
            }
            return MauticJson.Map(body?["files"]).Select(kv => Record(folder.Shown, kv.Value?.ToString(), null, null, null)).ToList();
        }

        /// <summary>
        /// Uploads one local file, streamed from disk, to a folder; Mautic stores it under a new random name (the
        /// extension it detects from the content, else the file's own). The record carries that name as File (what
        /// New-MauticAsset -File takes), the Link Mautic gave (images only; its doubled port repaired), the
        /// local SourcePath and the Length sent.
        /// </summary>
        public MauticRecord Upload(string directory, string path, Action<long, long?> progress = null, CancellationToken ct = default)
        {
            var folder = Folder(directory);
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new MauticApiException($"The file to upload does not exist: {path}", MauticErrorKind.NotFound);
            var request = new MauticRequest(System.Net.Http.HttpMethod.Post, "files/" + folder.Route + "/new")
            {
                Upload = new MauticUpload(info.FullName, "file", AsciiName(info.Name)),
                Progress = progress,
            };
            // A body over PHP's post_max_size is dropped before Mautic runs, which then answers as if no file was sent:
            // 200 {"file":[]} on 5.1.0, 406 "File was not found in the request." on 7.0.0 (both measured with 70 MB). The
            // module always sends the file part, so for a file over PHP's smallest default limit (upload_max_filesize =
            // 2M) that is the likely reason.
            var size = (info.Length / 1048576.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
            MauticApiException TooLarge(Exception inner) => new MauticApiException(
                $"Mautic stored nothing from the upload of {info.Name} ({size}) to {folder.Shown}: it answered that no file arrived, which is what it answers when a file is larger than the server takes " +
                "(PHP's upload_max_filesize and post_max_size in the server's php.ini). Nothing was saved; upload a smaller file or raise those limits.", MauticErrorKind.LimitsExceeded, inner);
            JObject file;
            try { file = Client.Send(request, ct).Body?["file"] as JObject; }
            catch (MauticApiException e) when (e.StatusCode == 406 && info.Length > 2L * 1024 * 1024 && (e.MauticMessage ?? "").Contains("not found in the request"))
            {
                throw TooLarge(e);
            }
            var name = file?["name"]?.ToString();
            if (string.IsNullOrEmpty(name))
            {
                if (info.Length > 2L * 1024 * 1024) throw TooLarge(null);
                throw new MauticApiException($"Mautic accepted the upload of {info.Name} ({size}) to {folder.Shown} but named no stored file; the file field was not found in the request.", MauticErrorKind.Protocol);
            }
            var link = file["link"]?.ToString();
            return Record(folder.Shown, name, link == null ? null : DoubledPort.Replace(link, "$1$2"), info.FullName, info.Length);
        }

        /// <summary>Deletes one file of a folder and returns it as a Mautic.File; a name that is not there is a NotFound error naming it.</summary>
        public MauticRecord Delete(string directory, string name, CancellationToken ct = default)
        {
            var folder = Folder(directory);
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name == "." || name == "..")
                throw new MauticApiException($"'{name}' is not a file name (no folders: put them in -Directory).", MauticErrorKind.InvalidArgument);
            try
            {
                Client.Send(MauticRequest.Delete("files/" + folder.Route + "/" + Uri.EscapeDataString(name) + "/delete"), ct);
                return Record(folder.Shown, name, null, null, null);
            }
            catch (MauticApiException e) when (e.StatusCode == 404)
            {
                throw new MauticApiException($"There is no file '{name}' in {folder.Shown}.", MauticErrorKind.NotFound, e) { StatusCode = 404, Method = e.Method, Url = e.Url };
            }
        }

        /// <summary>
        /// Why an asset payload's local file cannot be sent, or null: a local asset's file is a name in Mautic's assets
        /// folder (what Add-MauticFile -Directory media stored). Mautic 5.1.0 accepts a name with '..' or '/' as long as
        /// the file exists relative to that folder (measured: file '../../config/local.php' made an asset serving
        /// Mautic's own configuration, database password included), so a name that leaves the folder is refused before sending.
        /// </summary>
        public static string AssetFileProblem(MauticPayload payload)
        {
            var location = Convert.ToString(payload?["storageLocation"], System.Globalization.CultureInfo.InvariantCulture);
            var file = Convert.ToString(payload?["file"], System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(file) || !string.Equals(location, "local", StringComparison.OrdinalIgnoreCase)) return null;
            // A subfolder (sub/file.pdf, as Add-MauticFile -Directory media/sub stores it) is allowed; what would leave
            // the folder or name none is not: '..' or '.', a leading '/', '//', '\\', ':' (a URL, a drive) or control characters.
            if (file.IndexOfAny(new[] { '\\', ':' }) >= 0 || file.Any(char.IsControl) || file.Split('/').Any(p => p.Length == 0 || p == "." || p == ".."))
                return $"'{file}' is not a file name in Mautic's assets folder: a local asset names a file there (as Add-MauticFile -Directory media stored it), without '..', a leading '/' or a URL; nothing was sent.";
            return null;
        }

        static MauticRecord Record(string folder, string name, string link, string source, long? length)
        {
            var r = new MauticRecord(TypeName);
            r["File"] = name;
            r["Directory"] = folder;
            r["Link"] = link;
            if (source != null)
            {
                r["SourcePath"] = source;
                r["Length"] = length;
            }
            return r;
        }

        /// <summary>Header values must be ASCII; Mautic keeps only the extension of the name anyway.</summary>
        static string AsciiName(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (var ch in name) sb.Append(ch < 32 || ch > 126 ? '_' : ch);
            return sb.ToString();
        }
    }
}
