namespace Mautic.PowerShell.Cmdlets.Stats
{
    /// <summary>
    /// Reads the rows of one of Mautic's statistics tables (GET stats/{table}), streamed a page per request; each row
    /// is a Mautic.StatRow whose properties are the table's columns, plus Table.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticStat", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticStat.md")]
    [OutputType("Mautic.StatRow")]
    public sealed class GetMauticStat : MauticPagedCmdlet
    {
        /// <summary>The table to read, e.g. email_stats or lead_lists_leads (Get-MauticStatTable lists them).</summary>
        [Parameter(ParameterSetName = ListSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        public string Table { get; set; }

        protected override void Process() =>
            WriteStream(total => Conn.Stats.Rows(Table, BuildPagedQuery(), CancellationToken, total), "Reading Mautic stats table " + Table);
    }
}
