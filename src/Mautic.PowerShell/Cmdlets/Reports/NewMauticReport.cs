namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>Creates reports (Mautic requires -Name and -Source); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticReport", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticReport.md")]
    [OutputType("Mautic.Report")]
    public sealed partial class NewMauticReport : NewEntityCmdlet<ReportParameters>
    {
        protected override MauticResource Area => MauticResources.Reports;
    }
}
