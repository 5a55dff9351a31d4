namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Deletes companies by id, 200 per batch request; an id Mautic did not delete is an ObjectNotFound error.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticCompany", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticCompany.md")]
    [OutputType("Mautic.Company")]
    public sealed class RemoveMauticCompany : RemoveEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Companies;
    }
}
