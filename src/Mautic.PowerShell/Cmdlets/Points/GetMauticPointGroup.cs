namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Gets point groups by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticPointGroup", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticPointGroup.md")]
    [OutputType("Mautic.PointGroup")]
    public sealed class GetMauticPointGroup : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointGroups;
    }
}
