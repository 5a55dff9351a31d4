using System.IO.Compression;
using System.Security.Cryptography;

namespace Mautic.FakeServer;

/// <summary>
/// The media folders (images, media) and the themes as Mautic 5.1.0 keeps them on disk, in memory. Shapes and
/// messages measured on a real 5.1.0 and read from FileApiController / ThemeApiController / ThemeHelper; see
/// README.md, "Files and themes".
/// </summary>
public sealed class MediaData
{
    /// <summary>Folder path ("images", "images/flags", "media") to its entries: file name to bytes, a subfolder to null.</summary>
    public readonly Dictionary<string, SortedDictionary<string, byte[]?>> Folders = new()
    {
        // Each root holds one dot file (the real server lists its first file at index 3): scandir shows it, the API hides it.
        ["images"] = new(StringComparer.Ordinal) { [".htaccess"] = Array.Empty<byte>() },
        ["media"] = new(StringComparer.Ordinal) { [".htaccess"] = Array.Empty<byte>() },
    };

    /// <summary>Installed themes by key (folder name).</summary>
    public readonly SortedDictionary<string, FakeTheme> Themes = new(StringComparer.Ordinal);

    /// <summary>Bytes of every file part the upload routes received, in order (for tests: streamed and complete?).</summary>
    public readonly List<(string Route, string FileName, long Length, string Sha256)> Received = new();

    public MediaData()
    {
        foreach (var (key, config) in Routes.BuiltInThemes)
        {
            var c = JsonNode.Parse(config)!.AsObject();
            Themes[key] = new FakeTheme(key, c, Routes.ThemeFiles(c), builtIn: true);
        }
    }
}

/// <summary>An installed theme: its config.json, its files and, for Mautic's own, whether it is hidden.</summary>
public sealed class FakeTheme(string key, JsonObject config, Dictionary<string, byte[]> files, bool builtIn)
{
    public string Key { get; } = key;
    public JsonObject Config { get; set; } = config;
    public Dictionary<string, byte[]> Files { get; } = files;
    public bool BuiltIn { get; } = builtIn;
    public bool Hidden { get; set; }
}

static partial class Routes
{
    /// <summary>Mautic 5.1.0's themes and their config.json, as GET /api/themes lists them on a fresh install.</summary>
    internal static readonly (string Key, string Config)[] BuiltInThemes =
    [
        ("aurora", """{"name":"Aurora","author":"Mautic","authorUrl":"http://www.mautic.com","features":["email"],"builder":["legacy"]}"""),
        ("blank", """{"name":"Blank","author":"Mautic team","authorUrl":"https://mautic.org","builder":["legacy","grapesjsbuilder"],"features":["page","email","form"]}"""),
        ("brienz", """{"name":"Brienz","author":"Mautic team","authorUrl":"https://mautic.org","builder":["grapesjsbuilder"],"features":["email"]}"""),
        ("cards", """{"name":"Cards","author":"Mautic","authorUrl":"http://www.mautic.com","features":["email"],"builder":["legacy"]}"""),
        ("confirmme", """{"name":"Confirm Me","author":"Mautic team","authorUrl":"https://mautic.org","builder":["grapesjsbuilder"],"features":["email"]}"""),
        ("fresh-center", """{"name":"Fresh - Center Form","author":"Mautic","authorUrl":"http://www.mautic.com","features":["page"],"builder":["legacy"]}"""),
        ("fresh-fixed", """{"name":"Fresh - Fixed Form","author":"Mautic","authorUrl":"http://www.mautic.com","features":["page"],"builder":["legacy"]}"""),
        ("fresh-left", """{"name":"Fresh - Left Form","author":"Mautic","authorUrl":"http://www.mautic.com","features":["page"],"builder":["legacy"]}"""),
        ("fresh-wide", """{"name":"Fresh - Wide Form","author":"Mautic","authorUrl":"http://www.mautic.com","features":["page"],"builder":["legacy"]}"""),
        ("goldstar", """{"name":"Goldstar","author":"Mautic team based on a theme by Sendwithus","authorUrl":"https://www.sendwithus.com/resources/templates/goldstar","features":["email","form"],"builder":["legacy"]}"""),
        ("neopolitan", """{"name":"Neopolitan","author":"Mautic team based on a theme by Sendwithus","authorUrl":"https://www.sendwithus.com/resources/templates/neopolitan","features":["page","email","form"],"builder":["legacy"]}"""),
        ("oxygen", """{"name":"Oxygen","author":"Mautic team based on a theme by Sendwithus","authorUrl":"https://www.sendwithus.com/resources/templates/oxygen","features":["page","email","form"],"builder":["legacy"]}"""),
        ("paprika", """{"name":"Paprika","author":"Mautic team","authorUrl":"https://mautic.org","builder":["grapesjsbuilder"],"features":["email"]}"""),
        ("skyline", """{"name":"Skyline","author":"Mautic team based on a theme by Sendwithus","authorUrl":"https://www.sendwithus.com/resources/templates/skyline","features":["page","email","form"],"builder":["legacy"]}"""),
        ("sparse", """{"name":"Sparse","author":"Mautic","authorUrl":"http://www.mautic.com","features":["email"],"builder":["legacy"]}"""),
        ("sunday", """{"name":"Sunday","author":"Mautic team based on a theme by Sendwithus","authorUrl":"https://www.sendwithus.com/resources/templates/sunday","features":["page","email","form"],"builder":["legacy"]}"""),
        ("trulypersonal", """{"name":"Truly Personal","author":"Mautic team","authorUrl":"https://mautic.org","builder":["grapesjsbuilder"],"features":["email"]}"""),
        ("vibrant", """{"name":"Vibrant","author":"Mautic","authorUrl":"http://www.mautic.com","features":["email"],"builder":["legacy"]}"""),
    ];

