namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>The named parameters New- and Set-MauticFocus share, as field values.</summary>
    static class FocusFields
    {
        internal static IEnumerable<KeyValuePair<string, object>> With(IEnumerable<KeyValuePair<string, object>> common, string type, string style, string website)
        {
            foreach (var f in common) yield return f;
            if (type != null) yield return new KeyValuePair<string, object>("type", type);
            if (style != null) yield return new KeyValuePair<string, object>("style", style);
            if (website != null) yield return new KeyValuePair<string, object>("website", website);
        }
    }
}
