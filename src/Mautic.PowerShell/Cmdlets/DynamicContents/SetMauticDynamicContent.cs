namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>
    /// Edits dynamic content items by id: PATCH by default, PUT with -Replace (Mautic 5.1 then needs -Language, and
    /// an item not sent as campaign based needs -SlotName and -Filter); piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticDynamicContent", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticDynamicContent.md")]
    [OutputType("Mautic.DynamicContent")]
    public sealed partial class SetMauticDynamicContent : SetEntityCmdlet<DynamicContentParameters>
    {
        protected override MauticResource Area => MauticResources.DynamicContents;
    }
}
