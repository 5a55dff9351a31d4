namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>What the named parameters of New- and Set-MauticSms, -MauticNotification and -MauticTweet send.</summary>
    static class ChannelFields
    {
        /// <summary>The text message kinds Mautic knows: sent by campaigns and the API (template) or to its segments (list).</summary>
        internal const string Template = "template", List = "list";

        static IEnumerable<KeyValuePair<string, object>> Given(params (string Field, object Value)[] fields) =>
            fields.Where(f => f.Value != null).Select(f => new KeyValuePair<string, object>(f.Field, f.Value));

        internal static IEnumerable<KeyValuePair<string, object>> Sms(string message, string language, string smsType, long[] segmentIds) =>
            Given(("message", message), ("language", language), ("smsType", smsType?.ToLowerInvariant()), ("lists", segmentIds));

        internal static IEnumerable<KeyValuePair<string, object>> Notification(string heading, string message, string url, string button, string language) =>
            Given(("heading", heading), ("message", message), ("url", url), ("button", button), ("language", language));

        internal static IEnumerable<KeyValuePair<string, object>> Tweet(string text) => Given(("text", text));
    }
}
