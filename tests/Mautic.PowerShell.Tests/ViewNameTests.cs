using System.Text.Json.Nodes;

namespace MauticPS.InProcess;

/// <summary>
/// Names you see are names you type: the columns of a record's table are parameters or aliases of its New- and Set-
/// cmdlets (the module test Every_writable_column_of_a_records_table_is_a_parameter_or_alias_of_its_New_and_Set_cmdlets
/// checks every view; these check that the names bind and send the field they show, against the fake).
/// </summary>
public sealed class ViewNameTests : PsTest
{
    public ViewNameTests()
    {
        Ps.Seed(1);
        Ps.Connect();
    }

    static JsonObject Body(PsResult r, string path) => JsonNode.Parse(r.Requests.Last(q => q.Path == path).Body)!.AsObject();

    [Fact]
    public void The_tag_tables_tag_column_is_New_and_Set_MauticTags_Tag()
    {
        var r = Ok("New-MauticTag -Tag seen-tag");
        Assert.Equal("seen-tag", (string)Body(r, "/api/tags/new")["tag"]!);
        var id = Convert.ToInt64(r.Output.Single().Properties["id"].Value);
        var edit = Ok($"Set-MauticTag {id} -Tag typed-tag -PassThru");
        Assert.Equal("typed-tag", (string)Body(edit, $"/api/tags/{id}/edit")["tag"]!);
        Assert.Equal("typed-tag", edit.Output.Single().Properties["tag"].Value);
    }

    [Fact]
    public void A_company_is_named_by_CompanyName_or_Name_and_its_shown_fields_are_parameters()
    {
        var r = Ok("New-MauticCompany -CompanyName 'Seen Co' -Companycity Metz -Companycountry France; New-MauticCompany -Name 'Named Co'");
        Assert.Equal(new[] { "Seen Co", "Named Co" }, r.Output.Select(o => (string)o.Properties["companyname"].Value));
        var first = Body(r, "/api/companies/new");
        Assert.Equal("Named Co", (string)first["companyname"]!);
        var seen = JsonNode.Parse(r.Requests.First(q => q.Path == "/api/companies/new").Body)!.AsObject();
        Assert.Equal("Metz", (string)seen["companycity"]!);
        Assert.Equal("France", (string)seen["companycountry"]!);
        Assert.Equal("Metz", r.Output[0].Properties["companycity"].Value);

        var id = Convert.ToInt64(r.Output[0].Properties["id"].Value);
        var edit = Ok($"Set-MauticCompany {id} -CompanyName 'Renamed Co' -Companywebsite example.com -PassThru");
        var sent = Body(edit, $"/api/companies/{id}/edit");
        Assert.Equal("Renamed Co", (string)sent["companyname"]!);
        Assert.Equal("example.com", (string)sent["companywebsite"]!);
        Assert.Equal("Renamed Co", edit.Output.Single().Properties["companyname"].Value);
    }

    [Fact]
    public void A_shown_switch_is_sent_only_when_given_and_a_shown_value_as_given()
    {
        var r = Ok("New-MauticStage -Name seen-stage -Weight 5 -IsPublished:$false");
        var sent = Body(r, "/api/stages/new");
        Assert.Equal(5, (int)sent["weight"]!);
        Assert.False((bool)sent["isPublished"]!);
        var stage = r.Output.Single();
        Assert.Equal(false, stage.Properties["isPublished"].Value);
        var id = Convert.ToInt64(stage.Properties["id"].Value);

        var rename = Ok($"Set-MauticStage {id} -Name renamed-stage");
        Assert.False(Body(rename, $"/api/stages/{id}/edit").ContainsKey("isPublished"));
        var publish = Ok($"Set-MauticStage {id} -IsPublished -PassThru");
        Assert.Equal(new[] { "isPublished" }, Body(publish, $"/api/stages/{id}/edit").Select(kv => kv.Key));
        Assert.Equal(true, publish.Output.Single().Properties["isPublished"].Value);
    }

    [Fact]
    public void A_notes_lead_column_is_its_ContactId_and_a_webhooks_triggers_its_Trigger()
    {
        var note = Ok("New-MauticNote -lead 1 -Text 'seen note'");
        Assert.Equal(1, (int)Body(note, "/api/notes/new")["lead"]!);
        var hook = Ok("New-MauticWebhook -Name seen-hook -WebhookUrl https://hook.example/in -Triggers mautic.lead_post_save_new");
        Assert.Equal(new[] { "mautic.lead_post_save_new" }, Body(hook, "/api/hooks/new")["triggers"]!.AsArray().Select(t => (string)t!));
    }
}
