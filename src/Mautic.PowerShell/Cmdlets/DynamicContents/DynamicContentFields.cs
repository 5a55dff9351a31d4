namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>What New- and Set-MauticDynamicContent's named parameters send.</summary>
    static class DynamicContentFields
    {
        public static IEnumerable<KeyValuePair<string, object>> Of(InvocationInfo call, string content, string slotName, bool isCampaignBased, Hashtable[] filter, string language)
        {
            if (content != null) yield return new KeyValuePair<string, object>("content", content);
            if (slotName != null) yield return new KeyValuePair<string, object>("slotName", slotName);
            if (call.BoundParameters.ContainsKey("IsCampaignBased")) yield return new KeyValuePair<string, object>("isCampaignBased", isCampaignBased);
            if (filter != null) yield return new KeyValuePair<string, object>("filters", filter);
            if (language != null) yield return new KeyValuePair<string, object>("language", language);
        }
    }
}
