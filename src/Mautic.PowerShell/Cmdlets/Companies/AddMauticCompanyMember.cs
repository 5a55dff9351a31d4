namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Adds contacts to a company (it becomes their primary company): one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticCompanyMember", SupportsShouldProcess = true, DefaultParameterSetName = ById)]
    [OutputType("Mautic.CompanyMembership")]
    public sealed class AddMauticCompanyMember : PerContactMembershipCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ById)]
        [ValidateRange(1L, long.MaxValue)]
        public long CompanyId { get; set; }

        /// <summary>The company by its name instead (looked up once; it must name exactly one company).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByName)]
        [ValidateNotNullOrEmpty]
        public string CompanyName { get; set; }

        protected override MauticResource Target => MauticResources.Companies;
        protected override long TargetId => CompanyId;
        protected override string TargetName => CompanyName;
        protected override bool Adding => true;
    }
}
