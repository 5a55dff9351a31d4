using System.IO.Compression;
using System.Net.Http;
using Mautic.Client.Paging;
using Newtonsoft.Json;

namespace Mautic.Client.Operations
{
    /// <summary>The two files a campaign export is kept in.</summary>
    public enum CampaignFileFormat
    {
        /// <summary>The export as Mautic's API answers it: a JSON array of one object per campaign.</summary>
        Json,
        /// <summary>The layout of Mautic's own export download: a zip holding that JSON as entity_data.json.</summary>
        Zip,
    }

    /// <summary>
    /// Mautic 7.0's campaign export and import (CampaignApiController, measured on 7.0.0). GET campaigns/export/{id}
    /// answers JSON only (Accept and ?format are ignored): [{campaign: [{id, name, description, is_published,
    /// canvas_settings, uuid}], campaign_event: [...], dependencies: [...], and the segments, forms, e-mails, ... the
    /// campaign uses}]. POST campaigns/import takes that JSON as the raw body, or exactly one uploaded .zip (any field
    /// name) holding it; it answers 201 ["Import successful: ..."] and names nothing it made. A campaign or event whose
    /// uuid exists is updated in place (and the campaign unpublished); the others are created, unpublished.
    /// </summary>
    public sealed partial class CampaignService
    {
        /// <summary>The JSON's name inside a zip, as Mautic's own export writes it.</summary>
        public const string ZipEntryName = "entity_data.json";

        /// <summary>The format a file name's extension says (.json, .zip), or null.</summary>
        public static CampaignFileFormat? FormatOf(string path)
        {
            var ext = Path.GetExtension(path ?? "");
            if (ext.Equals(".json", StringComparison.OrdinalIgnoreCase)) return CampaignFileFormat.Json;
            if (ext.Equals(".zip", StringComparison.OrdinalIgnoreCase)) return CampaignFileFormat.Zip;
            return null;
        }

