using System.Globalization;

namespace Mautic.PowerShell.Cmdlets.Dashboard
{
    /// <summary>
    /// Reads a dashboard widget's data (GET data/{type}). By default Mautic's raw data as rows (Mautic.DashboardData): a
    /// chart one row per point (Label, then a column per dataset), a table one row per row; -DataFormat Widget gives the
    /// widget's own chart or table data as one record.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticDashboardData", HelpUri = MauticHelp.Online + "Get-MauticDashboardData.md")]
    [OutputType("Mautic.DashboardData")]
    public sealed class GetMauticDashboardData : MauticCmdlet
    {
        /// <summary>The widget type: created.leads.in.time, emails.in.time, top.lists, ... (Get-MauticDashboardWidgetType lists them).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Type { get; set; }

        /// <summary>The start of the period (sent as UTC); Mautic's default is now.</summary>
        [Parameter]
        public DateTime? DateFrom { get; set; }

        /// <summary>The end of the period (sent as UTC); Mautic's default is now.</summary>
        [Parameter]
        public DateTime? DateTo { get; set; }

        /// <summary>A chart's time unit: Year (Mautic's default), Month, Week, Day, Hour, Minute or Second.</summary>
        [Parameter]
        [ValidateSet("Year", "Month", "Week", "Day", "Hour", "Minute", "Second")]
        public string TimeUnit { get; set; }

        /// <summary>Widget filters, sent as filter[name]: @{ flag = 'identified' }, @{ campaignId = 3 }, @{ segmentId = 1 } (which ones a widget reads is up to the widget).</summary>
        [Parameter]
        public Hashtable Filter { get; set; }

        /// <summary>The most rows a table widget gives.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Limit { get; set; }

        /// <summary>Datasets of a multi-dataset chart to include (emails.in.time: sent, opened, clicked, ...).</summary>
        [Parameter]
        public string[] Dataset { get; set; }

        /// <summary>The format of chart labels (a PHP date format such as 'Y-m-d').</summary>
        [Parameter]
        public string DateFormat { get; set; }

        /// <summary>Minutes Mautic may answer from its cache (0, the default, asks for fresh data).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? CacheTimeout { get; set; }

        /// <summary>Rows (the default): Mautic's raw data, a row per point or table row. Widget: the widget's chart or table data as one record.</summary>
        [Parameter]
        [ValidateSet("Rows", "Widget")]
        public string DataFormat { get; set; } = "Rows";

        static string Unit(string name)
        {
            switch (name)
            {
                case "Second": return "s";
                case "Minute": return "i";
                case "Hour": return "H";
                case "Day": return "d";
                case "Week": return "W";
                case "Month": return "m";
                case "Year": return "Y";
                default: return null;
            }
        }

        protected override void Process()
        {
            foreach (var type in Type)
            {
                var q = new WidgetDataQuery
                {
                    Type = type, From = DateFrom, To = DateTo, TimeUnit = Unit(TimeUnit), DateFormat = DateFormat, Limit = Limit,
                    CacheTimeout = CacheTimeout, Raw = !string.Equals(DataFormat, "Widget", StringComparison.OrdinalIgnoreCase),
                };
                if (Filter != null) foreach (DictionaryEntry e in Filter) q.Filter[Convert.ToString(e.Key, CultureInfo.InvariantCulture)] = PSConvert.ToPlain(e.Value);
                if (Dataset != null) foreach (var d in Dataset) q.Dataset.Add(d);
                try
                {
                    foreach (var r in Conn.Dashboard.Data(q, CancellationToken)) WriteRecord(r);
                }
                catch (MauticApiException e) { WriteItemError(e, type); }
            }
        }
    }
}
