namespace Mautic.PowerShell.Cmdlets.Emails
{
    /// <summary>What New- and Set-MauticEmail's named parameters send.</summary>
    static class EmailFields
    {
        /// <summary>
        /// The fields given. Segments make a segment ("list") e-mail unless -EmailType says otherwise: Mautic keeps
        /// segments only on a list e-mail and drops them from a template e-mail without a word (measured on 5.1.0).
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object>> Of(string subject, string emailType, string language, string template,
            string customHtml, string plainText, string fromAddress, string fromName, string replyToAddress, long[] segmentId)
        {
            if (subject != null) yield return Field("subject", subject);
            if (emailType != null) yield return Field("emailType", emailType);
            else if (segmentId != null) yield return Field("emailType", "list");
            if (segmentId != null) yield return Field("lists", segmentId);
            if (language != null) yield return Field("language", language);
            if (template != null) yield return Field("template", template);
            if (customHtml != null) yield return Field("customHtml", customHtml);
            if (plainText != null) yield return Field("plainText", plainText);
            if (fromAddress != null) yield return Field("fromAddress", fromAddress);
            if (fromName != null) yield return Field("fromName", fromName);
            if (replyToAddress != null) yield return Field("replyToAddress", replyToAddress);
        }

        static KeyValuePair<string, object> Field(string name, object value) => new KeyValuePair<string, object>(name, value);
    }
}
