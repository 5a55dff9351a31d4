namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>Gets tweets by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticTweet", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticTweet.md")]
    [OutputType("Mautic.Tweet")]
    public sealed class GetMauticTweet : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tweets;
    }
}
