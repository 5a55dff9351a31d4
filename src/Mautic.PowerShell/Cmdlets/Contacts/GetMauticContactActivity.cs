namespace Mautic.PowerShell.Cmdlets.Contacts
{
    /// <summary>
    /// Streams timeline events (points, do-not-contact, UTM tags, e-mails, page hits, ...) of the given contacts, or of
    /// all contacts without -Id, page after page; -First/-Skip count across everything written.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MauticContactActivity", DefaultParameterSetName = AllSet, SupportsPaging = true, HelpUri = MauticHelp.Online + "Get-MauticContactActivity.md")]
    [OutputType("Mautic.ContactActivity")]
    public sealed class GetMauticContactActivity : MauticCmdlet
    {
        const string AllSet = "All";
        const string ByContact = "ByContact";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByContact, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId")]
        [ValidateRange(1L, long.MaxValue)]
        public long[] Id { get; set; }

        /// <summary>The piped object itself, so that a Mautic object of another kind is refused rather than lending its id.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ByContact)]
        public PSObject InputObject { get; set; }

        /// <summary>Only these event types (e.g. point.gained, lead.donotcontact, email.sent, page.hit, lead.utmtagsadded).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Type { get; set; }

        /// <summary>Leave out these event types.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] ExcludeType { get; set; }

        /// <summary>Mautic's timeline search text.</summary>
        [Parameter] public string Search { get; set; }

        /// <summary>Only events at or after this time.</summary>
        [Parameter] public DateTime? Since { get; set; }

        /// <summary>Only events at or before this time.</summary>
        [Parameter] public DateTime? Until { get; set; }

        /// <summary>Oldest first within each page (default: newest first).</summary>
        [Parameter] public SwitchParameter Ascending { get; set; }

        /// <summary>Events per request and event type (Mautic applies its limit to each type).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int PageSize { get; set; } = ActivityQuery.DefaultPageSize;

        ulong _seen;
        ulong _written;

        ActivityQuery Query()
        {
            var q = new ActivityQuery { Search = Search, Since = Since, Until = Until, Ascending = Ascending, PageSize = PageSize };
            if (Type != null) foreach (var t in Type) q.IncludeTypes.Add(t);
            if (ExcludeType != null) foreach (var t in ExcludeType) q.ExcludeTypes.Add(t);
            return q;
        }

        bool Full => PagingParameters != null && _written >= PagingParameters.First;

        void Write(long? contactId)
        {
            var totalShown = false;
            Action<long?> total = t =>
            {
                if (totalShown || PagingParameters == null || !PagingParameters.IncludeTotalCount) return;
                totalShown = true;
                WriteObject(PagingParameters.NewTotalCount((ulong)(t ?? 0), t.HasValue ? 1.0 : 0.0));
            };
            foreach (var record in Conn.ContactExtras.Activity(contactId, Query(), total, CancellationToken))
            {
                if (Full) return;
                if (PagingParameters != null && _seen++ < PagingParameters.Skip) continue;
                WriteRecord(record);
                _written++;
                if (Full) return;
            }
        }

        protected override void Process()
        {
            if (ParameterSetName != ByContact)
            {
                Write(null);
                return;
            }
            if (!AcceptsPiped(InputObject, "contact", ContactKinds)) return;
            foreach (var id in Id)
            {
                if (Full) return;
                try { Write(id); }
                catch (MauticApiException e) { WriteItemError(e, id); }
            }
        }
    }
}
