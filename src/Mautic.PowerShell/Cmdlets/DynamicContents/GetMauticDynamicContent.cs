namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>Gets dynamic content items by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticDynamicContent", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticDynamicContent.md")]
    [OutputType("Mautic.DynamicContent")]
    public sealed class GetMauticDynamicContent : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.DynamicContents;
    }
}
