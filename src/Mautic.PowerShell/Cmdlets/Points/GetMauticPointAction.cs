namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Gets point actions by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointAction", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticPointAction.md")]
    [OutputType("Mautic.PointAction")]
    public sealed class GetMauticPointAction : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointActions;
    }
}
