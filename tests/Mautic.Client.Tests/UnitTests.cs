using System.Collections;
using Mautic.Client;
using Mautic.Client.Batching;
using Mautic.Client.Http;
using Mautic.Client.Json;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

public class BaseUrlTests
{
    [Theory]
    [InlineData("https://m.example.com", "https://m.example.com/")]
    [InlineData("https://m.example.com/", "https://m.example.com/")]
    [InlineData("https://m.example.com/api", "https://m.example.com/")]
    [InlineData("https://m.example.com/api/", "https://m.example.com/")]
    [InlineData(" https://m.example.com/mautic/api ", "https://m.example.com/mautic/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    public void Accepted_forms_normalise_to_the_site_root(string input, string root) =>
        Assert.Equal(root, MauticClientOptions.NormaliseRoot(input).AbsoluteUri);

    [Theory]
    [InlineData("")]
    [InlineData("m.example.com")]
    [InlineData("ftp://m.example.com")]
    public void Bad_urls_are_refused_naming_the_value(string input)
    {
        var e = Assert.Throws<MauticApiException>(() => MauticClientOptions.NormaliseRoot(input));
        Assert.Equal(MauticErrorKind.InvalidArgument, e.Kind);
        if (input.Length > 0) Assert.Contains(input, e.Message);
    }

    [Fact]
    public void Credentials_in_the_url_are_refused_and_not_echoed()
    {
        var e = Assert.Throws<MauticApiException>(() => MauticClientOptions.NormaliseRoot("https://bob:hunter2@m.example.com"));
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Fact]
    public void Credentials_over_plain_http_to_a_remote_host_are_refused_unless_allowed()
    {
        var auth = new Auth.BasicAuthenticator(new System.Net.NetworkCredential("u", "p"));
        var e = Assert.Throws<MauticApiException>(() => new MauticClient(new MauticClientOptions { BaseUrl = "http://mautic.example.com", Authenticator = auth }));
        Assert.Contains("AllowUnencryptedAuthentication", e.Message);
        using (new MauticClient(new MauticClientOptions { BaseUrl = "http://mautic.example.com", Authenticator = auth, AllowInsecureAuthentication = true })) { }
        using (new MauticClient(new MauticClientOptions { BaseUrl = "http://localhost:81", Authenticator = auth })) { }
        using (new MauticClient(new MauticClientOptions { BaseUrl = "http://[::1]:81", Authenticator = auth })) { }
        using (new MauticClient(new MauticClientOptions { BaseUrl = "https://mautic.example.com", Authenticator = auth })) { }
    }

    [Fact]
    public void Request_urls_escape_query_values_so_plus_survives()
    {
        var url = MauticRequest.Get("contacts").With("where[0][val]", "a+b@x.com").BuildUrl(new Uri("https://m.example.com/"));
        Assert.Equal("https://m.example.com/api/contacts?where%5B0%5D%5Bval%5D=a%2Bb%40x.com", url);
    }
}

public class JsonQuirkTests
{
    [Fact]
    public void Html_body_is_a_protocol_error_showing_at_most_200_characters()
    {
        var html = "<html><body>" + new string('x', 500) + "</body></html>";
        var e = Assert.Throws<MauticApiException>(() => MauticJson.ParseBody(html, 200, "GET", "https://h/api/contacts"));
        Assert.Equal(MauticErrorKind.Protocol, e.Kind);
        Assert.Contains("HTML", e.Message);
        Assert.Contains(html.Substring(0, 200), e.Message);
        Assert.DoesNotContain(html.Substring(0, 201), e.Message);
    }

    [Fact]
    public void Html_body_with_5xx_is_a_server_error() =>
        Assert.Equal(MauticErrorKind.Server, Assert.Throws<MauticApiException>(() => MauticJson.ParseBody("<b>Fatal error</b>", 500, "GET", "u")).Kind);

    [Fact]
    public void Empty_body_parses_to_null() => Assert.Null(MauticJson.ParseBody("  ", 200, "GET", "u"));

    [Fact]
    public void Json_encoded_string_holding_json_is_unwrapped()
    {
        var token = MauticJson.ParseBody("\"{\\\"error\\\":{\\\"message\\\":\\\"SMS transport is disabled.\\\",\\\"code\\\":417}}\"", 200, "POST", "u");
        var e = MauticJson.ErrorFrom(200, token, "POST", "u", null);
        Assert.NotNull(e);
        Assert.Equal("SMS transport is disabled.", e!.MauticMessage);
        Assert.Equal(417, e.MauticCode);
        Assert.Equal(MauticErrorKind.InvalidData, e.Kind);
    }

    [Fact]
    public void Errors_array_gives_message_code_type_and_field_details()
    {
        var body = JToken.Parse("{\"errors\":[{\"code\":400,\"message\":\"email: A valid email is required.\",\"details\":{\"email\":[\"A valid email is required.\"]}}]}");
        var e = MauticJson.ErrorFrom(400, body, "POST", "https://h/api/contacts/new", null)!;
        Assert.Equal(MauticErrorKind.InvalidData, e.Kind);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("A valid email is required.", e.Details!["email"]![0]!.ToString());
        Assert.Contains("POST https://h/api/contacts/new", e.Message);
    }

    [Fact]
    public void Errors_as_an_object_keyed_by_position_are_read_too()
    {
        var body = JToken.Parse("{\"errors\":{\"1\":{\"code\":404,\"message\":\"Item was not found.\",\"type\":\"api\"}}}");
        var e = MauticJson.ErrorFrom(200, body, "PATCH", "u", null)!;
        Assert.Equal(MauticErrorKind.NotFound, e.Kind);
        Assert.Equal("Item was not found.", e.MauticMessage);
    }

    [Theory]
    [InlineData(403, "api_disabled", MauticErrorKind.PermissionDenied)]
    [InlineData(403, "access_denied", MauticErrorKind.PermissionDenied)]
    [InlineData(401, "access_denied", MauticErrorKind.Authentication)]
    [InlineData(400, "invalid_grant", MauticErrorKind.Authentication)]
    [InlineData(404, null, MauticErrorKind.NotFound)]
    [InlineData(422, null, MauticErrorKind.InvalidData)]
    [InlineData(429, null, MauticErrorKind.LimitsExceeded)]
    [InlineData(503, null, MauticErrorKind.Server)]
    public void Status_and_type_map_to_one_kind(int status, string? type, MauticErrorKind kind) =>
        Assert.Equal(kind, MauticApiException.KindForStatus(status, type));

    [Fact]
    public void Successful_body_without_errors_is_no_error()
    {
        Assert.Null(MauticJson.ErrorFrom(200, JToken.Parse("{\"total\":\"0\",\"contacts\":{},\"errors\":[]}"), "GET", "u", null));
    }

    [Fact]
    public void Maps_read_the_same_from_arrays_and_objects()
    {
        Assert.Equal(new[] { "0", "1" }, MauticJson.Map(JToken.Parse("[{\"a\":1},{\"a\":2}]")).Select(k => k.Key));
        Assert.Equal(new[] { "5", "9" }, MauticJson.Map(JToken.Parse("{\"5\":{},\"9\":{}}")).Select(k => k.Key));
        Assert.Empty(MauticJson.Map(JToken.Parse("[]")));
        Assert.Empty(MauticJson.Map(JToken.Parse("{}")));
        Assert.Empty(MauticJson.Map(null));
        Assert.Equal(2, (int)MauticJson.MapGet(JToken.Parse("[1,2]"), "1")!);
        Assert.Equal(2, (int)MauticJson.MapGet(JToken.Parse("{\"1\":2}"), "1")!);
        Assert.Null(MauticJson.MapGet(JToken.Parse("[1]"), "3"));
    }

    [Fact]
    public void Numbers_as_strings_are_numbers()
    {
        Assert.Equal(42, MauticJson.ToLong(new JValue("42")));
        Assert.Equal(42, MauticJson.ToLong(new JValue(42)));
        Assert.Null(MauticJson.ToLong(new JValue("4x")));
        Assert.True(MauticJson.ToBool(new JValue("1")));
        Assert.False(MauticJson.ToBool(new JValue(0)));
    }
}

public class RecordShapeTests
{
    const string ContactJson = """
    {"id":"47","dateAdded":"2015-07-21T12:27:12-05:00","createdBy":"1","points":10,"owner":{"id":1,"username":"joe"},
     "fields":{"core":{"firstname":{"id":"2","alias":"firstname","type":"text","group":"core","value":"Jim"},
                       "score":{"id":"30","alias":"score","type":"number","group":"core","value":"42"}},
               "social":[],
               "professional":{"last_order_at":{"alias":"last_order_at","type":"datetime","value":"2024-05-01 10:00:00"},
                               "vip":{"alias":"vip","type":"boolean","value":"1"},
                               "zipcode":{"alias":"zipcode","type":"text","value":"01234"}},
               "all":{"id":47,"firstname":"Jim","score":"42","last_order_at":"2024-05-01 10:00:00","vip":"1","zipcode":"01234","empty":null}},
     "tags":[{"id":1,"tag":"aTag"},{"id":2,"tag":"bTag"}]}
    """;

    [Fact]
    public void Contact_fields_become_typed_top_level_properties()
    {
        var r = RecordShaper.Shape(JToken.Parse(ContactJson), "Mautic.Contact", flattenFields: true);
        Assert.Equal("Mautic.Contact", r.TypeName);
        Assert.Equal("id", r.Properties[0].Key);
        Assert.Equal(47L, r["id"]);
        Assert.Equal("Jim", r["firstname"]);
        Assert.Equal(42L, r["score"]);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), r["last_order_at"]);
        Assert.Equal(true, r["vip"]);
        Assert.Equal("01234", r["zipcode"]); // text stays text, leading zero kept
        Assert.Null(r["empty"]);
        Assert.False(r.Has("fields"));
        Assert.Equal(new[] { "aTag", "bTag" }, (string[])r["tags"]!);
        Assert.Equal(1L, r["createdBy"]);
        Assert.Equal(new DateTime(2015, 7, 21, 17, 27, 12, DateTimeKind.Utc), r["dateAdded"]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)r["dateAdded"]!).Kind);
        var owner = Assert.IsType<MauticRecord>(r["owner"]);
        Assert.Equal("joe", owner["username"]);
    }

    [Fact]
    public void Property_lookup_is_case_insensitive_like_PowerShell()
    {
        var r = RecordShaper.Shape(JToken.Parse(ContactJson), "Mautic.Contact", true);
        Assert.Equal("Jim", r["FirstName"]);
    }
}