        /// <summary>
        /// Exports a campaign (GET campaigns/export/{id}, Mautic 7.0 or later) to <paramref name="target"/>: the JSON
        /// streamed to disk as Mautic sends it, or that JSON in a zip laid out like Mautic's own export (stored
        /// uncompressed: Mautic's import refuses entries compressed more than 10:1). The file appears only when
        /// complete and replaces one there. Returns the bytes of the file written.
        /// </summary>
        public long Export(long campaignId, string target, CampaignFileFormat format = CampaignFileFormat.Json, Action<long, long?> progress = null, CancellationToken ct = default)
        {
            Client.Require(MauticVersions.V7, "Exporting a campaign");
            CheckId(campaignId);
            if (string.IsNullOrEmpty(target)) throw new MauticApiException("The file to export to is not named.", MauticErrorKind.InvalidArgument);
            var route = Resource.Route + "/export/" + campaignId.ToString(CultureInfo.InvariantCulture);
            if (format == CampaignFileFormat.Json) return Download(route, target, progress, ct);

            var full = Path.GetFullPath(target);
            var stem = Path.Combine(Path.GetDirectoryName(full), "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8));
            var json = stem + ".json.partial";
            var zip = stem + ".zip.partial";
            try
            {
                Download(route, json, progress, ct);
                try
                {
                    using (var output = new FileStream(zip, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    using (var archive = new ZipArchive(output, ZipArchiveMode.Create))
                    using (var entry = archive.CreateEntry(ZipEntryName, CompressionLevel.NoCompression).Open())
                    using (var input = File.OpenRead(json))
                        input.CopyTo(entry);
                    if (File.Exists(full)) File.Replace(zip, full, null);
                    else File.Move(zip, full);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new MauticApiException($"Could not write {full}: {e.Message}", MauticErrorKind.InvalidArgument, e);
                }
                return new FileInfo(full).Length;
            }
            finally
            {
                foreach (var f in new[] { json, zip })
                {
                    try { if (File.Exists(f)) File.Delete(f); }
                    catch (IOException) { /* best effort: the name is unique and hidden */ }
                    catch (UnauthorizedAccessException) { }
                }
            }
        }

        long Download(string route, string target, Action<long, long?> progress, CancellationToken ct)
        {
            var response = Client.Send(new MauticRequest(HttpMethod.Get, route) { DownloadTo = target, DownloadJson = true, Progress = progress }, ct);
            return response.DownloadedBytes
                   ?? throw new MauticApiException($"Mautic answered GET {route} without the export.", MauticErrorKind.Protocol) { StatusCode = response.StatusCode, Method = "GET", Url = route };
        }

        /// <summary>
        /// Imports the campaigns of an export file (POST campaigns/import, Mautic 7.0 or later): a .json file is sent
        /// as the body, a .zip as the one uploaded file, both streamed from disk. The file is checked first (a JSON
        /// array of objects, each with its campaign list, uuids and dependencies; in a zip, the last .json outside
        /// assets/, the one Mautic reads): Mautic answers a malformed one with a bare 500. With
        /// <paramref name="asCopy"/> the campaigns and their events get new uuids (in a temporary copy of the file),
        /// so Mautic creates them anew instead of updating those it has; the segments, forms and e-mails they use keep
        /// theirs, so the copies use the same ones. Mautic's answer names nothing, so each imported campaign is found
        /// afterwards by its name among the campaigns, newest first, whose export carries its uuid. Returns them in
        /// the file's order.
        /// </summary>
        public IReadOnlyList<MauticRecord> Import(string path, bool asCopy = false, Action<long, long?> progress = null, CancellationToken ct = default)
        {
            Client.Require(MauticVersions.V7, "Importing a campaign");
            var info = new FileInfo(path ?? throw new ArgumentNullException(nameof(path)));
            if (!info.Exists)
                throw new MauticApiException($"The campaign export to import does not exist: {path}", MauticErrorKind.NotFound);
            var format = FormatOf(info.Name)
                ?? throw new MauticApiException($"A campaign export is a .json file or a .zip file holding one (Mautic's own export); '{info.Name}' is neither.", MauticErrorKind.InvalidArgument);
            var export = ExportFile.Read(info.FullName, format);
            string temp = null;
            try
            {
                var send = info.FullName;
                if (asCopy)
                {
                    export.RenewUuids();
                    temp = Path.Combine(Path.GetTempPath(), "mautic-campaign-" + Guid.NewGuid().ToString("N").Substring(0, 12) + (format == CampaignFileFormat.Zip ? ".zip" : ".json"));
                    export.Write(info.FullName, temp);
                    send = temp;
                }
                var request = new MauticRequest(HttpMethod.Post, Resource.Route + "/import")
                {
                    Upload = format == CampaignFileFormat.Json ? MauticUpload.Body(send, "application/json") : new MauticUpload(send, "file", info.Name),
                    Progress = progress,
                };
                Client.Send(request, ct);
            }
            finally
            {
                if (temp != null)
                {
                    try { File.Delete(temp); }
                    catch (IOException) { }
                    catch (UnauthorizedAccessException) { }
                }
            }
            return export.Campaigns.Select(c => FindImported(c.Name, c.Uuid, info.Name, ct)).ToList();
        }

        /// <summary>The campaign named <paramref name="name"/> whose export carries <paramref name="uuid"/>, newest first.</summary>
        MauticRecord FindImported(string name, string uuid, string file, CancellationToken ct)
        {
            var query = new ListQuery { PageSize = 30, Descending = true };
            query.Where.Add(new WhereClause(Resource.NameField, "eq", name));
            foreach (var candidate in List(query, ct))
            {
                if (!candidate.Id.HasValue) continue;
                var body = Client.Send(MauticRequest.Get(Resource.Route + "/export/" + candidate.Id.Value.ToString(CultureInfo.InvariantCulture)), ct).Body;
                var exported = (body as JArray)?.OfType<JObject>().SelectMany(o => (o["campaign"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>());
                if (exported != null && exported.Any(c => string.Equals((string)c["uuid"], uuid, StringComparison.OrdinalIgnoreCase)))
                    return candidate;
            }
            throw new MauticApiException($"Mautic said it imported {file}, but no campaign named '{name}' carries its uuid {uuid}.", MauticErrorKind.Protocol) { Method = "POST", Url = Resource.Route + "/import" };
        }

        /// <summary>An export file's JSON, checked the way Mautic's import needs it.</summary>
        sealed class ExportFile
        {
            readonly JArray _root;
            readonly CampaignFileFormat _format;
            readonly string _entry;     // in a zip: the JSON's entry name

            ExportFile(JArray root, CampaignFileFormat format, string entry)
            {
                _root = root;
                _format = format;
                _entry = entry;
            }

            public List<(string Name, string Uuid)> Campaigns { get; } = new List<(string, string)>();

            public static ExportFile Read(string path, CampaignFileFormat format)
            {
                var name = Path.GetFileName(path);
                try
                {
                    if (format == CampaignFileFormat.Json)
                        using (var stream = File.OpenRead(path))
                            return Check(Parse(stream, name), format, null, name);
                    using (var archive = ZipFile.OpenRead(path))
                    {
                        // Mautic reads the last .json entry outside assets/ (ImportHelper::readZipFile).
                        var entry = archive.Entries.LastOrDefault(e => !e.FullName.StartsWith("assets/", StringComparison.Ordinal) && !e.FullName.EndsWith("/", StringComparison.Ordinal)
                                                                       && e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                                    ?? throw Bad(name, "the zip holds no .json file");
                        using (var stream = entry.Open())
                            return Check(Parse(stream, name), format, entry.FullName, name);
                    }
                }
                catch (InvalidDataException e) { throw Bad(name, "it is not a readable zip (" + e.Message + ")"); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new MauticApiException($"Could not read the campaign export {path}: {e.Message}", MauticErrorKind.InvalidArgument, e);
                }
            }

            static JToken Parse(Stream stream, string name)
            {
                try
                {
                    using (var reader = new JsonTextReader(new StreamReader(stream, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
                    {
                        var token = JToken.ReadFrom(reader);
                        if (reader.Read()) throw Bad(name, "more follows the JSON");
                        return token;
                    }
                }
                catch (JsonException e) { throw Bad(name, "it is not JSON (" + e.Message + ")"); }
            }

            static ExportFile Check(JToken token, CampaignFileFormat format, string entry, string name)
            {
                if (!(token is JArray root) || root.Count == 0)
                    throw Bad(name, "it must be a JSON array of campaign exports, as GET campaigns/export/{id} answers");
                var file = new ExportFile(root, format, entry);
                for (var i = 0; i < root.Count; i++)
                {
                    var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                    if (!(root[i] is JObject item)) throw Bad(name, $"item {n} is not an object");
                    if (!(item["campaign"] is JArray list) || list.Count == 0) throw Bad(name, $"item {n} has no 'campaign' list");
                    if (!(item["dependencies"] is JArray)) throw Bad(name, $"item {n} has no 'dependencies' list");
                    foreach (var c in list)
                    {
                        var uuid = (c as JObject)?["uuid"];
                        var title = (c as JObject)?["name"];
                        if (uuid?.Type != JTokenType.String || string.IsNullOrWhiteSpace((string)uuid) || title?.Type != JTokenType.String || (c as JObject)?["id"] == null)
                            throw Bad(name, $"a campaign of item {n} lacks its id, name or uuid");
                        file.Campaigns.Add(((string)title, (string)uuid));
                    }
                }
                return file;
            }

            static MauticApiException Bad(string name, string why) =>
                new MauticApiException($"'{name}' is not a Mautic campaign export: {why}.", MauticErrorKind.InvalidData);

            /// <summary>New uuids for every campaign and campaign event (so Mautic creates them rather than updating its own).</summary>
            public void RenewUuids()
            {
                Campaigns.Clear();
                foreach (var item in _root.OfType<JObject>())
                {
                    foreach (var key in new[] { "campaign", "campaign_event" })
                        foreach (var o in (item[key] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
                            if (o["uuid"] != null) o["uuid"] = Guid.NewGuid().ToString();
                    foreach (var c in ((JArray)item["campaign"]).OfType<JObject>()) Campaigns.Add(((string)c["name"], (string)c["uuid"]));
                }
            }

            /// <summary>Writes the (changed) JSON to <paramref name="target"/>: as it is, or into a copy of the zip <paramref name="source"/>.</summary>
            public void Write(string source, string target)
            {
                try
                {
                    if (_format == CampaignFileFormat.Json)
                    {
                        File.WriteAllText(target, _root.ToString(Formatting.None), new UTF8Encoding(false));
                        return;
                    }
                    using (var input = ZipFile.OpenRead(source))
                    using (var output = ZipFile.Open(target, ZipArchiveMode.Create))
                    {
                        foreach (var e in input.Entries)
                        {
                            // Stored: Mautic refuses entries compressed more than 10:1.
                            var copy = output.CreateEntry(e.FullName, CompressionLevel.NoCompression);
                            using (var to = copy.Open())
                            {
                                if (e.FullName == _entry)
                                {
                                    var bytes = new UTF8Encoding(false).GetBytes(_root.ToString(Formatting.None));
                                    to.Write(bytes, 0, bytes.Length);
                                }
                                else
                                    using (var from = e.Open()) from.CopyTo(to);
                            }
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new MauticApiException($"Could not write the temporary copy {target}: {e.Message}", MauticErrorKind.InvalidArgument, e);
                }
            }
        }
    }
}
