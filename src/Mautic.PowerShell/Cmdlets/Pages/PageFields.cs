namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>What New- and Set-MauticPage's named parameters send.</summary>
    static class PageFields
    {
        public static IEnumerable<KeyValuePair<string, object>> Of(string title, string alias, string language, string template, string html)
        {
            if (title != null) yield return new KeyValuePair<string, object>("title", title);
            if (alias != null) yield return new KeyValuePair<string, object>("alias", alias);
            if (language != null) yield return new KeyValuePair<string, object>("language", language);
            if (template != null) yield return new KeyValuePair<string, object>("template", template);
            if (html != null) yield return new KeyValuePair<string, object>("customHtml", html);
        }
    }
}
