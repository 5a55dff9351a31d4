namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>
    /// Gets the contacts of a company, streamed and paged like Get-MauticContact. Mautic lists no company's contacts by itself: the cmdlet searches contacts with company_id:&lt;id&gt;, every contact linked to the company (primary or not).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticCompanyMember", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticCompanyMember.md")]
    [OutputType("Mautic.Contact")]
    public sealed class GetMauticCompanyMember : MemberListCmdlet
    {
        /// <summary>Companys: ids, names (each looked up once; it must name exactly one company) or piped companys.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "CompanyId", "CompanyName")]
        [ArgumentCompleter(typeof(CompanyCompleter))]
        public MauticRecordRef[] Company { get; set; }

        protected override MauticResource Target => MauticResources.Companies;
        protected override MauticRecordRef[] Targets => Company;
    }
}
