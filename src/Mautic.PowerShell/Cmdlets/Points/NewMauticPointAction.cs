namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Creates point actions; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticPointAction", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticPointAction.md")]
    [OutputType("Mautic.PointAction")]
    public sealed partial class NewMauticPointAction : NewEntityCmdlet<NewPointActionParameters>
    {
        protected override MauticResource Area => MauticResources.PointActions;
    }
}
