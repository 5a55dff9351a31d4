using Mautic.Client.Operations;
using Mautic.Client.Paging;
namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>Gets contacts by id (100 ids per list request), by exact e-mail, or as a streamed, paged list.</summary>
    [Cmdlet(VerbsCommon.Get, "MauticContact", DefaultParameterSetName = ListSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticContact.md")]
    [OutputType("Mautic.Contact")]
    public sealed class GetMauticContact : MauticListCmdlet
    {
        const string ById = "ById";
        const string ByEmail = "ByEmail";

        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ById)]
        public PSObject InputObject { get; set; }

        /// <summary>Exact e-mail match (a where eq filter, safe for addresses with '+').</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEmail)]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; }

        /// <summary>
        /// Only these properties (field aliases such as email or firstname, or tags, owner, stage, ...), plus id. When none
        /// of them is one Mautic reads separately for each contact (tags, owner, stage, do-not-contact, UTM tags, IP
        /// addresses, ...), the listing asks Mautic for its minimal form, which spares it those reads.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Select { get; set; }

        /// <summary>Only contacts changed (or created, when never changed since) at or after this time; see about_Mautic for keeping the watermark.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? ModifiedSince { get; set; }

        /// <summary>Only contacts created at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? CreatedSince { get; set; }

        protected override void Refine(ListQuery q)
        {
            WarnModifiedSince(ModifiedSince, "contacts");
            WhereClause.AddDelta(q, ModifiedSince, CreatedSince);
        }

        string[] _select;

        protected override void Begin()
        {
            _select = Select?.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Where(n => !string.Equals(n, "id", StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        }

        protected override MauticRecord Trim(MauticRecord record) => _select == null ? base.Trim(record) : ContactService.Select(base.Trim(record), _select);

        /// <summary>The listing's query, in Mautic's minimal form when -Select needs nothing it leaves out.</summary>
        ListQuery Query()
        {
            var q = BuildQuery();
            q.Minimal = _select != null && !_select.Any(ContactService.MinimalDrops.Contains);
            return q;
        }

        /// <summary>Ids waiting to be read, 100 per list request (where id in ...); piped ids are gathered across records.</summary>
        readonly List<long> _ids = new List<long>();

        void Flush()
        {
            var ids = _ids.ToList();
            _ids.Clear();
            foreach (var o in Conn.Contacts.GetMany(ids, CancellationToken))
            {
                if (o.Succeeded) WriteRecord(o.Record);
                else WriteItemError(o.Error, o.Input);
            }
        }

        protected override void End()
        {
            if (_ids.Count > 0) Flush();
        }

        protected override void Process()
        {
            switch (ParameterSetName)
            {
                case ById:
                    if (!AcceptsPiped(InputObject, "contact", ContactKinds, "To list a segment's contacts: Get-MauticContact -Search \"segment:<alias>\".")) break;
                    _ids.AddRange(Id);
                    if (_ids.Count >= EntityService.GetManyChunk) Flush();
                    break;
                case ByEmail:
                    foreach (var email in Email)
                    {
                        var found = false;
                        try
                        {
                            foreach (var record in Conn.Contacts.FindByEmail(email, Query(), CancellationToken)) { found = true; WriteRecord(record); }
                        }
                        catch (MauticApiException e) { WriteItemError(e, email); continue; }
                        if (!found)
                            WriteItemError(new MauticApiException($"No contact has the e-mail address '{email}'.", MauticErrorKind.NotFound), email);
                    }
                    break;
                default:
                    WriteList(Conn.Contacts.List(Query(), CancellationToken), "Reading Mautic contacts");
                    break;
            }
        }
    }
}
