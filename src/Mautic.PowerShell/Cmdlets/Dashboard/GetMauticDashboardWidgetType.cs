namespace Mautic.PowerShell.Cmdlets.Dashboard
{
    /// <summary>Lists the dashboard widget types (GET data): Type, Name, Category; -Type filters by type or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticDashboardWidgetType")]
    [OutputType("Mautic.DashboardWidgetType")]
    public sealed class GetMauticDashboardWidgetType : MauticCmdlet
    {
        /// <summary>Widget types or wildcard patterns (*.in.time); a type without a wildcard that matches none is an error.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Type { get; set; }

        MauticRecord[] _types;

        protected override void Process()
        {
            if (_types == null) _types = Conn.Dashboard.WidgetTypes(CancellationToken).ToArray();
            if (Type == null)
            {
                foreach (var t in _types) WriteRecord(t);
                return;
            }
            foreach (var type in Type)
            {
                var pattern = new WildcardPattern(type, WildcardOptions.IgnoreCase);
                var matched = _types.Where(t => pattern.IsMatch((string)t["Type"])).ToList();
                foreach (var t in matched) WriteRecord(t);
                if (matched.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(type))
                    WriteItemError(new MauticApiException($"Mautic has no dashboard widget type '{type}'; Get-MauticDashboardWidgetType lists them.", MauticErrorKind.NotFound), type);
            }
        }
    }
}
