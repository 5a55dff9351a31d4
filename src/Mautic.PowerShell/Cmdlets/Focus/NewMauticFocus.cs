namespace Mautic.PowerShell.Cmdlets.Focus
{
    /// <summary>Creates focus items (Mautic requires -Name, -Type and -Style); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticFocus", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticFocus.md")]
    [OutputType("Mautic.Focus")]
    public sealed partial class NewMauticFocus : NewEntityCmdlet<FocusParameters>
    {
        protected override MauticResource Area => MauticResources.Focus;
    }
}