public class PayloadTests
{
    static JObject Build(IEnumerable<KeyValuePair<string, object?>>? input = null, IDictionary? property = null,
        IEnumerable<KeyValuePair<string, object?>>? named = null, string[]? add = null, string[]? remove = null) =>
        ContactService.BuildPayload(input!, property!, named!, add!, remove!, out _).Json;

    [Fact]
    public void Csv_columns_map_to_field_aliases_and_read_only_properties_are_dropped()
    {
        var p = ContactService.BuildPayload(new Dictionary<string, object>
        {
            ["Email"] = " jo@example.com ", ["FirstName"] = "Jo", ["Last Name"] = "Doe", ["my_field"] = "x",
            ["id"] = 5, ["dateAdded"] = DateTime.UtcNow, ["Tags"] = "a, b", ["Owner"] = "1",
        }, null, null, null, null, out var problem).Json;
        Assert.Null(problem);
        Assert.Equal("jo@example.com", (string)p["email"]!);
        Assert.Equal("Jo", (string)p["firstname"]!);
        Assert.Equal("Doe", (string)p["lastname"]!);
        Assert.Equal("x", (string)p["my_field"]!);
        Assert.Null(p["id"]);
        Assert.Null(p["dateAdded"]);
        Assert.Equal(new[] { "a", "b" }, p["tags"]!.Select(t => (string)t!));
        Assert.Equal(1L, (long)p["owner"]!);
    }

