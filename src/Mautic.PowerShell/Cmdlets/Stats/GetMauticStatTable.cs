namespace Mautic.PowerShell.Cmdlets.Stats
{
    /// <summary>Lists the statistics tables the API reads (GET stats), each with its columns; -Name filters by name or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticStatTable")]
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
            if (Name == null)
            {
                foreach (var t in _tables) WriteRecord(t);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matched = _tables.Where(t => pattern.IsMatch((string)t["Name"])).ToList();
                foreach (var t in matched) WriteRecord(t);
                if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    WriteItemError(new MauticApiException($"Mautic has no stats table '{name}'; Get-MauticStatTable lists them.", MauticErrorKind.NotFound), name);
            }
        }
    }
}
