using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mautic.FakeServer;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake server's simple areas (tags, stages, companies, categories, roles, points, triggers, point groups) and segments, called with a plain HttpClient (not the module's
/// client), against what a real Mautic 5.1.0 answered to the same requests (measured with curl, OAuth2
/// client_credentials, 2026-11; the real answers are quoted in the comments). These pin the fake, so that the
/// client's tests run against the server's real shapes.
/// </summary>
public class FakeAreaTests : FakeServerTest
{
    static readonly HttpClient Http = new();

    sealed record Answer(int Status, JsonNode? Body, string? Location)
    {
        public JsonNode B => Body!;
    }

    Answer Call(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Server.BaseUrl + "/api" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(State.AdminUser + ":" + State.AdminPassword)));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = Http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return new Answer((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.Location?.OriginalString);
    }

    Answer Get(string path) => Call(HttpMethod.Get, path);
    Answer Post(string path, string json = "{}") => Call(HttpMethod.Post, path, json);
    Answer Put(string path, string json) => Call(HttpMethod.Put, path, json);
    Answer Patch(string path, string json) => Call(HttpMethod.Patch, path, json);
    Answer Delete(string path) => Call(HttpMethod.Delete, path);

    static string[] Keys(JsonNode? node) => node!.AsObject().Select(kv => kv.Key).ToArray();
    static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;
    static long IdOf(JsonNode? record) => record!["id"]!.GetValue<long>();

    static void AssertSame(string expectedJson, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), actual), $"expected {expectedJson}\n  actual {actual?.ToJsonString()}");

    const string NotFoundBody = """{"errors":[{"code":404,"message":"Item was not found.","details":[]}]}""";
    const string GenericServerError = """{"errors":[{"message":"Looks like I encountered an error (error #500). If I do it again, please report me to the system administrator!","code":500,"type":null}]}""";

    /// <summary>Per area: a valid create body, the JSON keys, the list's total type and empty list (measured).</summary>
    public static TheoryData<string, string, string, string, JsonValueKind, string> Areas => new()
    {
        // real: {"total":0,"tags":[]} ; {"total":1,"tags":{"23":{...}}}
        { "tags", """{"tag":"alpha"}""", "tag", "tags", JsonValueKind.Number, "[]" },
        // real: {"total":0,"stages":[]} ; {"total":4,"stages":[{...},...]}
        { "stages", """{"name":"Lead"}""", "stage", "stages", JsonValueKind.Number, "[]" },
        // real: {"total":"0","companies":{}} ; {"total":"1","companies":{"3":{...}}}
        { "companies", """{"companyname":"Acme"}""", "company", "companies", JsonValueKind.String, "{}" },
        // real: {"total":0,"categories":[]} ; roles, points, triggers, point groups the same, each a plain array.
        // Bodies end with the name (the theory appends to it) and carry what PUT on an existing record needs.
        { "categories", """{"bundle":"global","title":"News"}""", "category", "categories", JsonValueKind.Number, "[]" },
        { "roles", """{"isAdmin":false,"name":"Ops"}""", "role", "roles", JsonValueKind.Number, "[]" },
        { "points", """{"repeatable":0,"type":"url.hit","name":"Visit"}""", "point", "points", JsonValueKind.Number, "[]" },
        { "points/triggers", """{"points":0,"triggerExistingLeads":0,"name":"Hot"}""", "trigger", "triggers", JsonValueKind.Number, "[]" },
        { "points/groups", """{"name":"Engagement"}""", "pointGroup", "pointGroups", JsonValueKind.Number, "[]" },
        // real: {"total":0,"smses":[]} ; {"total":1,"smses":{"1":{...}}}; notifications and tweets the same
        { "smses", """{"message":"Hi","language":"en","name":"Promo"}""", "sms", "smses", JsonValueKind.Number, "[]" },
        { "notifications", """{"heading":"H","message":"M","language":"en","name":"Push"}""", "notification", "notifications", JsonValueKind.Number, "[]" },
        { "tweets", """{"text":"Hello","name":"Launch"}""", "tweet", "tweets", JsonValueKind.Number, "[]" },
    };

    /// <summary>Areas whose list is a plain array rather than an object keyed by id (measured).</summary>
    static readonly string[] ArrayLists = ["stages", "categories", "roles", "points", "points/triggers", "points/groups"];

    [Theory]
    [MemberData(nameof(Areas))]
    public void The_standard_routes_answer_with_the_areas_keys_and_shapes(string area, string body, string one, string many, JsonValueKind totalKind, string empty)
    {
        var list = Get("/" + area);
        Assert.Equal(200, list.Status);
        Assert.Equal(["total", many], Keys(list.Body));
        Assert.Equal(totalKind, Kind(list.B["total"]));
        Assert.Equal("0", list.B["total"]!.ToString());
        AssertSame(empty, list.B[many]);

        var created = Post($"/{area}/new", body);
        Assert.Equal(201, created.Status);
        Assert.Equal([one], Keys(created.Body));
        var id = IdOf(created.B[one]);
        Assert.Equal($"/api/{area}/{id}", created.Location);

        var got = Get($"/{area}/{id}");
        Assert.Equal(200, got.Status);
        Assert.Equal(id, IdOf(got.B[one]));

        list = Get("/" + area);
        Assert.Equal(totalKind, Kind(list.B["total"]));
        Assert.Equal("1", list.B["total"]!.ToString());
        if (ArrayLists.Contains(area)) Assert.Equal(id, IdOf(list.B[many]![0])); // a plain array
        else Assert.Equal(id, IdOf(list.B[many]![id.ToString()])); // an object keyed by id

        // Missing ids: GET, PATCH and DELETE 404 with the API controller's error; PUT creates a record under a new id.
        AssertSame(NotFoundBody, Get($"/{area}/999999").Body);
        var patch404 = Patch($"/{area}/999999/edit", body);
        Assert.Equal(404, patch404.Status);
        AssertSame(NotFoundBody, patch404.Body);
        var putNew = Put($"/{area}/999999/edit", body.Replace("\"}", " 2\"}"));
        Assert.Equal(201, putNew.Status);
        var id2 = IdOf(putNew.B[one]);
        Assert.NotEqual(999999, id2);
        Assert.Equal($"/api/{area}/{id2}", putNew.Location);

        // Single delete renders the record after removal: id null. Batch delete keeps ids and skips unknown ones.
        var deleted = Delete($"/{area}/{id}/delete");
        Assert.Equal(200, deleted.Status);
        Assert.Equal([one], Keys(deleted.Body));
        Assert.Equal(JsonValueKind.Null, Kind(deleted.B[one]!["id"]));
        Assert.Equal(404, Delete($"/{area}/{id}/delete").Status);
        var batch = Delete($"/{area}/batch/delete?ids={id2},999999");
        Assert.Equal(200, batch.Status);
        Assert.Equal([many], Keys(batch.Body));
        Assert.Equal(id2, IdOf(batch.B[many]![0]));
        Assert.Single(batch.B[many]!.AsArray());
        AssertSame($$"""{"{{many}}":[]}""", Delete($"/{area}/batch/delete?ids=999999").Body);
        AssertSame(empty, Get("/" + area).B[many]);
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Batch_edit_patch_404s_a_missing_id_and_put_creates_it_listing_found_records_before_created_ones(string area, string body, string one, string many, JsonValueKind totalKind, string empty)
    {
        _ = (one, totalKind, empty);
        var id = IdOf(Post($"/{area}/new", body).B.AsObject().First().Value);
        var renamed = body.Replace("\"}", " B\"}");

        // real (tags): {"tags":[{"id":26,...}],"statusCodes":[200,404],"errors":{"1":{"message":"Item was not found.","code":404,"type":"api"}}}
        var patch = Patch($"/{area}/batch/edit", $"[{renamed.Replace("{", $"{{\"id\":{id},")},{{\"id\":999999}}]");
        Assert.Equal(200, patch.Status);
        Assert.Equal([many, "statusCodes", "errors"], Keys(patch.Body));
        AssertSame("[200,404]", patch.B["statusCodes"]);
        AssertSame("""{"1":{"message":"Item was not found.","code":404,"type":"api"}}""", patch.B["errors"]);
        Assert.Equal(id, IdOf(patch.B[many]![0]));

        // real (tags): {"tags":{"1":{"id":27,...},"0":{"id":29,...}},"statusCodes":[201,200]}: found first, then created
        var put = Put($"/{area}/batch/edit", $"[{body.Replace("\"}", " new\"}").Replace("{", "{\"id\":999998,")},{body.Replace("{", $"{{\"id\":{id},")}]");
        Assert.Equal(200, put.Status);
        Assert.Equal([many, "statusCodes"], Keys(put.Body));
        AssertSame("[201,200]", put.B["statusCodes"]);
        Assert.Equal(["1", "0"], Keys(put.B[many]));
        Assert.Equal(id, IdOf(put.B[many]!["1"]));
        Assert.NotEqual(999998, IdOf(put.B[many]!["0"]));
    }

    [Theory]
    [InlineData("stages", """{"weight":3}""", "name: A name is required.", """{"name":["A name is required."]}""")]
    [InlineData("companies", """{"companycity":"Raleigh"}""", "companyname: This field is required.", """{"companyname":["This field is required."]}""")]
    [InlineData("categories", """{"description":"x"}""", "bundle: A value is required., title: A title is required.", """{"bundle":["A value is required."],"title":["A title is required."]}""")]
    [InlineData("roles", """{"isAdmin":1}""", "name: A name is required.", """{"name":["A name is required."]}""")]
    [InlineData("points", """{"delta":2}""", "name: A name is required., type: A point action must be selected.", """{"name":["A name is required."],"type":["A point action must be selected."]}""")]
    [InlineData("points/triggers", """{"points":2}""", "name: A name is required.", """{"name":["A name is required."]}""")]
    [InlineData("points/groups", """{"description":"x"}""", "name: A name is required.", """{"name":["A name is required."]}""")]
    public void A_missing_required_field_is_a_400_with_field_details_and_a_refused_batch_item_is_left_out(string area, string invalid, string message, string details)
    {
        // real: {"errors":[{"code":400,"message":"name: A name is required.","details":{"name":["A name is required."]}}]}
        var single = Post($"/{area}/new", invalid);
        Assert.Equal(400, single.Status);
        AssertSame($$"""{"errors":[{"code":400,"message":"{{message}}","details":{{details}}}]}""", single.Body);

        // real: {"stages":[{...f7-bs1...}],"statusCodes":[201,400],"errors":{"1":{"code":400,"message":"name: A name is required.","details":{...},"type":null}}}
        var valid = area switch
        {
            "companies" => """{"companyname":"ok"}""",
            "categories" => """{"title":"ok","bundle":"global"}""",
            "points" => """{"name":"ok","type":"form.submit"}""",
            _ => """{"name":"ok"}""",
        };
        var batch = Post($"/{area}/batch/new", $"[{valid},{invalid}]");
        Assert.Equal(201, batch.Status);
        AssertSame("[201,400]", batch.B["statusCodes"]);
        AssertSame($$$"""{"1":{"code":400,"message":"{{{message}}}","details":{{{details}}},"type":null}}""", batch.B["errors"]);
        Assert.Single(batch.B.AsObject().First().Value!.AsArray());
    }

    [Fact]
    public void Several_refused_fields_are_joined_with_commas_in_form_order()
    {
        // real: {"errors":[{"code":400,"message":"name: A name is required., weight: This value is not valid., publishUp: This value is not valid.","details":{...}}]}
        var r = Post("/stages/new", """{"weight":"abc","publishUp":"bad"}""");
        AssertSame("""{"errors":[{"code":400,"message":"name: A name is required., weight: This value is not valid., publishUp: This value is not valid.","details":{"name":["A name is required."],"weight":["This value is not valid."],"publishUp":["This value is not valid."]}}]}""", r.Body);
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("stages")]
    [InlineData("companies")]
    [InlineData("categories")]
    [InlineData("points/groups")]
    public void More_than_200_items_in_a_batch_is_a_500_and_a_batch_body_that_is_not_an_array_the_generic_500(string area)
    {
        var items = "[" + string.Join(",", Enumerable.Repeat("{}", 201)) + "]";
        var r = Post($"/{area}/batch/new", items);
        Assert.Equal(500, r.Status);
        AssertSame("""{"errors":[{"code":500,"message":"A max of 200 entities are supported at a time.","details":[]}]}""", r.Body);
        var obj = Post($"/{area}/batch/new", "{}");
        Assert.Equal(500, obj.Status);
        AssertSame(GenericServerError, obj.Body);
        AssertSame(GenericServerError, Post($"/{area}/batch/new", "[1]").Body); // real: stages/batch/new [1,{...}]
        var bad = Post($"/{area}/new", "notjson");
        Assert.Equal(400, bad.Status);
        Assert.Equal("Looks like I encountered an error (error #400). If I do it again, please report me to the system administrator!", (string?)bad.B["errors"]![0]!["message"]);
    }

    [Theory]
    [InlineData("tags", "tag")]
    [InlineData("stages", "name")]
    [InlineData("companies", "companyname")]
    [InlineData("categories", "title")]
    [InlineData("roles", "name")]
    [InlineData("points", "type")]
    public void An_unknown_column_in_where_or_orderBy_is_the_generic_500(string area, string column)
    {
        Assert.Equal(500, Get($"/{area}?orderBy=nosuch").Status);
        AssertSame(GenericServerError, Get($"/{area}?where[0][col]=nosuch&where[0][expr]=eq&where[0][val]=1").Body);
        Assert.Equal(200, Get($"/{area}?orderBy={column}&where[0][col]={column}&where[0][expr]=eq&where[0][val]=x").Status);
    }

    // ---------- stages ----------

    [Fact]
    public void A_stage_is_the_header_then_its_fields_and_put_resets_what_it_does_not_send()
    {
        // real: {"stage":{"isPublished":true,"dateAdded":"...","dateModified":null,"createdBy":null,"createdByUser":"env-client-credentials [1]",
        //   "modifiedBy":null,"modifiedByUser":null,"id":1,"name":"f7-StageA","category":null,"weight":5,"description":"first","publishUp":null,"publishDown":null}}
        var s = Post("/stages/new", """{"name":"Lead","weight":5,"description":"first","publishUp":"2026-01-01 10:00","publishDown":"2027-01-01 00:00:00"}""").B["stage"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "category", "weight", "description", "publishUp", "publishDown"], Keys(s));
        Assert.True((bool)s["isPublished"]!);
        Assert.Equal(1, (int)s["createdBy"]!);
        Assert.Equal("Admin User", (string?)s["createdByUser"]);
        Assert.Equal(JsonValueKind.Null, Kind(s["dateModified"]));
        Assert.Equal(5, (int)s["weight"]!);
        Assert.Equal("2026-01-01T10:00:00+00:00", (string?)s["publishUp"]);
        Assert.Equal("2027-01-01T00:00:00+00:00", (string?)s["publishDown"]);
        var id = IdOf(s);

        // PATCH changes what it is sent; a change of weight alone leaves dateModified null (real: "weight":9, "dateModified":null).
        var weighted = Patch($"/stages/{id}/edit", """{"weight":9}""").B["stage"]!;
        Assert.Equal(9, (int)weighted["weight"]!);
        Assert.Equal("first", (string?)weighted["description"]);
        Assert.Equal(JsonValueKind.Null, Kind(weighted["dateModified"]));
        Assert.Equal("Admin User", (string?)weighted["modifiedByUser"]);
        Assert.Equal(JsonValueKind.String, Kind(Patch($"/stages/{id}/edit", """{"description":"second"}""").B["stage"]!["dateModified"]));

        // real PUT {"name":"f7-StageA-put"}: "isPublished":false, "weight":0, "description":null, dates null
        var put = Put($"/stages/{id}/edit", """{"name":"Renamed"}""");
        Assert.Equal(200, put.Status);
        var p = put.B["stage"]!;
        Assert.Equal("Renamed", (string?)p["name"]);
        Assert.False((bool)p["isPublished"]!);
        Assert.Equal(0, (int)p["weight"]!);
        Assert.Equal(JsonValueKind.Null, Kind(p["description"]));
        Assert.Equal(JsonValueKind.Null, Kind(p["publishUp"]));
        Assert.Equal(JsonValueKind.Null, Kind(p["publishDown"]));
        Assert.Equal(400, Put($"/stages/{id}/edit", """{"weight":1}""").Status);
    }

    [Fact]
    public void Stage_values_are_read_as_mautics_form_reads_them()
    {
        Assert.Equal(201, Post("/stages/new", """{"name":"Lead"}""").Status);
        Assert.Equal(201, Post("/stages/new", """{"name":"Lead"}""").Status); // names need not be unique
        var s = Post("/stages/new", """{"name":"S","isPublished":"false","weight":"-3","description":""}""").B["stage"]!;
        Assert.False((bool)s["isPublished"]!);
        Assert.Equal(-3, (int)s["weight"]!);
        Assert.Equal(JsonValueKind.Null, Kind(s["description"]));
        // ISO dates and bare dates are refused; only "Y-m-d H:i[:s]" is read.
        AssertSame("""{"publishDown":["This value is not valid."]}""", Post("/stages/new", """{"name":"x","publishDown":"2027-01-01T00:00:00+00:00"}""").B["errors"]![0]!["details"]);
        Assert.Equal(400, Post("/stages/new", """{"name":"x","publishUp":"2026-01-01"}""").Status);
        // real: HTTP 500 {"errors":[{"message":"Category 999 does not exist","code":500,"type":null}]}
        var cat = Post("/stages/new", """{"name":"x","category":999}""");
        Assert.Equal(500, cat.Status);
        AssertSame("""{"errors":[{"message":"Category 999 does not exist","code":500,"type":null}]}""", cat.Body);
        // a JSON array as a single create body is read as no fields at all
        Assert.Equal(400, Post("/stages/new", """[{"name":"x"}]""").Status);
    }

    [Fact]
    public void Stage_lists_search_name_and_description_and_filter_published()
    {
        State.AddStage("Lead");
        Post("/stages/new", """{"name":"Customer","description":"paying fresh"}""");
        Post("/stages/new", """{"name":"Lost","isPublished":0}""");
        Post("/stages/new", """{"name":"Later","publishUp":"2030-01-01 00:00"}"""); // published=1 keeps it (real: f7-q3)
        string[] Names(string query) => Get("/stages?" + query).B["stages"]!.AsArray().Select(x => (string)x!["name"]!).ToArray();
        Assert.Equal(["Customer"], Names("search=fresh"));
        Assert.Equal(["Customer"], Names("search=stom"));
        Assert.Empty(Names("search=name:Lead")); // not a stage command: searched as the text "name:lead"
        Assert.Equal(["Lead", "Customer", "Later"], Names("published=1"));
        Assert.Equal(["Lost"], Names("search=is:unpublished"));
        Assert.Equal(["Lost", "Lead", "Later", "Customer"], Names("orderBy=name&orderByDir=DESC"));
        Assert.Equal(["Lead"], Names("orderBy=name&orderByDir=DESC&start=1&limit=1"));
    }

    [Fact]
    public void A_failed_batch_edit_still_lists_the_stage_as_the_form_left_it()
    {
        var a = IdOf(Post("/stages/new", """{"name":"A"}""").B["stage"]);
        var b = IdOf(Post("/stages/new", """{"name":"B"}""").B["stage"]);
        // real: {"stages":{"0":{...,"id":2,...},"2":{...,"id":3,"name":null,...}},"statusCodes":[200,404,400],"errors":{"1":{...404...},"2":{...400...}}}
        var r = Patch("/stages/batch/edit", $$"""[{"id":{{a}},"weight":4},{"id":999999},{"id":{{b}},"name":""}]""");
        AssertSame("[200,404,400]", r.B["statusCodes"]);
        Assert.Equal(["0", "2"], Keys(r.B["stages"]));
        Assert.Equal(JsonValueKind.Null, Kind(r.B["stages"]!["2"]!["name"]));
        Assert.Equal("B", (string?)Get($"/stages/{b}").B["stage"]!["name"]); // not saved
        Assert.Equal(["1", "2"], Keys(r.B["errors"]));
    }

    [Fact]
    public void Adding_a_contact_to_a_stage_sets_its_stage_and_removing_clears_it_whatever_the_stage()
    {
        var c = State.AddContact("stage@example.com");
        var lead = State.AddStage("Lead", weight: 2);
        var won = State.AddStage("Won");
        AssertSame("""{"success":1}""", Post($"/stages/{lead.Id}/contact/{c.Id}/add").Body);
        // real: "stage":{"createdByUser":"env-client-credentials [1]","modifiedByUser":"...","id":6,"name":"f7-bs1","category":null,"weight":12,"description":null}
        AssertSame($$"""{"createdByUser":"Admin User","modifiedByUser":null,"id":{{lead.Id}},"name":"Lead","category":null,"weight":2,"description":null}""",
            Get($"/contacts/{c.Id}").B["contact"]!["stage"]);
        Post($"/stages/{won.Id}/contact/{c.Id}/add");
        Assert.Equal(won.Id, IdOf(Get($"/contacts/{c.Id}").B["contact"]!["stage"]));
        AssertSame("""{"success":1}""", Post($"/stages/{lead.Id}/contact/{c.Id}/remove").Body);
        Assert.Equal(JsonValueKind.Null, Kind(Get($"/contacts/{c.Id}").B["contact"]!["stage"]));

        AssertSame(NotFoundBody, Post($"/stages/999999/contact/{c.Id}/add").Body);
        AssertSame(NotFoundBody, Post($"/stages/999999/contact/{c.Id}/remove").Body);
        AssertSame("""{"errors":[{"code":404,"message":"Contact not found.","details":[]}]}""", Post($"/stages/{lead.Id}/contact/999999/add").Body);
        AssertSame("""{"errors":[{"code":404,"message":"Contact not found.","details":[]}]}""", Post($"/stages/{lead.Id}/contact/999999/remove").Body);

        // Deleting the contact's stage leaves it without one.
        Post($"/stages/{won.Id}/contact/{c.Id}/add");
        Delete($"/stages/{won.Id}/delete");
        Assert.Equal(JsonValueKind.Null, Kind(Get($"/contacts/{c.Id}").B["contact"]!["stage"]));
    }

    // ---------- tags ----------

    [Fact]
    public void A_tag_is_id_tag_description_and_creating_an_existing_name_answers_it_renamed()
    {
        // real: 201 {"tag":{"id":23,"tag":"f7-tagA","description":null}} (the description sent is dropped)
        var created = Post("/tags/new", """{"tag":"alpha","description":"first"}""");
        var id = IdOf(created.B["tag"]);
        AssertSame($$$"""{"tag":{"id":{{{id}}},"tag":"alpha","description":null}}""", created.Body);
        // real: POST {"tag":"F7-TAGPUTNEW"} on "f7-tagPutNew": 200 {"tag":{"id":25,"tag":"F7-TAGPUTNEW",...}}
        var again = Post("/tags/new", """{"tag":"ALPHA"}""");
        Assert.Equal(200, again.Status);
        Assert.Null(again.Location);
        AssertSame($$$"""{"tag":{"id":{{{id}}},"tag":"ALPHA","description":null}}""", again.Body);
        // real: "  F7 Tag   B!! " is stored as "F7 Tag   B!!"
        Assert.Equal("Tag   B!!", (string?)Post("/tags/new", """{"tag":"  Tag   B!! "}""").B["tag"]!["tag"]);
        // Renaming onto another tag's name is allowed: two tags, one name.
        Assert.Equal(200, Patch($"/tags/{id}/edit", """{"tag":"Tag   B!!"}""").Status);
        Assert.Equal("2", Get("/tags?where[0][col]=tag&where[0][expr]=eq&where[0][val]=Tag   B!!").B["total"]!.ToString());
    }

    [Fact]
    public void A_missing_or_blank_tag_is_the_generic_500_and_a_batch_keeps_the_items_before_it()
    {
        AssertSame(GenericServerError, Post("/tags/new", """{"description":"x"}""").Body);
        var id = IdOf(Post("/tags/new", """{"tag":"alpha"}""").B["tag"]);
        Assert.Equal(500, Patch($"/tags/{id}/edit", """{"tag":""}""").Status);
        Assert.Equal(500, Put($"/tags/{id}/edit", """{"description":"only"}""").Status);
        Assert.Equal(200, Patch($"/tags/{id}/edit", "{}").Status);
        Assert.Equal(500, Post("/tags/batch/new", """[{"tag":"saved first"},{"description":"x"}]""").Status);
        Assert.Equal("1", Get("/tags?where[0][col]=tag&where[0][expr]=eq&where[0][val]=saved first").B["total"]!.ToString());
    }

    [Fact]
    public void Tag_batch_new_matches_existing_names_even_within_the_batch()
    {
        var id = IdOf(Post("/tags/new", """{"tag":"alpha"}""").B["tag"]);
        // real: [{"tag":"f7-bt3"},{"tag":"f7-bt3"}] -> {"tags":[{"id":28,...},{"id":28,...}],"statusCodes":[201,200]}
        var r = Post("/tags/batch/new", """[{"tag":"beta"},{"tag":"Alpha"},{"tag":"beta"}]""");
        Assert.Equal(201, r.Status);
        AssertSame("[201,200,200]", r.B["statusCodes"]);
        var tags = r.B["tags"]!.AsArray();
        Assert.Equal(id, IdOf(tags[1]));
        Assert.Equal(IdOf(tags[0]), IdOf(tags[2]));
        AssertSame("""{"tags":[],"statusCodes":[]}""", Post("/tags/batch/new", "[]").Body);
    }

    [Fact]
    public void Tag_lists_ignore_search_refuse_published_and_follow_contacts()
    {
        var c = State.AddContact("t@example.com", null, null, "vip", "lead");
        var list = Get("/tags?search=nothing-matches");
        Assert.Equal(2, (int)list.B["total"]!);
        Assert.Equal(["1", "2"], Keys(list.B["tags"]));
        AssertSame(GenericServerError, Get("/tags?published=1").Body);

        // Contacts hold tags by id: a renamed tag is renamed on them (real: PATCH tag 77 -> the contact shows "f7-ren-b").
        Patch("/tags/1/edit", """{"tag":"VIP customer"}""");
        Assert.Equal(["VIP customer", "lead"], State.Contacts[c.Id].Tags);
        Assert.Equal("VIP customer", (string?)Get($"/contacts/{c.Id}").B["contact"]!["tags"]![1]!["tag"]);
    }

    [Fact]
    public void A_tag_a_contact_has_cannot_be_deleted_and_a_batch_stops_there()
    {
        var c = State.AddContact("t@example.com", null, null, "used");
        var used = State.TagId("used");
        long NewTag(string name) => IdOf(Post("/tags/new", $$"""{"tag":"{{name}}"}""").B["tag"]);
        var before = NewTag("before");
        var after = NewTag("after");
        // real: DELETE /tags/80/delete (a contact's tag) -> the generic 500, the tag stays
        AssertSame(GenericServerError, Delete($"/tags/{used}/delete").Body);
        Assert.Equal(200, Get($"/tags/{used}").Status);
        // real: ?ids=81,80 deleted 81 then answered 500; ?ids=80,81 deleted nothing
        Assert.Equal(500, Delete($"/tags/batch/delete?ids={before},{used},{after}").Status);
        Assert.Equal(404, Get($"/tags/{before}").Status);
        Assert.Equal(200, Get($"/tags/{after}").Status);
        // Once no contact has it, it goes.
        Patch($"/contacts/{c.Id}/edit", """{"tags":["-used"]}""");
        Assert.Equal(200, Delete($"/tags/{used}/delete").Status);
    }

    // ---------- companies ----------

    static readonly string[] CompanyFieldOrder =
    [
        "companyaddress1", "companyaddress2", "companyemail", "companyphone", "companycity", "companystate", "companyzipcode",
        "companycountry", "companyname", "companywebsite", "companynumber_of_employees", "companyfax", "companyannual_revenue",
        "companyindustry", "companydescription",
    ];

    [Fact]
    public void A_company_read_back_has_field_groups_with_string_ids_and_all()
    {
        var id = State.AddCompany("Acme", new Dictionary<string, object?> { ["companycity"] = "Raleigh" }).Id;
        var co = Get($"/companies/{id}").B["company"]!;
        // real: {"company":{"id":3,"score":0,"fields":{"core":{...},"professional":{...},"other":[],"all":{"id":3,...}}}}
        Assert.Equal(["id", "score", "fields"], Keys(co));
        Assert.Equal(0, (int)co["score"]!);
        Assert.Equal(["core", "professional", "other", "all"], Keys(co["fields"]));
        AssertSame("[]", co["fields"]!["other"]);
        Assert.Equal(["id", .. CompanyFieldOrder], Keys(co["fields"]!["all"]));
        Assert.Equal(id, (long)co["fields"]!["all"]!["id"]!);
        Assert.Equal("Raleigh", (string?)co["fields"]!["all"]!["companycity"]);
        AssertSame("""{"id":"33","label":"City","alias":"companycity","type":"text","group":"core","object":"company","is_fixed":"1","properties":"a:0:{}","default_value":null,"value":"Raleigh","normalizedValue":"Raleigh"}""",
            co["fields"]!["core"]!["companycity"]);
        AssertSame("""{"id":"39","label":"Number of Employees","alias":"companynumber_of_employees","type":"number","group":"professional","object":"company","is_fixed":"0","properties":"a:2:{s:9:\"roundmode\";i:4;s:5:\"scale\";i:0;}","default_value":null,"value":null,"normalizedValue":""}""",
            co["fields"]!["professional"]!["companynumber_of_employees"]);
        Assert.StartsWith("a:1:{s:4:\"list\";a:41:{i:0;a:2:{s:5:\"label\";s:19:\"Aerospace & Defense\";", (string?)co["fields"]!["professional"]!["companyindustry"]!["properties"]);

        // A list (and batch answers) follow the table's column order: companyemail first.
        var listed = Get("/companies").B["companies"]![id.ToString()]!;
        Assert.Equal("companyemail", Keys(listed["fields"]!["core"]).First());
        Assert.Equal(["id", "companyemail", "companyaddress1"], Keys(listed["fields"]!["all"]).Take(3));
    }

    [Fact]
    public void A_company_just_created_has_int_field_ids_and_social_and_personal_groups()
    {
        // real 201: {"company":{"id":3,"score":0,"fields":{"core":{"companyaddress1":{"id":29,"group":"core","label":"Address 1","alias":"companyaddress1",
        //   "type":"text","value":null,"normalizedValue":""},...},"professional":{...},"social":[],"personal":[],"all":{...}}}}
        var r = Post("/companies/new", """{"companyname":"Acme","companynumber_of_employees":12,"companyannual_revenue":"100","companywebsite":"acme.example","isPublished":0}""");
        Assert.Equal(201, r.Status);
        var fields = r.B["company"]!["fields"]!;
        Assert.Equal(["core", "professional", "social", "personal", "all"], Keys(fields));
        AssertSame("""{"id":29,"group":"core","label":"Address 1","alias":"companyaddress1","type":"text","value":null,"normalizedValue":""}""", fields["core"]!["companyaddress1"]);
        // Numbers are numbers, and a 201 shows them cast to int (real: "1234.50" -> 1234). A website gets a scheme.
        Assert.Contains("\"companynumber_of_employees\":12,", fields["all"]!.ToJsonString());
        Assert.Contains("\"companyannual_revenue\":100,", fields["all"]!.ToJsonString());
        Assert.Equal("http://acme.example", (string?)fields["all"]!["companywebsite"]);
        Assert.Equal(12, (int)fields["professional"]!["companynumber_of_employees"]!["normalizedValue"]!);
    }

    [Fact]
    public void Company_numbers_keep_their_scale_when_read_back()
    {
        var id = IdOf(Post("/companies/new", """{"companyname":"Acme","companyannual_revenue":"1234.50","companynumber_of_employees":12.6}""").B["company"]);
        // real: the 201 said 1234 and 12; GET says 1234.5 and 12 (the integer part: 12.6 and -12.6 keep 12 and -12)
        var all = Get($"/companies/{id}").B["company"]!["fields"]!["all"]!;
        Assert.Contains("\"companynumber_of_employees\":12,", all.ToJsonString());
        Assert.Contains("\"companyannual_revenue\":1234.5,", all.ToJsonString());
        // real: "2.345" -> 2.34 and "5.555" -> 5.56 (half to even on the decimal text); 100 -> 100.0 (a float at scale 2)
        Assert.Equal(2.34, (double)Patch($"/companies/{id}/edit", """{"companyannual_revenue":"2.345"}""").B["company"]!["fields"]!["all"]!["companyannual_revenue"]!);
        Assert.Equal(5.56, (double)Patch($"/companies/{id}/edit", """{"companyannual_revenue":"5.555"}""").B["company"]!["fields"]!["all"]!["companyannual_revenue"]!);
        var patched = Patch($"/companies/{id}/edit", """{"companyannual_revenue":100,"companynumber_of_employees":-12.6}""").B["company"]!["fields"]!["all"]!;
        Assert.Contains("\"companyannual_revenue\":100.0,", patched.ToJsonString());
        Assert.Contains("\"companynumber_of_employees\":-12,", patched.ToJsonString());
    }

    [Fact]
    public void Company_values_are_validated_like_mautics_form()
    {
        AssertSame("""{"errors":[{"code":400,"message":"companyemail: notanemail is invalid.","details":{"companyemail":["notanemail is invalid."]}}]}""",
            Post("/companies/new", """{"companyname":"B","companyemail":"notanemail"}""").Body);
        AssertSame("""{"companynumber_of_employees":["This value is not valid."]}""",
            Post("/companies/new", """{"companyname":"B","companynumber_of_employees":"abc"}""").B["errors"]![0]!["details"]);
        AssertSame("""{"companyindustry":["This value is not valid."]}""",
            Post("/companies/new", """{"companyname":"B","companyindustry":"Nope"}""").B["errors"]![0]!["details"]);
        Assert.Equal(201, Post("/companies/new", """{"companyname":"B","companyindustry":"Agriculture"}""").Status);
    }

    [Fact]
    public void Creating_a_company_by_an_existing_name_replaces_that_company_but_batch_new_and_edits_meet_uniqueness()
    {
        var id = State.AddCompany("Acme", new Dictionary<string, object?> { ["companyemail"] = "info@acme.example", ["companycity"] = "Raleigh" }).Id;
        // real: POST {"companyname":"f7-Acme","companycity":"Durham"} on f7-Acme: 200, same id, companyemail now null
        var r = Post("/companies/new", """{"companyname":"ACME","companycity":"Durham"}""");
        Assert.Equal(200, r.Status);
        var all = r.B["company"]!["fields"]!["all"]!;
        Assert.Equal(id, (long)all["id"]!);
        Assert.Equal("ACME", (string?)all["companyname"]);
        Assert.Equal("Durham", (string?)all["companycity"]);
        Assert.Equal(JsonValueKind.Null, Kind(all["companyemail"]));
        Assert.Equal(["core", "professional", "other", "all"], Keys(r.B["company"]!["fields"])); // read-back shape

        // real: batch/new [...,{"companyname":"f7-Acme"}] -> statusCodes [...,422], errors {"2":{"code":422,"message":"companyname: This field must be unique.",...,"type":null}}
        var batch = Post("/companies/batch/new", """[{"companyname":"acme"}]""");
        AssertSame("[422]", batch.B["statusCodes"]);
        AssertSame("""[{"code":422,"message":"companyname: This field must be unique.","details":{"companyname":["This field must be unique."]},"type":null}]""", batch.B["errors"]);
        AssertSame("[]", batch.B["companies"]);
        var other = IdOf(Post("/companies/new", """{"companyname":"Beta"}""").B["company"]);
        var unique = Patch($"/companies/{other}/edit", """{"companyname":"Acme"}""");
        Assert.Equal(422, unique.Status);
        AssertSame("""{"errors":[{"code":422,"message":"companyname: This field must be unique.","details":{"companyname":["This field must be unique."]}}]}""", unique.Body);
        Assert.Equal(422, Put("/companies/999999/edit", """{"companyname":"acme"}""").Status);
        // real: {"errors":[{"code":422,"message":"companyemail: bad is invalid., companyname: This field must be unique.","details":{...}}]}
        AssertSame("""{"errors":[{"code":422,"message":"companyemail: bad is invalid., companyname: This field must be unique.","details":{"companyemail":["bad is invalid."],"companyname":["This field must be unique."]}}]}""",
            Patch($"/companies/{other}/edit", """{"companyname":"Acme","companyemail":"bad"}""").Body);
    }

    [Fact]
    public void Company_patch_blanks_what_it_sends_empty_and_put_blanks_everything_not_sent()
    {
        var id = State.AddCompany("Acme", new Dictionary<string, object?> { ["companyphone"] = "555", ["companycity"] = "Raleigh" }).Id;
        var patched = Patch($"/companies/{id}/edit", """{"companyphone":"","companydescription":"d"}""").B["company"]!["fields"]!["all"]!;
        Assert.Equal(JsonValueKind.Null, Kind(patched["companyphone"]));
        Assert.Equal("Raleigh", (string?)patched["companycity"]);
        var put = Put($"/companies/{id}/edit", """{"companyname":"Acme","companyzipcode":"27601"}""");
        Assert.Equal(200, put.Status);
        var all = put.B["company"]!["fields"]!["all"]!;
        Assert.Equal(JsonValueKind.Null, Kind(all["companycity"]));
        Assert.Equal(JsonValueKind.Null, Kind(all["companydescription"]));
        Assert.Equal("27601", (string?)all["companyzipcode"]);
        AssertSame("""{"errors":[{"code":400,"message":"companyname: This field is required.","details":{"companyname":["This field is required."]}}]}""",
            Put($"/companies/{id}/edit", """{"companycity":"x"}""").Body);
    }

    [Fact]
    public void A_failed_company_batch_edit_lists_the_stored_company_without_all()
    {
        var id = State.AddCompany("Acme").Id;
        var r = Patch("/companies/batch/edit", $$"""[{"id":{{id}},"companyname":""}]""");
        // real: "companies":{"2":{"id":6,"score":0,"fields":{"core":{...companyname value "f7-B1"...},"professional":{...},"other":[]}}}
        var listed = r.B["companies"]![0]!;
        Assert.Equal(["core", "professional", "other"], Keys(listed["fields"]));
        Assert.Equal("Acme", (string?)listed["fields"]!["core"]!["companyname"]!["value"]);
        AssertSame("[400]", r.B["statusCodes"]);
    }

    [Fact]
    public void Company_lists_search_name_and_email_and_field_commands()
    {
        State.AddCompany("Acme", new Dictionary<string, object?> { ["companycity"] = "Cary" });
        State.AddCompany("Delta", new Dictionary<string, object?> { ["companyemail"] = "hello@deltaco.example" });
        string[] Names(string query) => Get("/companies?" + query).B["companies"]!.AsObject().Select(kv => (string)kv.Value!["fields"]!["all"]!["companyname"]!).ToArray();
        Assert.Equal(["Acme"], Names("search=cm"));
        Assert.Equal(["Delta"], Names("search=deltaco"));
        Assert.Empty(Names("search=Cary")); // the city is not searched
        Assert.Equal(["Delta"], Names("search=companyemail:hello"));
        Assert.Equal(["Delta"], Names("where[0][col]=companyname&where[0][expr]=eq&where[0][val]=Delta"));
        Assert.Equal(["Delta", "Acme"], Names("orderBy=companyname&orderByDir=DESC&published=1"));
        AssertSame("""{"total":"0","companies":{}}""", Get("/companies?search=nothing").Body);
    }

    [Fact]
    public void Company_membership_sets_the_primary_company_and_the_contacts_company_field()
    {
        var c = State.AddContact("member@example.com");
        var acme = State.AddCompany("Acme", new Dictionary<string, object?> { ["companycity"] = "Cary", ["companynumber_of_employees"] = 7L, ["companyannual_revenue"] = 100.0 });
        var delta = State.AddCompany("Delta");
        AssertSame("""{"total":0,"companies":[]}""", Get($"/contacts/{c.Id}/companies").Body);

        AssertSame("""{"success":1}""", Post($"/companies/{acme.Id}/contact/{c.Id}/add").Body);
        // real: {"total":1,"companies":[{"company_id":"3","date_associated":"2026-11-23 10:24:19","is_primary":"1","id":"3","is_published":"1",
        //   "date_added":"...","created_by_user":"env-client-credentials [1]","date_modified":"...","modified_by_user":"...","social_cache":"a:0:{}","score":"0",
        //   "companycity":"Cary","companyname":"f7-Acme"}]}  (NULL columns left out, every value a string)
        var row = Get($"/contacts/{c.Id}/companies").B["companies"]![0]!;
        Assert.Equal(["company_id", "date_associated", "is_primary", "id", "is_published", "date_added", "created_by", "created_by_user",
            "social_cache", "score", "companycity", "companyname", "companynumber_of_employees", "companyannual_revenue"], Keys(row));
        Assert.Equal("1", (string?)row["is_primary"]);
        Assert.Equal("7", (string?)row["companynumber_of_employees"]);
        Assert.Equal("100", (string?)row["companyannual_revenue"]);
        Assert.Equal("Acme", State.Contacts[c.Id].Fields["company"]);

        // The last company added is primary; adding one the contact has changes nothing.
        Post($"/companies/{delta.Id}/contact/{c.Id}/add");
        Post($"/companies/{acme.Id}/contact/{c.Id}/add");
        var rows = Get($"/contacts/{c.Id}/companies").B;
        Assert.Equal(2, (int)rows["total"]!);
        Assert.Equal(["0", "1"], rows["companies"]!.AsArray().Select(x => (string)x!["is_primary"]!));
        Assert.Equal("Delta", State.Contacts[c.Id].Fields["company"]);

        // Removing the primary one promotes the first remaining (real: with 45, 46, 47(primary), removing 47 made 45 primary);
        // removing the last blanks the field; removing again still succeeds.
        var third = State.AddCompany("Gamma");
        Post($"/companies/{third.Id}/contact/{c.Id}/add");
        Post($"/companies/{third.Id}/contact/{c.Id}/remove");
        Assert.Equal("Acme", State.Contacts[c.Id].Fields["company"]);
        Assert.Equal(["1", "0"], Get($"/contacts/{c.Id}/companies").B["companies"]!.AsArray().Select(x => (string)x!["is_primary"]!));
        Post($"/companies/{delta.Id}/contact/{c.Id}/remove");
        Assert.Equal("Acme", State.Contacts[c.Id].Fields["company"]);
        Post($"/companies/{acme.Id}/contact/{c.Id}/remove");
        Assert.Null(State.Contacts[c.Id].Fields["company"]);
        AssertSame("""{"success":1}""", Post($"/companies/{acme.Id}/contact/{c.Id}/remove").Body);

        // Errors: a missing company is "Item was not found."; a missing contact "Contact not found." on add only.
        AssertSame(NotFoundBody, Post($"/companies/999999/contact/{c.Id}/add").Body);
        AssertSame("""{"errors":[{"code":404,"message":"Contact not found.","details":[]}]}""", Post($"/companies/{acme.Id}/contact/999999/add").Body);
        AssertSame(NotFoundBody, Post($"/companies/{acme.Id}/contact/999999/remove").Body);
        AssertSame(NotFoundBody, Get("/contacts/999999/companies").Body);
        Assert.Equal(404, Get($"/companies/{acme.Id}/contact/{c.Id}/add").Status);

        // Deleting a company ends the membership but leaves the contact's company field as it was.
        Post($"/companies/{acme.Id}/contact/{c.Id}/add");
        Delete($"/companies/{acme.Id}/delete");
        AssertSame("""{"total":0,"companies":[]}""", Get($"/contacts/{c.Id}/companies").Body);
        Assert.Equal("Acme", State.Contacts[c.Id].Fields["company"]);
    }

    [Fact]
    public void A_deleted_company_has_a_null_id_in_all_too()
    {
        var id = State.AddCompany("Acme").Id;
        var co = Delete($"/companies/{id}/delete").B["company"]!;
        Assert.Equal(JsonValueKind.Null, Kind(co["id"]));
        Assert.Equal(JsonValueKind.Null, Kind(co["fields"]!["all"]!["id"]));
        Assert.Equal("Acme", (string?)co["fields"]!["all"]!["companyname"]);
        // A batch delete renders before removing: the id stays (real: {"companies":[{"id":6,"score":0,...}]}).
        var other = State.AddCompany("B").Id;
        var batch = Delete($"/companies/batch/delete?ids={other}").B["companies"]![0]!;
        Assert.Equal(other, IdOf(batch));
        Assert.Equal(other, (long)batch["fields"]!["all"]!["id"]!);
    }

    // ---------- categories ----------

    [Fact]
    public void A_category_has_no_header_an_alias_unique_within_its_bundle_and_a_bundle_fixed_at_creation()
    {
        // real: {"category":{"id":10,"title":"f84920a","alias":"f84920a","description":"d","color":"ff0000","bundle":"email"}}
        var c = Post("/categories/new", """{"title":"News Letters","bundle":"email","color":"ff0000","description":"d"}""");
        Assert.Equal(201, c.Status);
        Assert.Equal(["id", "title", "alias", "description", "color", "bundle"], Keys(c.B["category"]));
        Assert.Equal("news-letters", (string?)c.B["category"]!["alias"]);
        var id = IdOf(c.B["category"]);
        // real: same title and bundle -> "f84920a1"; another bundle -> "f84920a"; alias "My Alias!" -> "my-alias"
        Assert.Equal("news-letters1", (string?)Post("/categories/new", """{"title":"News Letters","bundle":"email"}""").B["category"]!["alias"]);
        Assert.Equal("news-letters", (string?)Post("/categories/new", """{"title":"News Letters","bundle":"page"}""").B["category"]!["alias"]);
        Assert.Equal("my-alias", (string?)Post("/categories/new", """{"title":"x","bundle":"email","alias":"My Alias!"}""").B["category"]!["alias"]);
        // real: {"errors":[{"code":400,"message":"bundle: This value is not valid.","details":{"bundle":["This value is not valid."]}}]}
        AssertSame("""{"errors":[{"code":400,"message":"bundle: This value is not valid.","details":{"bundle":["This value is not valid."]}}]}""",
            Post("/categories/new", """{"title":"x","bundle":"lead"}""").Body);
        Assert.Equal(201, Post("/categories/new", """{"title":"x","bundle":"plugin:focus"}""").Status);

        // PATCH: the bundle sent is ignored (even an invalid one), the alias kept when the title changes.
        var patched = Patch($"/categories/{id}/edit", """{"bundle":"bad","title":"Hello World","color":"#00ff00"}""").B["category"]!;
        Assert.Equal("email", (string?)patched["bundle"]);
        Assert.Equal("news-letters", (string?)patched["alias"]);
        Assert.Equal("#00ff00", (string?)patched["color"]);
        // real PUT {"title":"f84920put"}: 200, bundle kept, description and color null, alias regenerated from the title
        AssertSame($$$"""{"category":{"id":{{{id}}},"title":"Put","alias":"put","description":null,"color":null,"bundle":"email"}}""",
            Put($"/categories/{id}/edit", """{"title":"Put"}""").Body);
        // real: PUT on a missing id without a bundle -> 400 "bundle: A value is required."
        Assert.Equal("bundle: A value is required.", (string?)Put("/categories/999999/edit", """{"title":"c"}""").B["errors"]![0]!["message"]);
    }

    [Fact]
    public void Categories_list_by_title_filter_published_and_records_show_the_category_they_are_in()
    {
        var b = IdOf(Post("/categories/new", """{"title":"b","bundle":"point"}""").B["category"]);
        var a = IdOf(Post("/categories/new", """{"title":"a","bundle":"stage","isPublished":0}""").B["category"]);
        var list = Get("/categories").B["categories"]!.AsArray();
        Assert.Equal([a, b], list.Select(IdOf)); // real: ordered by title, not id
        Assert.Equal([b], Get("/categories?published=1").B["categories"]!.AsArray().Select(IdOf)); // isPublished is stored, not shown

        // real: a point action in a category (any bundle will do); a change of category alone leaves dateModified null
        var point = IdOf(Post("/points/new", """{"name":"p","type":"url.hit"}""").B["point"]);
        var p = Patch($"/points/{point}/edit", $$"""{"category":{{a}}}""").B["point"]!;
        AssertSame($$"""{"createdByUser":"Admin User","modifiedByUser":null,"id":{{a}},"title":"a","alias":"a","description":null,"color":null,"bundle":"stage"}""", p["category"]);
        Assert.Equal(JsonValueKind.Null, Kind(p["dateModified"]));
        var stage = Post("/stages/new", $$"""{"name":"s","category":{{b}}}""").B["stage"]!;
        Assert.Equal(b, IdOf(stage["category"]));
        // real: {"errors":[{"message":"Category 99999 does not exist","code":500,"type":null}]}
        AssertSame("""{"errors":[{"message":"Category 99999 does not exist","code":500,"type":null}]}""", Post("/points/new", """{"name":"p","type":"url.hit","category":99999}""").Body);

        // real: ids=11,999999,12 -> {"categories":{"0":{"id":11,...},"2":{"id":12,...}}}
        var deleted = Delete($"/categories/batch/delete?ids={a},999999,{b}").B["categories"]!;
        Assert.Equal(["0", "2"], Keys(deleted));
        Assert.Equal(JsonValueKind.Null, Kind(Get($"/points/{point}").B["point"]!["category"]));
    }

    // ---------- roles ----------

    [Fact]
    public void A_role_is_always_published_keeps_its_permissions_on_put_and_put_without_isAdmin_is_a_500()
    {
        // real: {"role":{...header...,"id":12,"name":"f84920r2","description":"dd","isAdmin":false,"rawPermissions":{"email:emails":["viewown","editown"]}}}
        var r = Post("/roles/new", """{"name":"Ops","description":"dd","isAdmin":0,"isPublished":0,"rawPermissions":{"email:emails":["viewown","editown"]}}""").B["role"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "description", "isAdmin", "rawPermissions"], Keys(r));
        Assert.True((bool)r["isPublished"]!);
        Assert.False((bool)r["isAdmin"]!);
        AssertSame("""{"email:emails":["viewown","editown"]}""", r["rawPermissions"]);
        var id = IdOf(r);
        Assert.Equal(JsonValueKind.Null, Kind(Post("/roles/new", """{"name":"x","rawPermissions":"abc"}""").B["role"]!["rawPermissions"]));
        // real: "permissions" is refused
        AssertSame("""{"errors":[{"code":400,"message":"permissions: This form should not contain extra fields.","details":{"permissions":["This form should not contain extra fields."]}}]}""",
            Post("/roles/new", """{"name":"x","permissions":{"email:emails":["viewown"]}}""").Body);

        var patched = Patch($"/roles/{id}/edit", """{"isAdmin":"yes","isPublished":0,"rawPermissions":{"lead:leads":["full"]}}""").B["role"]!;
        Assert.True((bool)patched["isAdmin"]!);
        Assert.True((bool)patched["isPublished"]!);
        AssertSame("""{"lead:leads":["full"]}""", patched["rawPermissions"]);

        // real: PUT {"name":...} -> the generic 500, nothing changed; with isAdmin: description reset, rawPermissions kept
        var put500 = Put($"/roles/{id}/edit", """{"name":"Renamed"}""");
        Assert.Equal(500, put500.Status);
        AssertSame(GenericServerError, put500.Body);
        Assert.Equal("Ops", (string?)Get($"/roles/{id}").B["role"]!["name"]);
        var put = Put($"/roles/{id}/edit", """{"name":"Renamed","isAdmin":false}""").B["role"]!;
        Assert.Equal(JsonValueKind.Null, Kind(put["description"]));
        Assert.True((bool)put["isPublished"]!);
        AssertSame("""{"lead:leads":["full"]}""", put["rawPermissions"]);
        // PUT creating a role needs no isAdmin (real: 201, "isAdmin":false); a batch PUT item without it is the 500.
        Assert.Equal(201, Put("/roles/999999/edit", """{"name":"New"}""").Status);
        Assert.Equal(500, Put("/roles/batch/edit", $$$"""[{"id":{{{id}}},"name":"x"}]""").Status);
        Assert.Equal(["New", "Renamed", "x"], Get("/roles").B["roles"]!.AsArray().Select(x => (string?)x!["name"])); // by name
    }

    // ---------- point actions, triggers, groups ----------

    [Fact]
    public void A_point_action_needs_a_listed_type_and_put_without_repeatable_is_a_500()
    {
        var types = Get("/points/actions/types");
        AssertSame("""{"pointActionTypes":{"asset.download":"Downloads an asset","email.send":"Is sent an email","email.open":"Opens an email","form.submit":"Submits a form","page.hit":"Visits a landing page","url.hit":"Visits specific URL"}}""", types.Body);
        Assert.Equal("type: This value is not valid.", (string?)Post("/points/new", """{"name":"p","type":"bogus"}""").B["errors"]![0]!["message"]);
        Assert.Equal("delta: This value is not valid.", (string?)Post("/points/new", """{"name":"p","type":"url.hit","delta":"abc"}""").B["errors"]![0]!["message"]);

        // real: {"point":{...header...,"id":10,"name":"f84920p2","category":null,"type":"url.hit","description":null,"publishUp":null,"publishDown":null,"delta":5,"properties":[],"repeatable":false}}
        var p = Post("/points/new", """{"name":"Visit","type":"url.hit","delta":5,"properties":{"page_url":"http://x"}}""").B["point"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "category", "type", "description", "publishUp", "publishDown", "delta", "properties", "repeatable"], Keys(p));
        AssertSame("[]", p["properties"]);
        Assert.False((bool)p["repeatable"]!);
        Assert.Equal(5, (int)p["delta"]!);
        var id = IdOf(p);
        Assert.True((bool)Post("/points/new", """{"name":"r","type":"url.hit","repeatable":"1"}""").B["point"]!["repeatable"]!);
        Assert.Equal(-3, (int)Patch($"/points/{id}/edit", """{"delta":-3,"type":"email.send"}""").B["point"]!["delta"]!);

        Assert.Equal(500, Put($"/points/{id}/edit", """{"name":"pp","type":"url.hit"}""").Status);
        var put = Put($"/points/{id}/edit", """{"name":"pp","type":"url.hit","repeatable":0}""").B["point"]!;
        Assert.Equal(0, (int)put["delta"]!);
        Assert.False((bool)put["isPublished"]!);
    }

    [Fact]
    public void A_trigger_is_created_modified_with_a_default_color_and_put_needs_points_and_triggerExistingLeads()
    {
        // real: {"trigger":{...,"dateModified":"<dateAdded>","modifiedByUser":"env-client-credentials [1]","id":10,"name":"f84920t1","category":null,
        //   "description":null,"publishUp":null,"publishDown":null,"points":0,"color":"a0acb8","events":[],"triggerExistingLeads":false}}
        var t = Post("/points/triggers/new", """{"name":"Hot"}""");
        Assert.Equal(201, t.Status);
        var r = t.B["trigger"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "category", "description", "publishUp", "publishDown", "points", "color", "events", "triggerExistingLeads"], Keys(r));
        Assert.Equal((string?)r["dateAdded"], (string?)r["dateModified"]);
        Assert.Equal("Admin User", (string?)r["modifiedByUser"]);
        Assert.Equal("a0acb8", (string?)r["color"]);
        AssertSame("[]", r["events"]);
        Assert.False((bool)r["triggerExistingLeads"]!);
        Assert.Equal("points: This value is not valid.", (string?)Post("/points/triggers/new", """{"name":"x","points":"abc"}""").B["errors"]![0]!["message"]);

        var id = IdOf(Post("/points/triggers/new", """{"name":"t3","points":12,"triggerExistingLeads":1,"color":"ff0000","description":"x","isPublished":false}""").B["trigger"]);
        Assert.Equal(500, Put($"/points/triggers/{id}/edit", """{"name":"p"}""").Status);
        Assert.Equal(500, Put($"/points/triggers/{id}/edit", """{"name":"p","points":1}""").Status);
        Assert.Equal(500, Put($"/points/triggers/{id}/edit", """{"name":"p","triggerExistingLeads":0}""").Status);
        // real: "points":1,"color":"a0acb8","description":null,"triggerExistingLeads":false
        var put = Put($"/points/triggers/{id}/edit", """{"name":"p","points":1,"triggerExistingLeads":0}""").B["trigger"]!;
        Assert.Equal("a0acb8", (string?)put["color"]);
        Assert.Equal(JsonValueKind.Null, Kind(put["description"]));
        Assert.Equal(1, (int)put["points"]!);
        // real: colors are not validated, points "7" is 7
        var patched = Patch($"/points/triggers/{id}/edit", """{"color":"zz","points":"7"}""").B["trigger"]!;
        Assert.Equal("zz", (string?)patched["color"]);
        Assert.Equal(7, (int)patched["points"]!);
    }

    [Fact]
    public void A_point_group_is_the_header_name_and_description()
    {
        // real: {"pointGroup":{"isPublished":false,...,"id":10,"name":"f84920g1","description":"d"}}
        var g = Post("/points/groups/new", """{"name":"G","description":"d","isPublished":0}""").B["pointGroup"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "description"], Keys(g));
        Assert.False((bool)g["isPublished"]!);
        var id = IdOf(g);
        var other = IdOf(Post("/points/groups/new", """{"name":"H"}""").B["pointGroup"]);
        // real: [{"id":10,"name":""},{"id":11,"isPublished":true}] -> the refused one listed with name null, errors an array
        var batch = Patch("/points/groups/batch/edit", $$$"""[{"id":{{{id}}},"name":""},{"id":{{{other}}},"description":"e"}]""");
        AssertSame("[400,200]", batch.B["statusCodes"]);
        Assert.Equal(JsonValueKind.Null, Kind(batch.B["pointGroups"]![0]!["name"]));
        AssertSame("""[{"code":400,"message":"name: A name is required.","details":{"name":["A name is required."]},"type":null}]""", batch.B["errors"]);
        Assert.Equal("G", (string?)Get($"/points/groups/{id}").B["pointGroup"]!["name"]);
        Assert.False((bool)Put($"/points/groups/{other}/edit", """{"name":"H2"}""").B["pointGroup"]!["isPublished"]!);
    }

    // ---------- segments (hand-written, not a table row) ----------

    [Fact]
    public void Segments_edit_like_the_table_areas_put_resetting_flags_public_name_and_alias()
    {
        // real: {"list":{...header...,"id":19,"name":"f84920L1","publicName":"Pub","alias":"f84920l1","description":"d","category":null,"filters":[],"isGlobal":false,"isPreferenceCenter":true}}
        var created = Post("/segments/new", """{"name":"Seg One","description":"d","isGlobal":false,"isPreferenceCenter":1,"publicName":"Pub"}""");
        Assert.Equal(201, created.Status);
        var g = created.B["list"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "publicName", "alias", "description", "category", "filters", "isGlobal", "isPreferenceCenter"], Keys(g));
        Assert.Equal("Pub", (string?)g["publicName"]);
        Assert.False((bool)g["isGlobal"]!);
        Assert.True((bool)g["isPreferenceCenter"]!);
        var id = IdOf(g);
        // real: same name again -> alias "f84920l11", publicName the name, global
        var twin = Post("/segments/new", """{"name":"Seg One"}""").B["list"]!;
        Assert.Equal("seg-one1", (string?)twin["alias"]);
        Assert.Equal("Seg One", (string?)twin["publicName"]);
        Assert.True((bool)twin["isGlobal"]!);

        // real PATCH {"name":"...x","isGlobal":1}: alias and publicName kept
        var patched = Patch($"/segments/{id}/edit", """{"name":"Renamed","isGlobal":1}""").B["list"]!;
        Assert.Equal(("Renamed", "Pub", "seg-one", true), ((string?)patched["name"], (string?)patched["publicName"], (string?)patched["alias"], (bool)patched["isGlobal"]!));
        AssertSame("""{"errors":[{"code":400,"message":"name: A name is required.","details":{"name":["A name is required."]}}]}""", Patch($"/segments/{id}/edit", """{"name":""}""").Body);
        // real PUT {"name":"...y"}: isPublished/isGlobal/isPreferenceCenter false, description null, publicName and alias from the name
        var put = Put($"/segments/{id}/edit", """{"name":"Put Name"}""").B["list"]!;
        Assert.Equal(("Put Name", "put-name", false, false, false), ((string?)put["publicName"], (string?)put["alias"], (bool)put["isPublished"]!, (bool)put["isGlobal"]!, (bool)put["isPreferenceCenter"]!));
        Assert.Equal(JsonValueKind.Null, Kind(put["description"]));
        // Missing ids: PATCH 404, PUT creates (global, published)
        AssertSame(NotFoundBody, Patch("/segments/999999/edit", """{"name":"x"}""").Body);
        var putNew = Put("/segments/999999/edit", """{"name":"L3"}""");
        Assert.Equal(201, putNew.Status);
        Assert.Equal($"/api/segments/{IdOf(putNew.B["list"])}", putNew.Location);
        Assert.True((bool)putNew.B["list"]!["isGlobal"]!);
    }

    [Fact]
    public void Segment_batches_answer_under_lists_and_deletes_render_the_segment()
    {
        // real: {"lists":[{...}],"statusCodes":[201,400],"errors":{"1":{"code":400,"message":"name: A name is required.","details":{...},"type":null}}}
        var batch = Post("/segments/batch/new", """[{"name":"L4"},{}]""");
        Assert.Equal(201, batch.Status);
        AssertSame("[201,400]", batch.B["statusCodes"]);
        AssertSame("""{"1":{"code":400,"message":"name: A name is required.","details":{"name":["A name is required."]},"type":null}}""", batch.B["errors"]);
        var id = IdOf(batch.B["lists"]![0]);
        // real: [{"id":999998},{"id":20,"description":"z"}] -> {"lists":{"1":{...}},"statusCodes":[404,200],"errors":[{"message":"Item was not found.","code":404,"type":"api"}]}
        var edit = Patch("/segments/batch/edit", $$$"""[{"id":999998},{"id":{{{id}}},"description":"z"}]""");
        Assert.Equal(200, edit.Status);
        Assert.Equal(["1"], Keys(edit.B["lists"]));
        Assert.Equal("z", (string?)edit.B["lists"]!["1"]!["description"]);
        AssertSame("[404,200]", edit.B["statusCodes"]);
        AssertSame("""[{"message":"Item was not found.","code":404,"type":"api"}]""", edit.B["errors"]);
        var put = Put("/segments/batch/edit", $$$"""[{"id":999997,"name":"created"},{"id":{{{id}}},"name":"L4b"}]""");
        Assert.Equal(["1", "0"], Keys(put.B["lists"]));
        var other = IdOf(put.B["lists"]!["0"]);

        // real: single delete has id null; ids=22,999999,20 -> {"lists":{"0":{"id":22,...},"2":{"id":20,...}}}
        var third = IdOf(Post("/segments/new", """{"name":"x"}""").B["list"]);
        Assert.Equal(JsonValueKind.Null, Kind(Delete($"/segments/{third}/delete").B["list"]!["id"]));
        var deleted = Delete($"/segments/batch/delete?ids={id},999999,{other}").B["lists"]!;
        Assert.Equal(["0", "2"], Keys(deleted));
        Assert.Equal(id, IdOf(deleted["0"]));
        AssertSame("""{"lists":[]}""", Delete("/segments/batch/delete?ids=999999").Body);
        Assert.Equal(404, Get($"/segments/{other}").Status);
    }

    [Fact]
    public void The_table_lists_every_area_the_fake_serves_with_distinct_routes_and_keys()
    {
        Assert.Equal(["tags", "stages", "companies", "categories", "roles", "points", "points/triggers", "points/groups", "campaigns", "users", "notes", "fields/contact", "fields/company", "focus", "pages", "assets", "emails", "forms", "smses", "notifications", "tweets", "dynamiccontents", "messages", "devices", "reports", "hooks"],
            FakeAreas.All.Select(a => a.Route));
        // Contact and company fields are two routes over one table (Mautic's lead_fields): same keys, one store.
        var own = FakeAreas.All.Where(a => a.Lists == null).ToList();
        Assert.Equal(own.Count, own.Select(a => a.Singular).Distinct().Count());
        Assert.All(own, a => Assert.Equal(a, State.Stores[a.Route].Area));
        Assert.Same(State.Stores["fields/contact"], State.Stores["fields/company"]);
    }
}