    [Fact]
    public void Named_parameters_win_over_property_which_wins_over_input()
    {
        var p = ContactService.BuildPayload(
            new Dictionary<string, object> { ["email"] = "a@x.com", ["city"] = "Rome" },
            new Hashtable { ["city"] = "Paris", ["email"] = "b@x.com" },
            new Dictionary<string, object> { ["email"] = "c@x.com" }, null, null, out _).Json;
        Assert.Equal("c@x.com", (string)p["email"]!);
        Assert.Equal("Paris", (string)p["city"]!);
    }

    [Fact]
    public void Tags_add_and_remove_with_a_minus_prefix()
    {
        var p = ContactService.BuildPayload(null, null, null, new[] { "vip", " new " }, new[] { "old", "-older" }, out var problem).Json;
        Assert.Null(problem);
        Assert.Equal(new[] { "vip", "new", "-old", "-older" }, p["tags"]!.Select(t => (string)t!));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@at@x.com")]
    public void Invalid_email_is_a_problem_naming_the_value(string email)
    {
        ContactService.BuildPayload(null, null, new Dictionary<string, object> { ["email"] = email }, null, null, out var problem);
        Assert.NotNull(problem);
        Assert.Contains(email, problem);
    }

    [Fact]
    public void Empty_input_is_a_problem()
    {
        ContactService.BuildPayload(new Dictionary<string, object?> { ["x"] = null }!, null, null, null, null, out var problem);
        Assert.Contains("nothing", problem);
    }

    [Fact]
    public void Dates_are_sent_in_mautic_format_utc()
    {
        var p = ContactService.BuildPayload(null, new Hashtable { ["last_order_at"] = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc) }, null, null, null, out _).Json;
        Assert.Equal("2024-05-01 10:00:00", (string)p["last_order_at"]!);
    }
}

