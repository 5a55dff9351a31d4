namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Creates point groups; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticPointGroup", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticPointGroup.md")]
    [OutputType("Mautic.PointGroup")]
    public sealed partial class NewMauticPointGroup : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointGroups;
    }
}
