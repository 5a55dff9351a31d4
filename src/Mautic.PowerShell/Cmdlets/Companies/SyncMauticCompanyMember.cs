namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Makes a company's contacts equal to a list: adds the missing ones and, with -Exact, removes the others (read through companies_leads, every company of a contact).</summary>
    [Cmdlet(VerbsData.Sync, "MauticCompanyMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Sync-MauticCompanyMember.md")]
    [OutputType("Mautic.MemberSyncResult")]
    public sealed class SyncMauticCompanyMember : SyncMemberCmdlet
    {
        /// <summary>The company: its id, its name (looked up once; it must name exactly one) or the company itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("CompanyId", "CompanyName")]
        [ArgumentCompleter(typeof(CompanyCompleter))]
        public MauticRecordRef Company { get; set; }

        protected override MauticResource Target => MauticResources.Companies;
        protected override MauticRecordRef TargetRef => Company;
    }
}
