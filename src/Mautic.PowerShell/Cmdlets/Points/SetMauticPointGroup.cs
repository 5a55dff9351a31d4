namespace Mautic.PowerShell.Cmdlets.Points
{
    /// <summary>Edits point groups by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticPointGroup", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticPointGroup.md")]
    [OutputType("Mautic.PointGroup")]
    public sealed partial class SetMauticPointGroup : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.PointGroups;
    }
}