    /// <summary>A built-in theme's files, generated: config.json, html/message.html.twig, html/base.html.twig and one template per feature.</summary>
    internal static Dictionary<string, byte[]> ThemeFiles(JsonObject config)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["config.json"] = Encoding.UTF8.GetBytes(config.ToJsonString()),
            ["html/message.html.twig"] = Encoding.UTF8.GetBytes("{% extends '@themes/' ~ template ~ '/html/base.html.twig' %}\n{% block content %}{{ message|raw }}{% endblock %}\n"),
            ["html/base.html.twig"] = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>{{ title }}</title></head><body>{% block content %}{% endblock %}</body></html>\n"),
        };
        foreach (var f in Strings(config["features"]))
            files[$"html/{f}.html.twig"] = Encoding.UTF8.GetBytes($"{{# {f} template of {config["name"]} #}}\n<div>{{{{ content|raw }}}}</div>\n");
        return files;
    }

    static IEnumerable<string> Strings(JsonNode? n) => n is JsonArray a ? a.Select(x => x?.ToString() ?? "") : [];

    /// <summary>Symfony's default allowed_extensions (CoreBundle config), which the file upload checks.</summary>
    static readonly string[] AllowedExtensions = ["csv", "doc", "docx", "epub", "gif", "jpg", "jpeg", "mpg", "mpeg", "mp3", "odt", "odp", "ods", "pdf", "png", "ppt", "pptx", "tif", "tiff", "txt", "xls", "xlsx", "wav"];

    static void MapFilesThemes(WebApplication app, FakeState s)
    {
        app.MapGet("/api/files/{dir}", ctx => Locked(s, () => ListFiles(ctx, s)));
        app.MapPost("/api/files/{dir}/new", ctx => UploadFile(ctx, s));
        app.MapDelete("/api/files/{dir}/{file}/delete", ctx => Locked(s, () => DeleteFile(ctx, s)));
        app.MapGet("/api/themes", ctx => Locked(s, () => Json(ctx, 200, new JsonObject { ["themes"] = ThemeList(s) })));
        app.MapGet("/api/themes/{theme}", ctx => ThemeZip(ctx, s));
        app.MapPost("/api/themes/new", ctx => InstallTheme(ctx, s));
        app.MapDelete("/api/themes/{theme}/delete", ctx => Locked(s, () => DeleteTheme(ctx, s)));
    }

    // ---------- files ----------

    /// <summary>
    /// FileApiController::getAbsolutePath: {dir} keeps letters, digits, _ and '.'; dots are subfolders unless ?subdir=
    /// is given; only images and media exist (406 otherwise); a missing subfolder is a 406, or is created (one level)
    /// for an upload. Returns the folder key, or writes the error and returns null.
    /// </summary>
    static string? Folder(HttpContext ctx, FakeState s, bool create, out Task? error)
    {
        error = null;
        var dir = Regex.Replace((string)ctx.Request.RouteValues["dir"]!, @"[^A-Za-z0-9_.]", "");
        var subdir = Regex.Replace(ctx.Request.Query["subdir"].FirstOrDefault() ?? "", @"[^A-Za-z0-9/]", "").Trim();
        if (dir.Contains('.') && subdir.Length == 0)
        {
            var parts = dir.Split('.');
            dir = parts[0];
            subdir = string.Join("/", parts.Skip(1));
        }
        if (dir != "images" && dir != "media")
        {
            error = ApiError(ctx, 406, $"{dir} not found. Only media or images options are possible.");
            return null;
        }
        var key = subdir.Length == 0 ? dir : dir + "/" + subdir.Trim('/');
        if (s.Media.Folders.ContainsKey(key)) return key;
        var parent = key[..key.LastIndexOf('/')];
        if (!create)
        {
            error = ApiError(ctx, 406, $"{subdir} doesn't exist in the {dir} dir.");
            return null;
        }
        if (!s.Media.Folders.TryGetValue(parent, out var up))
        {
            error = ApiError(ctx, 500, $"{dir}/{subdir} subdirectory could not be created.");
            return null;
        }
        up[key[(key.LastIndexOf('/') + 1)..]] = null;
        s.Media.Folders[key] = new SortedDictionary<string, byte[]?>(StringComparer.Ordinal);
        return key;
    }

    /// <summary>scandir order ('.', '..', then byte order) with every dot entry removed: a PHP map keyed by scandir index, [] when empty.</summary>
    static Task ListFiles(HttpContext ctx, FakeState s)
    {
        var folder = Folder(ctx, s, create: false, out var error);
        if (folder == null) return error!;
        var names = new[] { ".", ".." }.Concat(s.Media.Folders[folder].Keys.OrderBy(k => k, StringComparer.Ordinal)).ToList();
        var shown = names.Select((n, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Name: n)).Where(e => !e.Name.StartsWith('.'))
            .Select(e => (e.Key, (JsonNode?)JsonValue.Create(e.Name))).ToList();
        return Json(ctx, 200, new JsonObject { ["files"] = shown.Count == 0 ? new JsonArray() : PhpMap(shown) });
    }

    /// <summary>
    /// Every file part of the form, whatever its field name, is stored as md5(uniqid()).ext (ext from the content's
    /// type as Symfony guesses it, else the client's extension; 406 when not allowed); the answer names the last.
    /// No file part: 200 {"file":[]}. The link of an images upload repeats the port (host:port:port) and leaves out
    /// the subfolder, as 5.1.0 builds it.
    /// </summary>
    static async Task UploadFile(HttpContext ctx, FakeState s)
    {
        // PHP drops a request body over post_max_size (64M on the test servers, set by their start.sh) before Mautic
        // runs: Mautic then sees no file and answers 200 {"file":[]} (measured on 5.1.0 with 70 MB).
        // (The request log's middleware, Routes.Map, has already read and dropped such a body.)
        // 5.1.0 then answers 200 {"file":[]}, 7.0.0 406 "File was not found in the request." (both measured with 70 MB).
        if (ctx.Request.ContentLength > PostMaxSize)
        {
            if (s.IsV7) await ApiError(ctx, 406, "File was not found in the request.");
            else await Json(ctx, 200, new JsonObject { ["file"] = new JsonArray() });
            return;
        }
        IFormCollection? form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync(ctx.RequestAborted) : null;
        var uploads = new List<(string Name, byte[] Bytes)>();
        foreach (var f in form?.Files ?? (IReadOnlyList<IFormFile>)Array.Empty<IFormFile>())
        {
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ctx.RequestAborted);
            uploads.Add((f.FileName, ms.ToArray()));
        }
        Task reply;
        lock (s.Sync) reply = StoreUploads(ctx, s, uploads);
        await reply;
    }

    /// <summary>PHP's post_max_size on the test servers (their start.sh: -d post_max_size=64M).</summary>
    internal const long PostMaxSize = 64L * 1024 * 1024;

    static Task StoreUploads(HttpContext ctx, FakeState s, List<(string Name, byte[] Bytes)> uploads)
    {
        {
            var folder = Folder(ctx, s, create: true, out var error);
            if (folder == null) return error!;
            var file = new JsonObject();
            foreach (var (name, bytes) in uploads)
            {
                var ext = GuessExtension(bytes) ?? (Path.GetExtension(name) is { Length: > 1 } e ? e[1..] : "");
                if (!AllowedExtensions.Contains(ext, StringComparer.Ordinal))
                {
                    return ApiError(ctx, 406, "The uploaded file can have only these extensions: " + string.Join(",", AllowedExtensions) + ".");
                }
                var stored = Convert.ToHexString(MD5.HashData(Guid.NewGuid().ToByteArray())).ToLowerInvariant() + "." + ext;
                s.Media.Folders[folder][stored] = bytes;
                s.Media.Received.Add((ctx.Request.Path.Value!, name, bytes.LongLength, Convert.ToHexString(SHA256.HashData(bytes))));
                if (folder.StartsWith("images", StringComparison.Ordinal))
                    file["link"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}:{ctx.Request.Host.Port}/media/images/{stored}";
                file["name"] = stored;
            }
            return Json(ctx, 200, new JsonObject { ["file"] = file.Count == 0 ? new JsonArray() : file });
        }
    }

    /// <summary>The extension Symfony's MIME guesser gives the common types, from the first bytes; null when it would not know.</summary>
    static string? GuessExtension(byte[] b)
    {
        bool Starts(params byte[] magic) => b.Length >= magic.Length && magic.Select((m, i) => b[i] == m).All(x => x);
        if (Starts(0x89, 0x50, 0x4E, 0x47)) return "png";
        if (Starts(0xFF, 0xD8, 0xFF)) return "jpg";
        if (Starts(0x47, 0x49, 0x46, 0x38)) return "gif";
        if (Starts(0x25, 0x50, 0x44, 0x46)) return "pdf";
        if (Starts(0x50, 0x4B, 0x03, 0x04)) return "zip";
        if (b.Length > 0 && b.Take(512).All(x => x == 9 || x == 10 || x == 13 || (x >= 32 && x < 127))) return "txt";
        return null;
    }

    static Task DeleteFile(HttpContext ctx, FakeState s)
    {
        var folder = Folder(ctx, s, create: false, out var error);
        if (folder == null) return error!;
        var name = Path.GetFileName((string)ctx.Request.RouteValues["file"]!);
        var entries = s.Media.Folders[folder];
        if (!entries.TryGetValue(name, out var bytes)) return ApiError(ctx, 404, "File does not exist");
        if (bytes == null) return Oops(ctx, 500);   // PHP's unlink() of a folder fails
        entries.Remove(name);
        return Json(ctx, 200, new JsonObject { ["success"] = true });
    }

    // ---------- themes ----------

    /// <summary>{key: {name, key, config, visibility: {hidden} only for Mautic's own}}, in folder-name order.</summary>
    static JsonNode ThemeList(FakeState s)
    {
        var o = new JsonObject();
        foreach (var t in s.Media.Themes.Values)
        {
            var config = t.Config.DeepClone().AsObject();
            if (config["builder"] is not JsonArray) config["builder"] = new JsonArray("legacy");
            var entry = new JsonObject { ["name"] = t.Config["name"]?.DeepClone(), ["key"] = t.Key, ["config"] = config };
            if (t.BuiltIn) entry["visibility"] = new JsonObject { ["hidden"] = t.Hidden };
            o[t.Key] = entry;
        }
        return o;
    }

    /// <summary>
    /// The theme folder zipped (a BinaryFileResponse: application/zip, attachment tmp_{theme}.zip, Content-Length,
    /// no Mautic-Version header). An unknown theme is a 500 naming the folder path.
    /// </summary>
    static async Task ThemeZip(HttpContext ctx, FakeState s)
    {
        var key = (string)ctx.Request.RouteValues["theme"]!;
        byte[] zip = [];
        Task? missing = null;
        lock (s.Sync)
        {
            if (!s.Media.Themes.TryGetValue(key, out var theme))
                missing = ApiError(ctx, 500, $"The \"/var/www/html/themes/{key}\" directory does not exist.");
            else
            {
            using var ms = new MemoryStream();
            using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
                foreach (var (path, bytes) in theme.Files)
                {
                    using var w = archive.CreateEntry(path).Open();
                    w.Write(bytes);
                }
            zip = ms.ToArray();
            }
        }
        if (missing != null) { await missing; return; }
        ctx.Response.Headers.Remove("Mautic-Version");
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/zip";
        ctx.Response.Headers.ContentDisposition = $"attachment; filename=tmp_{key}.zip";
        ctx.Response.ContentLength = zip.Length;
        await ctx.Response.Body.WriteAsync(zip, ctx.RequestAborted);
    }

    /// <summary>
    /// ThemeApiController::newAction + ThemeHelper::install: multipart field 'file' (none: the generic 500), a .zip
    /// client name (400 otherwise), the theme named after the file; a built-in name, an unreadable zip or missing
    /// config.json / html/message.html.twig / html/{feature}.html.twig are 500s with Mautic's messages. The files
    /// are extracted over any theme of that name.
    /// </summary>
    static async Task InstallTheme(HttpContext ctx, FakeState s)
    {
        var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync(ctx.RequestAborted) : null;
        var upload = form?.Files.GetFile("file");
        if (upload == null) { await Oops(ctx, 500); return; }
        var ext = Path.GetExtension(upload.FileName) is { Length: > 1 } e ? e[1..] : "";
        if (ext != "zip") { await ApiError(ctx, 400, $"{ext} is not an allowed file extension"); return; }
        var key = Path.GetFileNameWithoutExtension(Regex.Replace(upload.FileName, @"[^A-Za-z0-9_.\-]", ""));
        using var ms = new MemoryStream();
        await upload.CopyToAsync(ms, ctx.RequestAborted);
        var bytes = ms.ToArray();
        Task reply;
        lock (s.Sync) reply = Install(ctx, s, upload.FileName, key, bytes);
        await reply;
    }

    static Task Install(HttpContext ctx, FakeState s, string fileName, string key, byte[] bytes)
    {
        {
            s.Media.Received.Add((ctx.Request.Path.Value!, fileName, bytes.LongLength, Convert.ToHexString(SHA256.HashData(bytes))));
            if (s.Media.Themes.TryGetValue(key, out var old) && old.BuiltIn)
            {
                return ApiError(ctx, 500, $"{key} is the default theme and therefore cannot be overwritten.");
            }
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            try
            {
                using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
                foreach (var entry in archive.Entries.Where(x => !x.FullName.EndsWith('/')))
                {
                    using var r = entry.Open();
                    using var copy = new MemoryStream();
                    r.CopyTo(copy);
                    files[entry.FullName.TrimStart('/')] = copy.ToArray();
                }
            }
            catch (InvalidDataException)
            {
                return ApiError(ctx, 500, "The ZIP archive does not seem to be valid. Please check your cache directory and delete the package then try again.");
            }
            JsonObject? config = null;
            try { config = files.TryGetValue("config.json", out var c) ? JsonNode.Parse(c) as JsonObject : null; }
            catch (System.Text.Json.JsonException) { }
            var required = new List<string> { "config.json", "html/message.html.twig" };
            required.AddRange(Strings(config?["features"]).Select(f => $"html/{f.ToLowerInvariant()}.html.twig"));
            var missing = required.Where(r => !files.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                return ApiError(ctx, 500, "The theme you tried to install is missing the following required files and thus could not be installed: " + string.Join(", ", missing));
            }
            if (old != null) foreach (var (p, b) in old.Files) files.TryAdd(p, b);
            s.Media.Themes[key] = new FakeTheme(key, config!, files, builtIn: false);
            return Json(ctx, 200, new JsonObject { ["success"] = true });
        }
    }

    /// <summary>A theme not installed is a 500 "{theme} not found!"; a built-in one is only hidden (visibility.hidden).</summary>
    static Task DeleteTheme(HttpContext ctx, FakeState s)
    {
        var key = (string)ctx.Request.RouteValues["theme"]!;
        if (!s.Media.Themes.TryGetValue(key, out var theme)) return ApiError(ctx, 500, $"{key} not found!");
        if (theme.BuiltIn) theme.Hidden = true;
        else s.Media.Themes.Remove(key);
        return Json(ctx, 200, new JsonObject { ["success"] = true });
    }
}
