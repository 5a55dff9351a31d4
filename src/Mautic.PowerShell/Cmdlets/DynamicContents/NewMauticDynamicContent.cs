namespace Mautic.PowerShell.Cmdlets.DynamicContents
{
    /// <summary>
    /// Creates dynamic content items (Mautic requires only the name; a new item is campaign based unless
    /// -IsCampaignBased:$false, which then needs -SlotName and -Filter); piped rows go 200 per batch request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MauticDynamicContent", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticDynamicContent.md")]
    [OutputType("Mautic.DynamicContent")]
    public sealed partial class NewMauticDynamicContent : NewEntityCmdlet<DynamicContentParameters>
    {
        protected override MauticResource Area => MauticResources.DynamicContents;
    }
}
