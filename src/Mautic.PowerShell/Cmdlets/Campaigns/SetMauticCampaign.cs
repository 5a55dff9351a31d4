namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>
    /// Edits campaigns by id: PATCH by default; -Replace is PUT, which Mautic refuses without events and a contact
    /// source and which deletes the events not sent. Piped input goes through batch edit.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MauticCampaign", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed partial class SetMauticCampaign : SetEntityCmdlet<CampaignParameters>
    {
        protected override MauticResource Area => MauticResources.Campaigns;
    }
}
