namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Edits companies by id: PATCH by default, PUT with -Replace; piped input goes through batch edit.</summary>
    [Cmdlet(VerbsCommon.Set, "MauticCompany", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Set-MauticCompany.md")]
    [OutputType("Mautic.Company")]
    public sealed partial class SetMauticCompany : SetEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Companies;
    }
}
