namespace Mautic.FakeServer;

/// <summary>
/// Landing pages (PageBundle PageApiController): the hooks of <see cref="FakeAreas.Pages"/> (the ten standard routes
/// come from the row). Measured on a real Mautic 5.1.0; see README.md.
/// </summary>
static partial class Routes
{
    /// <summary>The locales Mautic's form accepts (Symfony's Locale constraint, ICU's list): "en", "de", "en_US"; "zz" is refused.</summary>
    internal static readonly string[] PageLanguages = CultureInfo.GetCultures(CultureTypes.AllCultures)
        .Select(c => c.Name.Replace('-', '_')).Where(n => n.Length > 0).Distinct().ToArray();

    /// <summary>
    /// Before a save: the alias from the alias sent or else the title, a slug unique among pages ("x", "x1"); PUT
    /// clears it, so it is made again from the title; every save of an existing page raises its revision.
    /// </summary>
    internal static void PageSave(FakeState s, Entity p)
    {
        var others = s.Stores["pages"].Rows.Values.Where(o => o != p && o.Id != p.Id).Select(o => o.Text("alias") ?? "");
        p.Values["alias"] = Alias(p.Text("alias") ?? p.Text("title") ?? "", others);
        p.Values["revision"] = p.Id == 0 ? 1L : (p["revision"] as long? ?? 1L) + 1;
    }

    /// <summary>
    /// The header, id and the form's fields, with Mautic's own counters and links where 5.1.0 shows them: hits,
    /// uniqueHits, variantHits (always 0 here: the fake serves no page), revision, then after noIndex the A/B variant
    /// and translation links (none: the fake keeps no variants or translations).
    /// </summary>
    internal static JsonObject RenderPage(FakeState s, Entity p, RenderMode mode)
    {
        var flat = RenderFlat(s, FakeAreas.Pages, p, mode);
        var o = new JsonObject();
        foreach (var (k, v) in flat)
        {
            if (k == "metaDescription")
            {
                o["hits"] = 0; o["uniqueHits"] = 0; o["variantHits"] = 0;
                o["revision"] = p["revision"] as long? ?? 1L;
            }
            if (k == "template")
            {
                o["variantSettings"] = new JsonArray(); o["variantStartDate"] = null; o["variantParent"] = null;
                o["variantChildren"] = new JsonArray(); o["translationParent"] = null; o["translationChildren"] = new JsonArray();
            }
            o[k] = v?.DeepClone();
        }
        return o;
    }
}
