namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Gets point triggers by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointTrigger", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticPointTrigger.md")]
    [OutputType("Mautic.PointTrigger")]
    public sealed class GetMauticPointTrigger : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointTriggers;
    }
}
