namespace Mautic.PowerShell.Cmdlets.Channels
{
    /// <summary>Deletes tweets by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticTweet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticTweet.md")]
    [OutputType("Mautic.Tweet")]
    public sealed class RemoveMauticTweet : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tweets;
    }
}
