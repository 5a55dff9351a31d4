using System.Net.Http;
using Mautic.Client.Auth;
using Mautic.Client.Json;
using Mautic.Client.Operations;
using Mautic.Client.Resources;
using Mautic.FakeServer;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>Projects over the v2 API and the v1 records' project lists, against the fake running as 7.0.0 (and 5.1.0 for the gate).</summary>
public class ProjectTests : FakeServerTest
{
    MauticConnection Connect7(IAuthenticator? auth = null)
    {
        State.Version = "7.0.0";
        return Connect(auth);
    }

    int V2Requests => State.RequestsTo("/api/v2").Count;

    void Seed(int count)
    {
        lock (State.Sync)
            for (var i = 1; i <= count; i++)
            {
                var p = new Project { Id = State.NextProjectId++, Name = "seed-" + i };
                State.Projects[p.Id] = p;
            }
    }

    [Fact]
    public void On_5_1_every_project_call_fails_at_once_naming_both_versions_and_sends_nothing()
    {
        using var c = Connect();
        var calls = new Action[]
        {
            () => c.Projects.List().ToList(),
            () => c.Projects.Get(1),
            () => c.Projects.Create(ProjectService.Body("Q3", null, null)),
            () => c.Projects.Update(1, ProjectService.Body("Q4", null, null)),
            () => c.Projects.Replace(1, ProjectService.Body("Q4", null, null)),
            () => c.Projects.Delete(1),
            () => c.Projects.FindIdByName("Q3"),
            () => c.Projects.ChangeMembership(MauticResources.Segments, 1, new[] { 1L }, add: true),
        };
        foreach (var call in calls)
        {
            var e = Assert.Throws<MauticApiException>(call);
            Assert.Equal(MauticErrorKind.NotSupported, e.Kind);
            Assert.EndsWith("needs Mautic 7.0 or later; this server is 5.1.0.", e.Message);
        }
        Assert.Equal(0, V2Requests);
        Assert.Empty(State.RequestsTo("/api/segments"));
    }

    [Fact]
    public void The_fake_as_5_1_answers_a_v2_path_as_the_real_5_1_0_does()
    {
        var (status, body) = RawCall(HttpMethod.Get, "/v2/projects");
        Assert.Equal(404, status);
        Same("""{"errors":[{"message":"Requested URL not found: /api/v2/projects","code":404,"type":null}]}""", body);
    }

    [Fact]
    public void Create_read_merge_patch_replace_and_delete_a_project()
    {
        using var c = Connect7();
        var made = c.Projects.Create(ProjectService.Body("Q3", "third quarter", new Dictionary<string, object> { ["owner"] = "ops" }));
        Assert.Equal("Mautic.Project", made.TypeName);
        var id = made.Id!.Value;
        Assert.Equal("Q3", made["name"]);
        Assert.Equal("third quarter", made["description"]);

        var patched = c.Projects.Update(id, ProjectService.Body("Q3 2026", null, null));
        Assert.Equal("Q3 2026", patched["name"]);
        Assert.Equal("third quarter", patched["description"]);   // a merge patch keeps what it does not send
        Assert.Equal("PATCH", State.RequestsTo("/api/v2/projects/" + id).Last().Method);

        var replaced = c.Projects.Replace(id, ProjectService.Body("Q3 final", null, null));
        Assert.Equal("Q3 final", replaced["name"]);
        Assert.False(replaced.Has("description"));                 // PUT resets it (null is left out)
        Assert.Empty((object[])replaced["properties"]!);

        Assert.Equal("Q3 final", c.Projects.Get(id)["name"]);
        c.Projects.Delete(id);
        var e = Assert.Throws<MauticApiException>(() => c.Projects.Get(id));
        Assert.Equal(MauticErrorKind.NotFound, e.Kind);
        Assert.Equal(404, e.StatusCode);
        Assert.Equal("Not Found", e.MauticMessage);
    }

