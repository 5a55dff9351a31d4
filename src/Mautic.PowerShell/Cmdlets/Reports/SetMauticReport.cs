namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>Edits reports by id: PATCH by default, PUT with -Replace; piped input goes through batch edit. An edit of columns, filters, order or grouping without -Source sends the report's own source, which Mautic needs to check them.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticReport", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticReport.md")]
    [OutputType("Mautic.Report")]
    public sealed partial class SetMauticReport : SetEntityCmdlet<ReportParameters>
    {
        protected override MauticResource Area => MauticResources.Reports;
    }
}
