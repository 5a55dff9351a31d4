namespace Mautic.PowerShell.Cmdlets.Notes
{
    /// <summary>What New- and Set-MauticNote's named parameters send.</summary>
    static class NoteFields
    {
        /// <summary>The types Mautic 5.1.0 accepts (any other is "type: This value is not valid.").</summary>
        public const string General = "general", Email = "email", Call = "call", Meeting = "meeting";

        public static IEnumerable<KeyValuePair<string, object>> Of(string text, string type, DateTime? dateTime)
        {
            if (text != null) yield return new KeyValuePair<string, object>("text", text);
            if (type != null) yield return new KeyValuePair<string, object>("type", type.ToLowerInvariant());
            if (dateTime != null) yield return new KeyValuePair<string, object>("dateTime", dateTime.Value);
        }
    }
}
