namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Add-/Remove-MauticContactCategory: contacts from the pipeline subscribed to one category, or unsubscribed, through
    /// Mautic 7's /api/v2/contactcategories (v1 has no route for it). The server's version is checked and the category
    /// read before anything changes; the contacts' current rows are read once per batch of 200, then one request per
    /// contact that needs one, -ThrottleLimit at a time.
    /// </summary>
    public abstract class ContactCategoryCmdlet : PerContactMembershipCmdlet
    {
        /// <summary>The category: its id, its name (title; looked up once, it must name exactly one category) or the category itself.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(CategoryCompleter))]
        public MauticRecordRef Category { get; set; }

        protected override MauticResource Target => MauticResources.Categories;
        protected override MauticRecordRef TargetRef => Category;
        protected override string Action => (Adding ? "Subscribe to" : "Unsubscribe from") + " category " + ResolvedTargetId;

        readonly Dictionary<long, string> _titles = new Dictionary<long, string>();

        protected override void Begin()
        {
            Conn.ContactCategories.EnsureServer();
            base.Begin();
            try { Conn.ContactCategories.CategoryTitle(ResolvedTargetId, _titles, CancellationToken); }
            catch (MauticApiException e) { ThrowTerminatingError(ToErrorRecord(e, Category.Given)); }
        }

        /// <summary>Batches of 200 contacts, one at a time: each batch's rows are read at once, then its contacts sent -ThrottleLimit at once.</summary>
        protected override int BatchSize => Chunk.MaxBatchSize;
        protected override int SendsAtOnce => 1;

        protected override IEnumerable<BatchOutcome<object>> Send(IReadOnlyList<WriteItem<object>> items) =>
            Conn.ContactCategories.Change(ResolvedTargetId, Adding, items, _titles, ThrottleLimit, CancellationToken);
    }
}
