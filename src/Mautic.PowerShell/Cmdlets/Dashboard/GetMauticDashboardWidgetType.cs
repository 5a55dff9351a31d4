namespace Mautic.PowerShell.Cmdlets.Dashboard
{
    /// <summary>Lists the dashboard widget types (GET data): Type, Name, Category; -Type filters by type or wildcard.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticDashboardWidgetType", HelpUri = MauticHelp.Online + "Get-MauticDashboardWidgetType.md")]
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
            WriteMatching(_types, "Type", Type, t => $"Mautic has no dashboard widget type '{t}'; Get-MauticDashboardWidgetType lists them.");
        }
    }
}
