namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Edits focus items by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticFocus", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticFocus.md")]
    [OutputType("Mautic.Focus")]
    public sealed partial class SetMauticFocus : SetEntityCmdlet<FocusParameters>
    {
        protected override MauticResource Area => MauticResources.Focus;
    }
}
