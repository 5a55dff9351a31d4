namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>The parameters of New- and Set-MauticReport, and the fields they send.</summary>
    public sealed class ReportParameters : AreaParameters
    {
        /// <summary>What the report reads: leads, companies, email.stats, asset.downloads, form.submissions, page.hits, lead.pointlog, ...</summary>
        [Parameter]
        public string Source { get; set; }

        /// <summary>The columns shown, as Mautic names them for the source: l.id, l.email, l.date_added, ...</summary>
        [Parameter]
        [Alias("Columns")]
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

        internal override IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet) =>
            named.Concat(Given(("source", Source), ("columns", Column), ("filters", Filter), ("tableOrder", TableOrder), ("groupBy", GroupBy)));
    }
}
