namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Creates a stage (weight, isPublished and the rest go in -Property); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticStage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticStage.md")]
    [OutputType("Mautic.Stage")]
    public sealed partial class NewMauticStage : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Stages;
    }
}
