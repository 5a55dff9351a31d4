namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Subscribes contacts to a category (Mautic 7.0 or later): a contact already subscribed is left as it is, one that had unsubscribed is subscribed again.</summary>
    [Cmdlet(VerbsCommon.Add, "MauticContactCategory", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Add-MauticContactCategory.md")]
    [OutputType(ContactCategoryService.TypeName)]
    public sealed class AddMauticContactCategory : ContactCategoryCmdlet
    {
        protected override bool Adding => true;
    }
}
