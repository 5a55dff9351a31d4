namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Unsubscribes contacts from a category (Mautic 7.0 or later) by deleting the contact's rows for it, so ConfirmImpact
    /// High and -Force like every delete; a contact without a row is a verbose line.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "MauticContactCategory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = MauticHelp.Online + "Remove-MauticContactCategory.md")]
    [OutputType(ContactCategoryService.TypeName)]
    public sealed class RemoveMauticContactCategory : ContactCategoryCmdlet
    {
        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter] public SwitchParameter Force { get; set; }

        protected override bool Adding => false;

        protected override bool Confirm(long id, string action) => ShouldProcessForced(Force, "contact " + id, action);
    }
}
