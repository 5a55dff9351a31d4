namespace Mautic.Client.Operations
{
    /// <summary>
    /// Themes (CoreBundle ThemeApiController, measured on 5.1.0): GET themes lists them ({themes: {key: {name, key,
    /// config, visibility (built-in themes only)}}}); GET themes/{key} answers the theme folder as a zip attachment;
    /// POST themes/new installs the zip of multipart field 'file' under its file name ({success: true}; a name that
    /// exists is overwritten, a built-in one refused); DELETE themes/{key}/delete removes a theme (a built-in one is only
    /// hidden). An unknown key is Mautic's 500 for get and delete; this service checks the list and answers NotFound.
    /// </summary>
    public sealed class ThemeService : ClientService
    {
        public const string TypeName = "Mautic.Theme";
        static readonly Regex KeyRule = new Regex(@"^[A-Za-z0-9_-]+$", RegexOptions.Compiled);

        public ThemeService(MauticClient client) : base(client) { }

        /// <summary>
        /// Every installed theme as a Mautic.Theme: Name (the key every route takes), Title (the display name),
        /// Author, AuthorUrl, Features, Builder, BuiltIn and Hidden (a built-in theme hidden from the builders).
        /// </summary>
        public IReadOnlyList<MauticRecord> List(CancellationToken ct = default)
        {
            var body = Client.Send(MauticRequest.Get("themes"), ct).Body;
            return MauticJson.Map(body?["themes"]).Select(kv => Record(kv.Key, kv.Value as JObject)).ToList();
        }

        /// <summary>The installed theme of that key, or null.</summary>
        public MauticRecord Find(string name, CancellationToken ct = default) =>
            List(ct).FirstOrDefault(t => string.Equals((string)t["Name"], name, StringComparison.Ordinal));

        /// <summary>
        /// Downloads a theme's zip to <paramref name="target"/> (streamed; the file appears only when complete and
        /// replaces one there); returns the bytes written.
        /// </summary>
        public long Download(string name, string target, Action<long, long?> progress = null, CancellationToken ct = default)
        {
            CheckName(name);
            try
            {
                var response = Client.Send(new MauticRequest(System.Net.Http.HttpMethod.Get, "themes/" + name) { DownloadTo = target, Progress = progress }, ct);
                if (!response.DownloadedBytes.HasValue)
                    throw new MauticApiException($"Mautic answered GET themes/{name} with JSON instead of the theme's zip.", MauticErrorKind.Protocol);
                return response.DownloadedBytes.Value;
            }
            catch (MauticApiException e) when (e.StatusCode == 500)
            {
                throw NotFoundOr(name, e, ct);
            }
        }

        /// <summary>
        /// Installs a theme from a local zip (streamed) under <paramref name="name"/> (default: the zip's file name
        /// without .zip) and returns it as listed afterwards. A built-in theme's name is refused before sending; an
        /// installed one is replaced only with <paramref name="replace"/>.
        /// </summary>
        public MauticRecord Upload(string path, string name = null, bool replace = false, Action<long, long?> progress = null, CancellationToken ct = default)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new MauticApiException($"The theme zip to upload does not exist: {path}", MauticErrorKind.NotFound);
            if (name == null)
            {
                if (!info.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
                    throw new MauticApiException($"A theme is uploaded as a .zip file; {info.Name} is not one (Mautic refuses other extensions).", MauticErrorKind.InvalidArgument);
                name = Path.GetFileNameWithoutExtension(info.Name);
            }
            CheckName(name);
            var existing = Find(name, ct);
            if (existing != null && true.Equals(existing["BuiltIn"]))
                throw new MauticApiException($"'{name}' is one of Mautic's built-in themes, which cannot be overwritten; upload the zip under another name.", MauticErrorKind.InvalidArgument);
            if (existing != null && !replace)
                throw new MauticApiException($"A theme named '{name}' is already installed; use -Force to replace it.", MauticErrorKind.InvalidArgument);
            var request = new MauticRequest(System.Net.Http.HttpMethod.Post, "themes/new")
            {
                Upload = new MauticUpload(info.FullName, "file", name + ".zip"),
                Progress = progress,
            };
            var body = Client.Send(request, ct).Body;
            if (!(MauticJson.ToBool(body?["success"]) ?? false))
                throw new MauticApiException($"Mautic did not install the theme '{name}' (it answered {MauticJson.Snippet(body?.ToString(Newtonsoft.Json.Formatting.None) ?? "nothing")}).", MauticErrorKind.InvalidData);
            return Find(name, ct)
                   ?? throw new MauticApiException($"Mautic said it installed the theme '{name}', but the theme list does not show it (the zip needs config.json and html/message.html.twig).", MauticErrorKind.InvalidData);
        }

        /// <summary>Deletes a theme (Mautic only hides a built-in one); an unknown key is a NotFound error naming it.</summary>
        public void Delete(string name, CancellationToken ct = default)
        {
            CheckName(name);
            try
            {
                Client.Send(MauticRequest.Delete("themes/" + name + "/delete"), ct);
            }
            catch (MauticApiException e) when (e.StatusCode == 500)
            {
                throw NotFoundOr(name, e, ct);
            }
        }

        /// <summary>Mautic answers an unknown theme with a 500 naming its folder path: NotFound when the list lacks it, else the original error.</summary>
        MauticApiException NotFoundOr(string name, MauticApiException e, CancellationToken ct)
        {
            if (Find(name, ct) != null) return e;
            return new MauticApiException($"There is no theme '{name}'; Get-MauticTheme lists the installed ones.", MauticErrorKind.NotFound, e)
                { StatusCode = e.StatusCode, Method = e.Method, Url = e.Url };
        }

        /// <summary>Throws an InvalidArgument error naming <paramref name="name"/> unless it is a theme name (letters, digits, - and _).</summary>
        public static void CheckName(string name)
        {
            if (string.IsNullOrEmpty(name) || !KeyRule.IsMatch(name))
                throw new MauticApiException($"'{name}' is not a theme name: a theme's name (its folder) has letters, digits, - and _ only.", MauticErrorKind.InvalidArgument);
        }

        static MauticRecord Record(string key, JObject theme)
        {
            var config = theme?["config"] as JObject;
            var visibility = theme?["visibility"] as JObject;
            var r = new MauticRecord(TypeName);
            r["Name"] = theme?["key"]?.ToString() ?? key;
            r["Title"] = theme?["name"]?.ToString() ?? config?["name"]?.ToString();
            r["Author"] = config?["author"]?.ToString();
            r["AuthorUrl"] = config?["authorUrl"]?.ToString();
            r["Features"] = Strings(config?["features"]);
            r["Builder"] = Strings(config?["builder"]);
            r["BuiltIn"] = visibility != null;
            r["Hidden"] = MauticJson.ToBool(visibility?["hidden"]) ?? false;
            return r;
        }

        static string[] Strings(JToken t) => MauticJson.Map(t).Select(kv => kv.Value?.ToString()).ToArray();
    }
}
