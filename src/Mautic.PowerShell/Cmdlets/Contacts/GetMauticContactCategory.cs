namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets the categories contacts are subscribed to (any Mautic version: read from the lead_categories stats table).</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactCategory", HelpUri = MauticHelp.Online + "Get-MauticContactCategory.md")]
    [OutputType(ContactCategoryService.TypeName)]
    public sealed class GetMauticContactCategory : ContactSubListCmdlet
    {
        /// <summary>Only the subscriptions to this category: its id, its name (title) or the category itself.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(CategoryCompleter))]
        public MauticRecordRef Category { get; set; }

        readonly Dictionary<long, string> _titles = new Dictionary<long, string>();
        long? _categoryId;

        protected override void Begin()
        {
            base.Begin();
            if (Category != null) _categoryId = ResolveOrStop(Category, MauticResources.Categories);
        }

        protected override IEnumerable<MauticRecord> Read(long contactId) => Conn.ContactCategories.OfContact(contactId, _categoryId, _titles, CancellationToken);
    }
}
