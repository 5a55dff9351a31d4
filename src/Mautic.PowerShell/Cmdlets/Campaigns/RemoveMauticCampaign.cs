namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Deletes campaigns by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticCampaign.md")]
    [OutputType("Mautic.Campaign")]
    public sealed class RemoveMauticCampaign : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Campaigns;
    }
}
