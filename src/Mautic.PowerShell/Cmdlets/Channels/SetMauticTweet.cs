namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>
    /// Edits tweets by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Text); piped input goes through
    /// batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticTweet", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticTweet.md")]
    [OutputType("Mautic.Tweet")]
    public sealed partial class SetMauticTweet : SetEntityCmdlet<TweetParameters>
    {
        protected override MauticResource Area => MauticResources.Tweets;
    }
}
