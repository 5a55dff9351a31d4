using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Mautic.Client.Resources;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's notes and custom field definitions against what a real Mautic 5.1.0 answered to the same requests
/// (measured with curl and Basic auth, 2026-11; real answers quoted), and the client's note and field operations.
/// </summary>
public sealed class FakeNotesFieldsTests : FakeServerTest
{
    const string Generic500 = """{"errors":[{"message":"Looks like I encountered an error (error #500). If I do it again, please report me to the system administrator!","code":500,"type":null}]}""";

    [Fact]
    public void Notes_check_the_contact_first_then_the_form()
    {
        State.AddContact("n@example.com");
        // real: {"errors":[{"code":400,"message":"lead ID is mandatory","details":[]}]}
        var r = RawCall(HttpMethod.Post, "/notes/new", """{"text":"nolead"}""");
        Assert.Equal(400, r.Status);
        Same("""{"errors":[{"code":400,"message":"lead ID is mandatory","details":[]}]}""", r.Body);
        // real: {"errors":[{"code":404,"message":"Contact not found.","details":[]}]}
        Same("""{"errors":[{"code":404,"message":"Contact not found.","details":[]}]}""", RawCall(HttpMethod.Post, "/notes/new", """{"lead":99999999,"text":"x"}""").Body);
        // real: {"errors":[{"code":400,"message":"text: Note text cannot be empty","details":{"text":["Note text cannot be empty"]}}]}
        Same("""{"errors":[{"code":400,"message":"text: Note text cannot be empty","details":{"text":["Note text cannot be empty"]}}]}""", RawCall(HttpMethod.Post, "/notes/new", """{"lead":1}""").Body);
        Same("""{"errors":[{"code":400,"message":"type: This value is not valid.","details":{"type":["This value is not valid."]}}]}""", RawCall(HttpMethod.Post, "/notes/new", """{"lead":1,"text":"x","type":"bogus"}""").Body);
    }

