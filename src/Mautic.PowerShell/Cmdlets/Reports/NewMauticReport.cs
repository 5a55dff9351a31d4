namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>Creates reports (Mautic requires -Name and -Source); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticReport", SupportsShouldProcess = true)]
    [OutputType("Mautic.Report")]
    public sealed class NewMauticReport : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Reports;

        /// <summary>What the report reads: leads, companies, email.stats, asset.downloads, form.submissions, page.hits, lead.pointlog, ...</summary>
        [Parameter]
        public string Source { get; set; }

        /// <summary>The columns shown, as Mautic names them for the source: l.id, l.email, l.date_added, ...</summary>
        [Parameter]
        public string[] Column { get; set; }

        /// <summary>Row filters: @{ column = 'l.email'; condition = 'like'; value = '%@example.com' } (conditions eq, neq, gt, gte, lt, lte, like, notLike, empty, notEmpty, ...).</summary>
        [Parameter]
        public Hashtable[] Filter { get; set; }

        /// <summary>The rows' order: @{ column = 'l.date_added'; direction = 'DESC' }.</summary>
        [Parameter]
        public Hashtable[] TableOrder { get; set; }

        /// <summary>Columns to group rows by.</summary>
        [Parameter]
        public string[] GroupBy { get; set; }

        protected override IEnumerable<KeyValuePair<string, object>> NamedFields() =>
            base.NamedFields().Concat(ReportFields.Of(Source, Column, Filter, TableOrder, GroupBy));
    }
}
