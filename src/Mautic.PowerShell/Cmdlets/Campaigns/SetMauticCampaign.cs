using System.Management.Automation;
using Mautic.Client.Resources;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Edits campaigns by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticCampaign", SupportsShouldProcess = true)]
    [OutputType("Mautic.Campaign")]
    public sealed class SetMauticCampaign : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Campaigns;
    }
}
