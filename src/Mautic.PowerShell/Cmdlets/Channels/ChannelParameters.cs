namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>The parameters of New- and Set-MauticSms, and the fields they send.</summary>
    public sealed class SmsParameters : AreaParameters
    {
        /// <summary>The text message kinds Mautic knows: sent by campaigns and the API (template) or to its segments (list).</summary>
        internal const string Template = "template", List = "list";

        /// <summary>The text sent; tokens such as {contactfield=firstname} are filled in per contact.</summary>
        [Parameter]
        public string Message { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        /// <summary>template (sent by campaigns and Send-MauticSms) or list (sent to the segments of -SegmentId).</summary>
        [Parameter]
        [ValidateSet(Template, List)]
        public string SmsType { get; set; }

        /// <summary>The segments a list message goes to (Mautic requires at least one for -SmsType list).</summary>
        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public long[] SegmentId { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("message", Message), ("language", Language), ("smsType", SmsType?.ToLowerInvariant()), ("lists", SegmentId)));
    }

    /// <summary>The parameters of New- and Set-MauticNotification (web push), and the fields they send.</summary>
    public sealed class NotificationParameters : AreaParameters
    {
        /// <summary>The notification's title line.</summary>
        [Parameter]
        public string Heading { get; set; }

        /// <summary>The notification's text.</summary>
        [Parameter]
        public string Message { get; set; }

        /// <summary>Where a click leads; Mautic puts http:// in front of an address without a scheme.</summary>
        [Parameter]
        public string Url { get; set; }

        /// <summary>The text of the notification's button.</summary>
        [Parameter]
        public string Button { get; set; }

        /// <summary>A locale Mautic knows: en (the default), de, en_US, ...</summary>
        [Parameter]
        public string Language { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("heading", Heading), ("message", Message), ("url", Url), ("button", Button), ("language", Language)));
    }

    /// <summary>The parameters of New- and Set-MauticTweet, and the fields they send.</summary>
    public sealed class TweetParameters : AreaParameters
    {
        /// <summary>The tweet's text, at most 280 characters.</summary>
        [Parameter]
        [ValidateLength(1, 280)]
        public string Text { get; set; }

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("text", Text)));
    }
}