    [Fact]
    public void A_PATCH_goes_as_a_merge_patch_and_a_POST_as_json_since_the_server_refuses_other_types()
    {
        using var c = Connect7();
        var id = c.Projects.Create(ProjectService.Body("typed", null, null)).Id!.Value;
        // The same PATCH sent as application/json is the real server's 415.
        var wrong = MauticRequest.Patch("projects/" + id, new JObject { ["name"] = "x" });
        wrong.V2 = true;
        var e = Assert.Throws<MauticApiException>(() => c.Client.Send(wrong));
        Assert.Equal(415, e.StatusCode);
        Assert.Equal(MauticErrorKind.Protocol, e.Kind);
        Assert.Equal("typed", c.Projects.Update(id, ProjectService.Body(null, "d", null))["name"]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(29, 2)]   // a first page says nothing of the page size: the empty page 2 ends it
    [InlineData(30, 2)]
    [InlineData(31, 2)]
    [InlineData(60, 3)]
    [InlineData(65, 3)]
    public void The_list_streams_the_30_per_page_collection_and_stops_at_a_short_or_empty_page(int count, int requests)
    {
        Seed(count);
        using var c = Connect7();
        var before = V2Requests;
        var all = c.Projects.List().ToList();
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), all.Select(p => p.Id!.Value));
        Assert.Equal(requests, V2Requests - before);
        Assert.All(State.RequestsTo("/api/v2/projects"), r => Assert.NotNull(r.Q("page")));
    }

    [Fact]
    public void The_list_is_lazy_a_first_page_is_enough_for_the_first_records()
    {
        Seed(70);
        using var c = Connect7();
        Assert.Equal(5, c.Projects.List().Take(5).Count());
        Assert.Single(State.RequestsTo("/api/v2/projects"));
    }

    [Fact]
    public void A_project_deleted_while_paging_shifts_the_pages_but_no_project_comes_twice()
    {
        Seed(45);
        using var c = Connect7();
        var seen = new List<long>();
        foreach (var p in c.Projects.List())
        {
            seen.Add(p.Id!.Value);
            if (seen.Count == 1) lock (State.Sync) State.Projects.Remove(45);   // page 2 now ends one earlier
        }
        Assert.Equal(seen.Distinct(), seen);
        Assert.Equal(44, seen.Count);
    }

    [Fact]
    public void A_blank_name_is_refused_before_sending_and_the_servers_nameless_422_is_invalid_data()
    {
        using var c = Connect7();
        var before = V2Requests;
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => c.Projects.Create(ProjectService.Body(" ", null, null))).Kind);
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => c.Projects.Create(new MauticPayload { ["description"] = "x" })).Kind);
        Assert.Equal(before, V2Requests);
        var e = Assert.Throws<MauticApiException>(() => c.Client.Send(MauticRequest.ForV2(HttpMethod.Post, "projects", new JObject { ["description"] = "x" })));
        Assert.Equal(422, e.StatusCode);
        Assert.Equal(MauticErrorKind.InvalidData, e.Kind);
        Assert.Contains("error #422", e.Message);
    }

    [Fact]
    public void Finds_a_project_by_name_case_insensitively_and_refuses_none_or_several()
    {
        using var c = Connect7();
        var q3 = c.Projects.Create(ProjectService.Body("Q3", null, null)).Id!.Value;
        c.Projects.Create(ProjectService.Body("Twice", null, null));
        c.Projects.Create(ProjectService.Body("twice", null, null));
        Assert.Equal(q3, c.Projects.FindIdByName("q3"));
        Assert.Equal(MauticErrorKind.NotFound, Assert.Throws<MauticApiException>(() => c.Projects.FindIdByName("Q9")).Kind);
        var e = Assert.Throws<MauticApiException>(() => c.Projects.FindIdByName("TWICE"));
        Assert.Equal(MauticErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("ids 2, 3", e.Message);
    }

    [Fact]
    public void A_client_credentials_token_is_refused_by_v2_once_with_an_explanation_and_no_renewal()
    {
        using var c = Connect7(OAuth2Authenticator.ClientCredentials(State.ClientId, State.ClientSecret));
        var grants = State.TokenGrants;
        var e = Assert.Throws<MauticApiException>(() => c.Projects.List().ToList());
        Assert.Equal(MauticErrorKind.Authentication, e.Kind);
        Assert.Equal("Invalid credentials.", e.MauticMessage);
        Assert.Contains("connect with -Credential", e.Message);
        Assert.Equal(grants, State.TokenGrants);
        Assert.Single(State.RequestsTo("/api/v2/projects"));
    }

    [Fact]
    public void Membership_reads_the_record_and_patches_its_whole_project_list_only_when_it_changes()
    {
        using var c = Connect7();
        var a = c.Projects.Create(ProjectService.Body("A", null, null)).Id!.Value;
        var b = c.Projects.Create(ProjectService.Body("B", null, null)).Id!.Value;

        var first = c.Projects.ChangeMembership(MauticResources.Segments, 1, new[] { a }, add: true);
        Assert.True(first.Changed);
        Assert.Equal("Mautic.Segment", first.Record.TypeName);
        var second = c.Projects.ChangeMembership(MauticResources.Segments, 1, new[] { b }, add: true);
        var patches = State.RequestsTo("/api/segments/1/edit", "PATCH");
        Assert.Equal(2, patches.Count);
        Assert.Equal($$"""{"projects":[{{a}},{{b}}]}""", patches[1].Body);
        var shown = (object[])second.Record["projects"]!;
        Assert.Equal(new[] { "A", "B" }, shown.Cast<MauticRecord>().Select(p => (string)p["name"]!));

        Assert.False(c.Projects.ChangeMembership(MauticResources.Segments, 1, new[] { a }, add: true).Changed);
        Assert.Equal(2, State.RequestsTo("/api/segments/1/edit", "PATCH").Count);

        var removed = c.Projects.ChangeMembership(MauticResources.Segments, 1, new[] { a, b }, add: false);
        Assert.Equal("""{"projects":[]}""", State.RequestsTo("/api/segments/1/edit", "PATCH").Last().Body);
        Assert.Empty((object[])removed.Record["projects"]!);
    }

    [Fact]
    public void A_company_joins_and_leaves_and_deleting_the_project_takes_it_off()
    {
        var company = State.AddCompany("Acme");
        using var c = Connect7();
        var p = c.Projects.Create(ProjectService.Body("Accounts", null, null)).Id!.Value;
        var joined = c.Projects.ChangeMembership(MauticResources.Companies, company.Id, new[] { p }, add: true).Record;
        Assert.Equal(p, ((MauticRecord)((object[])joined["projects"]!)[0]).Id);
        c.Projects.Delete(p);
        var after = c.Area(MauticResources.Companies).Get(company.Id);
        Assert.Empty((object[])after["projects"]!);
    }

    [Fact]
    public void An_unknown_project_is_the_servers_400_and_a_kind_without_projects_is_refused_before_sending()
    {
        using var c = Connect7();
        var e = Assert.Throws<MauticApiException>(() => c.Projects.ChangeMembership(MauticResources.Segments, 2, new[] { 99L }, add: true));
        Assert.Equal(400, e.StatusCode);
        Assert.Equal(MauticErrorKind.InvalidData, e.Kind);
        Assert.Contains("The selected choice is invalid.", e.Message);

        var before = State.Requests.Count;
        var tag = Assert.Throws<MauticApiException>(() => c.Projects.ChangeMembership(MauticResources.Tags, 1, new[] { 1L }, add: true));
        Assert.Equal(MauticErrorKind.InvalidArgument, tag.Kind);
        Assert.Contains("A tag has no projects", tag.Message);
        Assert.Equal(before, State.Requests.Count);
    }

    [Fact]
    public void The_fourteen_kinds_show_projects_on_7_and_not_on_5_1()
    {
        Assert.Equal(14, ProjectService.MemberKinds.Count);
        var (_, old) = RawCall(HttpMethod.Get, "/segments/1");
        Assert.Null(old!["list"]!["projects"]);
        State.Version = "7.0.0";
        var (_, now) = RawCall(HttpMethod.Get, "/segments/1");
        Assert.NotNull(now!["list"]!["projects"]);
    }

    [Theory]
    [InlineData("""{"type":"/errors/422","title":"An error occurred","detail":"name: This value should not be blank.","violations":[{"propertyPath":"name","message":"This value should not be blank."}]}""",
        422, MauticErrorKind.InvalidData, "name: This value should not be blank.", "name")]
    [InlineData("""{"@type":"hydra:Error","hydra:title":"An error occurred","hydra:description":"Not Found"}""", 404, MauticErrorKind.NotFound, "Not Found", null)]
    [InlineData("""{"message":"Invalid credentials."}""", 401, MauticErrorKind.Authentication, "Invalid credentials.", null)]
    [InlineData("""{"title":"Unsupported Media Type","status":415}""", 415, MauticErrorKind.Protocol, "Unsupported Media Type", null)]
    public void API_Platform_error_bodies_become_the_right_kind_and_message(string body, int status, MauticErrorKind kind, string message, string? detailKey)
    {
        var e = MauticJson.ErrorFrom(status, JToken.Parse(body), "POST", "http://x/api/v2/projects", body)!;
        Assert.Equal(kind, e.Kind);
        Assert.Equal(message, e.MauticMessage);
        if (detailKey != null) Assert.NotNull(e.Details![detailKey]);
    }
}
