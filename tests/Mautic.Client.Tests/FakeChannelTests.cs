using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Mautic.Client.Batching;
using Mautic.Client.Operations;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's text messages, web push notifications and tweets against what a real Mautic 5.1.0 answered to the same
/// requests (measured with curl and Basic auth, 2026-11; real answers quoted), and the client's text message send.
/// A stock Mautic has no SMS transport: a send that goes through is modelled on SmsApiController, not measured.
/// </summary>
public sealed class FakeChannelTests : FakeServerTest
{
    static readonly HttpClient Http = new();

    (int Status, JsonNode? Body, string Raw) Call(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Server.BaseUrl + "/api" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(State.AdminUser + ":" + State.AdminPassword)));
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = Http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), text);
    }

    (int Status, JsonNode? Body, string Raw) Post(string path, string json) => Call(HttpMethod.Post, path, json);

    static string[] Keys(JsonNode? node) => node!.AsObject().Select(kv => kv.Key).ToArray();

    const string Generic500 = """{"errors":[{"message":"Looks like I encountered an error (error #500). If I do it again, please report me to the system administrator!","code":500,"type":null}]}""";

    static string Refused(string field, string message) =>
        $$$"""{"errors":[{"code":400,"message":"{{{field}}}: {{{message}}}","details":{"{{{field}}}":["{{{message}}}"]}}]}""";

    static readonly string[] Header = ["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id"];

    [Fact]
    public void Text_messages_need_a_name_and_a_message_and_keep_the_language()
    {
        // real: {"name":"x"} is the generic 500 (message is NOT NULL); {"message":"only"} is 400 name: A name is required.
        var noMessage = Post("/smses/new", """{"name":"x"}""");
        Assert.Equal(500, noMessage.Status);
        Same(Generic500, noMessage.Body);
        Same(Refused("name", "A name is required."), Post("/smses/new", """{"message":"only"}""").Body);
        Same(Refused("language", "This value is not valid."), Post("/smses/new", """{"name":"x","message":"m","language":"zz"}""").Body);

        // real: {"sms":{"isPublished":false,...,"id":1,"name":"...","message":"Hi {contactfield=firstname}","language":"de","category":null,"publishUp":null,"publishDown":null,"sentCount":0}}
        var made = Post("/smses/new", """{"name":"b","message":"Hi {contactfield=firstname}","language":"de","smsType":"template","description":"d","isPublished":0}""");
        Assert.Equal(201, made.Status);
        var sms = made.Body!["sms"]!;
        Assert.Equal(Header.Concat(["name", "message", "language", "category", "publishUp", "publishDown", "sentCount"]), Keys(sms));
        Assert.Equal("de", (string)sms["language"]!);
        Assert.False((bool)sms["isPublished"]!);
        Assert.Equal(0, (long)sms["sentCount"]!);
        var id = (long)sms["id"]!;
        Assert.Equal("en", (string)Post("/smses/new", """{"name":"a","message":"m"}""").Body!["sms"]!["language"]!);

        // real: PUT without language, PATCH blanking message or language: the generic 500, nothing changed.
        Assert.Equal(500, Call(HttpMethod.Put, $"/smses/{id}/edit", """{"name":"p","message":"put"}""").Status);
        Assert.Equal(500, Call(HttpMethod.Patch, $"/smses/{id}/edit", """{"message":""}""").Status);
        Assert.Equal(500, Call(HttpMethod.Patch, $"/smses/{id}/edit", """{"language":""}""").Status);
        var put = Call(HttpMethod.Put, $"/smses/{id}/edit", """{"name":"p","message":"put","language":"fr"}""");
        Assert.Equal(200, put.Status);
        Assert.Equal("put", (string)put.Body!["sms"]!["message"]!);

        // real: smsType list without lists, or with an unknown segment; lists alone with an unknown segment.
        const string NoList = "Either no list was selected or you do not have access to one of the lists that was selected.";
        Same(Refused("lists", NoList), Post("/smses/new", """{"name":"l","message":"x","smsType":"list"}""").Body);
        Same(Refused("lists", NoList), Post("/smses/new", """{"name":"l","message":"x","smsType":"list","lists":[999999]}""").Body);
        Same(Refused("lists", "This value is not valid."), Post("/smses/new", """{"name":"l","message":"x","lists":[999999]}""").Body);
        Assert.Equal(201, Post("/smses/new", """{"name":"l","message":"x","smsType":"list","lists":[1]}""").Status);

        // real: a batch item without message ends the batch in the generic 500; the items before it are saved.
        var batch = Post("/smses/batch/new", """[{"name":"c1","message":"a"},{"name":"c2"}]""");
        Assert.Equal(500, batch.Status);
        // real: the list is keyed by id and ordered by name; search matches the name only.
        var names = Call(HttpMethod.Get, "/smses?limit=50").Body!["smses"]!.AsObject().Select(kv => (string)kv.Value!["name"]!).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("c1", names);
        Assert.Equal(0, (long)Call(HttpMethod.Get, "/smses?search=contactfield").Body!["total"]!);
    }

    [Fact]
    public void Notifications_need_name_heading_and_message_and_show_all_utm_tags()
    {
        // real: {"errors":[{"code":400,"message":"name: A name is required., heading: A title is required., message: A message is required.",...}]}
        Same("""{"errors":[{"code":400,"message":"name: A name is required., heading: A title is required., message: A message is required.","details":{"name":["A name is required."],"heading":["A title is required."],"message":["A message is required."]}}]}""",
            Post("/notifications/new", "{}").Body);
        // real: url "example.com/x" is "http://example.com/x" (not validated: "not a url" is "http://not a url"); utmTags shows its four keys.
        var made = Post("/notifications/new", """{"name":"n2","heading":"H2","message":"M2","url":"example.com/x","language":"de","button":"Go","description":"dd","utmTags":{"utmSource":"s"}}""");
        Assert.Equal(201, made.Status);
        var n = made.Body!["notification"]!;
        Assert.Equal(Header.Concat(["name", "heading", "message", "url", "language", "category", "button", "utmTags", "publishUp", "publishDown", "readCount", "sentCount"]), Keys(n));
        Assert.Equal("http://example.com/x", (string)n["url"]!);
        Same("""{"utmSource":"s","utmMedium":null,"utmCampaign":null,"utmContent":null}""", n["utmTags"]);
        var id = (long)n["id"]!;
        // real: PUT without language is the generic 500; PATCH heading "" is 400 heading: A title is required.
        Assert.Equal(500, Call(HttpMethod.Put, $"/notifications/{id}/edit", """{"name":"p","heading":"H","message":"M"}""").Status);
        Same(Refused("heading", "A title is required."), Call(HttpMethod.Patch, $"/notifications/{id}/edit", """{"heading":""}""").Body);
        Assert.Equal(0, (long)Call(HttpMethod.Get, "/notifications?search=H2").Body!["total"]!);
    }

    [Fact]
    public void Tweets_need_a_name_and_text_of_at_most_280_characters_and_keep_language_and_publication()
    {
        // real: {"errors":[{"code":400,"message":"name: A name is required., text: A value is required.",...}]}
        Same("""{"errors":[{"code":400,"message":"name: A name is required., text: A value is required.","details":{"name":["A name is required."],"text":["A value is required."]}}]}""",
            Post("/tweets/new", "{}").Body);
        Same(Refused("text", "This value is too long. It should have 280 characters or less."), Post("/tweets/new", $$"""{"name":"t","text":"{{new string('x', 281)}}"}""").Body);
        Same(Refused("page", "This value is not valid."), Post("/tweets/new", """{"name":"t","text":"x","page":999999}""").Body);
        // real: {"tweet":{"isPublished":true,...,"name":"t2","text":"Hi","language":"en","category":null,"mediaId":null,"mediaPath":null,"sentCount":0,"favoriteCount":0,"retweetCount":0,"description":"dd"}}
        var made = Post("/tweets/new", """{"name":"t2","text":"Hi","language":"de","description":"dd","isPublished":false}""");
        Assert.Equal(201, made.Status);
        var t = made.Body!["tweet"]!;
        Assert.Equal(Header.Concat(["name", "text", "language", "category", "mediaId", "mediaPath", "sentCount", "favoriteCount", "retweetCount", "description"]), Keys(t));
        Assert.Equal("en", (string)t["language"]!);
        Assert.True((bool)t["isPublished"]!);
        Assert.Equal("dd", (string)t["description"]!);
        // real: PUT with only a name is 400 text: A value is required.; search matches the name, not the text or description.
        Same(Refused("text", "A value is required."), Call(HttpMethod.Put, $"/tweets/{(long)t["id"]!}/edit", """{"name":"p"}""").Body);
        // real: a refused batch edit lists the record as it parsed (text null), status 400 with the field's message; nothing saved.
        var id = (long)t["id"]!;
        var refused = Call(HttpMethod.Patch, "/tweets/batch/edit", $$"""[{"id":{{id}},"text":""}]""").Body!;
        Same("[400]", refused["statusCodes"]);
        Same("""[{"code":400,"message":"text: A value is required.","details":{"text":["A value is required."]},"type":null}]""", refused["errors"]);
        Assert.Null(refused["tweets"]![0]!["text"]);
        Assert.Equal("Hi", (string)Call(HttpMethod.Get, $"/tweets/{id}").Body!["tweet"]!["text"]!);
        // real: the list is in id order (a later "aa" after an earlier "t2").
        Post("/tweets/new", """{"name":"aa","text":"x"}""");
        var order = Call(HttpMethod.Get, "/tweets").Body!["tweets"]!.AsObject().Select(kv => long.Parse(kv.Key)).ToArray();
        Assert.Equal(order.Order(), order);
        Assert.Equal(0, (long)Call(HttpMethod.Get, "/tweets?search=dd").Body!["total"]!);
        Assert.Equal(1, (long)Call(HttpMethod.Get, "/tweets?search=t2").Body!["total"]!);
    }

    [Fact]
    public void Without_a_transport_every_send_is_a_200_carrying_a_json_string_error()
    {
        // real (any message id, even a missing one): "{\u0022error\u0022:{\u0022message\u0022:\u0022SMS transport is disabled.\u0022,\u0022code\u0022:417}}"
        var sent = Call(HttpMethod.Get, "/smses/999999/contact/1/send");
        Assert.Equal(200, sent.Status);
        Same("""{"error":{"message":"SMS transport is disabled.","code":417}}""", JsonNode.Parse(sent.Body!.GetValue<string>()));
        // real: POST is 404 Requested URL not found
        Assert.Equal(404, Call(HttpMethod.Post, "/smses/1/contact/1/send").Status);

        using var client = Client();
        var svc = new SmsService(client);
        var id = (long)Post("/smses/new", """{"name":"s","message":"m"}""").Body!["sms"]!["id"]!;
        var outcome = Assert.Single(svc.Send(id, new[] { new WriteItem<object>(1L, null, 1L) }));
        Assert.Equal(MauticErrorKind.NotEnabled, outcome.Error!.Kind);
        Assert.Contains("SMS transport is disabled.", outcome.Error.Message);
        Assert.Contains($"text message {id} to contact 1", outcome.Error.Message);
    }

    [Fact]
    public void With_a_transport_each_contact_is_sent_or_fails_with_its_reason()
    {
        State.SmsTransport = true;
        var reachable = State.AddContact("m@example.com");
        lock (State.Sync) reachable.Fields["mobile"] = "+15550100";
        var noPhone = State.AddContact("p@example.com");
        var id = (long)Post("/smses/new", """{"name":"s","message":"Hello"}""").Body!["sms"]!["id"]!;
        var off = (long)Post("/smses/new", """{"name":"u","message":"x","isPublished":0}""").Body!["sms"]!["id"]!;

        var ok = Call(HttpMethod.Get, $"/smses/{id}/contact/{reachable.Id}/send").Body!;
        Assert.True((bool)ok["success"]!);
        Assert.Equal("Delivered", (string)ok["status"]!);
        Assert.Equal(1, (long)Call(HttpMethod.Get, $"/smses/{id}").Body!["sms"]!["sentCount"]!);
        Assert.Equal(404, Call(HttpMethod.Get, $"/smses/999999/contact/{reachable.Id}/send").Status);
        Assert.Equal(403, Call(HttpMethod.Get, $"/smses/{id}/contact/999999/send").Status);

        using var client = Client();
        var svc = new SmsService(client);
        var items = new[] { reachable.Id, noPhone.Id, 999999L }.Select(c => new WriteItem<object>(c, null, c)).ToList();
        var outcomes = svc.Send(id, items, throttle: 2).ToList();
        Assert.Equal(items.Select(i => i.Input), outcomes.Select(o => o.Input));
        Assert.Equal(reachable.Id, outcomes[0].Record!["ContactId"]);
        Assert.Equal("Delivered", outcomes[0].Record!["Status"]);
        Assert.Equal(MauticErrorKind.InvalidData, outcomes[1].Error!.Kind);
        Assert.Contains("Missing phone number for contact.", outcomes[1].Error!.Message);
        Assert.Equal(MauticErrorKind.PermissionDenied, outcomes[2].Error!.Kind);
        Assert.Contains("The specified SMS was unpublished.", Assert.Single(svc.Send(off, items.Take(1).ToList())).Error!.Message);
    }
}
