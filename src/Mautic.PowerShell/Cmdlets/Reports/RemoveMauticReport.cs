namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>Deletes reports by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticReport.md")]
    [OutputType("Mautic.Report")]
    public sealed class RemoveMauticReport : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Reports;
    }
}
