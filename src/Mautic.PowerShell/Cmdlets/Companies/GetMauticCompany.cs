using Mautic.Client.Paging;

namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Gets companies by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCompany", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticCompany.md")]
    [OutputType("Mautic.Company")]
    public sealed class GetMauticCompany : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Companies;

        /// <summary>Only companies changed (or created, when never changed since) at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? ModifiedSince { get; set; }

        /// <summary>Only companies created at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedSince { get; set; }

        protected override void Refine(ListQuery q)
        {
            WarnModifiedSince(ModifiedSince, "companies");
            WhereClause.AddDelta(q, ModifiedSince, CreatedSince);
        }
    }
}
