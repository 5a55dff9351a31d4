using System.Text.Json;
using System.Text.Json.Nodes;
using Mautic.Client.Operations;
using Mautic.Client.Paging;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// Forms through the fake (which models what a real Mautic 5.1.0 answered) and through FormService: fields and actions
/// merged by PATCH and replaced by PUT, field and action removal, the public form submit, and the submission routes.
/// </summary>
public class FormServiceTests : FakeServerTest
{
    int Submit(long formId, params (string Alias, string Value)[] values)
    {
        var posted = values.ToDictionary(v => $"mauticform[{v.Alias}]", v => v.Value);
        posted["mauticform[formId]"] = formId.ToString();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        return (int)http.PostAsync($"{Server.BaseUrl}/form/submit?formId={formId}", new FormUrlEncodedContent(posted)).GetAwaiter().GetResult().StatusCode;
    }

    const string Survey = """{"name":"Survey form","fields":[{"label":"Email","type":"email","alias":"email","mappedObject":"contact","mappedField":"email"},{"label":"First Name","type":"text"},{"label":"Go","type":"button"}],"actions":[{"name":"pts","type":"lead.pointschange","properties":{"operator":"plus","points":2}}]}""";

    static long[] Ids(JsonNode? list) => list!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ToArray();

    [Fact]
    public void A_new_form_has_its_alias_from_the_name_fields_with_ids_and_made_up_aliases_and_the_points_actions_group()
    {
        var (status, body) = RawCall(HttpMethod.Post, "/forms/new", Survey);
        Assert.Equal(201, status);
        var form = body!["form"]!;
        Assert.Equal("survey_for", form["alias"]!.GetValue<string>());           // cleanAlias(name, '', 10), measured: "zz fm d1" -> zz_fm_d1
        Assert.NotNull(form["dateModified"]);                                      // saved twice on create
        var fields = form["fields"]!.AsArray();
        Assert.Equal(new long[] { 1, 2, 3 }, Ids(fields));
        Assert.Equal("email", fields[0]!["alias"]!.GetValue<string>());
        Assert.Equal("email", fields[0]!["leadField"]!.GetValue<string>());
        Assert.Matches("^[a-z]{5}$", fields[1]!["alias"]!.GetValue<string>());   // no alias sent: 5 random letters (measured)
        Assert.Equal(new long[] { 1, 2, 3 }, fields.Select(f => f!["order"]!.GetValue<long>()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"operator":"plus","points":2,"group":null}"""), form["actions"]![0]!["properties"]));
        Assert.Contains("/form/submit?formId=1", form["cachedHtml"]!.GetValue<string>());

        var again = RawCall(HttpMethod.Post, "/forms/new", """{"name":"x","alias":"mine","fields":[{"label":"a","type":"text","alias":"Dup Me"},{"label":"b","type":"text","alias":"dup_me"}]}""");
        Assert.Equal(400, again.Status);
        Assert.Contains("Another field is already using this alias: dup_me.", again.Body!.ToJsonString());
        Assert.Equal(500, RawCall(HttpMethod.Post, "/forms/new", """{"name":"x","fields":[{"label":"no type"}]}""").Status);
        Assert.Equal(500, RawCall(HttpMethod.Post, "/forms/new", """{"name":"x","actions":[{"name":"a","type":"nonsense"}]}""").Status);
    }

    [Fact]
    public void Patch_merges_fields_put_keeps_only_those_sent_and_an_unknown_field_id_is_404()
    {
        var id = RawCall(HttpMethod.Post, "/forms/new", Survey).Body!["form"]!["id"]!.GetValue<long>();
        var patched = RawCall(HttpMethod.Patch, $"/forms/{id}/edit", """{"fields":[{"label":"Phone","type":"tel"}]}""").Body!["form"]!;
        Assert.Equal(new long[] { 1, 4, 2, 3 }, Ids(patched["fields"]));         // the new one is order 1 (its place in the request)
        Assert.Equal("survey_for", patched["alias"]!.GetValue<string>());
        var missing = RawCall(HttpMethod.Patch, $"/forms/{id}/edit", """{"fields":[{"id":999,"label":"x","type":"text"}]}""");
        Assert.Equal(404, missing.Status);
        Assert.Contains("Form Field ID 999 not found", missing.Body!.ToJsonString());
        var put = RawCall(HttpMethod.Put, $"/forms/{id}/edit", """{"name":"Survey 2","fields":[{"id":1,"label":"Mail","type":"email"}]}""").Body!["form"]!;
        Assert.Equal(new long[] { 1 }, Ids(put["fields"]));
        Assert.Null(put["fields"]![0]!["mappedField"]);                            // PUT resets what it is not sent
        Assert.Empty(put["actions"]!.AsArray());
        Assert.Equal("survey_for", put["alias"]!.GetValue<string>());             // the alias is kept
        Assert.False(put["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public void Field_and_action_deletes_need_an_array_ignore_unknown_ids_and_RemoveItems_reports_them()
    {
        var id = RawCall(HttpMethod.Post, "/forms/new", Survey).Body!["form"]!["id"]!.GetValue<long>();
        Assert.Equal(400, RawCall(HttpMethod.Delete, $"/forms/{id}/fields/delete?fields=1").Status);
        Assert.Equal(404, RawCall(HttpMethod.Delete, "/forms/999/actions/delete?actions[]=1").Status);
        var answer = RawCall(HttpMethod.Delete, $"/forms/{id}/fields/delete?fields[]=2&fields[]=77");
        Assert.Equal(200, answer.Status);
        Assert.Equal(new long[] { 1, 3 }, Ids(answer.Body!["form"]!["fields"]));

        using var client = new MauticClient(Options());
        var forms = new EntityService(client, MauticResources.Forms);
        var (form, missing, stillThere) = forms.RemoveItems(id, "actions", "form action", new[] { 1L, 88L });
        Assert.Equal(new[] { 88L }, missing);
        Assert.Empty(stillThere);
        Assert.Empty((object[])form["actions"]);
    }

    [Fact]
    public void Submissions_are_stored_by_the_public_submit_and_read_paged_flat_and_checked_against_their_form()
    {
        var id = RawCall(HttpMethod.Post, "/forms/new", Survey).Body!["form"]!["id"]!.GetValue<long>();
        var alias = RawCall(HttpMethod.Get, $"/forms/{id}").Body!["form"]!["fields"]![1]!["alias"]!.GetValue<string>();
        Assert.Equal(500, Submit(id, (alias, "anonymous")));                       // no e-mail mapped to the contact: Mautic's 500 (measured)
        for (var i = 1; i <= 5; i++) Assert.Equal(302, Submit(id, ("email", $"s{i % 2}@example.com"), (alias, $"n{i}")));
        var other = RawCall(HttpMethod.Post, "/forms/new", Survey).Body!["form"]!["id"]!.GetValue<long>();

        var empty = RawCall(HttpMethod.Get, $"/forms/{other}/submissions").Body!;
        Assert.Equal("0", empty["total"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Object, empty["submissions"]!.GetValueKind());  // {} when empty
        Assert.Equal(500, RawCall(HttpMethod.Get, $"/forms/{id}/submissions?orderBy=id").Status);
        var one = RawCall(HttpMethod.Get, $"/forms/{other}/submissions/1").Body!["submission"]!;   // any form's route answers it
        Assert.Equal(id, one["form"]!["id"]!.GetValue<long>());
        Assert.Equal(id.ToString(), one["results"]!["form_id"]!.GetValue<string>());

        using var client = new MauticClient(Options());
        var service = new FormService(client);
        long? total = null;
        var before = State.RequestsTo($"/api/forms/{id}/submissions", "GET").Count;
        var all = service.Submissions(id, null, new ListQuery { PageSize = 2 }, default, t => total = t).ToList();
        Assert.Equal(5, total);
        Assert.Equal(new object[] { "n1", "n2", "n3", "n4", "n5" }, all.Select(s => s[alias]));
        Assert.Equal(3, State.RequestsTo($"/api/forms/{id}/submissions", "GET").Count - before);   // pages of 2, 2 and 1
        var first = all[0];
        Assert.Equal(new[] { "id", "formId", "contactId", "dateSubmitted", "ipAddress", "referer", "trackingId", "pageId", "email", alias },
            first.Properties.Select(p => p.Key));
        Assert.Equal("127.0.0.1", first["ipAddress"]);
        Assert.IsType<DateTime>(first["dateSubmitted"]);

        var contact = (long)first["contactId"];
        var mine = service.Submissions(id, contact, new ListQuery()).Select(s => s[alias]).ToList();
        Assert.Equal(new object[] { "n1", "n3", "n5" }, mine);
        var filtered = service.Submissions(id, null, new ListQuery { OrderBy = "s.id", Descending = true, Where = { new WhereClause("r.email", "eq", "s0@example.com") } }).ToList();
        Assert.Equal(new object[] { "n4", "n2" }, filtered.Select(s => s[alias]));

        Assert.Equal("n1", service.Submission(id, (long)first["id"])[alias]);
        Assert.Null(service.Submission(id, (long)first["id"])["form_id"]);
        var wrong = Assert.Throws<MauticApiException>(() => service.Submission(other, (long)first["id"]));
        Assert.Equal(MauticErrorKind.NotFound, wrong.Kind);
        Assert.Contains($"submission of form {id}", wrong.Message);
        var gone = Assert.Throws<MauticApiException>(() => service.Submission(987654, 1));
        Assert.Contains("987654", gone.Message);

        Assert.Equal(200, RawCall(HttpMethod.Delete, $"/forms/{id}/delete").Status);
        Assert.Empty(State.Forms.Submissions.Values.Where(s => s.FormId == id));
    }
}
