namespace Mautic.PowerShell.Cmdlets.Tags
{
    /// <summary>Edits tags by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticTag", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticTag.md")]
    [OutputType("Mautic.Tag")]
    public sealed partial class SetMauticTag : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Tags;
    }
}
