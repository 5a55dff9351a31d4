namespace Mautic.PowerShell.Cmdlets.Tags
{
    /// <summary>Creates a tag; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticTag", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticTag.md")]
    [OutputType("Mautic.Tag")]
    public sealed partial class NewMauticTag : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tags;
    }
}
