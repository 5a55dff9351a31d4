namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Edits point triggers by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticPointTrigger", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticPointTrigger.md")]
    [OutputType("Mautic.PointTrigger")]
    public sealed partial class SetMauticPointTrigger : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointTriggers;
    }
}
