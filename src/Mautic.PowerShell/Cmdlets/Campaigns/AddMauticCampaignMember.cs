using System.Management.Automation;
using Mautic.Client.Resources;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Campaigns
{
    /// <summary>Adds contacts to a campaign by hand: Mautic has no batch route for this, so one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticCampaignMember", SupportsShouldProcess = true)]
    [OutputType("Mautic.CampaignMembership")]
    public sealed class AddMauticCampaignMember : PerContactMembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long CampaignId { get; set; }

        protected override MauticResource Target => MauticResources.Campaigns;
        protected override long TargetId => CampaignId;
        protected override bool Adding => true;
    }
}
