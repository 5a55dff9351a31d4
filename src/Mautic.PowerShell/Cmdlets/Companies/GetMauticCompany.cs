namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Gets companies by id or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticCompany", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticCompany.md")]
    [OutputType("Mautic.Company")]
    public sealed class GetMauticCompany : GetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Companies;
    }
}
