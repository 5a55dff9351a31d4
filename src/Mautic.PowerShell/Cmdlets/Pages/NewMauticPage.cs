namespace Mautic.PowerShell.Cmdlets.Pages
{
    /// <summary>
    /// Creates landing pages (Mautic requires only the title; the alias is made from it, the language is "en");
    /// piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticPage", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticPage.md")]
    [OutputType("Mautic.Page")]
    public sealed partial class NewMauticPage : NewEntityCmdlet<NewPageParameters>
    {
        protected override MauticResource Area => MauticResources.Pages;
    }
}
