namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Creates tweets for Mautic's campaigns (Mautic requires -Name and -Text, at most 280 characters); piped rows go
    /// 200 per batch request. Mautic 5.1 keeps every tweet's language "en" and publishes it whatever is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticTweet", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticTweet.md")]
    [OutputType("Mautic.Tweet")]
    public sealed partial class NewMauticTweet : NewEntityCmdlet<TweetParameters>
    {
        protected override MauticResource Area => MauticResources.Tweets;
    }
}
