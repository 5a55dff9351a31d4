using System.Net.Http.Headers;
using System.Text;
using Mautic.Client.Auth;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// Where the fake answered differently from a real Mautic 5.1.0 (found by the live suite and by curl against the
/// real server), the fake was fixed; each case is pinned here with what the real server answered.
/// </summary>
public class RealServerShapeTests : FakeServerTest
{
    /// <summary>One raw HTTP exchange, so error bodies can be read as they are.</summary>
    (int Status, JObject Body) Raw(HttpMethod method, string path, string? json = null, string? bearer = null, string? password = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, Server.BaseUrl + path);
        request.Headers.Authorization = bearer != null
            ? new AuthenticationHeaderValue("Bearer", bearer)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(State.AdminUser + ":" + (password ?? State.AdminPassword))));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, JObject.Parse(text));
    }

    string ClientToken()
    {
        using var http = new HttpClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = State.ClientId, ["client_secret"] = State.ClientSecret,
        });
        var answer = JObject.Parse(http.PostAsync(Server.BaseUrl + "/oauth/v2/token", form).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return (string)answer["access_token"]!;
    }

    [Fact]
    public void A_client_credentials_token_acts_as_a_pseudo_user_named_after_the_client()
    {
        // Real: {"isPublished":true,"username":"env-client-credentials [1]","firstName":"env-client-credentials","lastName":"[1]","role":{...},"timezone":"","locale":""}
        var token = ClientToken();
        var (status, self) = Raw(HttpMethod.Get, "/api/users/self", bearer: token);
        Assert.Equal(200, status);
        Assert.Equal("Fake client [1]", (string)self["username"]!);
        Assert.Equal("Fake client", (string)self["firstName"]!);
        Assert.Equal("[1]", (string)self["lastName"]!);
        Assert.Null(self["id"]);
        Assert.Null(self["email"]);
        Assert.Equal("Administrator", (string)self["role"]!["name"]!);

        // ... and records it creates or changes say so: createdBy null, createdByUser the pseudo user.
        var (_, created) = Raw(HttpMethod.Post, "/api/contacts/new", "{\"email\":\"cc@example.com\"}", bearer: token);
        Assert.Equal(JTokenType.Null, created["contact"]!["createdBy"]!.Type);
        Assert.Equal("Fake client [1]", (string)created["contact"]!["createdByUser"]!);
        var (_, edited) = Raw(HttpMethod.Patch, "/api/contacts/1/edit", "{\"firstname\":\"Cc\"}");
        Assert.Equal(1, (int)edited["contact"]!["modifiedBy"]!);
        Assert.Equal("Admin User", (string)edited["contact"]!["modifiedByUser"]!);

        using var c = Connect(OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret));
        Assert.Equal("Fake client [1]", c.UserName);
        Assert.Null(c.UserId);
    }

    [Fact]
    public void Basic_self_has_no_last_login_and_empty_timezone_and_locale()
    {
        // Real: {"isPublished":true,"id":1,"username":"admin","firstName":"Admin","lastName":"User","email":"admin@example.com","role":{"isPublished":true,"id":1,"name":"Administrator","description":"Full system access","isAdmin":true},"timezone":"","locale":""}
        var (_, self) = Raw(HttpMethod.Get, "/api/users/self");
        Assert.Equal(1, (int)self["id"]!);
        Assert.Null(self["lastLogin"]);
        Assert.Equal("", (string)self["timezone"]!);
        Assert.Equal("Full system access", (string)self["role"]!["description"]!);
    }

    [Fact]
    public void A_wrong_basic_password_is_worded_as_mautic_words_it()
    {
        // Real: 401 {"errors":[{"message":"Authorization denied, invalid credentials.","code":401,"type":"access_denied"}]}
        var (status, body) = Raw(HttpMethod.Get, "/api/users/self", password: "wrong");
        Assert.Equal(401, status);
        Assert.Equal("Authorization denied, invalid credentials.", (string)body["errors"]![0]!["message"]!);
        Assert.Equal("access_denied", (string)body["errors"]![0]!["type"]!);
    }

    [Fact]
    public void Controller_errors_carry_code_message_and_details_but_no_type()
    {
        // Real: 404 {"errors":[{"code":404,"message":"Item was not found.","details":[]}]}
        var (status, body) = Raw(HttpMethod.Get, "/api/contacts/999999");
        Assert.Equal(404, status);
        var e = (JObject)body["errors"]![0]!;
        Assert.Equal(new[] { "code", "message", "details" }, e.Properties().Select(p => p.Name));
        Assert.Equal(JTokenType.Array, e["details"]!.Type);

        // Real: 500 {"errors":[{"code":500,"message":"A max of 200 entities are supported at a time.","details":[]}]}
        var many = new JArray(Enumerable.Range(0, 201).Select(i => new JObject { ["email"] = $"m{i}@example.com" }));
        var (tooMany, limit) = Raw(HttpMethod.Post, "/api/contacts/batch/new", many.ToString());
        Assert.Equal(500, tooMany);
        Assert.Equal("A max of 200 entities are supported at a time.", (string)limit["errors"]![0]!["message"]!);
        Assert.Equal(JTokenType.Array, limit["errors"]![0]!["details"]!.Type);

        // Real: a body that is not JSON is Mautic's generic 400 from its exception handler.
        var (bad, oops) = Raw(HttpMethod.Post, "/api/contacts/new", "not json");
        Assert.Equal(400, bad);
        Assert.StartsWith("Looks like I encountered an error (error #400)", (string)oops["errors"]![0]!["message"]!);
    }

    [Fact]
    public void An_invalid_email_is_refused_naming_the_value_in_single_and_batch_creates()
    {
        // Real single: 400 {"errors":[{"code":400,"message":"email: bad-address is invalid.","details":{"email":["bad-address is invalid."]}}]}
        var (status, single) = Raw(HttpMethod.Post, "/api/contacts/new", "{\"email\":\"bad-address\"}");
        Assert.Equal(400, status);
        Assert.Equal("email: bad-address is invalid.", (string)single["errors"]![0]!["message"]!);
        Assert.Equal("bad-address is invalid.", (string)single["errors"]![0]!["details"]!["email"]![0]!);

        // Real batch: 201, statusCodes [400, 201], errors [{"code":400,"message":"email: bad-address is invalid.","details":{...},"type":null}]
        var (batchStatus, batch) = Raw(HttpMethod.Post, "/api/contacts/batch/new", "[{\"email\":\"bad-address\"},{\"email\":\"fine@example.com\"}]");
        Assert.Equal(201, batchStatus);
        Assert.Equal(new[] { 400, 201 }, batch["statusCodes"]!.Select(x => (int)x));
        var e = (JObject)batch["errors"]![0]!;
        Assert.Equal("email: bad-address is invalid.", (string)e["message"]!);
        Assert.Equal(JTokenType.Null, e["type"]!.Type);
        Assert.Equal("bad-address is invalid.", (string)e["details"]!["email"]![0]!);
    }

    [Fact]
    public void A_missing_contact_in_membership_and_send_routes_is_contact_not_found()
    {
        // Real: 404 {"errors":[{"code":404,"message":"Contact not found.","details":[]}]} (the segment or e-mail missing: "Item was not found.")
        Assert.Equal("Contact not found.", (string)Raw(HttpMethod.Post, "/api/segments/1/contact/999999/add").Body["errors"]![0]!["message"]!);
        Assert.Equal("Contact not found.", (string)Raw(HttpMethod.Post, "/api/segments/1/contact/999999/remove").Body["errors"]![0]!["message"]!);
        Assert.Equal("Contact not found.", (string)Raw(HttpMethod.Post, "/api/emails/2/contact/999999/send").Body["errors"]![0]!["message"]!);
        var id = State.AddContact("here@example.com").Id;
        Assert.Equal("Item was not found.", (string)Raw(HttpMethod.Post, $"/api/segments/999/contact/{id}/add").Body["errors"]![0]!["message"]!);
    }

    [Fact]
    public void Deletes_answer_the_record_with_a_null_id_and_a_batch_delete_without_ids_deletes_nothing()
    {
        // Real: DELETE /api/contacts/4/delete -> {"contact":{... "id":null ...}}; DELETE /api/contacts/batch/delete -> 200 {"contacts":[]}
        var id = State.AddContact("gone@example.com").Id;
        var (status, one) = Raw(HttpMethod.Delete, $"/api/contacts/{id}/delete");
        Assert.Equal(200, status);
        Assert.Equal(JTokenType.Null, one["contact"]!["id"]!.Type);
        Assert.Equal("gone@example.com", (string)one["contact"]!["fields"]!["all"]!["email"]!);
        var (noIds, none) = Raw(HttpMethod.Delete, "/api/contacts/batch/delete");
        Assert.Equal(200, noIds);
        Assert.Empty((JArray)none["contacts"]!);
    }

    [Fact]
    public void Segments_and_emails_are_created_and_deleted_through_their_routes()
    {
        // Real: 201 {"list":{..."id":4,"name":"Probe Segment","publicName":"Probe Segment","alias":"probe-segment",...}}
        var (status, seg) = Raw(HttpMethod.Post, "/api/segments/new", "{\"name\":\"Probe Segment\",\"isPublished\":1,\"description\":\"probe\"}");
        Assert.Equal(201, status);
        var segId = (long)seg["list"]!["id"]!;
        Assert.Equal("probe-segment", (string)seg["list"]!["alias"]!);
        Assert.Equal("Probe Segment", (string)seg["list"]!["publicName"]!);
        // Real: 400 {"errors":[{"code":400,"message":"name: A name is required.","details":{"name":["A name is required."]}}]}
        var (noName, refused) = Raw(HttpMethod.Post, "/api/segments/new", "{\"description\":\"no name\"}");
        Assert.Equal(400, noName);
        Assert.Equal("name: A name is required.", (string)refused["errors"]![0]!["message"]!);
        // Real: 200 {"list":{... "id":null ...}}, then 404
        Assert.Equal(JTokenType.Null, Raw(HttpMethod.Delete, $"/api/segments/{segId}/delete").Body["list"]!["id"]!.Type);
        Assert.Equal(404, Raw(HttpMethod.Delete, $"/api/segments/{segId}/delete").Status);

        var (emailStatus, email) = Raw(HttpMethod.Post, "/api/emails/new", "{\"name\":\"Probe template\",\"subject\":\"Hello\",\"emailType\":\"template\",\"customHtml\":\"<p>x</p>\",\"isPublished\":1}");
        Assert.Equal(201, emailStatus);
        var emailId = (long)email["email"]!["id"]!;
        Assert.Equal("template", (string)email["email"]!["emailType"]!);
        var contact = State.AddContact("to@example.com").Id;
        Assert.True((bool)Raw(HttpMethod.Post, $"/api/emails/{emailId}/contact/{contact}/send").Body["success"]!);
        Assert.Equal(1, (int)Raw(HttpMethod.Get, $"/api/emails/{emailId}").Body["email"]!["sentCount"]!);
        Assert.Equal(JTokenType.Null, Raw(HttpMethod.Delete, $"/api/emails/{emailId}/delete").Body["email"]!["id"]!.Type);
        Assert.Equal(404, Raw(HttpMethod.Get, $"/api/emails/{emailId}").Status);
    }

    [Fact]
    public void A_contacts_segments_say_how_it_joined()
    {
        // Real: {"total":1,"lists":{"1":{"id":1,"name":"Probe Segment","alias":"probe-segment","dateAdded":"...","manuallyRemoved":false,"manuallyAdded":true}}}
        var id = State.AddContact("member@example.com").Id;
        Raw(HttpMethod.Post, $"/api/segments/2/contact/{id}/add");
        var lists = Raw(HttpMethod.Get, $"/api/contacts/{id}/segments").Body["lists"]!;
        var entry = (JObject)((JObject)lists)["2"]!;
        Assert.False((bool)entry["manuallyRemoved"]!);
        Assert.True((bool)entry["manuallyAdded"]!);
    }

    [Fact]
    public void A_where_on_an_unknown_column_is_a_500_and_an_unknown_expression_filters_nothing()
    {
        // Real: where[0][col]=nosuchcol -> 500 "Looks like I encountered an error (error #500)..."; where[0][expr]=equals -> 200, every contact
        State.AddContact("a@example.com");
        State.AddContact("b@example.com");
        var (status, _) = Raw(HttpMethod.Get, "/api/contacts?where%5B0%5D%5Bcol%5D=nosuchcol&where%5B0%5D%5Bexpr%5D=eq&where%5B0%5D%5Bval%5D=x");
        Assert.Equal(500, status);
        var (ok, all) = Raw(HttpMethod.Get, "/api/contacts?where%5B0%5D%5Bcol%5D=email&where%5B0%5D%5Bexpr%5D=equals&where%5B0%5D%5Bval%5D=x");
        Assert.Equal(200, ok);
        Assert.Equal("2", (string)all["total"]!);
    }

    [Fact]
    public void Text_columns_sort_as_mysql_unicode_ci_sorts_them_and_emails_are_sanitised()
    {
        // Real, orderBy=email ASC over these addresses (léad3@ was stored as lad3@ by FILTER_SANITIZE_EMAIL):
        // lad3@, lead_x@, lead-y@, lead1@, lead10@, lead100@, Lead2@, leadz@
        var batch = new JArray(new[] { "lead1", "lead10", "lead100", "Lead2", "lead_x", "lead-y", "leadz", "léad3" }
            .Select(n => new JObject { ["email"] = n + "@ord.example", ["tags"] = new JArray("ord") }));
        Assert.Equal(201, Raw(HttpMethod.Post, "/api/contacts/batch/new", batch.ToString()).Status);
        var expected = new[] { "lad3", "lead_x", "lead-y", "lead1", "lead10", "lead100", "Lead2", "leadz" };
        string[] Sorted(string dir) => ((JObject)Raw(HttpMethod.Get, "/api/contacts?orderBy=email&orderByDir=" + dir).Body["contacts"]!)
            .Properties().Select(p => ((string)p.Value["fields"]!["all"]!["email"]!).Split('@')[0]).ToArray();
        Assert.Equal(expected, Sorted("ASC"));
        Assert.Equal(expected.Reverse(), Sorted("DESC"));
        // The same through the pager, which pages by offset when ordering by another column than id.
        using var c = Connect();
        var paged = c.Contacts.List(new Paging.ListQuery { OrderBy = "email", PageSize = 3 }).Select(r => ((string)r["email"]!).Split('@')[0]);
        Assert.Equal(expected, paged);
    }

    [Fact]
    public void Contacts_render_the_keys_mautic_5_1_renders()
    {
        // Real: fields.all.id is a string; tags carry a description; preferredProfileImage and frequencyRules are present.
        State.AddContact("keys@example.com", null, null, "t1");
        var c = (JObject)Raw(HttpMethod.Get, "/api/contacts/1").Body["contact"]!;
        Assert.Equal(JTokenType.String, c["fields"]!["all"]!["id"]!.Type);
        Assert.Equal(JTokenType.Null, c["tags"]![0]!["description"]!.Type);
        Assert.True(c.ContainsKey("preferredProfileImage"));
        Assert.Equal(JTokenType.Array, c["frequencyRules"]!.Type);
    }

    [Fact]
    public void A_contacts_company_is_found_or_created_and_linked_as_its_primary_company()
    {
        // Real 5.1.0 and 7.0.0 (curl, a unique name): contacts/new {"company":"X"} with no company X creates company X
        // (createdByUser the caller) and links the contact to it; a second contact, or "x" in other case, reuses it and
        // the field shows the stored "X"; batch/new does the same per item; a PATCH naming another new company creates
        // that one and makes it primary, the old link staying (is_primary "0").
        Company[] Companies(string name) => ((JObject)Raw(HttpMethod.Get, "/api/companies?search=" + name).Body["companies"]!)
            .Properties().Select(p => new Company((long)p.Value["id"]!, (string)p.Value["fields"]!["all"]!["companyname"]!)).ToArray();
        var (status, first) = Raw(HttpMethod.Post, "/api/contacts/new", "{\"email\":\"a@co.example\",\"company\":\"Acme Fake\"}");
        Assert.Equal(201, status);
        var acme = Assert.Single(Companies("Acme"));
        Assert.Equal("Acme Fake", acme.Name);
        var (_, again) = Raw(HttpMethod.Post, "/api/contacts/new", "{\"email\":\"b@co.example\",\"company\":\"ACME FAKE\"}");
        Assert.Equal("Acme Fake", (string)again["contact"]!["fields"]!["all"]!["company"]!);
        Assert.Single(Companies("Acme"));
        var batch = "[{\"email\":\"c@co.example\",\"company\":\"Globex Fake\"},{\"email\":\"d@co.example\",\"company\":\"Globex Fake\"}]";
        Assert.Equal(201, Raw(HttpMethod.Post, "/api/contacts/batch/new", batch).Status);
        Assert.Single(Companies("Globex"));

        var id = (long)first["contact"]!["id"]!;
        Assert.Equal(200, Raw(HttpMethod.Patch, $"/api/contacts/{id}/edit", "{\"company\":\"Initech Fake\"}").Status);
        var initech = Assert.Single(Companies("Initech"));
        var links = ((JArray)Raw(HttpMethod.Get, $"/api/contacts/{id}/companies").Body["companies"]!)
            .ToDictionary(l => long.Parse((string)l["company_id"]!), l => (string)l["is_primary"]!);
        Assert.Equal(new Dictionary<long, string> { [acme.Id] = "0", [initech.Id] = "1" }, links);
    }

    sealed record Company(long Id, string Name);
}
