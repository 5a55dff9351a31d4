namespace Mautic.PowerShell.Cmdlets.Stats
{
    /// <summary>Lists the statistics tables the API reads (GET stats), each with its columns; -Name filters by name or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticStatTable", HelpUri = MauticHelp.Online + "Get-MauticStatTable.md")]
    [OutputType("Mautic.StatTable")]
    public sealed class GetMauticStatTable : MauticCmdlet
    {
        /// <summary>Table names or wildcard patterns; a name without a wildcard that matches no table is an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; }

        MauticRecord[] _tables;

        protected override void Process()
        {
            if (_tables == null) _tables = Conn.Stats.Tables(CancellationToken).ToArray();
            WriteMatching(_tables, "Name", Name, n => $"Mautic has no stats table '{n}'; Get-MauticStatTable lists them.");
        }
    }
}