public class PagingAndBatchUnitTests
{
    [Fact]
    public void Where_clauses_validate_and_accept_hashtables()
    {
        var w = WhereClause.FromDictionary(new Hashtable { ["col"] = "email", ["val"] = "a@x.com" });
        Assert.Equal("eq", w.Expr);
        var e = Assert.Throws<MauticApiException>(() => WhereClause.FromDictionary(new Hashtable { ["col"] = "email", ["expr"] = "equals" }));
        Assert.Contains("'equals'", e.Message);
        Assert.Equal(MauticErrorKind.InvalidArgument, e.Kind);
        var e2 = Assert.Throws<MauticApiException>(() => WhereClause.FromDictionary(new Hashtable { ["column"] = "email", ["bogus"] = 1 }));
        Assert.Contains("'bogus'", e2.Message);
    }

    [Fact]
    public void Chunks_are_at_most_200()
    {
        var sizes = Chunk.Of(Enumerable.Range(0, 450)).Select(c => c.Count).ToList();
        Assert.Equal(new[] { 200, 200, 50 }, sizes);
        Assert.Throws<ArgumentOutOfRangeException>(() => Chunk.Of(new[] { 1 }, 201).ToList());
    }

    [Theory]
    [InlineData("email:*@example.com", "email:%@example.com")]
    [InlineData("email:jo*", "email:jo%")]
    [InlineData("*example*", "%example%")]
    [InlineData("tag:vip*", "tag:vip%")]
    [InlineData("email:%@example.com", "email:%@example.com")]   // Mautic's own wildcard typed directly is kept
    [InlineData("email:*@example.com % x", "email:%@example.com % x")]
    [InlineData("tag:vip", "tag:vip")]
    [InlineData("x_y", "x_y")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Search_wildcard_star_is_sent_as_mautics_percent(string? typed, string? sent) =>
        Assert.Equal(sent, ListQuery.ToMauticSearch(typed!));

    [Theory]
    [InlineData(0)]
    [InlineData(5001)]
    public void Page_size_out_of_range_is_refused(int size)
    {
        using var client = new MauticClient(new MauticClientOptions { BaseUrl = "http://127.0.0.1:9" });
        var e = Assert.Throws<MauticApiException>(() => new Pager(client, Resources.MauticResources.Contacts, new ListQuery { PageSize = size }));
        Assert.Contains(size.ToString(), e.Message);
    }
}

public class RedactorTests
{
    [Fact]
    public void Urls_lose_token_values_but_keep_the_rest()
    {
        Assert.Equal("https://h/api/contacts?access_token=***&limit=5", Redactor.Url("https://h/api/contacts?access_token=abc123&limit=5"));
        Assert.Equal("https://***@h/", Redactor.Url("https://u:p@h/"));
    }

