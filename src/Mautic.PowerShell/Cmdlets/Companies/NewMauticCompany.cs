namespace Mautic.PowerShell.Cmdlets.Companies
{
    /// <summary>Creates a company (its companyname; other fields such as companyemail, companycity, companywebsite, or custom company fields, go in -Property); piped rows go 200 per batch request.</summary>
    [Cmdlet(VerbsCommon.New, "MauticCompany", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "New-MauticCompany.md")]
    [OutputType("Mautic.Company")]
    public sealed partial class NewMauticCompany : NewEntityCmdlet
    {
        protected override MauticResource Area => MauticResources.Companies;

        /// <summary>
        /// Company names are unique in your Mautic even if it no longer marks companyname as a unique identifier. A create
        /// whose request was cut off after it was sent is read back once Mautic answers again, by the fields Mautic marks as
        /// unique identifiers (companyname out of the box, on 5.1.0 and 7.0.0), and with this switch by companyname whatever
        /// Mautic marks; each row comes back as created, or as not saved (safe to send again), instead of in doubt.
        /// </summary>
        [Parameter]
        public SwitchParameter UniqueName { get; set; }

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Service.CreateSettled(items, UniqueName ? new[] { Area.NameField } : null, CancellationToken);
    }
}
