using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Mautic.Client.Tests;

/// <summary>
/// The fake's dynamic content, marketing messages and devices against what a real Mautic 5.1.0 answered to the same
/// requests (measured with curl and Basic auth, 2026-11; real answers quoted).
/// </summary>
public sealed class FakeContentMessagesTests : FakeServerTest
{
    static string[] Keys(JsonNode? o) => o!.AsObject().Select(kv => kv.Key).ToArray();

    [Fact]
    public void Dynamic_content_is_keyed_by_id_and_a_filter_based_item_needs_slot_and_filters()
    {
        // real: {"total":0,"dynamicContents":[]}
        Same("""{"total":0,"dynamicContents":[]}""", RawCall(HttpMethod.Get, "/dynamiccontents").Body);
        var created = RawCall(HttpMethod.Post, "/dynamiccontents/new", """{"name":"dc","content":"<div class=\"a\"><b>bold</b> <script>x</script>t</div>","description":"d"}""");
        Assert.Equal(201, created.Status);
        var dc = created.Body!["dynamicContent"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "category",
            "publishUp", "publishDown", "sentCount", "variantParent", "variantChildren", "content", "utmTags", "filters", "isCampaignBased", "slotName"], Keys(dc));
        Assert.Equal("bold xt", dc["content"]!.GetValue<string>());
        Same("""{"utmSource":null,"utmMedium":null,"utmCampaign":null,"utmContent":null}""", dc["utmTags"]);
        Assert.True(dc["isCampaignBased"]!.GetValue<bool>());
        Assert.Equal("", dc["slotName"]!.GetValue<string>());
        var list = RawCall(HttpMethod.Get, "/dynamiccontents").Body!;
        Assert.NotNull(list["dynamicContents"]!["1"]);
        Assert.Equal(1, list["total"]!.GetValue<int>());
        // real: PUT with the name only
        Same("""{"errors":[{"code":400,"message":"slotName: Please enter a slot name., filters: At least one filter is required.","details":{"slotName":["Please enter a slot name."],"filters":["At least one filter is required."]}}]}""",
            RawCall(HttpMethod.Put, "/dynamiccontents/1/edit", """{"name":"x"}""").Body);
        // real: valid but no language: the generic 500 (Column 'lang' cannot be null)
        Assert.Equal(500, RawCall(HttpMethod.Put, "/dynamiccontents/1/edit", """{"name":"x","isCampaignBased":true}""").Status);
        Assert.Equal(500, RawCall(HttpMethod.Post, "/dynamiccontents/new", """{"name":"y","isCampaignBased":false,"slotName":"x","filters":["junk"]}""").Status);
        var put = RawCall(HttpMethod.Put, "/dynamiccontents/1/edit", """{"name":"x","language":"de","isCampaignBased":true}""");
        Assert.Equal(200, put.Status);
        Assert.False(put.Body!["dynamicContent"]!["isPublished"]!.GetValue<bool>());
        Same("""{"errors":[{"code":400,"message":"language: This value is not valid.","details":{"language":["This value is not valid."]}}]}""",
            RawCall(HttpMethod.Patch, "/dynamiccontents/1/edit", """{"language":"zz"}""").Body);
    }

    [Fact]
    public void A_message_has_one_row_per_offered_channel_keyed_by_channel_name_when_sent()
    {
        var created = RawCall(HttpMethod.Post, "/messages/new", """{"name":"m"}""");
        Assert.Equal(201, created.Status);
        var m = created.Body!["message"]!;
        Assert.Equal(["isPublished", "dateAdded", "dateModified", "createdBy", "createdByUser", "modifiedBy", "modifiedByUser", "id", "name", "description",
            "publishUp", "publishDown", "channels", "category"], Keys(m));
        // real: "channels":[{"id":1,"channel":"email","channelId":null,"channelName":null,"isEnabled":false}]
        Same("""[{"id":1,"channel":"email","channelId":null,"channelName":null,"isEnabled":false}]""", m["channels"]);
        var patched = RawCall(HttpMethod.Patch, "/messages/1/edit", """{"channels":{"email":{"channelId":2,"isEnabled":true}}}""").Body!["message"]!;
        Same("""[{"id":1,"channel":"email","channelId":2,"channelName":"Welcome","isEnabled":true}]""", patched["channels"]);
        Assert.Null(patched["dateModified"]);                        // a change of channels alone: dateModified stays
        // real: {"errors":[{"code":400,"message":"sms: This form should not contain extra fields.","details":{"sms":["This form should not contain extra fields."]}}]}
        Same("""{"errors":[{"code":400,"message":"sms: This form should not contain extra fields.","details":{"sms":["This form should not contain extra fields."]}}]}""",
            RawCall(HttpMethod.Patch, "/messages/1/edit", """{"channels":{"sms":{"channelId":5,"isEnabled":true}}}""").Body);
        Same("""{"errors":[{"code":400,"message":"channelId: A value is required.","details":{"channelId":["A value is required."]}}]}""",
            RawCall(HttpMethod.Patch, "/messages/1/edit", """{"channels":{"email":{"isEnabled":true,"channelId":null}}}""").Body);
        Assert.Equal(500, RawCall(HttpMethod.Patch, "/messages/1/edit", """{"channels":[{"channel":"email","channelId":2,"isEnabled":false}]}""").Status);
        var odd = RawCall(HttpMethod.Post, "/messages/new", """{"name":"o","channels":{"email":{"channelId":"abc","isEnabled":"yes"}}}""").Body!["message"]!;
        Same("""[{"id":2,"channel":"email","channelId":0,"channelName":null,"isEnabled":false}]""", odd["channels"]);
        var put = RawCall(HttpMethod.Put, "/messages/1/edit", """{"name":"m2"}""").Body!["message"]!;
        Same("""[{"id":1,"channel":"email","channelId":null,"channelName":null,"isEnabled":false}]""", put["channels"]);
        var deleted = RawCall(HttpMethod.Delete, "/messages/1/delete").Body!["message"]!;
        Assert.Null(deleted["id"]);
        Assert.Null(deleted["channels"]![0]!["id"]);
    }

    [Fact]
    public void A_device_needs_its_contact_renders_it_whole_and_is_listed_with_it()
    {
        State.AddContact("d@example.com");
        // real: {"errors":[{"code":400,"message":"contact ID is mandatory","details":[]}]}
        Same("""{"errors":[{"code":400,"message":"contact ID is mandatory","details":[]}]}""", RawCall(HttpMethod.Post, "/devices/new", """{"device":"x"}""").Body);
        // real: {"errors":[{"code":404,"message":"Contact not found.","details":[]}]}
        Same("""{"errors":[{"code":404,"message":"Contact not found.","details":[]}]}""", RawCall(HttpMethod.Post, "/devices/new", """{"lead":99999999,"device":"x"}""").Body);
        var created = RawCall(HttpMethod.Post, "/devices/new", """{"contact":1,"device":"desktop","deviceBrand":"Acme","foo":"ignored","clientInfo":{"a":1}}""");
        Assert.Equal(201, created.Status);
        var d = created.Body!["device"]!;
        Assert.Equal(["id", "lead", "clientInfo", "device", "deviceBrand", "deviceModel", "deviceOsName", "deviceOsShortName", "deviceOsVersion", "deviceOsPlatform"], Keys(d));
        Assert.Equal(1, d["lead"]!["id"]!.GetValue<long>());
        Assert.Equal("d@example.com", d["lead"]!["email"]!.GetValue<string>());
        Same("[]", d["clientInfo"]);
        // real: the batch ends in the generic 500 at the device without a contact, the one before it saved
        Assert.Equal(500, RawCall(HttpMethod.Post, "/devices/batch/new", """[{"lead":1,"device":"b1"},{"device":"b2"}]""").Status);
        Assert.Equal(2, RawCall(HttpMethod.Get, "/devices").Body!["total"]!.GetValue<int>());
        Assert.Equal(2, RawCall(HttpMethod.Get, "/devices?search=nothing-matches").Body!["total"]!.GetValue<int>());   // search is ignored
        var put = RawCall(HttpMethod.Put, "/devices/1/edit", """{"device":"phone"}""").Body!["device"]!;
        Assert.Equal(1, put["lead"]!["id"]!.GetValue<long>());
        Assert.Null(put["deviceBrand"]);
        Same("""{"errors":[{"code":404,"message":"Item was not found.","details":[]}]}""", RawCall(HttpMethod.Patch, "/devices/999999/edit", """{"device":"x"}""").Body);
        Same("""{"errors":[{"code":400,"message":"contact ID is mandatory","details":[]}]}""", RawCall(HttpMethod.Put, "/devices/999999/edit", """{"device":"x"}""").Body);
        Assert.Equal(2, RawCall(HttpMethod.Get, "/contacts/1/devices").Body!["total"]!.GetValue<int>());
        RawCall(HttpMethod.Delete, "/contacts/1/delete");
        Assert.Equal(0, RawCall(HttpMethod.Get, "/devices").Body!["total"]!.GetValue<int>());
    }
}
