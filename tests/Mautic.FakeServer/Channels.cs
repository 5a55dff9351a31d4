using System.Text.Json;

namespace Mautic.FakeServer;

/// <summary>
/// Text messages, web push notifications and tweets: the hooks of <see cref="FakeAreas.Smses"/>,
/// <see cref="FakeAreas.Notifications"/> and <see cref="FakeAreas.Tweets"/> (the ten standard routes come from the
/// rows) and GET smses/{id}/contact/{cid}/send. Measured on a real Mautic 5.1.0 where it could be; see README.md.
/// </summary>
static partial class Routes
{
    const string NoListMessage = "Either no list was selected or you do not have access to one of the lists that was selected.";

    /// <summary>
    /// A text message's lists (segment ids) must all exist: otherwise "lists: This value is not valid."; with smsType
    /// "list" a missing, empty or unknown list is "lists: Either no list was selected or ...".
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ValidateSms(FakeState s, Entity sms, JsonObject payload, bool isNew)
    {
        var type = payload.TryGetPropertyValue("smsType", out var t) ? t?.ToString() : sms.Text("smsType");
        var lists = payload.TryGetPropertyValue("lists", out var l) ? l : sms["lists"] as JsonNode;
        var ids = lists is JsonArray a ? a.Select(x => x?.ToString() ?? "").ToList() : lists is null ? [] : [lists.ToString()];
        var known = ids.All(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && s.Segments.ContainsKey(id));
        if (type == "list" && (ids.Count == 0 || !known)) return new Dictionary<string, string> { ["lists"] = NoListMessage };
        return known ? new Dictionary<string, string>() : new Dictionary<string, string> { ["lists"] = "This value is not valid." };
    }

    /// <summary>A tweet's text is at most 280 characters; page and asset, when sent, must be an existing page and asset.</summary>
    internal static IReadOnlyDictionary<string, string> ValidateTweet(FakeState s, Entity tweet, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        if ((payload["text"] as JsonValue)?.ToString() is { Length: > 280 })
            errors["text"] = "This value is too long. It should have 280 characters or less.";
        foreach (var (field, store) in new[] { ("asset", "assets"), ("page", "pages") })
            if (payload[field] is JsonValue v && v.ToString() is { Length: > 0 } text
                && !(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && s.Stores.TryGetValue(store, out var rows) && rows.Rows.ContainsKey(id)))
                errors[field] = "This value is not valid.";
        return errors;
    }

    /// <summary>A notification as 5.1.0 renders it: utmTags always with its four keys, those not sent null.</summary>
    internal static JsonObject RenderNotification(FakeState s, Entity n, RenderMode mode)
    {
        var o = RenderFlat(s, FakeAreas.Notifications, n, mode);
        var sent = n["utmTags"] as JsonObject;
        var tags = new JsonObject();
        foreach (var k in new[] { "utmSource", "utmMedium", "utmCampaign", "utmContent" }) tags[k] = sent?[k]?.DeepClone();
        o["utmTags"] = tags;
        return o;
    }

    /// <summary>
    /// GET smses/{id}/contact/{cid}/send (SmsApiController::sendAction). Without an enabled transport (a stock Mautic,
    /// and the fake until /__fake/settings {"smsTransport": true}) it answers 200 with a JSON string holding
    /// {"error":{"message":"SMS transport is disabled.","code":417}}, before looking at the message or the contact
    /// (measured). With one (modelled on the source, not measured): an unknown message 404, an unknown contact 403
    /// (checkLeadAccess's failure becomes accessDenied), an unpublished message or a contact without mobile or phone
    /// {success: false, status, result, errors}, otherwise {success: true, status: "Delivered", result, errors: []}
    /// and the message's sentCount goes up.
    /// </summary>
    static async Task SmsSend(HttpContext ctx, FakeState s)
    {
        if (!s.SmsTransport)
        {
            await Json(ctx, 200, JsonValue.Create("{\"error\":{\"message\":\"SMS transport is disabled.\",\"code\":417}}"));
            return;
        }
        Reply reply;
        lock (s.Sync)
        {
            var cid = Id(ctx, "cid");
            if (!s.Stores[FakeAreas.Smses.Route].Rows.TryGetValue(Id(ctx), out var sms)) reply = Reply.NotFound;
            else if (!s.Contacts.TryGetValue(cid, out var contact))
                reply = new Reply(403, ApiErrorJson(403, "You do not have access to the requested area/action.", null));
            else
            {
                var phone = contact.Fields.GetValueOrDefault("mobile") is { Length: > 0 } m ? m : contact.Fields.GetValueOrDefault("phone");
                var (key, text) = !sms.IsPublished ? ("mautic.sms.campaign.failed.unpublished", "The specified SMS was unpublished.")
                    : string.IsNullOrEmpty(phone) ? ("mautic.sms.campaign.failed.missing_number", "Missing phone number for contact.")
                    : ("mautic.sms.timeline.status.delivered", "Delivered");
                var sent = key.EndsWith("delivered", StringComparison.Ordinal);
                var result = new JsonObject { ["sent"] = sent, ["status"] = key };
                if (sent)
                {
                    sms.Values["sentCount"] = (sms["sentCount"] as long? ?? 0) + 1;
                    s.SentSms.Add((sms.Id, cid));
                    result = new JsonObject
                    {
                        ["sent"] = true, ["type"] = "mautic.sms.sms", ["status"] = key, ["id"] = sms.Id, ["name"] = sms.Text("name"),
                        ["content"] = sms.Text("message"), ["statId"] = s.SentSms.Count,
                    };
                }
                reply = new Reply(200, new JsonObject
                {
                    ["success"] = sent, ["status"] = text, ["result"] = result,
                    ["errors"] = sent ? new JsonArray() : new JsonArray(new JsonObject { ["message"] = key }),
                });
            }
        }
        await Send(ctx, reply);
    }
}
