namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Edits point actions by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticPointAction", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticPointAction.md")]
    [OutputType("Mautic.PointAction")]
    public sealed partial class SetMauticPointAction : SetEntityCmdlet<PointActionParameters>
    {
        protected override MauticResource Area => MauticResources.PointActions;
    }
}
