namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Unsubscribes contacts from a category (Mautic 7.0 or later): deletes the contact's rows for it; a contact without one is a verbose line.</summary>
    [Cmdlet(VerbsCommon.Remove, "MauticContactCategory", SupportsShouldProcess = true)]
    [OutputType(ContactCategoryService.TypeName)]
    public sealed class RemoveMauticContactCategory : ContactCategoryCmdlet
    {
        protected override bool Adding => false;
    }
}
