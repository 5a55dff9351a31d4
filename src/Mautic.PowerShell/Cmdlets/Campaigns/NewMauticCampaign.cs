using System.Management.Automation;
using Mautic.Client.Resources;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Creates campaigns; piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticCampaign", SupportsShouldProcess = true)]
    [OutputType("Mautic.Campaign")]
    public sealed class NewMauticCampaign : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Campaigns;
    }
}
