namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>
    /// Edits landing pages by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Language, and makes the
    /// alias again from the title); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticPage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticPage.md")]
    [OutputType("Mautic.Page")]
    public sealed partial class SetMauticPage : SetEntityCmdlet<PageParameters>
    {
        protected override MauticResource Area => MauticResources.Pages;
    }
}