    [Fact]
    public void A_note_shows_its_contact_with_field_groups_only_when_created_and_PUT_resets_type_and_date()
    {
        State.AddContact("n@example.com");
        var created = RawCall(HttpMethod.Post, "/notes/new", """{"lead":1,"text":"<b>hi</b>","dateTime":"2024-05-01 10:00:00"}""");
        Assert.Equal(201, created.Status);
        var note = created.Body!["note"]!;
        Assert.Equal(["id", "text", "type", "dateTime", "lead"], note.AsObject().Select(kv => kv.Key));
        Assert.Equal("<b>hi</b>", note["text"]!.GetValue<string>());                 // HTML kept
        Assert.Equal("general", note["type"]!.GetValue<string>());                   // the default type
        Assert.Equal("2024-05-01T10:00:00+00:00", note["dateTime"]!.GetValue<string>());
        Assert.Equal(["id", "points", "color", "fields"], note["lead"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal(["core", "social", "personal", "professional"], note["lead"]!["fields"]!.AsObject().Select(kv => kv.Key));
        Same("[]", RawCall(HttpMethod.Get, "/notes/1").Body!["note"]!["lead"]!["fields"]);  // read back: fields []

        var put = RawCall(HttpMethod.Put, "/notes/1/edit", """{"text":"replaced"}""").Body!["note"]!;
        Assert.Null(put["type"]);
        Assert.Null(put["dateTime"]);
        Assert.Equal(1, put["lead"]!["id"]!.GetValue<long>());

        // real: {"total":1,"notes":[{"id":1,"text":"replaced","lead":{}}]}: nulls left out, lead empty
        Same("""{"total":1,"notes":[{"id":1,"text":"replaced","lead":{}}]}""", RawCall(HttpMethod.Get, "/contacts/1/notes").Body);
        Assert.Equal(404, RawCall(HttpMethod.Get, "/contacts/99/notes").Status);
    }

    [Fact]
    public void A_notes_batch_with_an_unknown_contact_is_a_500_that_keeps_the_notes_before_it()
    {
        State.AddContact("n@example.com");
        var r = RawCall(HttpMethod.Post, "/notes/batch/new", """[{"lead":1,"text":"b5"},{"lead":99999999,"text":"x"}]""");
        Assert.Equal(500, r.Status);
        Same(Generic500, r.Body);
        Assert.Single(State.Notes.Rows);
        // A missing text is an ordinary per-item error.
        var ok = RawCall(HttpMethod.Post, "/notes/batch/new", """[{"lead":1,"text":"b4"},{"lead":1}]""").Body!;
        Same("[201,400]", ok["statusCodes"]);
        Same("""{"1":{"code":400,"message":"text: Note text cannot be empty","details":{"text":["Note text cannot be empty"]},"type":null}}""", ok["errors"]);
    }

    [Fact]
    public void Field_routes_list_each_object_share_one_table_and_keep_the_alias()
    {
        var contact = RawCall(HttpMethod.Get, "/fields/contact?limit=0").Body!;
        Assert.Equal(JsonValueKind.Number, contact["total"]!.GetValueKind());
        Assert.All(contact["fields"]!.AsObject(), kv => Assert.Equal("lead", kv.Value!["object"]!.GetValue<string>()));
        var company = RawCall(HttpMethod.Get, "/fields/company?limit=0").Body!;
        Assert.Equal(15, company["total"]!.GetValue<int>());
        Assert.Equal("companyname", company["fields"]!["37"]!["alias"]!.GetValue<string>());
        // real: {"total":0,"fields":[]}
        Same("""{"total":0,"fields":[]}""", RawCall(HttpMethod.Get, "/fields/contact?search=nothing-like-this").Body);

        var made = RawCall(HttpMethod.Post, "/fields/company/new", """{"label":"NF co 1"}""");
        Assert.Equal(201, made.Status);
        var f = made.Body!["field"]!;
        Assert.Equal("nf_co_1", f["alias"]!.GetValue<string>());
        Assert.Equal("company", f["object"]!.GetValue<string>());
        Assert.Equal("text", f["type"]!.GetValue<string>());
        var id = f["id"]!.GetValue<long>();
        // real: GET fields/company/44 of a contact field answers it; the object is not checked.
        Assert.Equal(200, RawCall(HttpMethod.Get, $"/fields/contact/{id}").Status);
        Assert.Equal("nf_co_1", RawCall(HttpMethod.Patch, $"/fields/company/{id}/edit", """{"alias":"changed_alias_x"}""").Body!["field"]!["alias"]!.GetValue<string>());
        // real: 400 "alias: Another field is already using this alias. ..."
        var dup = RawCall(HttpMethod.Post, "/fields/contact/new", """{"label":"x","alias":"nf_co_1"}""");
        Assert.Equal(400, dup.Status);
        Assert.StartsWith("alias: Another field is already using this alias.", dup.Body!["errors"]![0]!["message"]!.GetValue<string>());
        Same("""{"errors":[{"code":400,"message":"label: A label is required.","details":{"label":["A label is required."]}}]}""", RawCall(HttpMethod.Post, "/fields/contact/new", """{"alias":"z"}""").Body);
        // real: PUT with only a label is the generic 500
        Same(Generic500, RawCall(HttpMethod.Put, $"/fields/company/{id}/edit", """{"label":"NF put"}""").Body);
    }

    [Fact]
    public void The_published_fields_list_holds_both_objects_keyed_by_id_without_the_unpublished()
    {
        var id = RawCall(HttpMethod.Post, "/fields/contact/new", """{"label":"hidden","isPublished":false}""").Body!["field"]!["id"]!.GetValue<long>();
        var list = RawCall(HttpMethod.Get, "/contacts/list/fields").Body!.AsObject();
        Assert.Contains(list, kv => kv.Value!["object"]!.GetValue<string>() == "company");
        Assert.Contains(list, kv => kv.Value!["object"]!.GetValue<string>() == "lead");
        Assert.False(list.ContainsKey(id.ToString()));
        Assert.Equal(["id", "label", "alias", "type", "group", "order", "object", "properties"], list["6"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public void The_client_shows_a_note_s_contact_as_its_id_and_a_contact_s_notes_and_published_fields()
    {
        State.AddContact("n@example.com");
        State.AddContact("m@example.com");
        using var c = Connect();
        var notes = new ContactOwnedService(c.Client, MauticResources.Notes);
        var made = notes.Create(new[] { new WriteItem<object>(1, new JObject { ["lead"] = 2, ["text"] = "one" }) }).Single();
        Assert.True(made.Succeeded);
        Assert.Equal(2L, made.Record!["lead"]);
        Assert.Equal(2L, notes.Get(made.Record.Id!.Value)["lead"]);
        var listed = Assert.Single(c.Contacts.Notes(2));
        Assert.Equal("Mautic.Note", listed.TypeName);
        Assert.Equal(2L, listed["lead"]);
        Assert.Contains(c.Contacts.PublishedFields(), f => (string)f["alias"] == "companyname");
    }

    [Fact]
    public void A_notes_batch_is_screened_so_nothing_is_saved_unreported()
    {
        State.AddContact("n@example.com");
        using var c = Connect();
        var items = new[]
        {
            new WriteItem<object>("a", new JObject { ["lead"] = 1, ["text"] = "a" }),
            new WriteItem<object>("none", new JObject { ["text"] = "none" }),
            new WriteItem<object>("ghost", new JObject { ["lead"] = 424242, ["text"] = "ghost" }),
            new WriteItem<object>("b", new JObject { ["lead"] = "1", ["text"] = "b" }),
        };
        var outcomes = new ContactOwnedService(c.Client, MauticResources.Notes).Create(items).ToDictionary(o => (string)o.Input);
        Assert.True(outcomes["a"].Succeeded && outcomes["b"].Succeeded);
        Assert.Equal(MauticErrorKind.InvalidArgument, outcomes["none"].Error!.Kind);
        Assert.Equal(MauticErrorKind.NotFound, outcomes["ghost"].Error!.Kind);
        Assert.Equal(2, State.Notes.Rows.Count);
        Assert.Single(State.RequestsTo("/api/notes/batch/new"));
    }
}
