namespace Mautic.PowerShell.Cmdlets.Stages
{
    /// <summary>Edits stages by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticStage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticStage.md")]
    [OutputType("Mautic.Stage")]
    public sealed partial class SetMauticStage : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Stages;
    }
}
