namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Creates a company (its companyname; other fields such as companyemail, companycity, companywebsite, or custom company fields, go in -Property); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticCompany", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticCompany.md")]
    [OutputType("Mautic.Company")]
    public sealed partial class NewMauticCompany : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Companies;
    }
}
