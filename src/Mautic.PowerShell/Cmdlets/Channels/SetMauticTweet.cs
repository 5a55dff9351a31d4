namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Edits tweets by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Text); piped input goes through
    /// batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticTweet", SupportsShouldProcess = true)]
    [OutputType("Mautic.Tweet")]
    public sealed class SetMauticTweet : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tweets;

        /// <summary>The tweet's new text, at most 280 characters.</summary>
        [Parameter]
        [ValidateLength(1, 280)]
        public string Text { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() => base.NamedFields().Concat(ChannelFields.Tweet(Text));
    }
}
