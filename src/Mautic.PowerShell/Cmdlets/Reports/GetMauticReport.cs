namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>Gets reports (their definitions) by id or as a streamed, paged list; Get-MauticReportData reads their rows.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticReport", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticReport.md")]
    [OutputType("Mautic.Report")]
    public sealed class GetMauticReport : GetUuidEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Reports;
    }
}
