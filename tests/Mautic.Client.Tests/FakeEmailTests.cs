using System.Text.Json.Nodes;
using Mautic.Client.Resources;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's e-mails against what a real Mautic 5.1.0 answered to the same requests (measured with curl and Basic
/// auth, 2026-11; real answers quoted), and the client's e-mail operations beyond the generic ones.
/// </summary>
public sealed class FakeEmailTests : FakeServerTest
{
    static string Message(JsonNode? body) => body!["errors"]![0]!["message"]!.ToString();

    [Fact]
    public void A_create_needs_name_and_subject_and_answers_the_record_in_Mautic_s_order_with_its_counters()
    {
        // real: {"errors":[{"code":400,"message":"name: A name is required., subject: A subject is required.","details":{...}}]}
        var empty = RawCall(HttpMethod.Post, "/emails/new", "{}");
        Assert.Equal(400, empty.Status);
        Assert.Equal("name: A name is required., subject: A subject is required.", Message(empty.Body));
        var created = RawCall(HttpMethod.Post, "/emails/new", """{"name":"em-a","subject":"Hi"}""");
        Assert.Equal(201, created.Status);
        var e = created.Body!["email"]!.AsObject();
        // real key order: header, id, name, subject, language, category, fromAddress, ..., readCount, sentCount, revision, ..., lists, headers
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "subject",
            "language", "category", "fromAddress", "fromName", "replyToAddress", "bccAddress", "useOwnerAsMailer", "utmTags", "customHtml", "plainText",
            "template", "emailType", "publishUp", "publishDown", "publicPreview", "readCount", "sentCount", "revision", "assetAttachments",
            "variantStartDate", "variantSentCount", "variantReadCount", "variantParent", "variantChildren", "translationParent", "translationChildren",
            "unsubscribeForm", "dynamicContent", "lists", "headers"], e.Select(kv => kv.Key));
        Assert.Equal("en", e["language"]!.ToString());
        Assert.Equal("template", e["emailType"]!.ToString());
        Assert.Equal(e["dateAdded"]!.ToString(), e["dateModified"]!.ToString());   // real: a new e-mail's dateModified is its dateAdded, modifiedBy null
        Assert.Null(e["modifiedBy"]);
        Assert.Equal(0, e["sentCount"]!.GetValue<long>());
        Assert.Equal(1, e["revision"]!.GetValue<long>());
        Assert.Equal("""{"utmSource":null,"utmMedium":null,"utmCampaign":null,"utmContent":null}""", e["utmTags"]!.ToJsonString());
    }

    [Fact]
    public void The_form_checks_addresses_language_template_and_a_list_e_mail_s_segments()
    {
        // real: "fromAddress: Provided value 'notanemail' is not an email address nor a token ..., replyToAddress: A valid email is required., bccAddress: ..., language: This value is not valid."
        var bad = RawCall(HttpMethod.Post, "/emails/new", """{"name":"g","subject":"S","language":"zz","fromAddress":"notanemail","replyToAddress":"bad","bccAddress":"bad2"}""");
        Assert.Equal(400, bad.Status);
        Assert.Equal(["fromAddress", "replyToAddress", "bccAddress", "language"], bad.Body!["errors"]![0]!["details"]!.AsObject().Select(kv => kv.Key));
        Assert.StartsWith("fromAddress: Provided value 'notanemail' is not an email address nor a token", Message(bad.Body));
        Assert.Equal(201, RawCall(HttpMethod.Post, "/emails/new", """{"name":"t","subject":"S","fromAddress":"{contactfield=email}"}""").Status);
        // real: a page theme is not an e-mail template: "template: This value is not valid."
        Assert.Equal("template: This value is not valid.", Message(RawCall(HttpMethod.Post, "/emails/new", """{"name":"k","subject":"S","template":"fresh-center"}""").Body));
        const string noList = "lists: Either no list was selected or you do not have access to one of the lists that was selected.";
        Assert.Equal(noList, Message(RawCall(HttpMethod.Post, "/emails/new", """{"name":"b","subject":"S","emailType":"list"}""").Body));
        Assert.Equal(noList, Message(RawCall(HttpMethod.Post, "/emails/new", """{"name":"e","subject":"S","emailType":"list","lists":[999999]}""").Body));
        // real: a segment record instead of its id is refused
        Assert.Equal("lists: This value is not valid.", Message(RawCall(HttpMethod.Post, "/emails/new", """{"name":"c","subject":"S","emailType":"list","lists":[{"id":1}]}""").Body));
        var list = RawCall(HttpMethod.Post, "/emails/new", """{"name":"d","subject":"S","emailType":"list","lists":[2]}""").Body!["email"]!;
        Assert.Equal("""[{"createdByUser":"Admin User","modifiedByUser":null,"id":2,"name":"Customers","publicName":"Customers","alias":"customers","description":null,"category":null}]""", list["lists"]!.ToJsonString());
        // real: a template e-mail drops the segments sent with it
        Assert.Equal("[]", RawCall(HttpMethod.Post, "/emails/new", """{"name":"f","subject":"S","lists":[2]}""").Body!["email"]!["lists"]!.ToJsonString());
    }

    [Fact]
    public void Edits_raise_the_revision_a_PUT_needs_the_language_and_resets_the_type()
    {
        var id = RawCall(HttpMethod.Post, "/emails/new", """{"name":"h","subject":"S","language":"de","emailType":"list","lists":[1],"fromName":"A"}""").Body!["email"]!["id"]!.GetValue<long>();
        var patched = RawCall(HttpMethod.Patch, $"/emails/{id}/edit", """{"fromName":"B"}""").Body!["email"]!;
        Assert.Equal(2, patched["revision"]!.GetValue<long>());
        Assert.Equal("list", patched["emailType"]!.ToString());
        Assert.Equal(1, patched["modifiedBy"]!.GetValue<long>());
        // real: PUT {name, subject} on an existing e-mail: the generic 500 (language is NOT NULL); nothing changes
        var put = RawCall(HttpMethod.Put, $"/emails/{id}/edit", """{"name":"h2","subject":"S3"}""");
        Assert.Equal(500, put.Status);
        Assert.Equal("h", RawCall(HttpMethod.Get, $"/emails/{id}").Body!["email"]!["name"]!.ToString());
        // real: with the language, every other field is reset: template type, no segments, unpublished
        var replaced = RawCall(HttpMethod.Put, $"/emails/{id}/edit", """{"name":"h2","subject":"S3","language":"en"}""").Body!["email"]!;
        Assert.Equal("template", replaced["emailType"]!.ToString());
        Assert.Equal("[]", replaced["lists"]!.ToJsonString());
        Assert.Null(replaced["fromName"]);
        Assert.False(replaced["isPublished"]!.GetValue<bool>());
        Assert.Equal(3, replaced["revision"]!.GetValue<long>());
    }

    [Fact]
    public void The_list_is_keyed_by_id_in_name_order_and_searches_name_and_subject()
    {
        RawCall(HttpMethod.Post, "/emails/new", """{"name":"zz-last","subject":"uniquesubjxyz","customHtml":"<p>bodyxyz</p>"}""");
        var all = RawCall(HttpMethod.Get, "/emails").Body!;
        // seeded: 1 Monthly newsletter, 2 Welcome, 3 Draft
        Assert.Equal(["3", "1", "2", "4"], all["emails"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal(4, all["total"]!.GetValue<int>());
        Assert.Equal(1, RawCall(HttpMethod.Get, "/emails?search=uniquesubjxyz").Body!["total"]!.GetValue<int>());
        Assert.Equal("""{"total":0,"emails":[]}""", RawCall(HttpMethod.Get, "/emails?search=bodyxyz").Body!.ToJsonString());
        Assert.Equal(3, RawCall(HttpMethod.Get, "/emails?published=1").Body!["total"]!.GetValue<int>());
    }

    [Fact]
    public void A_reply_by_tracking_hash_is_201_marks_the_send_read_and_an_unknown_hash_is_404()
    {
        State.AddContact("r1@example.com");
        Assert.Equal(200, RawCall(HttpMethod.Post, "/emails/2/contact/1/send", "{}").Status);
        var stat = RawCall(HttpMethod.Get, "/stats/email_stats").Body!["stats"]![0]!;
        // real: {"id":"176","email_id":"74","lead_id":"7419","email_address":"...","date_sent":"...","is_read":"0",...,"tracking_hash":"6b0452410b0b4241170446","source":"api","source_id":"0",...}
        Assert.Equal("2", stat["email_id"]!.ToString());
        Assert.Equal("0", stat["is_read"]!.ToString());
        Assert.Equal("api", stat["source"]!.ToString());
        var hash = stat["tracking_hash"]!.ToString();
        Assert.Equal(22, hash.Length);
        var reply = RawCall(HttpMethod.Post, "/emails/reply/" + hash);
        Assert.Equal((201, """{"success":true}"""), (reply.Status, reply.Body!.ToJsonString()));
        Assert.Equal(201, RawCall(HttpMethod.Post, "/emails/reply/" + hash).Status);
        Assert.Equal("1", RawCall(HttpMethod.Get, "/stats/email_stats").Body!["stats"]![0]!["is_read"]!.ToString());
        Assert.Equal("2", RawCall(HttpMethod.Get, "/stats/email_stat_replies").Body!["total"]!.ToString());
        Assert.Equal(0, RawCall(HttpMethod.Get, "/emails/2").Body!["email"]!["readCount"]!.GetValue<long>());   // real: a reply leaves readCount alone
        Assert.Equal(1, RawCall(HttpMethod.Get, "/emails/2").Body!["email"]!["sentCount"]!.GetValue<long>());
        // real: {"errors":[{"code":404,"message":"Email Stat with tracking hash nosuchhash was not found","details":[]}]}
        var unknown = RawCall(HttpMethod.Post, "/emails/reply/nosuchhash");
        Assert.Equal(404, unknown.Status);
        Assert.Equal("""{"errors":[{"code":404,"message":"Email Stat with tracking hash nosuchhash was not found","details":[]}]}""", unknown.Body!.ToJsonString());
    }

    [Fact]
    public void The_client_shows_segments_as_ids_and_records_a_reply()
    {
        using var c = Connect();
        var email = c.Emails.Get(1);
        Assert.Equal("Mautic.Email", email.TypeName);
        Assert.Equal(new object[] { 1L }, (object[])email["lists"]);
        State.AddContact("r2@example.com");
        c.Emails.SendToContact(2, 1, null, null);
        string hash;
        lock (State.Sync) hash = State.Sent.Single().TrackingHash;
        var r = c.Emails.Reply(hash);
        Assert.Equal("Mautic.EmailReply", r.TypeName);
        Assert.Equal(hash, r["TrackingHash"]);
        Assert.Equal(true, r["Success"]);
        var e = Assert.Throws<MauticApiException>(() => c.Emails.Reply("nosuchhash"));
        Assert.Equal(MauticErrorKind.NotFound, e.Kind);
        Assert.Contains("nosuchhash", e.Message);
        Assert.Equal(MauticErrorKind.InvalidArgument, Assert.Throws<MauticApiException>(() => c.Emails.Reply(" ")).Kind);
        Assert.Contains("lists", MauticResources.Emails.IdOnly);
    }
}
