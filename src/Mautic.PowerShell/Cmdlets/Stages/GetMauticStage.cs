namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Gets stages by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticStage", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticStage.md")]
    [OutputType("Mautic.Stage")]
    public sealed class GetMauticStage : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Stages;
    }
}
