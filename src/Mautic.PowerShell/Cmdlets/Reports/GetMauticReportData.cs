namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>
    /// Reads the rows of a report (GET reports/{id} with page and limit), streamed a page per request; each row is a
    /// Mautic.ReportRow whose properties are the report's columns, so it goes straight to Export-Csv. -DateFrom and -DateTo
    /// bound the source's date column (without -DateFrom Mautic takes the last 30 days).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticReportData", SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticReportData.md")]
    [OutputType("Mautic.ReportRow")]
    public sealed class GetMauticReportData : MauticStreamCmdlet
    {
        /// <summary>The reports' ids; a piped report (Get-MauticReport) gives its own, a row its Id or ReportId column.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ReportId")]
        [ValidateRange(1L, long.MaxValue)]
        [ArgumentCompleter(typeof(ReportCompleter))]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject InputObject { get; set; }

        /// <summary>The earliest time of the rows (the source's date column, e.g. a contact's date_added); sent as UTC.</summary>
        [Parameter]
        public DateTime? DateFrom { get; set; }

        /// <summary>The latest time of the rows; sent as UTC. A date alone means its midnight, so the day itself is left out.</summary>
        [Parameter]
        public DateTime? DateTo { get; set; }

        static readonly string[] ReportKinds = { "Mautic.Report" };

        protected override void Process()
        {
            if (!AcceptsPiped(InputObject, "report", ReportKinds)) return;
            ForEachId(Id, id =>
            {
                var query = BuildStreamQuery();
                WriteStream(total => Conn.Reports.Rows(id, DateFrom, DateTo, query, CancellationToken, total), "Reading Mautic report " + id);
            });
        }
    }
}
