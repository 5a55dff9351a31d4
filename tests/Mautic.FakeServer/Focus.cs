namespace Mautic.FakeServer;

/// <summary>
/// Focus items: the hooks of <see cref="FakeAreas.Focus"/> (the ten standard routes come from there) and
/// POST focus/{id}/js. Measured on a real Mautic 5.1.0; see README.md.
/// </summary>
static partial class Routes
{
    /// <summary>The types and styles the focus builder offers; Mautic's form does not check them, its script generator fails (500).</summary>
    static readonly string[] FocusTypes = ["form", "notice", "link"], FocusStyles = ["bar", "modal", "notification", "page"];

    internal static IReadOnlyDictionary<string, string> ValidateFocus(FakeState s, Entity focus, JsonObject payload, bool isNew)
    {
        foreach (var (field, known) in new[] { ("type", FocusTypes), ("style", FocusStyles) })
            if (payload[field] is JsonValue v && v.ToString() is { Length: > 0 } text && !known.Contains(text, StringComparer.Ordinal))
                throw new ServerError(null);
        return new Dictionary<string, string>();
    }

    /// <summary>
    /// The record as 5.1.0 renders it: properties not sent are the builder's empty structure, utmTags its four keys,
    /// and cache the generated script (what focus/{id}/js answers); 7.0.0 keeps cache null (measured: the script is
    /// only what focus/{id}/js answers).
    /// </summary>
    internal static JsonObject RenderFocus(FakeState s, Entity focus, RenderMode mode)
    {
        var o = RenderFlat(s, FakeAreas.Focus, focus, mode);
        o["properties"] ??= JsonNode.Parse("""{"bar":{"allow_hide":null,"push_page":null,"sticky":null,"size":null,"placement":null},"modal":{"placement":null},"notification":{"placement":null},"page":[],"animate":null,"link_activation":null,"colors":{"primary":null,"text":null,"button":null,"button_text":null},"content":{"headline":null,"tagline":null,"link_text":null,"link_url":null,"link_new_window":null,"font":null,"css":null},"when":null,"timeout":null,"frequency":null,"stop_after_conversion":null,"stop_after_close":null}""");
        o["utmTags"] ??= new JsonObject { ["utmSource"] = null, ["utmMedium"] = null, ["utmCampaign"] = null, ["utmContent"] = null };
        o["cache"] = s.IsV7 ? null : FocusScript(focus);
        return o;
    }

    /// <summary>A stand-in for Mautic's generated script, shaped like it: a function named after the item's id.</summary>
    static string FocusScript(Entity focus)
    {
        var id = focus.Id.ToString(CultureInfo.InvariantCulture);
        return "(function(window){window.MauticFocus" + id + "=function(){var Focus={style:'" + focus.Text("style") + "',type:'" + focus.Text("type")
            + "'};return Focus}\nMauticFocus" + id + "().initialize()})(window)";
    }

    /// <summary>POST focus/{id}/js: {js: the script}; an unknown id is Mautic's generic 500 (measured), not a 404.</summary>
    static Task FocusJs(HttpContext ctx, FakeState s) => Locked(s, () =>
        s.Stores[FakeAreas.Focus.Route].Rows.TryGetValue(Id(ctx), out var focus)
            ? Json(ctx, 200, new JsonObject { ["js"] = FocusScript(focus) })
            : Send(ctx, Reply.Generic(500)));
}
