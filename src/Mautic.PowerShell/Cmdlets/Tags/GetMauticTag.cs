namespace Mautic.PowerShell.Cmdlets.Tags
{
    /// <summary>Gets tags by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticTag", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticTag.md")]
    [OutputType("Mautic.Tag")]
    public sealed class GetMauticTag : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tags;
    }
}
