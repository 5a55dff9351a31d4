namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Creates point triggers; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticPointTrigger", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticPointTrigger.md")]
    [OutputType("Mautic.PointTrigger")]
    public sealed partial class NewMauticPointTrigger : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointTriggers;
    }
}
