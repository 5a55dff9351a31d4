using System.IO.Compression;
using System.Text.Json.Nodes;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// Campaign export and import (Mautic 7.0's campaigns/export/{id} and campaigns/import) against the fake as 7.0.0,
/// the gate on 5.1.0, and a campaign's events through the events list's campaign filter on both.
/// </summary>
public sealed class CampaignTransferTests : FakeServerTest, IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("mautic-campaign-transfer-").FullName;

    static readonly JObject Campaign = JObject.Parse("""
        { "name": "welcome", "description": "d", "lists": [ { "id": 1 } ],
          "events": [ { "id": "new1", "name": "p1", "type": "lead.changepoints", "eventType": "action", "order": 1, "properties": { "points": 1 }, "triggerMode": "immediate" },
                      { "id": "new2", "name": "p2", "type": "lead.changepoints", "eventType": "action", "order": 2, "properties": { "points": 2 }, "triggerMode": "immediate" } ] }
        """);

    static long Create(MauticConnection c, string name = "welcome")
    {
        var payload = (JObject)Campaign.DeepClone();
        payload["name"] = name;
        var created = c.Campaigns.Create(new[] { new WriteItem<object>(1, payload) }).Single();
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Record!.Id!.Value;
    }

    static string[] EventNames(MauticRecord campaign) =>
        ((object[])campaign["events"]).Cast<MauticRecord>().Select(e => (string)e["name"]).OrderBy(n => n).ToArray();

    string File(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Export_writes_the_json_Mautic_answers_to_the_file()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var id = Create(c);
        var bytes = c.Campaigns.Export(id, File("w.json"));
        Assert.Equal(new FileInfo(File("w.json")).Length, bytes);
        var root = JArray.Parse(System.IO.File.ReadAllText(File("w.json")));
        var item = (JObject)Assert.Single(root);
        Assert.Equal("welcome", (string)item["campaign"]![0]!["name"]!);
        Assert.Equal(id, (long)item["campaign"]![0]!["id"]!);
        Assert.True(Guid.TryParse((string)item["campaign"]![0]!["uuid"]!, out _));
        Assert.Equal(2, ((JArray)item["campaign_event"]!).Count);
        Assert.Equal(2, ((JArray)item["dependencies"]![0]!["campaign_event"]!).Count);
        Assert.Equal(new[] { "w.json" }, Directory.GetFiles(_dir).Select(Path.GetFileName));   // no temporary file left
    }

    [Fact]
    public void Export_as_zip_stores_the_json_as_entity_data_json_uncompressed()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var id = Create(c);
        System.IO.File.WriteAllText(File("w.zip"), "old");
        c.Campaigns.Export(id, File("w.zip"), CampaignFileFormat.Zip);
        using (var zip = ZipFile.OpenRead(File("w.zip")))
        {
            var entry = Assert.Single(zip.Entries);
            Assert.Equal(CampaignService.ZipEntryName, entry.FullName);
            Assert.Equal(entry.Length, entry.CompressedLength);   // stored: Mautic refuses a ratio above 10:1
            using var r = new StreamReader(entry.Open());
            Assert.Equal("welcome", (string)JArray.Parse(r.ReadToEnd())[0]!["campaign"]![0]!["name"]!);
        }
        Assert.Equal(new[] { "w.zip" }, Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Export_of_a_missing_campaign_is_not_found_and_writes_nothing()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var e = Assert.Throws<MauticApiException>(() => c.Campaigns.Export(424242, File("x.json")));
        Assert.Equal(MauticErrorKind.NotFound, e.Kind);
        Assert.Equal(404, e.StatusCode);
        var z = Assert.Throws<MauticApiException>(() => c.Campaigns.Export(424242, File("x.zip"), CampaignFileFormat.Zip));
        Assert.Equal(MauticErrorKind.NotFound, z.Kind);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Importing_the_export_back_updates_the_campaign_in_place_and_unpublishes_it()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var id = Create(c);
        c.Campaigns.Export(id, File("w.json"));
        var imported = Assert.Single(c.Campaigns.Import(File("w.json")));
        Assert.Equal(id, imported.Id);
        Assert.Equal(false, imported["isPublished"]);
        Assert.Equal(new[] { "p1", "p2" }, EventNames(imported));
        Assert.Single(State.CampaignStore.Rows);
        var sent = Assert.Single(State.RequestsTo("/api/campaigns/import"));
        Assert.StartsWith("[{\"campaign\"", sent.Body);   // the file itself is the body
    }

    [Theory]
    [InlineData(CampaignFileFormat.Json)]
    [InlineData(CampaignFileFormat.Zip)]
    public void As_a_copy_the_import_makes_a_new_campaign_with_its_own_events_and_leaves_the_file_alone(CampaignFileFormat format)
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var id = Create(c);
        var file = File(format == CampaignFileFormat.Zip ? "w.zip" : "w.json");
        c.Campaigns.Export(id, file, format);
        var before = System.IO.File.ReadAllBytes(file);
        var copy = Assert.Single(c.Campaigns.Import(file, asCopy: true));
        Assert.NotEqual(id, copy.Id);
        Assert.Equal("welcome", copy["name"]);
        Assert.Equal(new[] { "p1", "p2" }, EventNames(copy));
        var originalEvents = ((object[])c.Campaigns.Get(id)["events"]).Cast<MauticRecord>().Select(e => e.Id);
        Assert.Empty(((object[])copy["events"]).Cast<MauticRecord>().Select(e => e.Id).Intersect(originalEvents));
        Assert.Equal(before, System.IO.File.ReadAllBytes(file));
        Assert.Equal(2, State.CampaignStore.Rows.Count);
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "mautic-campaign-*").Where(f => System.IO.File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddMinutes(-1)));
    }

    [Fact]
    public void The_imported_campaign_is_the_one_carrying_the_uuid_among_campaigns_of_its_name()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        var id = Create(c);
        c.Campaigns.Export(id, File("w.json"));
        Create(c);   // a newer campaign of the same name, not the one in the file
        var imported = Assert.Single(c.Campaigns.Import(File("w.json")));
        Assert.Equal(id, imported.Id);
    }

    [Theory]
    [InlineData("{\"campaign\":[]}", "it must be a JSON array")]
    [InlineData("[]", "it must be a JSON array")]
    [InlineData("[{\"campaign\":[]}]", "item 1 has no 'campaign' list")]
    [InlineData("[{\"campaign\":[{\"id\":1,\"name\":\"a\",\"uuid\":\"u\"}]}]", "item 1 has no 'dependencies' list")]
    [InlineData("[{\"campaign\":[{\"id\":1,\"name\":\"a\"}],\"dependencies\":[]}]", "lacks its id, name or uuid")]
    [InlineData("[{\"campaign\":", "it is not JSON")]
    public void A_file_that_is_not_a_campaign_export_is_refused_before_sending(string json, string why)
    {
        State.Version = "7.0.0";
        using var c = Connect();
        System.IO.File.WriteAllText(File("bad.json"), json);
        var e = Assert.Throws<MauticApiException>(() => c.Campaigns.Import(File("bad.json")));
        Assert.Equal(MauticErrorKind.InvalidData, e.Kind);
        Assert.Contains("'bad.json' is not a Mautic campaign export", e.Message);
        Assert.Contains(why, e.Message);
        Assert.Empty(State.RequestsTo("/api/campaigns/import"));
    }

    [Fact]
    public void Other_files_are_refused_before_sending()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        System.IO.File.WriteAllText(File("a.txt"), "[]");
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => c.Campaigns.Import(File("a.txt"))).Kind);
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => c.Campaigns.Import(File("none.json"))).Kind);
        System.IO.File.WriteAllText(File("bad.zip"), "not a zip");
        var z = Assert.Throws<MauticApiException>(() => c.Campaigns.Import(File("bad.zip")));
        Assert.Equal(MauticErrorKind.InvalidData, z.Kind);
        Assert.Contains("not a readable zip", z.Message);
        using (var zip = ZipFile.Open(File("empty.zip"), ZipArchiveMode.Create)) zip.CreateEntry("assets/x.json");
        Assert.Contains("holds no .json file", Assert.Throws<MauticApiException>(() => c.Campaigns.Import(File("empty.zip"))).Message);
        Assert.Empty(State.RequestsTo("/api/campaigns/import"));
    }

    [Fact]
    public void Before_7_0_both_are_refused_at_once_and_nothing_is_sent()
    {
        using var c = Connect();
        Assert.Equal("5.1.0", c.MauticVersion);
        var id = Create(c);
        var e = Assert.Throws<MauticApiException>(() => c.Campaigns.Export(id, File("w.json")));
        Assert.Equal(MauticErrorKind.NotSupported, e.Kind);
        Assert.Equal("Exporting a campaign needs Mautic 7.0 or later; this server is 5.1.0.", e.Message);
        var i = Assert.Throws<MauticApiException>(() => c.Campaigns.Import(File("missing.json")));
        Assert.Equal(MauticErrorKind.NotSupported, i.Kind);
        Assert.Equal("Importing a campaign needs Mautic 7.0 or later; this server is 5.1.0.", i.Message);
        Assert.Empty(State.RequestsTo("/api/campaigns/export"));
        Assert.Empty(State.RequestsTo("/api/campaigns/import"));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void The_fake_as_5_1_answers_both_routes_as_unknown_like_5_1_0()
    {
        var (status, body) = RawCall(HttpMethod.Get, "/campaigns/export/1");
        Assert.Equal(404, status);
        Same("""{"errors":[{"message":"Requested URL not found: /api/campaigns/export/1","code":404,"type":null}]}""", body);
        (status, body) = RawCall(HttpMethod.Post, "/campaigns/import", "[]");
        Assert.Equal(404, status);
        Same("""{"errors":[{"message":"Requested URL not found: /api/campaigns/import","code":404,"type":null}]}""", body);
    }

    [Fact]
    public void The_fake_as_7_0_answers_import_errors_as_7_0_0_does()
    {
        State.Version = "7.0.0";
        var (status, body) = RawCall(HttpMethod.Post, "/campaigns/import", """{"name":"x"}""");
        Assert.Equal(400, status);
        Same("""{"error":"No JSON content found and exactly one ZIP file must be uploaded."}""", body);
        (status, _) = RawCall(HttpMethod.Post, "/campaigns/import", """[{"campaign":[]}]""");
        Assert.Equal(500, status);
        (status, body) = RawCall(HttpMethod.Get, "/campaigns/export/424242");
        Assert.Equal(404, status);
        Same("""{"errors":[{"code":404,"message":"Item was not found.","details":[]}]}""", body);
    }

    [Fact]
    public void A_zip_is_uploaded_as_a_file_and_its_campaign_found_afterwards()
    {
        State.Version = "7.0.0";
        using var c = Connect();
        // Any .json outside assets/ is the one Mautic reads; its campaign is created (the uuid is new).
        using (var zip = ZipFile.Open(File("a.zip"), ZipArchiveMode.Create))
        using (var w = new StreamWriter(zip.CreateEntry("data.json").Open()))
            w.Write("""[{"campaign":[{"id":1,"name":"zipped","uuid":"6f1c1b0e-0000-4000-8000-000000000001"}],"dependencies":[]}]""");
        var imported = Assert.Single(c.Campaigns.Import(File("a.zip")));
        Assert.Equal("zipped", imported["name"]);
        var sent = Assert.Single(State.RequestsTo("/api/campaigns/import"));
        Assert.False((sent.Body ?? "").StartsWith("[", StringComparison.Ordinal));   // uploaded as a file, not as a JSON body
    }

    [Theory]
    [InlineData("5.1.0")]
    [InlineData("7.0.0")]
    public void A_campaign_s_events_come_from_the_events_list_filtered_by_campaign(string version)
    {
        State.Version = version;
        using var c = Connect();
        var a = Create(c, "a");
        var b = Create(c, "b");
        var events = c.Campaigns.Events(b, new ListQuery()).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(b, ((MauticRecord)e["campaign"]).Id));
        Assert.Contains(State.RequestsTo("/api/campaigns/events"), r => r.Q("where[0][col]") == "campaign" && r.Q("where[0][val]") == b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(c.Campaigns.Events(a, new ListQuery { First = 1 }));
        var e = Assert.Throws<MauticApiException>(() => c.Campaigns.Events(424242, new ListQuery()).ToList());
        Assert.Equal(MauticErrorKind.NotFound, e.Kind);
    }

    public new void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        base.Dispose();
    }
}
