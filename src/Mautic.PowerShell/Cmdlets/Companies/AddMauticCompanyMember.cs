namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Adds contacts to a company (it becomes their primary company): one request per contact, -ThrottleLimit at a time.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticCompanyMember", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticCompanyMember.md")]
    [OutputType("Mautic.CompanyMembership")]
    public sealed class AddMauticCompanyMember : PerContactMembershipCmdlet
    {
        /// <summary>The company: its id, its name (looked up once; it must name exactly one company) or the company itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("CompanyId", "CompanyName")]
        [ArgumentCompleter(typeof(CompanyCompleter))]
        public MauticRecordRef Company { get; set; }

        protected override MauticResource Target => MauticResources.Companies;
        protected override MauticRecordRef TargetRef => Company;
        protected override bool Adding => true;
    }
}
