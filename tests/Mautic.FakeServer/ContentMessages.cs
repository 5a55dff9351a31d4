namespace Mautic.FakeServer;

/// <summary>
/// Dynamic content, marketing messages and devices: the hooks of their <see cref="FakeAreas"/> rows (the ten standard
/// routes come from the rows). Measured on a real Mautic 5.1.0; see README.md.
/// </summary>
static partial class Routes
{
    // ---------- dynamic content ----------

    /// <summary>
    /// An item that is not campaign based needs a slot name and at least one filter (both reported at once); a filter
    /// that is not an object is Mautic's generic 500 (measured with ["junk"]).
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ValidateDynamicContent(FakeState s, Func<string, object?> merged)
    {
        var errors = new Dictionary<string, string>();
        var filters = merged("filters") as JsonArray;
        if (filters != null && filters.Any(f => f is not JsonObject)) throw new ServerError(null);
        if (merged("isCampaignBased") is false)
        {
            if (merged("slotName") is null or "") errors["slotName"] = "Please enter a slot name.";
            if (filters == null || filters.Count == 0) errors["filters"] = "At least one filter is required.";
        }
        return errors;
    }

    static readonly Regex HtmlTags = new("<[^>]*>", RegexOptions.Compiled);

    /// <summary>Mautic keeps the content without its HTML tags ("&lt;b&gt;bold&lt;/b&gt; x" is "bold x"; measured).</summary>
    internal static void DynamicContentSave(FakeState s, Entity dc)
    {
        if (dc["content"] is string content) dc.Values["content"] = HtmlTags.Replace(content, "");
    }

    /// <summary>
    /// Header, id, name, category, publishUp, publishDown, sentCount, variantParent, variantChildren, content, utmTags,
    /// filters, isCampaignBased, slotName; description and language are stored but not shown (measured). 7.0.0 adds
    /// type ("html" unless sent), and a PUT without it is its generic 500 (it sets null on a string property, in its log).
    /// </summary>
    internal static JsonObject RenderDynamicContent(FakeState s, Entity dc, RenderMode mode)
    {
        var flat = RenderFlat(s, FakeAreas.DynamicContents, dc, mode);
        var o = new JsonObject();
        foreach (var (k, v) in flat)
        {
            if (k is "description" or "language" || k == "type" && !s.IsV7) continue;
            if (k == "content")
            {
                o["sentCount"] = 0; o["variantParent"] = null; o["variantChildren"] = new JsonArray();
            }
            o[k] = v?.DeepClone();
        }
        o["utmTags"] ??= new JsonObject { ["utmSource"] = null, ["utmMedium"] = null, ["utmCampaign"] = null, ["utmContent"] = null };
        o["filters"] ??= new JsonArray();
        o["slotName"] ??= "";
        return o;
    }

    // ---------- marketing messages ----------

    /// <summary>The channels a stock 5.1.0 offers a message (SMS, web notifications and tweets need their plugins set up).</summary>
    static readonly string[] MessageChannelNames = ["email"];

    /// <summary>What a new message, or a PUT without channels, does to them: every channel disabled, its item cleared.</summary>
    internal const string ResetChannels = "\0reset";

    static readonly Regex Digits = new("^[0-9]+$", RegexOptions.Compiled);

    /// <summary>A channel's item id as Mautic's integer field reads it: a number, "12", anything else 0; null and "" are null.</summary>
    static long? ChannelItem(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        _ when node.ToString() is "" => null,
        _ => Digits.IsMatch(node.ToString()) ? long.Parse(node.ToString(), CultureInfo.InvariantCulture) : 0,
    };

