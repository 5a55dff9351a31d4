using System.Text.Json.Nodes;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's assets against what a real Mautic 5.1.0 answered to the same requests (measured with curl and Basic
/// auth, 2026-11-23; real answers quoted). Local files are seeded into the fake's assets directory as if uploaded.
/// </summary>
public sealed class FakeAssetTests : FakeServerTest
{
    (int Status, JsonNode? Body) Post(string path, string json) => RawCall(HttpMethod.Post, path, json);

    static string Error(int code, string message) => $$"""{"errors":[{"code":{{code}},"message":"{{message}}","details":[]}]}""";

    [Fact]
    public void A_remote_asset_has_Mautics_keys_in_order_and_its_file_facts_from_the_URL()
    {
        var (status, body) = Post("/assets/new", """{"title":"Price list","storageLocation":"remote","file":"http://127.0.0.1:8080/doc.PDF?x=1"}""");
        Assert.Equal(201, status);
        var a = body!["asset"]!.AsObject();
        // real: {"isPublished":true,"dateAdded":..,"dateModified":null,"createdBy":1,"createdByUser":"Admin User","modifiedBy":null,
        // "modifiedByUser":null,"id":6,"title":..,"alias":..,"category":null,"description":null,"language":"en","publishUp":null,
        // "publishDown":null,"downloadCount":0,"uniqueDownloadCount":0,"revision":1,"extension":"PDF","mime":"text/html; charset=UTF-8",
        // "size":-1,"downloadUrl":"http://127.0.0.1:8080/asset/6:zz-asset-local11","storageLocation":"remote","disallow":true}
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "title", "alias",
            "category", "description", "language", "publishUp", "publishDown", "downloadCount", "uniqueDownloadCount", "revision", "extension", "mime",
            "size", "downloadUrl", "storageLocation", "disallow"], a.Select(kv => kv.Key));
        Assert.Equal("price-list", (string?)a["alias"]);
        Assert.Equal("PDF", (string?)a["extension"]);
        Assert.Equal(-1, (int)a["size"]!);
        Assert.Equal(0, (int)a["downloadCount"]!);
        Assert.Equal(1, (int)a["revision"]!);
        Assert.True((bool)a["disallow"]!);
        Assert.Equal("en", (string?)a["language"]);
        Assert.Equal("http://localhost/asset/1:price-list", (string?)a["downloadUrl"]);   // the fake's site_url
    }

    [Fact]
    public void A_create_needs_a_file_and_a_local_one_must_be_in_the_assets_directory()
    {
        // real: {"errors":[{"code":400,"message":"File of the asset is required.","details":[]}]} (also with title only)
        var (s1, b1) = Post("/assets/new", """{"title":"x"}""");
        Assert.Equal(400, s1);
        Same(Error(400, "File of the asset is required."), b1);
        // real: no storageLocation is local: "File http://127.0.0.1:8080/index.php was not found in the asset directory."
        var (s2, b2) = Post("/assets/new", """{"title":"x","file":"http://127.0.0.1:8080/index.php"}""");
        Assert.Equal(400, s2);
        Same(Error(400, "File http://127.0.0.1:8080/index.php was not found in the asset directory."), b2);

        FakeAssetFiles.AddFile(State, "9c3d.pdf", 24);
        var (s3, b3) = Post("/assets/new", """{"title":"Local","storageLocation":"local","file":"9c3d.pdf"}""");
        Assert.Equal(201, s3);
        // real: "extension":"pdf","mime":"application/pdf","size":24,"storageLocation":"local"
        Assert.Equal("application/pdf", (string?)b3!["asset"]!["mime"]);
        Assert.Equal(24, (int)b3["asset"]!["size"]!);
        Assert.Equal("local", (string?)b3["asset"]!["storageLocation"]);
        // Deleting a local asset deletes its file (real: GET /api/files/media lists [] afterwards).
        Assert.Equal(200, RawCall(HttpMethod.Delete, "/assets/1/delete").Status);
        Assert.Empty(FakeAssetFiles.Of(State));
    }

    [Fact]
    public void The_URL_title_storage_location_and_language_are_checked_as_Mautic_does()
    {
        // real: {"errors":[{"code":400,"message":"remotePath: The remote should be a valid URL.","details":{"remotePath":["The remote should be a valid URL."]}}]} (also ftp://)
        var (s1, b1) = Post("/assets/new", """{"title":"x","storageLocation":"remote","file":"ftp://127.0.0.1/x.pdf"}""");
        Assert.Equal(400, s1);
        Same("""{"errors":[{"code":400,"message":"remotePath: The remote should be a valid URL.","details":{"remotePath":["The remote should be a valid URL."]}}]}""", b1);
        // real: a remote asset without a title is the generic 500
        Assert.Equal(500, Post("/assets/new", """{"storageLocation":"remote","file":"http://127.0.0.1:8080/index.php"}""").Status);
        // real: "title: Assset Title is required." for a local one
        FakeAssetFiles.AddFile(State, "f.pdf", 3);
        var (s3, b3) = Post("/assets/new", """{"storageLocation":"local","file":"f.pdf"}""");
        Assert.Equal(400, s3);
        Assert.Equal("title: Assset Title is required.", (string?)b3!["errors"]![0]!["message"]);
        // real: "tempName: A file must be uploaded before Asset is saved when local storage is selected., storageLocation: This value is not valid."
        var (s4, b4) = Post("/assets/new", """{"title":"x","storageLocation":"cloud","file":"http://127.0.0.1:8080/index.php"}""");
        Assert.Equal(400, s4);
        Assert.Equal("tempName: A file must be uploaded before Asset is saved when local storage is selected., storageLocation: This value is not valid.", (string?)b4!["errors"]![0]!["message"]);
        // real: "language: This value is not valid."
        Assert.Equal("language: This value is not valid.", (string?)Post("/assets/new", """{"title":"x","storageLocation":"remote","file":"http://h/a.pdf","language":"zz"}""").Body!["errors"]![0]!["message"]);
    }

    [Fact]
    public void Edits_a_remote_file_renames_without_a_title_PUT_needs_the_language()
    {
        var id = (long)Post("/assets/new", """{"title":"Probe","storageLocation":"remote","file":"http://127.0.0.1:8080/index.php"}""").Body!["asset"]!["id"]!;
        // real: PATCH {"file":..} without storageLocation changes nothing but the revision
        var p1 = RawCall(HttpMethod.Patch, $"/assets/{id}/edit", """{"file":"http://127.0.0.1:8080/other.pdf"}""").Body!["asset"]!;
        Assert.Equal("php", (string?)p1["extension"]);
        Assert.Equal(2, (int)p1["revision"]!);
        // real: with storageLocation remote the title becomes the file's name, the extension follows, the alias stays
        var p2 = RawCall(HttpMethod.Patch, $"/assets/{id}/edit", """{"file":"http://127.0.0.1:8080/other.pdf","storageLocation":"remote"}""").Body!["asset"]!;
        Assert.Equal("other.pdf", (string?)p2["title"]);
        Assert.Equal("pdf", (string?)p2["extension"]);
        Assert.Equal("probe", (string?)p2["alias"]);
        // real: {"errors":[{"code":400,"message":"language: A value is required.","details":{"language":["A value is required."]}}]}
        var (s3, b3) = RawCall(HttpMethod.Put, $"/assets/{id}/edit", """{"title":"zz other put"}""");
        Assert.Equal(400, s3);
        Same("""{"errors":[{"code":400,"message":"language: A value is required.","details":{"language":["A value is required."]}}]}""", b3);
        // real: PUT title+language: alias from the title, storageLocation and disallow null, isPublished false, file facts kept
        var p4 = RawCall(HttpMethod.Put, $"/assets/{id}/edit", """{"title":"zz other put","language":"en"}""").Body!["asset"]!;
        Assert.Equal("zz-other-put", (string?)p4["alias"]);
        Assert.Null(p4["storageLocation"]);
        Assert.Null(p4["disallow"]);
        Assert.False((bool)p4["isPublished"]!);
        Assert.Equal("pdf", (string?)p4["extension"]);
    }

    [Fact]
    public void A_batch_item_whose_file_is_refused_fails_on_the_language_as_on_Mautic()
    {
        FakeAssetFiles.AddFile(State, "b7.pdf", 24);
        // real: statusCodes [400,400,201]; errors[0] and [1] "language: A value is required." (the file error is lost)
        var (status, body) = Post("/assets/batch/new",
            """[{"title":"zz-b5","language":"en"},{"title":"zz-b6","storageLocation":"local","file":"missing-zz.pdf","language":"en"},{"title":"zz-b7","storageLocation":"local","file":"b7.pdf"}]""");
        Assert.Equal(201, status);
        Same("[400,400,201]", body!["statusCodes"]);
        Same("""[{"code":400,"message":"language: A value is required.","details":{"language":["A value is required."]},"type":null},{"code":400,"message":"language: A value is required.","details":{"language":["A value is required."]},"type":null}]""", body["errors"]);
        Assert.Equal("zz-b7", (string?)body["assets"]!["2"]!["title"]);
    }

    [Fact]
    public void The_list_is_an_array_ordered_by_title_and_searches_title_and_alias()
    {
        foreach (var t in new[] { "b-two", "a-one", "c-three" })
            Post("/assets/new", $$"""{"title":"{{t}}","storageLocation":"remote","file":"http://h/{{t}}.pdf"}""");
        var (status, body) = RawCall(HttpMethod.Get, "/assets?search=o");
        Assert.Equal(200, status);
        Assert.Equal(2, (int)body!["total"]!);
        Assert.Equal(["a-one", "b-two"], body["assets"]!.AsArray().Select(x => (string?)x!["title"]));
    }
}
