using System.Management.Automation;
using Mautic.Client.Resources;
using Mautic.PowerShell.Base;

namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Adds contacts to a company (it becomes their primary company): one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticCompanyMember", SupportsShouldProcess = true)]
    [OutputType("Mautic.CompanyMembership")]
    public sealed class AddMauticCompanyMember : PerContactMembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1L, long.MaxValue)]
        public long CompanyId { get; set; }

        protected override MauticResource Target => MauticResources.Companies;
        protected override long TargetId => CompanyId;
        protected override bool Adding => true;
    }
}