    /// <summary>A channel is enabled by true, 1 or "1" only ("true" and "yes" leave it disabled; measured).</summary>
    static bool ChannelEnabled(JsonNode? node) => node is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : node.ToString() == "1");

    /// <summary>
    /// channels is a form keyed by channel name: a name the server does not offer is "&lt;name&gt;: This form should not
    /// contain extra fields."; an array's first entry is the generic 500 and the next ones extra fields (measured); an
    /// enabled channel without an item is "channelId: A value is required.".
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ValidateMessage(FakeState s, Entity message, JsonObject payload, bool isNew)
    {
        var errors = new Dictionary<string, string>();
        switch (payload["channels"])
        {
            case JsonArray list:
                if (list.Count == 1) throw new ServerError(null);
                for (var i = 1; i < list.Count; i++) errors[i.ToString(CultureInfo.InvariantCulture)] = "This form should not contain extra fields.";
                break;
            case JsonObject channels:
                foreach (var (name, value) in channels)
                {
                    if (!MessageChannelNames.Contains(name, StringComparer.Ordinal)) { errors[name] = "This form should not contain extra fields."; continue; }
                    if (value is not JsonObject c) continue;
                    var stored = (message["channelRows"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => r["channel"]?.ToString() == name);
                    var enabled = c.ContainsKey("isEnabled") ? ChannelEnabled(c["isEnabled"]) : stored?["isEnabled"]?.GetValue<bool>() == true;
                    var item = c.ContainsKey("channelId") ? ChannelItem(c["channelId"]) : (long?)stored?["channelId"]?.GetValue<long>();
                    if (enabled && item == null) errors["channelId"] = "A value is required.";
                }
                break;
        }
        return errors;
    }

    /// <summary>
    /// Before a save: a new message gets one row per channel the server offers (ids from one sequence over every
    /// message); the channels sent change their rows (a row keeps its id); a PUT without channels disables them all.
    /// </summary>
    internal static void MessageChannels(FakeState s, Entity message)
    {
        if (message["channelRows"] is not JsonArray rows)
        {
            rows = new JsonArray(MessageChannelNames.Select(n => (JsonNode)new JsonObject
            {
                ["id"] = s.NextMessageChannelId++, ["channel"] = n, ["channelId"] = null, ["isEnabled"] = false,
            }).ToArray());
            message.Values["channelRows"] = rows;
        }
        switch (message["channels"])
        {
            case ResetChannels:
                foreach (var r in rows.OfType<JsonObject>()) { r["channelId"] = null; r["isEnabled"] = false; }
                break;
            case JsonObject sent:
                foreach (var r in rows.OfType<JsonObject>())
                    if (sent[r["channel"]!.ToString()] is JsonObject c)
                    {
                        if (c.ContainsKey("channelId")) r["channelId"] = ChannelItem(c["channelId"]);
                        if (c.ContainsKey("isEnabled")) r["isEnabled"] = ChannelEnabled(c["isEnabled"]);
                    }
                break;
        }
        message.Values["channels"] = null;
    }

    /// <summary>Header, id, name, description, publishUp, publishDown, channels [{id, channel, channelId, channelName, isEnabled}], category.</summary>
    internal static JsonObject RenderMessage(FakeState s, Entity message, RenderMode mode)
    {
        var o = RenderFlat(s, FakeAreas.Messages, message, mode);
        var channels = new JsonArray();
        foreach (var r in (message["channelRows"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var item = r["channelId"]?.GetValue<long>();
            // The item's name: an e-mail's for the email channel; null when the item does not exist (measured with 999999).
            var name = r["channel"]?.ToString() == "email" && item is long id && s.Emails.Rows.TryGetValue(id, out var email) ? email.Text("name") : null;
            channels.Add(new JsonObject
            {
                ["id"] = mode == RenderMode.Deleted ? null : r["id"]?.DeepClone(), ["channel"] = r["channel"]?.DeepClone(),
                ["channelId"] = item, ["channelName"] = name, ["isEnabled"] = r["isEnabled"]?.DeepClone(),
            });
        }
        o["channels"] = channels;
        return o;
    }

    // ---------- devices ----------

    /// <summary>
    /// A device's contact, checked before the form: lead, else contact (an empty value counts as none); none on create
    /// is 400 "contact ID is mandatory", an unknown contact 404 "Contact not found." (measured). An edit may leave it out.
    /// </summary>
    internal static void DeviceLead(FakeState s, JsonObject payload, bool isNew)
    {
        var lead = payload["lead"] is JsonNode l && l.ToString() is not ("" or "0") ? l : payload["contact"] is JsonNode c && c.ToString() is not ("" or "0") ? c : null;
        if (lead == null)
        {
            if (isNew) throw new Refusal(400, "contact ID is mandatory");
            payload.Remove("lead");
            return;
        }
        if (lead is not JsonValue || !long.TryParse(lead.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !s.Contacts.ContainsKey(id))
            throw new Refusal(404, "Contact not found.");
        payload["lead"] = id;
    }

    /// <summary>{id, lead, clientInfo, device, deviceBrand, deviceModel, deviceOsName, deviceOsShortName, deviceOsVersion, deviceOsPlatform}.</summary>
    internal static JsonObject RenderDevice(FakeState s, Entity device, RenderMode mode) => new()
    {
        ["id"] = mode == RenderMode.Deleted ? null : device.Id,
        ["lead"] = device["lead"] is long cid && s.Contacts.TryGetValue(cid, out var c) ? RenderDeviceLead(c) : null,
        // Mautic parses a tracked device's user agent into clientInfo; a device made through the API has [] (measured).
        ["clientInfo"] = new JsonArray(),
        ["device"] = device.Text("device"), ["deviceBrand"] = device.Text("deviceBrand"), ["deviceModel"] = device.Text("deviceModel"),
        ["deviceOsName"] = device.Text("deviceOsName"), ["deviceOsShortName"] = device.Text("deviceOsShortName"),
        ["deviceOsVersion"] = device.Text("deviceOsVersion"), ["deviceOsPlatform"] = device.Text("deviceOsPlatform"),
    };

    /// <summary>A device's contact as 5.1.0 renders it there: its core columns flat, fields [] and the related lists (measured).</summary>
    static JsonObject RenderDeviceLead(Contact c)
    {
        var o = new JsonObject { ["createdByUser"] = c.CreatedByUser, ["modifiedByUser"] = c.ModifiedByUser, ["id"] = c.Id, ["points"] = c.Points, ["color"] = null };
        foreach (var f in new[] { "title", "firstname", "lastname", "company", "position", "email", "phone", "mobile", "address1", "address2", "city", "state", "zipcode", "timezone", "country" })
            o[f] = c.Fields.GetValueOrDefault(f);
        o["fields"] = new JsonArray(); o["lastActive"] = null; o["owner"] = null; o["ipAddresses"] = new JsonArray();
        o["tags"] = new JsonArray(); o["utmtags"] = new JsonArray(); o["stage"] = null; o["dateIdentified"] = Date(c.DateAdded);
        o["preferredProfileImage"] = null; o["doNotContact"] = new JsonArray(); o["frequencyRules"] = new JsonArray();
        return o;
    }

    /// <summary>Mautic deletes a contact's devices with the contact (a foreign key with ON DELETE CASCADE).</summary>
    internal static void ContactDevicesGone(FakeState s, long contactId)
    {
        var store = s.Stores[FakeAreas.Devices.Route];
        foreach (var id in store.Rows.Values.Where(d => d["lead"] is long l && l == contactId).Select(d => d.Id).ToList())
            store.Rows.Remove(id);
    }
}
