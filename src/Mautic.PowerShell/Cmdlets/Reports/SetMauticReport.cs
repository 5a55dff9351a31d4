namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>Edits reports by id: PATCH by default, PUT with -Replace; piped input goes through batch edit. An edit of columns, filters, order or grouping without -Source sends the report's own source, which Mautic needs to check them.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticReport", SupportsShouldProcess = true)]
    [OutputType("Mautic.Report")]
    public sealed class SetMauticReport : SetEntityCmdlet
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