    [Fact]
    public void Json_and_form_bodies_lose_secrets()
    {
        var json = Redactor.Body("{\"access_token\":\"at_1\",\"refresh_token\":\"rt_1\",\"expires_in\":3600,\"user\":{\"plainPassword\":{\"password\":\"x\"}}}", "application/json");
        Assert.DoesNotContain("at_1", json);
        Assert.DoesNotContain("rt_1", json);
        Assert.DoesNotContain("\"x\"", json);
        Assert.Contains("3600", json);
        var form = Redactor.Body("grant_type=refresh_token&client_id=c1&client_secret=s3cr3t&refresh_token=rt_9", "application/x-www-form-urlencoded");
        Assert.Equal("grant_type=refresh_token&client_id=c1&client_secret=***&refresh_token=***", form);
    }

    [Fact]
    public void Error_code_fields_stay_readable_in_debug_bodies() =>
        Assert.Contains("\"code\":404", Redactor.Body("{\"errors\":[{\"code\":404,\"message\":\"m\"}]}", "application/json"));
}

public class OddKeyTests
{
    [Fact]
    public void Empty_property_names_are_dropped_so_PowerShell_can_build_objects()
    {
        var r = Json.RecordShaper.Shape(JToken.Parse("{\"id\":1,\"\":\"x\",\"fields\":{\"all\":{\"\":\"y\",\"email\":\"a@b.co\"}}}"), "Mautic.Contact", true);
        Assert.Equal(new[] { "id", "email" }, r.Properties.Select(p => p.Key));
    }
}

public class RawOAuthErrorTests
{
    [Fact]
    public void A_raw_oauth_error_uses_the_description_as_message_and_the_code_as_type()
    {
        var e = Json.MauticJson.ErrorFrom(400, JToken.Parse("{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid.\"}"), "POST", "u", null)!;
        Assert.Equal("The refresh token is invalid.", e.MauticMessage);
        Assert.Equal("invalid_grant", e.ErrorType);
        Assert.Equal(MauticErrorKind.Authentication, e.Kind);
    }
}

/// <summary>The digests a sync remembers to refuse a second row for one key.</summary>
public class SeenKeysTests
{
    [Fact]
    public void Every_key_is_kept_through_growth_and_a_repeat_names_the_first_row()
    {
        var seen = new SeenKeys();
        var rng = new Random(7);
        var digests = Enumerable.Range(0, 100_000).Select(_ => (ulong)rng.NextInt64()).Distinct().ToList();
        for (var i = 0; i < digests.Count; i++) Assert.True(seen.TryAdd(digests[i], i + 1, out _));
        Assert.Equal(digests.Count, seen.Count);
        for (var i = 0; i < digests.Count; i += 997)
        {
            Assert.False(seen.TryAdd(digests[i], 999_999, out var earlier));
            Assert.Equal(i + 1, earlier);
        }
        Assert.Equal(digests.Count, seen.Count);
    }

    [Fact]
    public void The_digest_zero_is_a_key_like_any_other()
    {
        var seen = new SeenKeys();
        Assert.True(seen.TryAdd(0, 5, out _));
        Assert.False(seen.TryAdd(0, 6, out var earlier));
        Assert.Equal(5, earlier);
    }
}
